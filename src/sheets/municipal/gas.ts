/// <reference types="google-apps-script" />
// The municipal edition's Apps Script globals, typed by the narrow surface; tests swap in fakes.
import type { DocumentPropertiesServiceLike, ScriptAppLike, SheetsApiLike, SleeperLike } from './surface';

export function propertiesService(): DocumentPropertiesServiceLike {
  return PropertiesService;
}

export function scriptApp(): ScriptAppLike {
  return ScriptApp;
}

export function sleeper(): SleeperLike {
  return Utilities;
}

/** The Sheets API advanced service, or null when the project has not enabled it. */
export function sheetsApi(): SheetsApiLike | null {
  return typeof Sheets === 'undefined' || !Sheets ? null : Sheets;
}
