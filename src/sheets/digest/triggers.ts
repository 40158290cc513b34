// The weekly time-driven trigger of the e-mail digest: off until the user enables it, at most one
// per user. Installable triggers run as the user who created them and have no open spreadsheet, so
// the trigger's own id (its event's `triggerUid`) is mapped to the spreadsheet's id in the script
// properties when it is created; the handler opens that spreadsheet.
import { digestProperties, weeklyScriptApp } from './gas';
import type { WeeklyTriggerLike } from './surface';

/** The top-level function the trigger calls (src/server/digest/index.ts exports it). */
export const WEEKLY_HANDLER = 'digestWeekly';
/** Monday, 7–8 a.m. in the script's time zone (editions/digest/appsscript.json: Europe/Moscow). */
export const WEEKLY_HOUR = 7;
const SPREADSHEET_OF = 'oko.digest.spreadsheet.';

export function weeklyTriggers(): WeeklyTriggerLike[] {
  return weeklyScriptApp()
    .getProjectTriggers()
    .filter((t) => t.getHandlerFunction() === WEEKLY_HANDLER);
}

/** Creates the weekly trigger unless this user has one already (then only extra copies are removed). */
export function enableWeekly(spreadsheetId: string): { created: boolean } {
  const app = weeklyScriptApp();
  const props = digestProperties().getScriptProperties();
  const [kept, ...extra] = weeklyTriggers();
  for (const t of extra) {
    props.deleteProperty(SPREADSHEET_OF + t.getUniqueId());
    app.deleteTrigger(t);
  }
  if (kept) {
    props.setProperty(SPREADSHEET_OF + kept.getUniqueId(), spreadsheetId);
    return { created: false };
  }
  const t = app.newTrigger(WEEKLY_HANDLER).timeBased().everyWeeks(1).onWeekDay(app.WeekDay.MONDAY).atHour(WEEKLY_HOUR).create();
  props.setProperty(SPREADSHEET_OF + t.getUniqueId(), spreadsheetId);
  return { created: true };
}

/** Deletes this user's weekly triggers; returns how many there were. */
export function disableWeekly(): number {
  const app = weeklyScriptApp();
  const props = digestProperties().getScriptProperties();
  const all = weeklyTriggers();
  for (const t of all) {
    props.deleteProperty(SPREADSHEET_OF + t.getUniqueId());
    app.deleteTrigger(t);
  }
  return all.length;
}

/** The spreadsheet a weekly trigger was created for, or null. */
export function spreadsheetIdOf(triggerUid: string): string | null {
  return digestProperties()
    .getScriptProperties()
    .getProperty(SPREADSHEET_OF + triggerUid);
}
