// «Эталоны»: rows the user pastes from ФИС ОКО reports (see shared/reference/fis-oko/report-dumps.txt),
// to compare the school with the municipality, the region and Russia. Three report blocks are
// recognised by their header rows, anywhere on the sheet, with blank rows tolerated:
//   «Выполнение заданий»        Группы участников | Кол-во ОО | Кол-во участников | 1 | 2 | … | 9.1 | …
//   «Статистика по отметкам»    Группы участников | Кол-во ОО | Кол-во участников | 2 | 3 | 4 | 5
//   «Сравнение отметок с отметками по журналу»
//                               Группы участников | Кол-во участников(всего) | Понизили … % | … Кол-во участников | Подтвердили … | Повысили …
// The title rows above a header («ВПР 2026 Русский язык 4 класс», «Предмет: …») tie the block to a
// procedure; a block without them applies to the only procedure of the workbook.
import { type CellValue, cellText, type Grid, isEmpty, norm } from '../grid';
import type { Procedure } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { describesProcedure, metaFromText, type PartialMeta, proceduresFitting } from './meta';
import { isPlanReportHeader } from './plan-report';
import { type Read, read, take } from './read';
import { parseTaskCode, parseTaskHeader } from './task-header';

export type BenchmarkKind = 'tasks' | 'marks' | 'journal';
export type MarkKey = '2' | '3' | '4' | '5';
export type JournalKey = 'lowered' | 'confirmed' | 'raised';

interface RowBase {
  /** «Вся выборка», «Чеченская Республика», «…муниципальный район(reg20_m012)» as pasted. */
  group: string;
  /** 1-based row on the sheet. */
  row: number;
  participants: number | null;
}

export interface TasksBenchmarkRow extends RowBase {
  schools: number | null;
  /** Task code → completion %. */
  completion: Map<string, number>;
}

export interface MarksBenchmarkRow extends RowBase {
  schools: number | null;
  percent: Record<MarkKey, number>;
}

export interface JournalBenchmarkRow extends RowBase {
  percent: Record<JournalKey, number>;
  count: Record<JournalKey, number | null>;
}

export interface BenchmarkBlock {
  kind: BenchmarkKind;
  /** 1-based row of the header. */
  headerRow: number;
  /** The title rows' text, joined («Статистика по отметкам ВПР 2026 Русский язык 4 класс …»). */
  title: string;
  meta: PartialMeta;
  /** For tasks blocks: the task codes of the header, in order. */
  tasks: string[];
  rows: (TasksBenchmarkRow | MarksBenchmarkRow | JournalBenchmarkRow)[];
}

export interface ProcedureBenchmarks {
  tasks: TasksBenchmarkRow[];
  marks: MarksBenchmarkRow[];
  journal: JournalBenchmarkRow[];
}

export interface Benchmarks {
  sheet: string | null;
  blocks: BenchmarkBlock[];
  byProcedure: Map<Procedure, ProcedureBenchmarks>;
}

export const MARK_KEYS: readonly MarkKey[] = ['2', '3', '4', '5'];
export const JOURNAL_KEYS: readonly JournalKey[] = ['lowered', 'confirmed', 'raised'];

const EMPTY: ProcedureBenchmarks = { tasks: [], marks: [], journal: [] };

/** The benchmark rows that apply to a procedure (none when the workbook has no «Эталоны»). */
export function benchmarksOf(b: Benchmarks | undefined, p: Procedure): ProcedureBenchmarks {
  return b?.byProcedure.get(p) ?? EMPTY;
}

export function hasBenchmarks(pb: ProcedureBenchmarks): boolean {
  return pb.tasks.length + pb.marks.length + pb.journal.length > 0;
}

// ---- numbers -----------------------------------------------------------------------------------

/** A number from a pasted cell: 5.06, «5,06», «5,06 %», «1 722 202». Undefined when not a number. */
function parseNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = cellText(v)
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

// ---- header recognition ------------------------------------------------------------------------

const label = (v: unknown) => norm(v).replace(/\s+/g, ' ').trim();
const isGroupLabel = (v: unknown) => /^групп[а-я]* участник/.test(label(v)) || label(v) === 'группа' || label(v) === 'группы';
const isSchoolsLabel = (v: unknown) => /^кол-?во оо/.test(label(v)) || /^количество оо/.test(label(v));
const isParticipantsLabel = (v: unknown) => /^(кол-?во|количество) участников/.test(label(v));

