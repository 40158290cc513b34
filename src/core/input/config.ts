// The optional sheets a school adds beside its results: «Классы», «План заданий», «Шкала отметок».
import { cellText, columnLetter, type Grid, isEmpty } from '../grid';
import type { Task, TaskLevel } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { findLabelRow } from './label-row';
import { parseLevel } from './levels';
import { metaFromText } from './meta';
import { type Read, read } from './read';
import { findSubject } from './subjects';
import { parseTaskCode, parseTaskHeader } from './task-header';

export const CONFIG_SHEETS = {
  classes: 'Классы',
  plan: 'План заданий',
  scale: 'Шкала отметок',
  teachers: 'Классы и учителя',
  benchmarks: 'Эталоны',
} as const;

// ---- Классы: number → name ---------------------------------------------------------------------

export interface ClassMap {
  sheet: string;
  names: Map<number, string>;
}

export function readClasses(grid: Grid): Read<ClassMap> {
  const problems: Problem[] = [];
  const names = new Map<number, string>();
  let seenRow = false;
  grid.values.forEach((row, i) => {
    const a = row[0];
    const b = row[1];
    if (isEmpty(a) && isEmpty(b)) return;
    const n = typeof a === 'number' ? a : Number(cellText(a));
    // The first non-empty row may be a header («Номер | Класс»): text in column A.
    const first = !seenRow;
    seenRow = true;
    if (first && !Number.isFinite(n) && typeof a === 'string') return;
    if (!Number.isInteger(n) || n < 1 || n > 50 || isEmpty(b)) {
      problems.push(problem('error', 'classes-bad-row', grid.name, S.classesBadRow, i + 1, isEmpty(b) ? 2 : 1));
      return;
    }
    if (names.has(n)) {
      problems.push(problem('error', 'classes-duplicate', grid.name, S.classesDuplicate(n), i + 1, 1));
      return;
    }
    names.set(n, cellText(b));
  });
  return read({ sheet: grid.name, names }, problems);
}

// ---- План заданий ------------------------------------------------------------------------------

/** A task as «План заданий» describes it; «Предмет» and «Класс» say which procedures the row is for. */
export interface PlanRow extends Pick<Task, 'id' | 'max' | 'level' | 'skill' | 'plannedResult' | 'section' | 'topic'> {
  subject?: string;
  grade?: number;
  row: number;
}

const PLAN_COLS: Record<string, (h: string) => boolean> = {
  id: (h) => h === 'задание' || h === 'номер задания' || h === '№ задания' || h === 'код задания' || h === 'код',
  max: (h) => h.startsWith('макс'),
  level: (h) => h.startsWith('уровень'),
  skill: (h) => h.includes('умени') || h.includes('проверяем'),
  plannedResult: (h) => h.startsWith('планируем'),
  section: (h) => h === 'раздел' || h.startsWith('блок'),
  topic: (h) => h === 'тема',
  subject: (h) => h === 'предмет',
  grade: (h) => h === 'класс' || h === 'параллель',
};

/** The «План заданий» sheet: rows for one or several procedures (told apart by «Предмет», «Класс»). */
export interface PlanSheet {
  sheet: string;
  rows: PlanRow[];
}

