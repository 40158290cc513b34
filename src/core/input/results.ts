// Reads one results sheet in any of the three layouts (ВПР форма сбора, ФИС ОКО Ф1, generic table)
// into a Procedure. The layouts share one reader: they differ in which columns exist.
import { cellText, columnLetter, type Grid, isEmpty, norm } from '../grid';
import type { Layout, Procedure, Score, Student, Task, TaskLevel } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import type { ClassMap } from './config';
import { parseLevel } from './levels';
import { dateFromCell, mergeMeta, metaFromText, type PartialMeta, procedureKey, procedureTitle } from './meta';
import { findSubject } from './subjects';
import { parseTaskCode, parseTaskHeader } from './task-header';

type Role =
  | 'code'
  | 'name'
  | 'variant'
  | 'classNum'
  | 'className'
  | 'prevMark'
  | 'journal'
  | 'total'
  | 'mark'
  | 'schoolCode'
  | 'schoolName'
  | 'municipality';

const ROLE_LABELS: [Role, (h: string) => boolean][] = [
  ['code', (h) => ['код участника', 'код', 'код ученика', 'код обучающегося', 'код уч'].includes(h)],
  ['name', (h) => ['фио', 'ф и о', 'фамилия имя', 'фамилия, имя', 'фамилия и имя', 'ученик', 'обучающийся', 'участник'].includes(h)],
  ['variant', (h) => h === 'вариант'],
  ['classNum', (h) => h === 'порядковый номер класса' || h === 'номер класса'],
  ['className', (h) => h === 'класс'],
  ['prevMark', (h) => /^(отметка|оценка) за (предыдущ|четверт|триместр|полугод)/.test(h)],
  ['journal', (h) => /^(отметка|оценка) по журналу$/.test(h) || h === 'журнальная отметка'],
  ['total', (h) => ['итого баллов', 'итого', 'первичный балл', 'сумма баллов', 'сумма', 'всего баллов', 'балл'].includes(h)],
  ['mark', (h) => ['отметка', 'оценка', 'отметка за работу', 'оценка за работу'].includes(h)],
  ['schoolCode', (h) => h === 'оо' || h === 'код оо'],
  ['schoolName', (h) => h === 'название оо' || h === 'школа' || h === 'образовательная организация'],
  ['municipality', (h) => h === 'муниципалитет' || h === 'мо'],
];

