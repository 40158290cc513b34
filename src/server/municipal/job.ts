// One chunk of the municipal job, under the document lock (a trigger and a menu click never run a
// chunk at the same time). The clock is a parameter so tests can drive it.
import { type ChunkReport, runChunk, stopJob } from '../../core/municipal/job';
import { formatProblem } from '../../core/problems';
import { UserFacingError } from '../../sheets/errors';
import { withDocumentLock } from '../../sheets/lock';
import { readPlan, sheetsJobHost } from '../../sheets/municipal/host';
import { loadCursor, saveCursor } from '../../sheets/municipal/state';
import { unscheduleContinue } from '../../sheets/municipal/triggers';
import type { SpreadsheetLike } from '../../sheets/surface';

export function municipalChunk(ss: SpreadsheetLike, mode: 'start' | 'continue', now: () => number = () => Date.now()): ChunkReport | null {
  return withDocumentLock(() => {
    const { plan, fatal } = readPlan(ss);
    if (fatal.length) throw new UserFacingError(fatal.map(formatProblem).join('\n'));
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