function markOf(v: unknown): MarkKey | null {
  if (typeof v === 'number') return v === 2 || v === 3 || v === 4 || v === 5 ? (String(v) as MarkKey) : null;
  const m = /^(?:(?:отметка|оценка)\s*)?«?"?\s*([2-5])\s*»?"?\s*(?:,?\s*%)?$/.exec(label(v));
  return m ? (m[1] as MarkKey) : null;
}

const JOURNAL_STEMS: [JournalKey, string][] = [
  ['lowered', 'понизили'],
  ['confirmed', 'подтвердили'],
  ['raised', 'повысили'],
];

interface Header {
  kind: BenchmarkKind;
  row: number;
  /** Rows the header takes (a merged two-row header of the journal report takes 2). */
  height: number;
  group: number;
  schools?: number;
  participants?: number;
  tasks: { col: number; id: string }[];
  marks: Partial<Record<MarkKey, number>>;
  pct: Partial<Record<JournalKey, number>>;
  cnt: Partial<Record<JournalKey, number>>;
}

function readHeader(values: Grid['values'], r: number): Header | null {
  const row = values[r] ?? [];
  const group = row.findIndex((v) => isGroupLabel(v));
  if (group < 0) return null;
  const h: Header = { kind: 'tasks', row: r, height: 1, group, tasks: [], marks: {}, pct: {}, cnt: {} };
  const next = values[r + 1] ?? [];
  for (let c = group + 1; c < row.length; c++) {
    const v = row[c];
    if (isEmpty(v)) continue;
    const l = label(v);
    if (isSchoolsLabel(v)) h.schools ??= c;
    else if (isParticipantsLabel(v)) h.participants ??= c;
    else if (JOURNAL_STEMS.some(([, stem]) => l.startsWith(stem))) {
      const key = (JOURNAL_STEMS.find(([, stem]) => l.startsWith(stem)) as [JournalKey, string])[0];
      if (l.includes('%')) h.pct[key] ??= c;
      else if (l.includes('кол-во') || l.includes('количество')) h.cnt[key] ??= c;
      else {
        // Merged header: «Понизили» over «%» and «Кол-во участников» in the row below.
        for (const cc of [c, c + 1]) {
          const sub = label(next[cc]);
          if (sub.includes('%')) h.pct[key] ??= cc;
          else if (sub.includes('кол-во') || sub.includes('количество')) h.cnt[key] ??= cc;
        }
        h.height = 2;
      }
    } else {
      const mk = markOf(v);
      const id = parseTaskHeader(v)?.id ?? parseTaskCode(v);
      if (mk) h.marks[mk] ??= c;
      if (id) h.tasks.push({ col: c, id });
    }
  }
  if (JOURNAL_KEYS.every((k) => h.pct[k] !== undefined)) {
    h.kind = 'journal';
    return h;
  }
  const ids = h.tasks.map((t) => t.id);
  if (MARK_KEYS.every((k) => h.marks[k] !== undefined) && ids.every((id) => (MARK_KEYS as readonly string[]).includes(id))) {
    h.kind = 'marks';
    return h;
  }
  if (h.tasks.length > 0) {
    h.kind = 'tasks';
    return h;
  }
  return null;
}

/** Rows that describe the next block rather than hold data: a lone title, «Предмет:», «Дата:»… */
function isTitleRow(row: readonly CellValue[]): boolean {
  const cells = row.filter((v) => !isEmpty(v));
  if (cells.length === 0) return false;
  if (cells.length === 1) return true;
  const first = label(cells[0]).replace(/:$/, '');
  return first === 'предмет' || first === 'дата' || first.startsWith('максимальный первичный') || first === 'класс';
}

/** A «Макс. балл» row under a tasks header: skipped (the maxes come from the results). */
function isMaxRow(row: readonly CellValue[], group: number): boolean {
  const l = label(row[group]);
  return (l.startsWith('макс') && !l.startsWith('максимальный первичный')) || l === 'max';
}

