/// <reference types="google-apps-script" />
// The digest edition's Apps Script globals, typed by the narrow surface; tests swap in fakes. Only
// src/server/digest imports this module, so MailApp and ScriptApp never reach the school bundle.
import type { DigestPropertiesServiceLike, DigestSpreadsheetAppLike, MailLike, WeeklyScriptAppLike } from './surface';

export function mailApp(): MailLike {
  return MailApp;
}

export function digestSpreadsheetApp(): DigestSpreadsheetAppLike {
  return SpreadsheetApp;
}

export function digestProperties(): DigestPropertiesServiceLike {
  return PropertiesService;
}

export function weeklyScriptApp(): WeeklyScriptAppLike {
  return ScriptApp;
}
