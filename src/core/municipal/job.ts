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
import type { Workbook } from '../grid';
import type { SheetSpec } from '../output/spec';
import { buildDistrict, type District, sourceStates } from './district';
import { contentHash, textHash } from './hash';
import { buildStatusTab, districtTabs, type JobProgress } from './output';
import type { SourceRecord } from './schema';
import { summariseUnit } from './school';
import { analysisFingerprint, type DistrictSettings } from './settings';
import type { SourcesSheet, SourceUnit } from './sources';

/** Bumped when aggregates change shape or meaning: every source is re-analysed once. */
export const AGGREGATE_VERSION = 1;

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
}

/** A source that could not be read: the message is for users (Russian, actionable). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

export interface JobHost {
  /** Milliseconds; only differences matter. */
  now(): number;
  /** Opens and reads one source; throws SourceError (or anything) when it cannot. */
  read(unit: SourceUnit): Workbook;
  loadCursor(): JobCursor | null;
  saveCursor(cursor: JobCursor | null): void;
  loadRecords(): Map<string, SourceRecord>;
  saveRecords(records: readonly SourceRecord[]): void;
  /** The district tabs, replaced whole. */
  writeTabs(tabs: readonly SheetSpec[]): void;
  writeStatus(tab: SheetSpec): void;
  /** Run `continue` again after `delayMs` (a time-driven trigger); unschedule cancels it. */
  schedule(delayMs: number): void;
  unschedule(): void;
}

export interface JobPlan {
  sources: SourcesSheet;
  settings: DistrictSettings;
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
  district: District | null;
}

const DEFAULTS = { hardLimitMs: 360_000, saveReserveMs: 20_000, finalBaseMs: 20_000, finalPerSourceMs: 40, resumeDelayMs: 60_000 };

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** What a record must match to be reused without analysis: content, settings, version and the unit's rows. */
export function unitFingerprint(unit: SourceUnit, settings: DistrictSettings): string {
  const rows = unit.rows.map((r) => [r.code, r.name]);
  return textHash(JSON.stringify([AGGREGATE_VERSION, analysisFingerprint(settings), unit.kind, rows]));
}

/** Reads one unit into a record (never throws: a failure is a record with its reason). */
export function processUnit(
  host: Pick<JobHost, 'read'>,
  unit: SourceUnit,
  settings: DistrictSettings,
  previous: SourceRecord | undefined,
  runId: string,
  nowMs: number,
): SourceRecord {
  const fingerprint = unitFingerprint(unit, settings);
  const base = { key: unit.key, ref: unit.ref, fingerprint, runId, checkedAt: iso(nowMs) };
  let wb: Workbook;
  try {
    wb = host.read(unit);
  } catch (e) {
    const reason = e instanceof SourceError ? e.message : `${e instanceof Error ? e.message : String(e)}`;
    const changed = previous?.status !== 'failed' || previous.reason !== reason;
    return {
      ...base,
      label: previous?.label ?? unit.ref,
      status: 'failed',
      reason,
      notes: [],
      hash: null,
      changedAt: changed ? base.checkedAt : (previous?.changedAt ?? base.checkedAt),
      changed,
      schools: [],
    };
  }
  const hash = contentHash(wb);
  if (previous && previous.hash === hash && previous.fingerprint === fingerprint) {
    return { ...previous, runId, checkedAt: base.checkedAt, changed: false };
  }
  const out = summariseUnit(unit, wb, settings);
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
  if (mode === 'continue' && cursor?.phase !== 'running') return null;
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
  }
  const runId = cursor.runId;
  cursor.chunks++;
  // A safety net first: if this execution is killed before it reschedules, this trigger resumes the
  // run, and the saved cursor tells it which run.
  host.schedule(o.hardLimitMs + o.resumeDelayMs);
  host.saveCursor(cursor);
  const records = host.loadRecords();
  const elapsed = () => host.now() - t0;

  let processed = 0;
  let changed = 0;
  for (const unit of plan.sources.units) {
    const prev = records.get(unit.key);
    if (prev && prev.runId === runId) continue;
    // At least one source per chunk, so a run always moves on; after that, stop while the slowest
    // source seen so far would still fit.
    const estimate = processed === 0 ? 0 : cursor.maxSourceMs;
    if (elapsed() + estimate + o.saveReserveMs > o.budgetMs && (processed > 0 || elapsed() > o.budgetMs)) break;
    const s0 = host.now();
    const rec = processUnit(host, unit, plan.settings, prev, runId, s0);
    cursor.maxSourceMs = Math.max(cursor.maxSourceMs, host.now() - s0);
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
  host.saveRecords(kept);

  const allRead = progress.done === progress.total;
  const finalMs = o.finalBaseMs + o.finalPerSourceMs * progress.total;
  let district: District | null = null;
  let finished = false;
  if (allRead && elapsed() + finalMs <= o.budgetMs) {
    district = buildDistrict(plan.sources, keptMap, plan.settings, runId);
    host.writeTabs(districtTabs(district, plan.settings));
    cursor.phase = 'finished';
    finished = true;
  }
  host.saveCursor(cursor);
  const status: JobProgress = {
    ...progress,
    phase: finished ? 'finished' : allRead ? 'finishing' : 'running',
    resumeMinutes: Math.max(1, Math.round(o.resumeDelayMs / 60_000)),
  };
  // Between chunks the status needs only the sources, not the whole district.
  const view = district ?? { sources: sourceStates(plan.sources, keptMap, runId), notes: [], problems: plan.sources.problems };
  host.writeStatus(buildStatusTab(view, status));
  if (finished) host.unschedule();
  else host.schedule(o.resumeDelayMs);
  return {
    runId,
    chunk: cursor.chunks,
    processed,
    ...progress,
    changed,
    finished,
    scheduled: !finished,
    elapsedMs: elapsed(),
    district,
  };
}

/** Stops the current run: no more chunks; what was collected stays for the next run to reuse. */
export function stopJob(host: Pick<JobHost, 'loadCursor' | 'saveCursor' | 'unschedule'>): JobCursor | null {
  host.unschedule();
  const cursor = host.loadCursor();
  if (cursor && cursor.phase === 'running') {
    cursor.phase = 'stopped';
    host.saveCursor(cursor);
  }
  return cursor;
}

/** Everything in one go (the local runner, tests): chunks with an unlimited budget. */
export function runToEnd(host: JobHost, plan: JobPlan): ChunkReport {
  const report = runChunk(host, plan, 'start', { budgetMs: Number.POSITIVE_INFINITY }) as ChunkReport;
  return report;
}
