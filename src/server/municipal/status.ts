// The job's status as plain JSON, for a sidebar (google.script.run) and the «Состояние сбора» alert.
// Reads one document property and nothing else: cheap enough to poll. What it says about the next step
// comes from what was actually scheduled (the cursor's `next`), never from an assumption.
import type { ChunkReport, JobCursor } from '../../core/municipal/job';
import { nextText } from '../../core/municipal/output';
import { M } from '../../core/strings';
import { loadCursor } from '../../sheets/municipal/state';
import type { AggregationStatus } from './contract';

export type { AggregationStatus } from './contract';

/** Apps Script ends an execution after 6 minutes: a step started longer ago was killed. */
const HARD_LIMIT_MS = 360_000;
const minutesUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 60_000));

export function statusOf(cursor: JobCursor | null, now: number = Date.now()): AggregationStatus {
  if (!cursor) {
    return {
      phase: 'idle',
      done: 0,
      total: 0,
      failed: 0,
      chunks: 0,
      startedAt: null,
      lastChunkAt: null,
      nextAt: null,
      lastError: null,
      stopReason: null,
      text: M.status.idle,
    };
  }
  const line = M.status.line(cursor.done, cursor.total, cursor.failed);
  const last = cursor.lastError && (cursor.failures ?? 0) > 0 ? cursor.lastError : null;
  let next: string;
  if (cursor.phase === 'stopped') next = cursor.stopReason ? M.status.stoppedBecause(cursor.stopReason) : M.status.stopped;
  else if (cursor.phase === 'finished') next = M.status.finished;
  else if (cursor.inChunk)
    next =
      now - cursor.inChunk > HARD_LIMIT_MS
        ? `${M.status.killed(cursor.chunks)} ${M.status.running(cursor.next ? minutesUntil(cursor.next.at, now) : 1)}`
        : M.status.inProgress;
  else if (last && cursor.next) next = M.status.failedRetry(minutesUntil(cursor.next.at, now), last.text);
  else if (cursor.done === cursor.total) next = M.status.finishing;
  else
    next = nextText({
      phase: 'running',
      resumeMinutes: cursor.next ? minutesUntil(cursor.next.at, now) : 1,
      why: cursor.next?.why ?? 'continue',
      retry: cursor.retry ?? null,
    });
  return {
    phase: cursor.phase,
    done: cursor.done,
    total: cursor.total,
    failed: cursor.failed,
    chunks: cursor.chunks,
    startedAt: new Date(cursor.startedAt).toISOString(),
    lastChunkAt: new Date(cursor.lastChunkAt).toISOString(),
    nextAt: cursor.phase === 'running' && cursor.next ? new Date(cursor.next.at).toISOString() : null,
    lastError: cursor.lastError ? { at: new Date(cursor.lastError.at).toISOString(), text: cursor.lastError.text } : null,
    stopReason: cursor.phase === 'stopped' ? (cursor.stopReason ?? null) : null,
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
  if (r.finished) return `${line} ${M.status.finished}`;
  if (r.done === r.total) return `${line} ${M.status.finishing}`;
  const minutes = Math.max(1, Math.ceil(r.delayMs / 60_000));
  return `${line} ${nextText({ phase: 'running', resumeMinutes: minutes, why: r.why, retry: r.retryReason ? { reason: r.retryReason } : null })}`;
}
