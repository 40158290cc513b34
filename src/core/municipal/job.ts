// The aggregation job as pure logic over a host: it reads sources one by one, keeps only aggregates,
// and stops well before the host's execution limit, leaving everything needed to continue.
//
// State lives in two places the host provides:
//   - the cursor (small: run id, chunk count, timings, progress counters) — Apps Script keeps it in
//     document properties;
//   - one record per source (its aggregates, content hash, status, the run that last read it) — Apps
//     Script keeps them in a hidden sheet, because they outgrow properties (9 KB per value).
// A source is "done" in a run when its record carries the run's id, so resuming needs no list of
// done sources, and a record saved twice is still one record: nothing is lost or duplicated when a
// chunk stops early, or even when it is killed before it saves (its sources are simply read again).
import type { Grid, Workbook } from '../grid';
import type { SheetSpec } from '../output/spec';
import { M } from '../strings';
import { buildDistrict, type District, sourceStates } from './district';
import { finishDistrict } from './finish';
import { contentHash, textHash } from './hash';
import type { History } from './history';
import { buildStatusTab, type JobProgress } from './output';
import type { DistrictRegion } from './regions';
import { type ReportItem, reportsFingerprint } from './reports';
import type { SourceRecord } from './schema';
import { summariseUnit } from './school';
import { analysisFingerprint, type DistrictSettings } from './settings';
import type { SourcesSheet, SourceUnit } from './sources';

/** Bumped when aggregates change shape or meaning: every source is re-analysed once. */
export const AGGREGATE_VERSION = 2;

export type NextWhy = 'continue' | 'quota' | 'retry' | 'failure';

export interface JobCursor {
  runId: string;
  startedAt: number;
  chunks: number;
  phase: 'running' | 'finished' | 'stopped';
  /** Slowest source so far in this run, ms: the estimate for the next one. */
  maxSourceMs: number;
  lastChunkAt: number;
  done: number;
  total: number;
  failed: number;
  /** When the next chunk is due (a trigger is set for it), and why it waits. */
  next?: { at: number; why: NextWhy } | null;
  /** A source being retried after a quota or transient error: it is not counted as failed. */
  retry?: { key: string; attempts: number; reason: string } | null;
  /** Start of a chunk that has not finished yet: found set at the next start, the chunk was killed. */
  inChunk?: number | null;
  /** Chunks in a row that ended with an error (trigger runs). */
  failures?: number;
  lastError?: { at: number; text: string } | null;
  /** The run was stopped by an error (the status says why; «Продолжить сбор» resumes it). */
  stopReason?: string | null;
}

/** A source that could not be read: the message is for users (Russian, actionable). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/**
 * A source that could not be read *now*: Google's quota (HTTP 429) or a passing failure. The job
 * waits (exponential backoff) and reads it again; a quota error never counts the school as failed,
 * a passing failure does only after MAX_TRANSIENT attempts.
 */
export class SourceRetryError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'transient',
    /** At least this long before the next attempt, ms. */
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'SourceRetryError';
  }
}

/**
 * Reading cannot work for any source (a missing permission, the Sheets API switched off): the chunk
 * stops with this message instead of marking every school failed.
 */
export class JobFatalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFatalError';
  }
}

export const MAX_TRANSIENT = 3;
export const BACKOFF_BASE_MS = 2_000;
/** A longer wait ends the chunk and schedules the next one instead of sleeping. */
export const SLEEP_MAX_MS = 60_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

export function backoffMs(attempts: number, atLeast = 0): number {
  return Math.max(atLeast, Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1)));
}

