/// <reference types="google-apps-script" />
// The extra Apps Script surface of the e-mail digest edition (editions/digest): sending mail, the
// weekly time-driven trigger, document properties, the bound spreadsheet in the trigger. Same pattern
// as ../surface.ts: narrow interfaces, checked at compile time against Google's real types in
// ../surface-checks.ts.
import type { PropertiesLike, SpreadsheetLike } from '../surface';

/** MailApp as far as the digest uses it. */
export interface MailLike {
  sendEmail(recipient: string, subject: string, body: string): void;
}

/** SpreadsheetApp as the trigger uses it: the bound spreadsheet (no openById: it needs the full `spreadsheets` scope). */
export interface DigestSpreadsheetAppLike {
  /** Null when the execution has no spreadsheet (an add-on's time-driven trigger). */
  getActiveSpreadsheet(): SpreadsheetLike | null;
}

export interface DigestPropertiesServiceLike {
  getDocumentProperties(): PropertiesLike;
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
