/// <reference types="google-apps-script" />
// The only place that names Apps Script's global services. Each accessor is typed by the narrow
// surface, so the compiler checks the real service fits it; tests swap the globals for fakes.
import type { HtmlServiceLike, LockServiceLike, PropertiesServiceLike, SpreadsheetAppLike, UtilitiesLike } from './surface';

export function spreadsheetApp(): SpreadsheetAppLike {
  return SpreadsheetApp;
}

export function lockService(): LockServiceLike {
  return LockService;
}

export function htmlService(): HtmlServiceLike {
  return HtmlService;
}

export function utilities(): UtilitiesLike {
  return Utilities;
}

export function propertiesService(): PropertiesServiceLike {
  return PropertiesService;
}