export interface JobHost {
  /** Milliseconds; only differences matter. */
  now(): number;
  /** Today in the district's time zone (ISO): overdue activities and report deadlines are counted on it. */
  today(): string;
  /** Opens and reads one source; throws SourceError (or anything) when it cannot. */
  read(unit: SourceUnit): Workbook;
  loadCursor(): JobCursor | null;
  saveCursor(cursor: JobCursor | null): void;
  loadRecords(): Map<string, SourceRecord>;
  /** The ШНОР lists of earlier collections (kept with the records). */
  loadHistory(): History;
  /** `history` undefined: keep the stored one. */
  saveRecords(records: readonly SourceRecord[], history?: History): void;
  /** A tab of the district workbook as it is now (the district roadmap, to keep the coordinator's marks). */
  readTab(name: string): Grid | undefined;
  /** The district tabs, replaced whole. */
  writeTabs(tabs: readonly SheetSpec[]): void;
  writeStatus(tab: SheetSpec): void;
  /** Run `continue` again after `delayMs` (a time-driven trigger); unschedule cancels it. */
  schedule(delayMs: number): void;
  unschedule(): void;
  /** How long before the next source may be read (an API quota), ms; absent: never wait. */
  readDelay?(): number;
  /** Wait here (Apps Script: Utilities.sleep); absent: the chunk ends instead of waiting. */
  sleep?(ms: number): void;
}

export interface JobPlan {
  sources: SourcesSheet;
  settings: DistrictSettings;
  /** «Сроки отчётов» of the district workbook (matched against each school's roadmaps when it is read). */
  reports?: ReportItem[];
  /** The region's figures from the district's «Эталоны» (they win over a school's own). */
  regions?: DistrictRegion[];
}

export interface JobOptions {
  /** Total time this chunk may take, ms (Apps Script kills an execution at 6 min). */
  budgetMs: number;
  /** Kept free at the end of a chunk for saving the state and the status tab. */
  saveReserveMs?: number;
  /** Kept free for writing the district tabs: base + per source. */
  finalBaseMs?: number;
  finalPerSourceMs?: number;
  resumeDelayMs?: number;
  /** The host's own execution limit (Apps Script: 6 min), for the safety-net trigger. */
  hardLimitMs?: number;
}

export interface ChunkReport {
  runId: string;
  chunk: number;
  /** Sources read in this chunk. */
  processed: number;
  done: number;
  total: number;
  failed: number;
  changed: number;
  finished: boolean;
  scheduled: boolean;
  elapsedMs: number;
  /** When the next chunk runs (ms from now) and why it waits; 0 when finished. */
  delayMs: number;
  why: NextWhy;
  /** The source being retried, in words (why: 'retry'). */
  retryReason: string | null;
  district: District | null;
}

const DEFAULTS = { hardLimitMs: 360_000, saveReserveMs: 20_000, finalBaseMs: 20_000, finalPerSourceMs: 40, resumeDelayMs: 60_000 };

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** What a record must match to be reused without analysis: content, settings, version and the unit's rows. */
export function unitFingerprint(unit: SourceUnit, settings: DistrictSettings, reports: readonly ReportItem[] = []): string {
  const rows = unit.rows.map((r) => [r.code, r.name]);
  return textHash(JSON.stringify([AGGREGATE_VERSION, analysisFingerprint(settings), unit.kind, rows, reportsFingerprint(reports)]));
}

/** The record of a source that could not be read: its reason, and nothing from it. */
export function failedRecord(
  unit: SourceUnit,
  settings: DistrictSettings,
  previous: SourceRecord | undefined,
  runId: string,
  nowMs: number,
  reason: string,
  reports: readonly ReportItem[] = [],
): SourceRecord {
  const checkedAt = iso(nowMs);
  const changed = previous?.status !== 'failed' || previous.reason !== reason;
  return {
    key: unit.key,
    ref: unit.ref,
    fingerprint: unitFingerprint(unit, settings, reports),
    runId,
    checkedAt,
    label: previous?.label ?? unit.ref,
    status: 'failed',
    reason,
    notes: [],
    hash: null,
    changedAt: changed ? checkedAt : (previous?.changedAt ?? checkedAt),
    changed,
    schools: [],
  };
}

/**
 * Reads one unit into a record. A failure is a record with its reason; only a SourceRetryError (read
 * it again later) is thrown.
 */
