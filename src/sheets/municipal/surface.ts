/// <reference types="google-apps-script" />
// The extra Apps Script surface the municipal edition uses: the Sheets API advanced service to read
// the schools' spreadsheets, document properties for the job's cursor, time-driven triggers, sleep.
// Same pattern as ../surface.ts: narrow interfaces, checked at compile time against Google's types
// in ../surface-checks.ts.
// (No SpreadsheetApp.openById: it needs the full `spreadsheets` scope, which this edition does not ask for.)
import type { PropertiesLike } from '../surface';

export interface SleeperLike {
  sleep(milliseconds: number): void;
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

/** The Sheets API advanced service: the tab names of a source, then all its tabs in one batchGet. */
export interface SheetsApiLike {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs: object): { properties?: { title?: string }; sheets?: { properties?: { title?: string } }[] };
    Values: {
      batchGet(spreadsheetId: string, optionalArgs: object): { valueRanges?: { values?: unknown[][] }[] };
    };
  };
}
