// The job's status as plain JSON, for a sidebar (google.script.run) and the «Состояние сбора» alert.
// Reads one document property and nothing else: cheap enough to poll.
import type { ChunkReport, JobCursor } from '../../core/municipal/job';
import { M } from '../../core/strings';
import { loadCursor } from '../../sheets/municipal/state';
import type { AggregationStatus } from './contract';

export type { AggregationStatus } from './contract';

export function statusOf(cursor: JobCursor | null, resumeMinutes = 1): AggregationStatus {
  if (!cursor) {
    return { phase: 'idle', done: 0, total: 0, failed: 0, chunks: 0, startedAt: null, lastChunkAt: null, text: M.status.idle };
  }
  const line = M.status.line(cursor.done, cursor.total, cursor.failed);
  const next =
    cursor.phase === 'running'
      ? cursor.done === cursor.total
        ? M.status.finishing
        : M.status.running(resumeMinutes)
      : cursor.phase === 'finished'
        ? M.status.finished
        : M.status.stopped;
  return {
    phase: cursor.phase,
    done: cursor.done,
    total: cursor.total,
    failed: cursor.failed,
    chunks: cursor.chunks,
    startedAt: new Date(cursor.startedAt).toISOString(),
    lastChunkAt: new Date(cursor.lastChunkAt).toISOString(),
    text: `${line} ${next}`,
  };
}

/** The status now: the menu's alert, and the panel's poll (through ./api.ts, which validates arguments). */
export function getAggregationStatus(): AggregationStatus {
  return statusOf(loadCursor());
}

/** What a chunk did, in one line: the menu's toast and the panel's message. */
export function chunkMessage(r: ChunkReport | null): string {
  if (!r) return M.status.nothingToContinue;
  const line = M.status.chunk(r.chunk, r.done, r.total);
  return r.finished ? `${line} ${M.status.finished}` : `${line} ${r.done === r.total ? M.status.finishing : M.status.running(1)}`;
}