export function processUnit(
  host: Pick<JobHost, 'read'>,
  unit: SourceUnit,
  settings: DistrictSettings,
  previous: SourceRecord | undefined,
  runId: string,
  nowMs: number,
  reports: readonly ReportItem[] = [],
): SourceRecord {
  const fingerprint = unitFingerprint(unit, settings, reports);
  const base = { key: unit.key, ref: unit.ref, fingerprint, runId, checkedAt: iso(nowMs) };
  let wb: Workbook;
  try {
    wb = host.read(unit);
  } catch (e) {
    if (e instanceof SourceRetryError || e instanceof JobFatalError) throw e;
    const reason = e instanceof SourceError ? e.message : `${e instanceof Error ? e.message : String(e)}`;
    return failedRecord(unit, settings, previous, runId, nowMs, reason, reports);
  }
  const hash = contentHash(wb);
  if (previous && previous.hash === hash && previous.fingerprint === fingerprint) {
    return { ...previous, runId, checkedAt: base.checkedAt, changed: false };
  }
  const out = summariseUnit(unit, wb, settings, reports);
  return {
    ...base,
    label: wb.name || unit.ref,
    status: out.status,
    reason: out.reason,
    notes: out.notes,
    hash,
    changedAt: base.checkedAt,
    changed: true,
    schools: out.schools,
  };
}

function progressOf(
  plan: JobPlan,
  records: ReadonlyMap<string, SourceRecord>,
  runId: string,
): { done: number; failed: number; total: number } {
  let done = 0;
  let failed = 0;
  for (const u of plan.sources.units) {
    const r = records.get(u.key);
    if (!r || r.runId !== runId) continue;
    done++;
    if (r.status === 'failed') failed++;
  }
  return { done, failed, total: plan.sources.units.length };
}

/**
 * One chunk. mode 'start' begins a new run (every source is checked again; unchanged ones are not
 * re-analysed); 'continue' resumes the current run, or does nothing when there is none.
 */
