/// <reference types="google-apps-script" />
// The only place that names Apps Script's global services. Each accessor is typed by the narrow
// surface, so the compiler checks the real service fits it; tests swap the globals for fakes.
import type { DocumentServices } from './docs';
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

/** Drive (advanced service, v3), blobs and the dialog, for Google Docs (docs.ts). */
export function documentServices(): DocumentServices {
  // An advanced service that is not enabled is not declared at all: typeof is the safe test.
  return { drive: typeof Drive === 'undefined' ? undefined : Drive, blobs: Utilities, html: HtmlService, ui: () => SpreadsheetApp.getUi() };
}
