// The weekly time-driven trigger of the e-mail digest: off until the user enables it, at most one
// per user. The edition is bound to its spreadsheet, so the trigger runs in that spreadsheet's context
// (getActiveSpreadsheet, the document lock): nothing has to be recorded to find it again.
import { weeklyScriptApp } from './gas';
import type { WeeklyTriggerLike } from './surface';

/** The top-level function the trigger calls (src/server/digest/index.ts exports it). */
export const WEEKLY_HANDLER = 'digestWeekly';
/** Monday, 7–8 a.m. in the script's time zone (editions/digest/appsscript.json: Europe/Moscow). */
export const WEEKLY_HOUR = 7;

export function weeklyTriggers(): WeeklyTriggerLike[] {
  return weeklyScriptApp()
    .getProjectTriggers()
    .filter((t) => t.getHandlerFunction() === WEEKLY_HANDLER);
}

/** Creates the weekly trigger unless this user has one already (then only extra copies are removed). */
export function enableWeekly(): { created: boolean } {
  const app = weeklyScriptApp();
  const [kept, ...extra] = weeklyTriggers();
  for (const t of extra) app.deleteTrigger(t);
  if (kept) return { created: false };
  app.newTrigger(WEEKLY_HANDLER).timeBased().everyWeeks(1).onWeekDay(app.WeekDay.MONDAY).atHour(WEEKLY_HOUR).create();
  return { created: true };
}

/** Deletes this user's weekly triggers; returns how many there were. */
export function disableWeekly(): number {
  const app = weeklyScriptApp();
  const all = weeklyTriggers();
  for (const t of all) app.deleteTrigger(t);
  return all.length;
}