function metaOf(titles: string[]): PartialMeta {
  const meta: PartialMeta = {};
  for (const t of titles) {
    const m = metaFromText(t);
    for (const k of Object.keys(m) as (keyof PartialMeta)[]) if (meta[k] === undefined) (meta as Record<string, unknown>)[k] = m[k];
  }
  return meta;
}

// ---- reading -----------------------------------------------------------------------------------

/** Every recognised block of the sheet, with its rows; bad cells are reported as errors. */
export function readBenchmarkBlocks(grid: Grid): Read<BenchmarkBlock[]> {
  const problems: Problem[] = [];
  const values = grid.values;
  const headers: Header[] = [];
  for (let r = 0; r < values.length; r++) {
    const h = readHeader(values, r);
    if (h) {
      headers.push(h);
      r += h.height - 1;
    }
  }
  const blocks: BenchmarkBlock[] = [];
  let titles: string[] = [];
  // Titles of the first block: everything above its header.
  const firstAt = headers[0]?.row ?? values.length;
  for (let r = 0; r < firstAt; r++) {
    const text = rowText(values[r]);
    if (text) titles.push(text);
  }
  headers.forEach((h, i) => {
    const end = headers[i + 1]?.row ?? values.length;
    const block: BenchmarkBlock = {
      kind: h.kind,
      headerRow: h.row + 1,
      title: titles.join(' '),
      meta: metaOf(titles),
      tasks: h.tasks.map((t) => t.id),
      rows: [],
    };
    titles = [];
    let inTitles = false;
    for (let r = h.row + h.height; r < end; r++) {
      const row = values[r] ?? [];
      if (row.every(isEmpty)) continue;
      // A «Достижение планируемых результатов» report pasted below: read by plan-report.ts, not here.
      if (isPlanReportHeader(row)) break;
      if (!inTitles && isMaxRow(row, h.group)) continue;
      if (inTitles || isTitleRow(row)) {
        inTitles = true;
        titles.push(rowText(row));
        continue;
      }
      const parsed = readRow(grid.name, row, r + 1, h, problems);
      if (parsed) block.rows.push(parsed);
    }
    blocks.push(block);
  });
  return read(blocks, problems);
}

function rowText(row: readonly CellValue[] | undefined): string {
  return (row ?? [])
    .map(cellText)
    .filter((t) => t !== '')
    .join(' ');
}

function readRow(
  sheet: string,
  row: readonly CellValue[],
  rowNo: number,
  h: Header,
  problems: Problem[],
): TasksBenchmarkRow | MarksBenchmarkRow | JournalBenchmarkRow | null {
  const group = cellText(row[h.group]);
  let ok = true;
  const bad = (col: number, what: string) => {
    problems.push(problem('error', 'benchmark-number', sheet, S.benchmarkBadNumber(what, cellText(row[col])), rowNo, col + 1));
    ok = false;
  };
  /** A percent 0…100; required. */
  const pct = (col: number, what: string): number => {
    const n = parseNumber(row[col]);
    if (n === undefined || n < 0 || n > 100) {
      bad(col, what);
      return Number.NaN;
    }
    return n;
  };
  /** A count ≥ 0, integer; may be empty (the school's row has no «Кол-во ОО»). */
  const count = (col: number | undefined, what: string): number | null => {
    if (col === undefined || isEmpty(row[col])) return null;
    const n = parseNumber(row[col]);
    if (n === undefined || n < 0 || !Number.isInteger(n)) {
      bad(col, what);
      return null;
    }
    return n;
  };
  if (!group) {
    problems.push(problem('error', 'benchmark-group', sheet, S.benchmarkNoGroup, rowNo, h.group + 1));
    return null;
  }
  const participants = count(h.participants, 'Кол-во участников');
  if (h.kind === 'journal') {
    const percent = {} as Record<JournalKey, number>;
    const cnt = {} as Record<JournalKey, number | null>;
    for (const [k, stem] of JOURNAL_STEMS) {
      const name = stem[0]?.toUpperCase() + stem.slice(1);
      percent[k] = pct(h.pct[k] as number, `${name}, %`);
      cnt[k] = count(h.cnt[k], `${name}, кол-во участников`);
    }
    if (!ok) return null;
    checkSum(
      sheet,
      rowNo,
      group,
      JOURNAL_KEYS.map((k) => percent[k]),
      problems,
    );
    return { group, row: rowNo, participants, percent, count: cnt };
  }
  const schools = count(h.schools, 'Кол-во ОО');
  if (h.kind === 'marks') {
    const percent = {} as Record<MarkKey, number>;
    for (const k of MARK_KEYS) percent[k] = pct(h.marks[k] as number, `«${k}», %`);
    if (!ok) return null;
    checkSum(
      sheet,
      rowNo,
      group,
      MARK_KEYS.map((k) => percent[k]),
      problems,
    );
    return { group, row: rowNo, participants, schools, percent };
  }
  const completion = new Map<string, number>();
  for (const t of h.tasks) {
    // A task nobody in the group was given (another variant set) may be left empty.
    if (isEmpty(row[t.col])) continue;
    completion.set(t.id, pct(t.col, `задание ${t.id}`));
  }
  if (!ok) return null;
  return { group, row: rowNo, participants, schools, completion };
}

