// Menu items and the weekly trigger of the e-mail digest edition. A menu handler reports in an alert;
// the trigger has no UI (Apps Script refuses getUi() there): it logs, and when something needs the
// user (a wrong address, no «Ответственные», a failed letter) it throws after sending what it could,
// so Apps Script's failure notice tells the trigger's owner.
import { D } from '../../core/strings';
import { digestSpreadsheetApp } from '../../sheets/digest/gas';
import { disableWeekly, enableWeekly } from '../../sheets/digest/triggers';
import { LockBusyError, userMessage } from '../../sheets/errors';
import { activeSpreadsheet, showAlert } from '../../sheets/host';
import { withDocumentLock } from '../../sheets/lock';
import type { SpreadsheetLike } from '../../sheets/surface';
import { needsAttention, reportText, runDigest } from './run';

/** A time-driven trigger's event carries its trigger id; a menu click passes nothing. */
export interface TriggerEvent {
  triggerUid?: unknown;
}

/**
 * The trigger waits for a running send or analysis to finish far longer than a user would: a send takes
 * seconds, an analysis at most Apps Script's 6 minutes, and the trigger itself has 6 minutes.
 */
const TRIGGER_LOCK_WAIT_MS = 240_000;

function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    showAlert(D.menu.title, e instanceof LockBusyError ? D.busy : userMessage(e));
  }
}

/** «Включить еженедельную рассылку»: one weekly trigger for this user (a second click adds none). */
export function menuDigestEnable(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    const { created } = withDocumentLock(() => enableWeekly());
    const hint = ss.getSheetByName(D.sheet) ? '' : D.addSheetHint;
    showAlert(D.menu.title, `${created ? D.enabled : D.alreadyEnabled}${hint}`);
  });
}

/** «Выключить рассылку»: deletes this user's weekly trigger. */
export function menuDigestDisable(): void {
  guarded(() => {
    const n = withDocumentLock(() => disableWeekly());
    showAlert(D.menu.title, D.disabled(n));
  });
}

/** «Отправить рассылку сейчас»: the same send as the trigger's, reported in an alert. */
export function menuDigestSendNow(): void {
  guarded(() => showAlert(D.menu.title, reportText(runDigest(activeSpreadsheet()))));
}

/**
 * The spreadsheet of a trigger run. The edition is a script bound to its spreadsheet, and a bound
 * script's time-driven trigger runs in that spreadsheet's context: getActiveSpreadsheet() is it, and
 * so is the document lock. There is no other way in: opening the spreadsheet by id would need the full
 * `spreadsheets` scope and still find no document lock outside a document context (getDocumentLock()
 * returns null there), so a run without its spreadsheet — the edition installed as an add-on — says so.
 */
function triggerSpreadsheet(): SpreadsheetLike | null {
  const active = digestSpreadsheetApp().getActiveSpreadsheet();
  if (active) console.log(D.log.active);
  return active;
}

/** The weekly trigger (time-driven, Mondays): sends the digest unless this week's letters went already. */
export function digestWeekly(_e?: TriggerEvent): void {
  const ss = triggerSpreadsheet();
  if (!ss) throw new Error(D.spreadsheetUnavailable);
  let run: ReturnType<typeof runDigest>;
  try {
    run = runDigest(ss, TRIGGER_LOCK_WAIT_MS);
  } catch (err) {
    // Still busy after 4 minutes: most likely another send, which covers this week; otherwise the owner
    // is told (the failure notice) and «Отправить рассылку сейчас» sends the week's letters.
    if (err instanceof LockBusyError) throw new Error(D.busyInTrigger);
    throw err;
  }
  const text = reportText(run);
  console.log(text);
  if (needsAttention(run)) throw new Error(text);
}