function headerLabel(v: unknown): string {
  return norm(v)
    .replace(/[.:]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

interface TaskCol {
  col: number;
  id: string;
  max: number | null;
}

interface HeaderInfo {
  row: number;
  roles: Partial<Record<Role, number>>;
  tasks: TaskCol[];
  ignored: { col: number; text: string }[];
}

const SCAN_ROWS = 40;

function scanHeader(values: Grid['values'], r: number): HeaderInfo {
  const row = values[r] ?? [];
  const roles: Partial<Record<Role, number>> = {};
  const tasks: TaskCol[] = [];
  const ignored: { col: number; text: string }[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isEmpty(v)) continue;
    const withMax = parseTaskHeader(v);
    if (withMax) {
      tasks.push({ col: c, id: withMax.id, max: withMax.max });
      continue;
    }
    const h = headerLabel(v);
    const role = ROLE_LABELS.find(([k, test]) => roles[k] === undefined && test(h));
    if (role) {
      roles[role[0]] = c;
      continue;
    }
    const code = parseTaskCode(v);
    if (code) tasks.push({ col: c, id: code, max: null });
    else ignored.push({ col: c, text: cellText(v) });
  }
  return { row: r, roles, tasks, ignored };
}

/** Text of a sheet that marks it as meant to hold results, even when its header is broken. */
function looksLikeResults(values: Grid['values']): boolean {
  let taskHeaders = 0;
  for (let r = 0; r < Math.min(values.length, SCAN_ROWS); r++) {
    for (const v of values[r] ?? []) {
      if (parseTaskHeader(v)) taskHeaders++;
      const h = headerLabel(v);
      if (h === 'код участника' || h === 'первичный балл' || h === 'итого баллов') return true;
    }
  }
  return taskHeaders >= 2;
}

export type HeaderSearch =
  | { kind: 'found'; header: HeaderInfo; layout: Layout }
  | { kind: 'broken'; missing: string[]; row: number }
  | { kind: 'none' };

export function findResultsHeader(grid: Grid): HeaderSearch {
  const values = grid.values;
  let best: { header: HeaderInfo; missing: string[] } | null = null;
  for (let r = 0; r < Math.min(values.length, SCAN_ROWS); r++) {
    const h = scanHeader(values, r);
    const hasId = h.roles.code !== undefined || h.roles.name !== undefined;
    const hasClass = h.roles.classNum !== undefined || h.roles.className !== undefined;
    const hasTasks = h.tasks.length > 0;
    if (hasId && hasClass && hasTasks) {
      const layout: Layout =
        h.roles.variant !== undefined && h.roles.classNum !== undefined
          ? 'vpr-form'
          : h.roles.schoolName !== undefined || h.roles.schoolCode !== undefined
            ? 'fis-f1'
            : 'generic';
      return { kind: 'found', header: h, layout };
    }
    const missing: string[] = [];
    if (!hasId) missing.push('Код участника');
    if (!hasClass) missing.push('Класс');
    if (!hasTasks) missing.push('задания, например «1 (2б)»');
    const score = 3 - missing.length;
    if (score >= 1 && (!best || missing.length < best.missing.length)) best = { header: h, missing };
  }
  if (best && looksLikeResults(values)) return { kind: 'broken', missing: best.missing, row: best.header.row + 1 };
  if (looksLikeResults(values)) return { kind: 'broken', missing: ['Код участника', 'Класс', 'задания'], row: 0 };
  return { kind: 'none' };
}

function isMaxLabel(v: unknown): boolean {
  const h = headerLabel(v);
  return h.startsWith('макс') || h === 'max';
}
function isLevelLabel(v: unknown): boolean {
  return headerLabel(v).startsWith('уровень');
}

/**
 * Finds a «Макс. балл» or «Уровень сложности» row near the header: labelled in a non-task column and
 * holding at least one fitting value under the tasks (title rows such as «Максимальный первичный балл:»
 * carry the label but nothing under the tasks).
 */
function findLabelledRow(
  values: Grid['values'],
  header: HeaderInfo,
  test: (v: unknown) => boolean,
  fits: (v: unknown) => boolean,
  from: number,
  to: number,
): number | null {
  const taskCols = new Set(header.tasks.map((t) => t.col));
  for (let r = Math.max(0, from); r <= Math.min(values.length - 1, to); r++) {
    if (r === header.row) continue;
    const row = values[r] ?? [];
    const labelled = row.some((v, c) => !taskCols.has(c) && test(v));
    if (labelled && header.tasks.some((t) => fits(row[t.col]))) return r;
  }
  return null;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = cellText(v).replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const ABSENT = new Set(['отсутствовал', 'отсутствовала', 'отсутствовал(а)', 'отс', 'н', 'неявка', 'не явился']);
const NO_MARK = new Set(['нет отметки', 'нет', '-', '—', 'н/а']);
const X_VALUES = new Set(['x', 'х']); // Latin and Cyrillic

export interface ReadContext {
  workbookName: string;
  classes: ClassMap | null;
  /** Reports are capped per sheet so a broken sheet of 10 000 rows stays readable. */
  maxProblemsPerSheet?: number;
}

const DEFAULT_SCHOOL = 'Школа';

/** A mark 2–5; null when empty or «нет отметки»; undefined (with an error) when impossible. */
function readMark(
  row: readonly unknown[],
  col: number | undefined,
  label: string,
  rowNo: number,
  err: (code: string, msg: string, row?: number, col?: number) => void,
): number | null | undefined {
  if (col === undefined) return null;
  const v = row[col];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 5) return v;
  if (isEmpty(v) || NO_MARK.has(norm(v))) return null;
  const n = asNumber(v);
  if (n !== null && Number.isInteger(n) && n >= 2 && n <= 5) return n;
  err('mark-bad', S.markBad(label, cellText(v)), rowNo, col + 1);
  return undefined;
}

function readMetaRows(values: Grid['values'], headerRow: number): { meta: PartialMeta; maxTotal: number | null; school: string | null } {
  const meta: PartialMeta = {};
  let maxTotal: number | null = null;
  let school: string | null = null;
  for (let r = 0; r < headerRow; r++) {
    const row = values[r] ?? [];
    const cells = row.map(cellText).filter((t) => t !== '');
    if (cells.length === 0) continue;
    const label = norm(cells[0]).replace(/:$/, '');
    const value = row.slice(row.findIndex((v) => !isEmpty(v)) + 1).find((v) => !isEmpty(v));
    if (label === 'предмет' && value !== undefined) {
      const t = cellText(value);
      meta.subject = findSubject(t)?.name ?? t;
    } else if (label.startsWith('максимальный первичный балл') || label.startsWith('макс')) {
      maxTotal = asNumber(value);
    } else if (label === 'дата' || label === 'дата проведения') {
      const d = dateFromCell(value);
      if (d) meta.date = d;
    } else if (label === 'класс' || label === 'параллель') {
      const g = Number.parseInt(cellText(value), 10);
      if (Number.isFinite(g)) meta.grade = g;
    } else if (label === 'школа' || label === 'оо' || label === 'образовательная организация') {
      if (value !== undefined) school = cellText(value);
    } else {
      const m = metaFromText(cells.join(' '));
      for (const k of Object.keys(m) as (keyof PartialMeta)[]) if (meta[k] === undefined) (meta as Record<string, unknown>)[k] = m[k];
    }
  }
  return { meta, maxTotal, school };
}

const GROUP_ROW = /кол-?во участников\s*:?\s*(\d+)/i;

function schoolCodeOf(name: string): string | null {
  const m = /\((edu\d+)\)/i.exec(name);
  return m ? (m[1] as string) : null;
}

/**
 * Reads a results sheet. Problems are appended to `problems`; the procedure is returned even with
 * errors (callers refuse to write when any error exists).
 */
export function readResults(
  grid: Grid,
  found: { header: HeaderInfo; layout: Layout },
  ctx: ReadContext,
  problems: Problem[],
): Procedure | null {
  const { header, layout } = found;
  const values = grid.values;
  const sheet = grid.name;
  const cap = ctx.maxProblemsPerSheet ?? 300;
  let sheetErrors = 0;
  let suppressed = 0;
  const add = (p: Problem) => {
    if (p.severity === 'error') {
      sheetErrors++;
      if (sheetErrors > cap) {
        suppressed++;
        return;
      }
    }
    problems.push(p);
  };
  const err = (code: string, msg: string, row?: number, col?: number) => add(problem('error', code, sheet, msg, row, col));

  // ---- tasks: max scores and levels ------------------------------------------------------------
  const maxRow = findLabelledRow(values, header, isMaxLabel, (v) => asNumber(v) !== null, header.row - 3, header.row + 3);
  const levelRow = findLabelledRow(values, header, isLevelLabel, (v) => parseLevel(v) !== null, header.row - 3, header.row + 3);
  const tasks: Task[] = [];
  const taskCols: number[] = [];
  const seen = new Map<string, number>();
  for (const t of header.tasks) {
    let max = t.max;
    if (maxRow !== null) {
      const m = asNumber(values[maxRow]?.[t.col]);
      if (m !== null && max !== null && m !== max) err('max-conflict', S.maxConflict(t.id, max, m), maxRow + 1, t.col + 1);
      if (max === null) max = m;
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
    tasks.push({ id: t.id, max, level });
    taskCols.push(t.col);
  }
  if (tasks.length === 0) {
    err('no-tasks', S.noTaskColumns, header.row + 1);
    return null;
  }
  for (const ig of header.ignored) {
    add(problem('info', 'column-ignored', sheet, S.columnIgnored(ig.text), header.row + 1, ig.col + 1));
  }

  // ---- procedure metadata ----------------------------------------------------------------------
  const top = readMetaRows(values, Math.min(header.row, levelRow ?? header.row, maxRow ?? header.row));
  const meta = mergeMeta(top.meta, metaFromText(sheet), metaFromText(ctx.workbookName));
  const maxTotal = tasks.reduce((s, t) => s + t.max, 0);
  if (top.maxTotal !== null && Math.abs(top.maxTotal - maxTotal) > 1e-9) {
    add(problem('warning', 'max-total-mismatch', sheet, S.maxTotalMismatch(top.maxTotal, maxTotal)));
  }

  // ---- rows ------------------------------------------------------------------------------------
  const R = header.roles;
  const dataStart = Math.max(header.row, maxRow ?? -1, levelRow ?? -1) + 1;
  const students: Student[] = [];
  const absent: Student[] = [];
  const firstRowOfCode = new Map<string, number>();
  const schools: string[] = [];
  const schoolSet = new Set<string>();
  let school = top.school ?? DEFAULT_SCHOOL;
  let groupStated: { name: string; count: number; found: number } | null = null;
  const closeGroup = () => {
    if (groupStated && groupStated.found !== groupStated.count) {
      add(problem('warning', 'group-count', sheet, S.groupCountMismatch(groupStated.name, groupStated.count, groupStated.found)));
    }
  };
  const usedClassNumbers = new Set<number>();
  const journalCol = R.journal ?? R.prevMark;
  const markLabel = R.mark === undefined ? '' : cellText(values[header.row]?.[R.mark]);
  const journalLabel = journalCol === undefined ? '' : cellText(values[header.row]?.[journalCol]);
  const nTasks = tasks.length;
  const classCol = R.classNum ?? R.className;

  for (let r = dataStart; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    const rowNo = r + 1;
    const codeCell = R.code !== undefined ? row[R.code] : undefined;
    const nameCell = R.name !== undefined ? row[R.name] : undefined;

    // Ф1 group row: «Название ОО(eduNNN) | Кол-во участников: 89» in one cell.
    const first = row.find((v) => !isEmpty(v));
    if (first !== undefined && typeof first === 'string' && GROUP_ROW.test(first) && isEmpty(codeCell)) {
      closeGroup();
      const name = first.split('|')[0]?.trim() || first;
      school = name.replace(GROUP_ROW, '').trim() || name;
      groupStated = { name: school, count: Number(GROUP_ROW.exec(first)?.[1]), found: 0 };
      continue;
    }

    // Template rows of the form hold only the «Итого» formula (0): nothing the user typed.
    let anyTask = false;
    for (let i = 0; i < nTasks; i++) {
      if (!isEmpty(row[taskCols[i] as number])) {
        anyTask = true;
        break;
      }
    }
    const variantCell = R.variant !== undefined ? row[R.variant] : undefined;
    const classCell = classCol !== undefined ? row[classCol] : undefined;
    if (!anyTask && isEmpty(codeCell) && isEmpty(nameCell) && isEmpty(variantCell) && isEmpty(classCell)) continue;

    // A summary line at the bottom of a hand-made table («Итого», «Средний балл»).
    if (
      isEmpty(codeCell) &&
      isEmpty(variantCell) &&
      typeof first === 'string' &&
      /^(итого|всего|средн|% выполн|процент)/i.test(cellText(first))
    ) {
      add(problem('info', 'summary-row', sheet, S.summaryRowSkipped, rowNo));
      continue;
    }

    // ---- identity
    let code = cellText(codeCell);
    const name = cellText(nameCell);
    if (code === '' && name === '') {
      err(
        R.code !== undefined ? 'code-missing' : 'name-missing',
        R.code !== undefined ? S.codeMissing : S.nameMissing,
        rowNo,
        (R.code ?? R.name ?? 0) + 1,
      );
      continue;
    }
    if (code === '') code = name;

    // ---- school (Ф1)
    let rowSchool = school;
    if (R.schoolName !== undefined && !isEmpty(row[R.schoolName])) rowSchool = cellText(row[R.schoolName]);
    if (!schoolSet.has(rowSchool)) {
      schoolSet.add(rowSchool);
      schools.push(rowSchool);
    }

    // ---- presence
    let present = true;
    let variant: string | undefined;
    if (R.variant !== undefined) {
      const vt = norm(variantCell);
      if (vt === '') {
        if (layout === 'vpr-form') {
          err('variant-missing', S.variantMissing, rowNo, R.variant + 1);
          continue;
        }
      } else if (ABSENT.has(vt)) present = false;
      else if (asNumber(variantCell) !== null && Number.isInteger(asNumber(variantCell))) variant = String(asNumber(variantCell));
      else {
        err('variant-bad', S.variantBad(cellText(variantCell)), rowNo, R.variant + 1);
        continue;
      }
    }

    // ---- class
    let className: string;
    let classFromMap = false;
    if (classCol === undefined || isEmpty(classCell)) {
      err('class-missing', S.classMissing, rowNo, (classCol ?? 0) + 1);
      continue;
    }
    const classNum = asNumber(classCell);
    if (R.classNum !== undefined && (classNum === null || !Number.isInteger(classNum) || classNum < 1 || classNum > 50)) {
      err('class-number-bad', S.classNumberBad(cellText(classCell)), rowNo, classCol + 1);
      continue;
    }
    if (classNum !== null && Number.isInteger(classNum) && classNum >= 1 && classNum <= 50) {
      usedClassNumbers.add(classNum);
      if (ctx.classes) {
        const mapped = ctx.classes.names.get(classNum);
        if (mapped === undefined) {
          err('class-unknown', S.classUnknown(String(classNum), ctx.classes.sheet), rowNo, classCol + 1);
          continue;
        }
        className = mapped;
        classFromMap = true;
      } else className = String(classNum);
    } else className = cellText(classCell);

    // ---- scores
    const scores: Score[] = new Array(nTasks);
    let total = 0;
    let rowOk = true;
    let emptyTasks = 0;
    let absentMark = false;
    for (let i = 0; i < nTasks; i++) {
      const col = taskCols[i] as number;
      const v = row[col];
      const task = tasks[i] as Task;
      if (typeof v === 'number') {
        if (v < 0) {
          err('score-negative', S.scoreNegative(task.id, v), rowNo, col + 1);
          rowOk = false;
        } else if (v > task.max) {
          err('score-above-max', S.scoreAboveMax(task.id, v, task.max), rowNo, col + 1);
          rowOk = false;
        } else {
          scores[i] = v;
          total += v;
        }
        continue;
      }
      if (isEmpty(v)) {
        emptyTasks++;
        scores[i] = 'X';
        continue;
      }
      const t = norm(v);
      if (X_VALUES.has(t)) {
        scores[i] = 'X';
        continue;
      }
      if (ABSENT.has(t)) {
        absentMark = true;
        scores[i] = 'X';
        continue;
      }
      const n = asNumber(v);
      if (n !== null) {
        if (n < 0) err('score-negative', S.scoreNegative(task.id, n), rowNo, col + 1);
        else if (n > task.max) err('score-above-max', S.scoreAboveMax(task.id, n, task.max), rowNo, col + 1);
        else {
          scores[i] = n;
          total += n;
          continue;
        }
        rowOk = false;
        continue;
      }
      err('score-text', S.scoreText(task.id, cellText(v)), rowNo, col + 1);
      rowOk = false;
    }
    // A generic table marks an absent student by «отсутствовал» or by leaving every task empty.
    if (present && (absentMark || (layout !== 'vpr-form' && emptyTasks === nTasks))) present = false;
    if (present && emptyTasks > 0) {
      for (let i = 0; i < nTasks; i++) {
        const col = taskCols[i] as number;
        if (isEmpty(row[col])) err('score-empty', S.scoreEmpty((tasks[i] as Task).id), rowNo, col + 1);
      }
      rowOk = false;
    }

    // ---- marks
    const mark = readMark(row, R.mark, markLabel, rowNo, err);
    const journalMark = readMark(row, journalCol, journalLabel, rowNo, err);
    if (mark === undefined || journalMark === undefined || !rowOk) continue;

    // ---- duplicates (absent rows count too: one code is one student)
    const key = R.code !== undefined ? code : `${name}|${className}`;
    const dupKey = `${rowSchool}|${key}`;
    const prevRow = firstRowOfCode.get(dupKey);
    if (prevRow !== undefined) {
      err('duplicate-code', S.duplicateCode(code, prevRow), rowNo, (R.code ?? R.name ?? 0) + 1);
      continue;
    }
    firstRowOfCode.set(dupKey, rowNo);

    // ---- total written in the file
    if (present && R.total !== undefined) {
      const ft = asNumber(row[R.total]);
      if (ft !== null && Math.abs(ft - total) > 1e-9) {
        add(problem('warning', 'total-mismatch', sheet, S.totalMismatch(ft, total), rowNo, R.total + 1));
      }
    }

    const gradeMatch = /^(\d{1,2})\s*[-–]?\s*[А-ЯЁA-Zа-яёa-z]/.exec(className);
    const grade = gradeMatch && (classFromMap || R.classNum === undefined) ? Number(gradeMatch[1]) : meta.grade;
    const st: Student = {
      code,
      school: rowSchool,
      className,
      grade,
      scores,
      total,
      mark: present ? mark : null,
      journalMark,
      row: rowNo,
    };
    if (R.name !== undefined && name !== '') st.name = name;
    if (variant !== undefined) st.variant = variant;
    if (groupStated) groupStated.found++;
    (present ? students : absent).push(st);
  }
  closeGroup();
  if (suppressed > 0) {
    problems.push(
      problem('error', 'more-errors', sheet, `…и ещё ошибок: ${suppressed}. Исправьте перечисленные и запустите проверку снова.`),
    );
  }

  if (students.length === 0 && absent.length === 0 && sheetErrors === 0) {
    err('empty-form', S.emptyForm);
  }
  if (schools.length === 0) schools.push(school);

  // The grade of a procedure without a stated grade: the most common class grade.
  if (meta.grade === null) {
    const counts = new Map<number, number>();
    for (const s of students) if (s.grade !== null) counts.set(s.grade, (counts.get(s.grade) ?? 0) + 1);
    let best: number | null = null;
    for (const [g, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = g;
    meta.grade = best;
    if (best !== null) for (const s of students) s.grade ??= best;
  }
  if (layout !== 'fis-f1' && !ctx.classes && R.classNum !== undefined && usedClassNumbers.size > 0) {
    add(problem('info', 'classes-by-number', sheet, S.classesByNumber));
  }

  return {
    key: procedureKey(meta, sheet),
    title: procedureTitle(meta),
    meta,
    sheet,
    layout,
    tasks,
    students,
    absent,
    maxTotal,
    markSource: students.some((s) => s.mark !== null) ? 'file' : 'none',
    cuts: null,
    planSource: levelRow !== null ? 'file' : null,
    schools,
  };
}

export { schoolCodeOf };
