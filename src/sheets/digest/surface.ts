/// <reference types="google-apps-script" />
// The extra Apps Script surface of the e-mail digest edition (editions/digest): sending mail, the
// weekly time-driven trigger, document and script properties, opening its own spreadsheet by id
// from the trigger. Same pattern as ../surface.ts: narrow interfaces, checked at compile time
// against Google's real types in ../surface-checks.ts.
import type { PropertiesLike, SpreadsheetLike } from '../surface';

/** MailApp as far as the digest uses it. */
export interface MailLike {
  sendEmail(recipient: string, subject: string, body: string): void;
}

/** SpreadsheetApp as the trigger uses it: the bound spreadsheet, else the one recorded when enabling. */
export interface DigestSpreadsheetAppLike {
  /** Null when the execution has no open spreadsheet (a time-driven trigger may have none). */
  getActiveSpreadsheet(): SpreadsheetLike | null;
  /** Needs the `spreadsheets` scope, even for the script's own spreadsheet. */
  openById(id: string): SpreadsheetLike;
}

export interface DigestPropertiesServiceLike {
  getDocumentProperties(): PropertiesLike;
  getScriptProperties(): PropertiesLike;
}

export interface WeeklyTriggerLike {
  getHandlerFunction(): string;
  getUniqueId(): string;
}
export interface WeeklyClockBuilderLike {
  everyWeeks(n: number): WeeklyClockBuilderLike;
  onWeekDay(day: GoogleAppsScript.Base.Weekday): WeeklyClockBuilderLike;
  atHour(hour: number): WeeklyClockBuilderLike;
  create(): WeeklyTriggerLike;
}
export interface WeeklyTriggerBuilderLike {
  timeBased(): WeeklyClockBuilderLike;
}
export interface WeeklyScriptAppLike {
  readonly WeekDay: { readonly MONDAY: GoogleAppsScript.Base.Weekday };
  newTrigger(functionName: string): WeeklyTriggerBuilderLike;
  getProjectTriggers(): WeeklyTriggerLike[];
  deleteTrigger(trigger: WeeklyTriggerLike): void;
}
