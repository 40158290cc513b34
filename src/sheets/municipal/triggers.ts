// The one-shot time-driven trigger that runs the next chunk. At most one is pending: scheduling
// deletes the previous one first (fired one-shot triggers also stay listed until deleted).
import { scriptApp } from './gas';

/** The top-level function the trigger calls (src/server/municipal/index.ts exports it). */
export const CONTINUE_HANDLER = 'municipalContinue';

export function unscheduleContinue(): number {
  const app = scriptApp();
  let n = 0;
  for (const t of app.getProjectTriggers()) {
    if (t.getHandlerFunction() !== CONTINUE_HANDLER) continue;
    app.deleteTrigger(t);
    n++;
  }
  return n;
}

export function scheduleContinue(delayMs: number): void {
  unscheduleContinue();
  scriptApp()
    .newTrigger(CONTINUE_HANDLER)
    .timeBased()
    .after(Math.max(1, Math.round(delayMs)))
    .create();
}