function checkSum(sheet: string, rowNo: number, group: string, parts: number[], problems: Problem[]): void {
  const sum = parts.reduce((a, b) => a + b, 0);
  // ФИС ОКО rounds each share to 0.01: the sum stays within a few hundredths of 100.
  if (Math.abs(sum - 100) > 1) problems.push(problem('warning', 'benchmark-sum', sheet, S.benchmarkSum(group, sum), rowNo));
}

// ---- tying blocks to procedures ----------------------------------------------------------------

const KIND_NAME: Record<BenchmarkKind, string> = {
  tasks: 'Выполнение заданий',
  marks: 'Статистика по отметкам',
  journal: 'Сравнение отметок с отметками по журналу',
};

/**
 * Reads «Эталоны» and ties each block to a procedure. Blocks that fit no procedure, or several, are
 * reported (warnings) and left out; bad numbers are errors.
 */
export function readBenchmarks(grid: Grid | undefined, procedures: readonly Procedure[]): Read<Benchmarks> {
  const byProcedure = new Map<Procedure, ProcedureBenchmarks>();
  if (!grid) return read({ sheet: null, blocks: [], byProcedure });
  const problems: Problem[] = [];
  const blocks = take(readBenchmarkBlocks(grid), problems);
  if (blocks.length === 0) {
    if (grid.values.some((r) => r.some((v) => !isEmpty(v)))) {
      problems.push(problem('warning', 'benchmark-no-blocks', grid.name, S.benchmarkNoBlocks));
    }
    return read({ sheet: grid.name, blocks, byProcedure }, problems);
  }
  for (const b of blocks) {
    const described = describesProcedure(b.meta);
    const matches = proceduresFitting(b.meta, procedures);
    if (matches.length !== 1) {
      const msg = !described
        ? S.benchmarkNoTitle(KIND_NAME[b.kind])
        : matches.length === 0
          ? S.benchmarkNoProcedure(KIND_NAME[b.kind], b.title)
          : S.benchmarkAmbiguous(
              KIND_NAME[b.kind],
              b.title,
              matches.map((p) => p.title),
            );
      problems.push(problem('warning', 'benchmark-unmatched', grid.name, msg, b.headerRow));
      continue;
    }
    const p = matches[0] as Procedure;
    if (b.kind === 'tasks') {
      const known = new Set(p.tasks.map((t) => t.id));
      const unknown = b.tasks.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        problems.push(problem('warning', 'benchmark-tasks', grid.name, S.benchmarkUnknownTasks(p.title, unknown), b.headerRow));
      }
      if (unknown.length === b.tasks.length) continue;
    }
    let pb = byProcedure.get(p);
    if (!pb) {
      pb = { tasks: [], marks: [], journal: [] };
      byProcedure.set(p, pb);
    }
    if (b.kind === 'tasks') pb.tasks.push(...(b.rows as TasksBenchmarkRow[]));
    else if (b.kind === 'marks') pb.marks.push(...(b.rows as MarksBenchmarkRow[]));
    else pb.journal.push(...(b.rows as JournalBenchmarkRow[]));
  }
  return read({ sheet: grid.name, blocks, byProcedure }, problems);
}
