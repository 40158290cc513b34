// The per-source records as rows of a tab: one row per source — its key, the number of parts, then
// the record's JSON split over cells (Sheets allows 50 000 characters in a cell, Excel 32 767). The
// same tab is the job's memory in Google Sheets (hidden) and in the local runner's output workbook,
// so a re-run anywhere reuses what an earlier run collected.
//
// Lossless savings, because the tab is rewritten every chunk: the task list (with skill texts) that
// the schools of a procedure share is stored once, in row «#dictionary», and statuses are one letter
// each. Together they cut a typical school's record to about a third.
import type { SheetSpec } from '../output/spec';
import { M } from '../strings';
import * as z from '../zod';
import { emptyHistory, type History, historySchema } from './history';
import { type SourceRecord, sourceRecordSchema, type TaskDef, type TaskStatus } from './schema';

/** Below both hosts' cell limits, with a margin for escaping. */
export const SHEETS_CELL_CHARS = 45_000;
export const XLSX_CELL_CHARS = 30_000;
const HEADER: string[] = [...M.stateHeader];

export function splitCells(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length ? parts : [''];
}

const DICTIONARY_ROW = '#dictionary';
/** The ШНОР lists of earlier collections (./history.ts). */
const HISTORY_ROW = '#history';
/** Stands for «the skill in the dictionary» inside a stored task, and «the dictionary's task list». */
const FROM_DICTIONARY = '\u0001';
const SAME_TASKS = 0;
const STATUS_CODE: Record<TaskStatus, string> = { sufficient: 's', uncertain: 'u', insufficient: 'i', none: 'n' };
const STATUS_OF: Record<string, TaskStatus> = { s: 'sufficient', u: 'uncertain', i: 'insufficient', n: 'none' };

/** Per procedure key: the task list most schools share, and skill texts. */
interface Dictionary {
  tasks: Record<string, TaskDef[]>;
  skills: Record<string, Record<string, string>>;
}

function pack(r: SourceRecord, dict: Dictionary): unknown {
  return {
    ...r,
    schools: r.schools.map((sc) => ({
      ...sc,
      procedures: sc.procedures.map((p) => {
        const shared = (dict.tasks[p.key] ??= p.tasks);
        const status = p.status.map((x) => STATUS_CODE[x]).join('');
        if (shared === p.tasks || JSON.stringify(shared) === JSON.stringify(p.tasks)) return { ...p, status, tasks: SAME_TASKS };
        const known = (dict.skills[p.key] ??= {});
        return {
          ...p,
          status,
          tasks: p.tasks.map((t) => {
            if (t.skill === undefined) return t;
            known[t.id] ??= t.skill;
            return known[t.id] === t.skill ? { ...t, skill: FROM_DICTIONARY } : t;
          }),
        };
      }),
    })),
  };
}

function unpack(raw: unknown, dict: Dictionary): unknown {
  const r = raw as { schools?: { procedures?: { key: string; status: unknown; tasks: unknown }[] }[] };
  for (const sc of r.schools ?? []) {
    for (const p of sc.procedures ?? []) {
      if (typeof p.status === 'string') p.status = [...p.status].map((c) => STATUS_OF[c] ?? 'none');
      if (p.tasks === SAME_TASKS) {
        p.tasks = (dict.tasks[p.key] ?? []).map((t) => ({ ...t }));
        continue;
      }
      for (const t of (p.tasks ?? []) as { id: string; skill?: string }[]) {
        if (t.skill !== FROM_DICTIONARY) continue;
        const skill = dict.skills[p.key]?.[t.id];
        if (skill === undefined) delete t.skill;
        else t.skill = skill;
      }
    }
  }
  return raw;
}

function joinParts(row: readonly unknown[]): string | null {
  const n = Number(row[1]);
  if (!Number.isInteger(n) || n < 1) return null;
  return row
    .slice(2, 2 + n)
    .map((v) => (v === null || v === undefined ? '' : String(v)))
    .join('');
}

export function stateSpec(records: readonly SourceRecord[], cellChars: number, history: History = emptyHistory()): SheetSpec {
  const dict: Dictionary = { tasks: {}, skills: {} };
  const rows = records.map((r) => {
    const parts = splitCells(JSON.stringify(pack(r, dict)), cellChars);
    return [r.key, parts.length, ...parts];
  });
  const dictParts = splitCells(JSON.stringify(dict), cellChars);
  const head = [HEADER, [DICTIONARY_ROW, dictParts.length, ...dictParts]];
  if (history.rounds.length > 0) {
    const parts = splitCells(JSON.stringify(history), cellChars);
    head.push([HISTORY_ROW, parts.length, ...parts]);
  }
  return { name: M.tabs.state, values: [...head, ...rows] };
}

/** The ШНОР lists of earlier collections; an unreadable row gives an empty history (nothing to compare). */
export function parseHistory(values: readonly (readonly unknown[])[]): History {
  const row = values.find((r) => r[0] === HISTORY_ROW);
  if (!row) return emptyHistory();
  try {
    const parsed = historySchema.safeParse(JSON.parse(joinParts(row) ?? '{}'));
    return parsed.success ? parsed.data : emptyHistory();
  } catch {
    return emptyHistory();
  }
}

/** Records as saved; a row that does not parse (edited by hand) is dropped: its source is read again. */
export function parseState(values: readonly (readonly unknown[])[]): Map<string, SourceRecord> {
  const out = new Map<string, SourceRecord>();
  let dict: Dictionary = { tasks: {}, skills: {} };
  const dictRow = values.find((row) => row[0] === DICTIONARY_ROW);
  if (dictRow) {
    try {
      dict = { ...dict, ...(JSON.parse(joinParts(dictRow) ?? '{}') as Partial<Dictionary>) };
    } catch {
      // A damaged dictionary: records that need it fail validation and are read again.
    }
  }
  for (const row of values.slice(1)) {
    if (row[0] === DICTIONARY_ROW || row[0] === HISTORY_ROW) continue;
    const text = joinParts(row);
    if (text === null) continue;
    try {
      const parsed = z.safeParse(sourceRecordSchema, unpack(JSON.parse(text), dict));
      if (parsed.success) out.set(parsed.data.key, parsed.data);
    } catch {
      // Not JSON: skipped.
    }
  }
  return out;
}