export function readPlan(grid: Grid): Read<PlanSheet> {
  const problems: Problem[] = [];
  const h = findLabelRow(grid, PLAN_COLS, ['id', 'max']);
  if (!h) {
    problems.push(problem('error', 'plan-header', grid.name, S.planHeaderMissing));
    return read({ sheet: grid.name, rows: [] }, problems);
  }
  const out: PlanRow[] = [];
  const at = (row: readonly unknown[], k: string) => (h.cols[k] === undefined ? undefined : row[h.cols[k] as number]);
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const idCell = at(row, 'id');
    if (isEmpty(idCell)) continue;
    const id = parseTaskCode(idCell) ?? parseTaskHeader(idCell)?.id ?? cellText(idCell);
    const maxCell = at(row, 'max');
    const max = typeof maxCell === 'number' ? maxCell : Number(cellText(maxCell).replace(',', '.'));
    if (!Number.isFinite(max) || max <= 0) {
      problems.push(problem('error', 'plan-max', grid.name, S.planBadMax(id), r + 1, (h.cols.max as number) + 1));
      continue;
    }
    let level: TaskLevel | null = null;
    const lv = at(row, 'level');
    if (!isEmpty(lv)) {
      level = parseLevel(lv);
      if (!level) problems.push(problem('error', 'plan-level', grid.name, S.levelBad(cellText(lv)), r + 1, (h.cols.level as number) + 1));
    }
    const text = (k: string) => {
      const v = cellText(at(row, k));
      return v === '' ? undefined : v;
    };
    const pr: PlanRow = { id, max, level, row: r + 1 };
    const subj = text('subject');
    if (subj) pr.subject = findSubject(subj)?.name ?? subj;
    const gr = text('grade');
    if (gr) {
      const g = Number.parseInt(gr, 10);
      if (Number.isFinite(g)) pr.grade = g;
    }
    for (const k of ['skill', 'plannedResult', 'section', 'topic'] as const) {
      const v = text(k);
      if (v) pr[k] = v;
    }
    out.push(pr);
  }
  return read({ sheet: grid.name, rows: out }, problems);
}

// ---- Шкала отметок -----------------------------------------------------------------------------

export interface ScaleRow {
  kind?: string;
  subject?: string;
  grade?: number;
  /** Minimum primary score for marks 3, 4, 5. */
  cuts: [number, number, number];
  row: number;
}

const SCALE_COLS: Record<string, (h: string) => boolean> = {
  kind: (h) => h === 'процедура' || h === 'работа',
  subject: (h) => h === 'предмет',
  grade: (h) => h === 'класс' || h === 'параллель',
  c3: (h) => /(^|[^0-9])3([^0-9]|$)/.test(h),
  c4: (h) => /(^|[^0-9])4([^0-9]|$)/.test(h),
  c5: (h) => /(^|[^0-9])5([^0-9]|$)/.test(h),
};

/** The «Шкала отметок» sheet. */
export interface ScaleSheet {
  sheet: string;
  rows: ScaleRow[];
}

export function readScale(grid: Grid): Read<ScaleSheet> {
  const problems: Problem[] = [];
  const h = findLabelRow(grid, SCALE_COLS, ['c3', 'c4', 'c5']);
  if (!h) {
    problems.push(problem('error', 'scale-header', grid.name, S.scaleHeaderMissing));
    return read({ sheet: grid.name, rows: [] }, problems);
  }
  const out: ScaleRow[] = [];
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (row.every(isEmpty)) continue;
    const num = (k: string) => {
      const v = row[h.cols[k] as number];
      return typeof v === 'number' ? v : Number(cellText(v).replace(',', '.'));
    };
    const cuts: [number, number, number] = [num('c3'), num('c4'), num('c5')];
    const badAt = cuts.findIndex((c, i) => !Number.isFinite(c) || c < 0 || (i > 0 && c <= (cuts[i - 1] as number)));
    if (badAt >= 0 || cellText(row[h.cols.c3 as number]) === '') {
      const col = h.cols[`c${Math.max(badAt, 0) + 3}`] as number;
      problems.push(problem('error', 'scale-cut', grid.name, S.scaleBadCut(String(Math.max(badAt, 0) + 3)), r + 1, col + 1));
      continue;
    }
    const sr: ScaleRow = { cuts, row: r + 1 };
    if (h.cols.kind !== undefined) {
      const k = metaFromText(cellText(row[h.cols.kind])).kind;
      if (k) sr.kind = k;
    }
    if (h.cols.subject !== undefined) {
      const t = cellText(row[h.cols.subject]);
      if (t) sr.subject = findSubject(t)?.name ?? t;
    }
    if (h.cols.grade !== undefined) {
      const g = Number.parseInt(cellText(row[h.cols.grade]), 10);
      if (Number.isFinite(g)) sr.grade = g;
    }
    out.push(sr);
  }
  return read({ sheet: grid.name, rows: out }, problems);
}

export function markFromScale(total: number, cuts: readonly [number, number, number]): number {
  if (total >= cuts[2]) return 5;
  if (total >= cuts[1]) return 4;
  if (total >= cuts[0]) return 3;
  return 2;
}

export { columnLetter };