export function runChunk(host: JobHost, plan: JobPlan, mode: 'start' | 'continue', options: JobOptions): ChunkReport | null {
  const o = { ...DEFAULTS, ...options };
  const t0 = host.now();
  let cursor = host.loadCursor();
  if (mode === 'continue' && cursor?.phase !== 'running' && cursor?.phase !== 'stopped') return null;
  if (mode === 'start' || !cursor) {
    cursor = {
      runId: `r${t0.toString(36)}`,
      startedAt: t0,
      chunks: 0,
      phase: 'running',
      maxSourceMs: 0,
      lastChunkAt: t0,
      done: 0,
      total: plan.sources.units.length,
      failed: 0,
    };
  } else if (cursor.inChunk) {
    // The previous chunk started and never finished: Apps Script killed it (6 minutes) or it failed
    // before it could say so. Its sources are read again; the status says what happened.
    cursor.failures = (cursor.failures ?? 0) + 1;
    cursor.lastError = { at: t0, text: M.status.killed(cursor.chunks) };
  }
  const runId = cursor.runId;
  cursor.chunks++;
  cursor.phase = 'running';
  cursor.stopReason = null;
  cursor.inChunk = t0;
  // A safety net first: if this execution is killed before it reschedules, this trigger resumes the
  // run, and the saved cursor tells it which run.
  host.schedule(o.hardLimitMs + o.resumeDelayMs);
  cursor.next = { at: t0 + o.hardLimitMs + o.resumeDelayMs, why: 'failure' };
  host.saveCursor(cursor);
  const records = host.loadRecords();
  const elapsed = () => host.now() - t0;
  const fits = (ms: number) => elapsed() + ms + o.saveReserveMs <= o.budgetMs;

  let processed = 0;
  let changed = 0;
  let waitAfter = 0;
  let why: NextWhy = 'continue';
  sources: for (const unit of plan.sources.units) {
    const prev = records.get(unit.key);
    if (prev && prev.runId === runId) continue;
    // At least one source per chunk, so a run always moves on; after that, stop while the slowest
    // source seen so far would still fit.
    const estimate = processed === 0 ? 0 : cursor.maxSourceMs;
    if (!fits(estimate) && (processed > 0 || elapsed() > o.budgetMs)) break;
    let rec: SourceRecord | null = null;
    while (rec === null) {
      const wait = host.readDelay?.() ?? 0;
      if (wait > 0) {
        if (!host.sleep || wait > SLEEP_MAX_MS || !fits(wait + estimate)) {
          waitAfter = Math.max(waitAfter, wait);
          why = 'quota';
          break sources;
        }
        host.sleep(wait);
      }
      const s0 = host.now();
      try {
        rec = processUnit(host, unit, plan.settings, prev, runId, s0, plan.reports);
        cursor.maxSourceMs = Math.max(cursor.maxSourceMs, host.now() - s0);
        cursor.retry = null;
      } catch (e) {
        if (!(e instanceof SourceRetryError)) throw e;
        const attempts = (cursor.retry?.key === unit.key ? cursor.retry.attempts : 0) + 1;
        if (e.kind === 'transient' && attempts > MAX_TRANSIENT) {
          rec = failedRecord(unit, plan.settings, prev, runId, host.now(), e.message, plan.reports);
          cursor.retry = null;
          break;
        }
        cursor.retry = { key: unit.key, attempts, reason: e.message };
        const backoff = backoffMs(attempts, e.retryAfterMs);
        if (!host.sleep || backoff > SLEEP_MAX_MS || !fits(backoff + estimate)) {
          waitAfter = Math.max(waitAfter, backoff);
          why = e.kind === 'quota' ? 'quota' : 'retry';
          break sources;
        }
        host.sleep(backoff);
      }
    }
    records.set(unit.key, rec);
    processed++;
    if (rec.changed) changed++;
  }

  // Only sources still listed are kept: a school removed from «Источники» leaves the district.
  const keys = new Set(plan.sources.units.map((u) => u.key));
  const kept = [...records.values()].filter((r) => keys.has(r.key));
  const keptMap = new Map(kept.map((r) => [r.key, r]));
  const progress = progressOf(plan, keptMap, runId);
  Object.assign(cursor, progress, { lastChunkAt: host.now() });

  const allRead = progress.done === progress.total;
  const finalMs = o.finalBaseMs + o.finalPerSourceMs * progress.total;
  let district: District | null = null;
  let finished = false;
  if (allRead && elapsed() + finalMs <= o.budgetMs) {
    district = buildDistrict(plan.sources, keptMap, plan.settings, runId, {
      today: host.today(),
      reports: plan.reports ?? [],
      regions: plan.regions ?? [],
    });
    const done = finishDistrict(district, plan.settings, host.loadHistory(), (name) => host.readTab(name));
    host.saveRecords(kept, done.history);
    host.writeTabs(done.tabs);
    cursor.phase = 'finished';
    finished = true;
  } else host.saveRecords(kept);
  const delay = Math.max(o.resumeDelayMs, waitAfter);
  cursor.next = finished ? null : { at: host.now() + delay, why };
  cursor.inChunk = null;
  cursor.failures = 0;
  const status: JobProgress = {
    ...progress,
    phase: finished ? 'finished' : allRead ? 'finishing' : 'running',
    resumeMinutes: Math.max(1, Math.ceil(delay / 60_000)),
    why,
    retry: cursor.retry ?? null,
  };
  // Between chunks the status needs only the sources, not the whole district.
  const view = district ?? { sources: sourceStates(plan.sources, keptMap, runId), notes: [], problems: plan.sources.problems };
  host.writeStatus(buildStatusTab(view, status));
  if (finished) host.unschedule();
  else host.schedule(delay);
  host.saveCursor(cursor);
  return {
    runId,
    chunk: cursor.chunks,
    processed,
    ...progress,
    changed,
    finished,
    scheduled: !finished,
    elapsedMs: elapsed(),
    delayMs: finished ? 0 : delay,
    why,
    retryReason: cursor.retry?.reason ?? null,
    district,
  };
}

/** Stops the current run: no more chunks; what was collected stays for the next run to reuse. */
export function stopJob(host: Pick<JobHost, 'loadCursor' | 'saveCursor' | 'unschedule'>, reason: string | null = null): JobCursor | null {
  host.unschedule();
  const cursor = host.loadCursor();
  if (cursor && cursor.phase === 'running') {
    cursor.phase = 'stopped';
    cursor.stopReason = reason;
    cursor.next = null;
    cursor.inChunk = null;
    host.saveCursor(cursor);
  }
  return cursor;
}

/** Everything in one go (the local runner, tests): chunks with an unlimited budget. */
export function runToEnd(host: JobHost, plan: JobPlan): ChunkReport {
  const report = runChunk(host, plan, 'start', { budgetMs: Number.POSITIVE_INFINITY }) as ChunkReport;
  return report;
}
