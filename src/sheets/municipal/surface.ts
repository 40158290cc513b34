/// <reference types="google-apps-script" />
// The extra Apps Script surface the municipal edition uses: opening other spreadsheets, document
// properties for the job's cursor, time-driven triggers. Same pattern as
// ../surface.ts: narrow interfaces, checked at compile time against Google's real types.
import type { PropertiesLike, SpreadsheetAppLike, SpreadsheetLike } from '../surface';

export interface SpreadsheetOpenerLike extends SpreadsheetAppLike {
  openById(id: string): SpreadsheetLike;
}

export interface DocumentPropertiesServiceLike {
  getDocumentProperties(): PropertiesLike;
}

export interface TriggerLike {
  getHandlerFunction(): string;
}
export interface ClockTriggerBuilderLike {
  after(durationMilliseconds: number): ClockTriggerBuilderLike;
  create(): TriggerLike;
}
export interface TriggerBuilderLike {
  timeBased(): ClockTriggerBuilderLike;
}
export interface ScriptAppLike {
  newTrigger(functionName: string): TriggerBuilderLike;
  getProjectTriggers(): TriggerLike[];
  deleteTrigger(trigger: TriggerLike): void;
}

/** The Sheets API advanced service (optional reader: all tabs of a source in one request). */
export interface SheetsApiLike {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs: object): { properties?: { title?: string }; sheets?: { properties?: { title?: string } }[] };
    Values: {
      batchGet(spreadsheetId: string, optionalArgs: object): { valueRanges?: { values?: unknown[][] }[] };
    };
  };
}

type Fits<Real, Surface> = [Real] extends [Surface] ? true : false;
type Assert<T extends true> = T;
export type MunicipalSurfaceChecks = [
  Assert<Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetOpenerLike>>,
  Assert<Fits<GoogleAppsScript.Properties.PropertiesService, DocumentPropertiesServiceLike>>,
  Assert<Fits<GoogleAppsScript.Script.ScriptApp, ScriptAppLike>>,
  Assert<Fits<GoogleAppsScript.Sheets, SheetsApiLike>>,
];
