// Stage 1 of reading a results sheet: the task columns, with each task's maximum score (from its
// header «1 (2б)» or a «Макс. балл» row) and level (from a «Уровень сложности задания» row).
import { cellText, columnLetter, type Grid, isEmpty } from '../grid';
import type { Task, TaskLevel } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { asNumber } from './cells';
import { type HeaderInfo, headerLabel } from './header';
import { parseLevel } from './levels';
import { type Read, read } from './read';

export interface TaskColumns {
  tasks: Task[];
  /** 0-based column of each task, aligned with `tasks`. */
  cols: number[];
  /** 0-based rows of the «Макс. балл» and «Уровень» rows, when the sheet has them. */
  maxRow: number | null;
  levelRow: number | null;
}

const isMaxLabel = (v: unknown) => {
  const h = headerLabel(v);
  return h.startsWith('макс') || h === 'max';
};
const isLevelLabel = (v: unknown) => headerLabel(v).startsWith('уровень');

/**
 * A «Макс. балл» or «Уровень сложности» row near the header: labelled in a non-task column and
 * holding at least one fitting value under the tasks (title rows such as «Максимальный первичный балл:»
 * carry the label but nothing under the tasks).
 */
function findLabelledRow(
  values: Grid['values'],
  header: HeaderInfo,
  test: (v: unknown) => boolean,
  fits: (v: unknown) => boolean,
): number | null {
  const taskCols = new Set(header.tasks.map((t) => t.col));
  for (let r = Math.max(0, header.top - 3); r <= Math.min(values.length - 1, header.row + 3); r++) {
    if (r >= header.top && r <= header.row) continue;
    const row = values[r] ?? [];
    const labelled = row.some((v, c) => !taskCols.has(c) && test(v));
    if (labelled && header.tasks.some((t) => fits(row[t.col]))) return r;
  }
  return null;
}

/**
 * An unlabelled row of maxima right under the header: every task cell a positive number and nothing in
 * the identity and class columns (a student row always has a code or a name).
 */
function unlabelledMaxRow(values: Grid['values'], header: HeaderInfo): number | null {
  if (header.tasks.every((t) => t.max !== null)) return null;
  const r = header.row + 1;
  const row = values[r];
  if (!row) return null;
  const R = header.roles;
  for (const c of [R.code, R.name, R.classNum, R.className, R.variant]) if (c !== undefined && !isEmpty(row[c])) return null;
  const allNumbers = header.tasks.every((t) => {
    const n = asNumber(row[t.col]);
    return n !== null && n > 0;
  });
  return allNumbers ? r : null;
}

/** The highest points any row has in a column (at least 1): the max of a task whose header gives none. */
function observedMax(values: Grid['values'], from: number, col: number): number {
  let max = 1;
  for (let r = from; r < values.length; r++) {
    const n = asNumber(values[r]?.[col]);
    if (n !== null && n > max && n <= 100) max = n;
  }
  return max;
}

/**
 * `inferMax`: a ГИА exam, where protocols list task numbers without maxima — a missing max is the highest
 * score given (marked as inferred; a plan may raise it) instead of an error.
 */
export function readTaskColumns(values: Grid['values'], header: HeaderInfo, sheet: string, inferMax = false): Read<TaskColumns> {
  const problems: Problem[] = [];
  const err = (code: string, msg: string, row?: number, col?: number) => problems.push(problem('error', code, sheet, msg, row, col));
  const maxRow = findLabelledRow(values, header, isMaxLabel, (v) => asNumber(v) !== null) ?? unlabelledMaxRow(values, header);
  const levelRow = findLabelledRow(values, header, isLevelLabel, (v) => parseLevel(v) !== null);
  const tasks: Task[] = [];
  const cols: number[] = [];
  const seen = new Map<string, number>();
  for (const t of header.tasks) {
    let max = t.max;
    if (maxRow !== null) {
      const m = asNumber(values[maxRow]?.[t.col]);
      if (m !== null && max !== null && m !== max) err('max-conflict', S.maxConflict(t.id, max, m), maxRow + 1, t.col + 1);
      if (max === null) max = m;
    }
    let inferred = false;
    if (max === null && inferMax) {
      max = observedMax(values, Math.max(header.row, maxRow ?? -1, levelRow ?? -1) + 1, t.col);
      inferred = true;
    }
    if (max === null || max <= 0) {
      err('max-missing', S.maxMissing(t.id), header.row + 1, t.col + 1);
      continue;
    }
    const prev = seen.get(t.id);
    if (prev !== undefined) {
      err('duplicate-task', S.duplicateTask(t.id, columnLetter(prev + 1)), header.row + 1, t.col + 1);
      continue;
    }
    seen.set(t.id, t.col);
    let level: TaskLevel | null = null;
    if (levelRow !== null) {
      const lv = values[levelRow]?.[t.col];
      if (!isEmpty(lv)) {
        level = parseLevel(lv);
        if (!level) err('level-bad', S.levelBad(cellText(lv)), levelRow + 1, t.col + 1);
      }
    }
    tasks.push(inferred ? { id: t.id, max, level, maxInferred: true } : { id: t.id, max, level });
    cols.push(t.col);
  }
  if (tasks.length === 0) err('no-tasks', S.noTaskColumns, header.row + 1);
  return read({ tasks, cols, maxRow, levelRow }, problems);
}
