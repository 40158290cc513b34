/// <reference types="google-apps-script" />
// The extra Apps Script surface the municipal edition uses: opening other spreadsheets, document
// properties for the job's cursor, time-driven triggers. Same pattern as
// ../surface.ts: narrow interfaces, checked at compile time against Google's real types in ../surface-checks.ts.
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
