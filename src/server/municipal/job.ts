// One chunk of the municipal job, under the document lock (a trigger and a menu click never run a
// chunk at the same time), and what happens when a chunk started by the trigger fails: the failure is
// recorded in the job's status with its reason, then either the next attempt is scheduled with
// backoff, or — when waiting cannot help (a missing permission, a deleted «Источники») or it keeps
// failing — the collection stops with «Сбор остановлен: …» until the user continues it. The clock is
// a parameter so tests can drive it.
import { backoffMs, type ChunkReport, JobFatalError, runChunk, stopJob } from '../../core/municipal/job';
import { formatProblem } from '../../core/problems';
import { M } from '../../core/strings';
import { LockBusyError, UserFacingError } from '../../sheets/errors';
import { withDocumentLock } from '../../sheets/lock';
import { classifyGoogleError } from '../../sheets/municipal/google-errors';
import { readPlan, sheetsJobHost } from '../../sheets/municipal/host';
import { loadCursor, saveCursor } from '../../sheets/municipal/state';
import { scheduleContinue, unscheduleContinue } from '../../sheets/municipal/triggers';
import type { SpreadsheetLike } from '../../sheets/surface';

/** Failed trigger runs in a row before the collection stops and waits for the user. */
export const MAX_TRIGGER_FAILURES = 5;
const FAILURE_BACKOFF_BASE_MS = 60_000;

export function municipalChunk(ss: SpreadsheetLike, mode: 'start' | 'continue', now: () => number = () => Date.now()): ChunkReport | null {
  return withDocumentLock(() => {
    const { plan, fatal } = readPlan(ss);
    // A problem without a row names its sheet in its own words: no «Лист «Источники»: Лист «Источники» не найден».
    if (fatal.length) throw new UserFacingError(fatal.map((p) => (p.row ? formatProblem(p) : p.message)).join('\n'));
    const m = plan.settings.municipal;
    return runChunk(sheetsJobHost(ss, plan, now), plan, mode, {
      budgetMs: m['job.budgetSeconds'] * 1000,
      resumeDelayMs: m['job.resumeMinutes'] * 60_000,
    });
  });
}

export function municipalStop(): void {
  withDocumentLock(() => stopJob({ loadCursor, saveCursor, unschedule: () => void unscheduleContinue() }));
}

/** An error in words the user can act on, and whether waiting may help. */
export function failureOf(e: unknown): { text: string; retry: boolean } {
  if (e instanceof LockBusyError) return { text: M.google.busy, retry: true };
  if (e instanceof UserFacingError || e instanceof JobFatalError) return { text: e.message, retry: false };
  const g = classifyGoogleError(e);
  return { text: g.text, retry: g.retry || g.kind === 'other' };
}

/**
 * A chunk run by the trigger failed: record why in the cursor, then reschedule with backoff (1, 2, 4,
 * 8 min…) or stop. Returns what was decided. Never throws (a trigger's exception only reaches the
 * execution log); if even the cursor cannot be saved, the safety-net trigger set at the chunk's start
 * tries again.
 */
export function recordTriggerFailure(e: unknown, now: number = Date.now()): 'rescheduled' | 'stopped' | 'ignored' {
  try {
    const f = failureOf(e);
    const cursor = loadCursor();
    if (cursor?.phase !== 'running') return 'ignored';
    cursor.failures = (cursor.failures ?? 0) + 1;
    cursor.lastError = { at: now, text: f.text };
    cursor.inChunk = null;
    if (f.retry && cursor.failures < MAX_TRIGGER_FAILURES) {
      const delay = backoffMs(cursor.failures, FAILURE_BACKOFF_BASE_MS * 2 ** (cursor.failures - 1));
      scheduleContinue(delay);
      cursor.next = { at: now + delay, why: 'failure' };
      saveCursor(cursor);
      return 'rescheduled';
    }
    unscheduleContinue();
    cursor.phase = 'stopped';
    cursor.stopReason = f.text;
    cursor.next = null;
    saveCursor(cursor);
    return 'stopped';
  } catch (inner) {
    console.error(inner);
    return 'ignored';
  }
}
