// The job's status as plain JSON, for a sidebar (google.script.run) and the «Состояние сбора» alert.
// Reads one document property and nothing else: cheap enough to poll.
import type { JobCursor } from '../../core/municipal/job';
import { M } from '../../core/strings';
import { loadCursor } from '../../sheets/municipal/state';

export interface AggregationStatus {
  phase: 'idle' | 'running' | 'finished' | 'stopped';
  done: number;
  total: number;
  failed: number;
  chunks: number;
  /** ISO 8601, or null before the first chunk. */
  startedAt: string | null;
  lastChunkAt: string | null;
  /** The status line, in Russian. */
  text: string;
}

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

/** For the sidebar: `google.script.run.getAggregationStatus()`. */
export function getAggregationStatus(): AggregationStatus {
  return statusOf(loadCursor());
}
