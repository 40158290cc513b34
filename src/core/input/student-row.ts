// Stage 3 of reading a results sheet: one table row → a participant (present or absent) or a refusal
// with the cell that is wrong. The walker (table-rows.ts) decides which rows are rows of the table.
import { type CellValue, cellText, isEmpty } from '../grid';
import type { Layout, Score, Student, Task } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { type AnswerColumns, scoresFromStrings } from './answer-strings';
import { asNumber, isAbsentMarker, readMarkCell, readScoreCell } from './cells';
import { type ClassSpellings, canonicalClassName, gradeOfClassName, numberedClassName } from './class-names';
import type { ClassMap } from './config';
import type { Role } from './header';

/** Where things are in the table: fixed for a sheet. */
export interface TableColumns {
  sheet: string;
  layout: Layout;
  roles: Partial<Record<Role, number>>;
  tasks: Task[];
  /** 0-based column of each task. */
  taskCols: number[];
  /** Per task: 0 for the first part of a two-part form (or a one-part form), 1 for the second. */
  partOf: number[];
  /** Columns ОКО does not use: an «отсутствовал» there (e.g. in «Примечание») still marks absence. */
  ignoredCols: number[];
  /** The variant columns: one, or two in a two-part form. */
  variantCols: number[];
  /** Columns that make a row a participant's row when filled: code, name, variants, class. */
  identityCols: number[];
  /** A ГИА protocol's answer strings (then `taskCols` is empty). */
  answers?: AnswerColumns;
  /** Columns that hold scores: the task columns, or the answer strings. */
  scoreCols: number[];
  journalCol: number | undefined;
  markLabel: string;
  journalLabel: string;
}

export interface RowContext {
  classes: ClassMap | null;
  spellings: ClassSpellings;
  /** The procedure's grade from its title, for classes whose name carries none. */
  grade: number | null;
}

export type RowResult =
  | { kind: 'student'; present: boolean; student: Student; problems: Problem[] }
  | { kind: 'refused'; problems: Problem[] };

/** Integer variant numbers, or an absent marker. */
function variantOf(v: CellValue | undefined): 'empty' | 'absent' | { n: string } | 'bad' {
  if (isEmpty(v)) return 'empty';
  if (isAbsentMarker(v)) return 'absent';
  const n = asNumber(v);
  if (n !== null && Number.isInteger(n) && n >= 0) return { n: String(n) };
  return 'bad';
}

export function readStudentRow(row: readonly CellValue[], rowNo: number, school: string, c: TableColumns, ctx: RowContext): RowResult {
  const problems: Problem[] = [];
  const err = (code: string, msg: string, col?: number) => problems.push(problem('error', code, c.sheet, msg, rowNo, col));
  const refuse = (): RowResult => ({ kind: 'refused', problems });
  const R = c.roles;

  // ---- identity (a protocol has «Фамилия», «Имя», «Отчество» in three columns)
  const name =
    R.name !== undefined
      ? cellText(row[R.name])
      : [R.surname, R.firstName, R.patronymic]
          .map((col) => (col === undefined ? '' : cellText(row[col])))
          .filter((x) => x !== '')
          .join(' ');
  let code = R.code !== undefined ? cellText(row[R.code]) : '';
  if (code === '' && name === '') {
    err(
      R.code !== undefined ? 'code-missing' : 'name-missing',
      R.code !== undefined ? S.codeMissing : S.nameMissing,
      (R.code ?? R.name ?? R.surname ?? 0) + 1,
    );
    return refuse();
  }
  if (code === '') code = name;

  // ---- presence: «отсутствовал» in a variant column, a task cell or a column ОКО does not use
  const parts = c.variantCols.map((col) => ({ col, v: variantOf(row[col]) }));
  let variant: string | undefined;
  for (const p of parts) {
    if (p.v === 'bad') {
      err('variant-bad', S.variantBad(cellText(row[p.col])), p.col + 1);
      return refuse();
    }
    if (typeof p.v === 'object') variant ??= p.v.n;
  }
  const partAbsent = parts.map((p) => p.v === 'absent');
  const allPartsAbsent = parts.length > 0 ? partAbsent.every(Boolean) : false;

  // ---- scores
  const nTasks = c.tasks.length;
  const scores: Score[] = new Array(nTasks);
  let total = 0;
  let rowOk = true;
  const empty: number[] = [];
  let absentCell = false;
  if (c.answers) {
    const fromStrings = scoresFromStrings(row, c.tasks, c.answers, c.sheet, rowNo);
    for (const p of fromStrings.problems) problems.push(p);
    if (fromStrings.empty) for (let i = 0; i < nTasks; i++) empty.push(i);
    else if (!fromStrings.scores) rowOk = false;
    else
      fromStrings.scores.forEach((v, i) => {
        scores[i] = v;
        total += v;
      });
    for (let i = 0; i < nTasks; i++) scores[i] ??= 'X';
  } else
    for (let i = 0; i < nTasks; i++) {
      const col = c.taskCols[i] as number;
      const task = c.tasks[i] as Task;
      const v = row[col];
      // The common case first, without allocating: whole points within the maximum.
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= task.max) {
        scores[i] = v;
        total += v;
        continue;
      }
      const cell = readScoreCell(v, task.max);
      switch (cell.kind) {
        case 'points':
          scores[i] = cell.value;
          total += cell.value;
          break;
        case 'x':
          scores[i] = 'X';
          break;
        case 'absent':
          absentCell = true;
          scores[i] = 'X';
          break;
        case 'empty':
          scores[i] = 'X';
          // A task of a part the participant missed (two-part form) is 0 points, not a gap.
          if (!partAbsent[c.partOf[i] as number]) empty.push(i);
          break;
        case 'bad-number':
          rowOk = false;
          if (cell.reason === 'negative') err('score-negative', S.scoreNegative(task.id, cell.value), col + 1);
          else if (cell.reason === 'above-max') err('score-above-max', S.scoreAboveMax(task.id, cell.value, task.max), col + 1);
          else err('score-fraction', S.scoreFraction(task.id, cell.value), col + 1);
          break;
        case 'text':
          rowOk = false;
          err('score-text', S.scoreText(task.id, cell.text), col + 1);
          break;
      }
    }
  const noScores = empty.length === nTasks;
  const markedAbsent = partAbsent.some(Boolean) || absentCell || c.ignoredCols.some((col) => isAbsentMarker(row[col]));
  // Absent: every variant says so, a task cell says so, or the row is marked and holds no scores; a
  // generic table (no variant column) also marks absence by leaving every task empty.
  const present = !(allPartsAbsent || absentCell || (markedAbsent && noScores) || (c.layout !== 'vpr-form' && noScores));
  if (present && parts.length > 0 && c.layout === 'vpr-form' && parts.every((p) => p.v === 'empty')) {
    err('variant-missing', S.variantMissing, (parts[0] as { col: number }).col + 1);
    return refuse();
  }

  // ---- class
  const classCol = R.classNum ?? R.className;
  const classCell = classCol !== undefined ? row[classCol] : undefined;
  let className = '';
  let classGrade: number | null = null;
  if (classCol === undefined || isEmpty(classCell)) {
    // The official form leaves the class of an absent participant empty.
    if (present) {
      err('class-missing', S.classMissing, (classCol ?? 0) + 1);
      return refuse();
    }
  } else {
    const n = asNumber(classCell);
    const number = n !== null && Number.isInteger(n) && n >= 1 && n <= 50 ? n : null;
    const shaped = gradeOfClassName(canonicalClassName(classCell)) !== null;
    if (number !== null) {
      if (ctx.classes) {
        const mapped = ctx.classes.names.get(number);
        if (mapped === undefined) {
          err('class-unknown', S.classUnknown(String(number), ctx.classes.sheet), classCol + 1);
          return refuse();
        }
        className = ctx.spellings.add(mapped);
      } else className = numberedClassName(number);
    } else if (R.classNum === classCol && !shaped) {
      // A class-number column may hold a class name («7 а»); anything else is a typo.
      err('class-number-bad', S.classNumberBad(cellText(classCell)), classCol + 1);
      return refuse();
    } else className = ctx.spellings.add(classCell);
    classGrade = gradeOfClassName(className);
  }

  if (present && empty.length > 0) {
    for (const i of empty) err('score-empty', S.scoreEmpty((c.tasks[i] as Task).id), (c.taskCols[i] as number) + 1);
    rowOk = false;
  }

  // ---- marks
  const mark = readMark(row, R.mark, c.markLabel, err);
  const journalMark = readMark(row, c.journalCol, c.journalLabel, err);
  if (mark === undefined || journalMark === undefined || !rowOk) return refuse();

  const testCol = R.testScore;
  const test = testCol === undefined ? null : asNumber(row[testCol]);
  const st: Student = {
    code,
    school,
    className,
    grade: classGrade ?? ctx.grade,
    scores,
    total,
    mark: present ? mark : null,
    journalMark,
    row: rowNo,
    // Always present (undefined when the form has none): one object shape for every row is cheaper to build.
    variant,
  };
  if ((R.name !== undefined || R.surname !== undefined) && name !== '') st.name = name;
  if (present && test !== null) st.testScore = test;
  return { kind: 'student', present, student: st, problems };
}

function readMark(
  row: readonly CellValue[],
  col: number | undefined,
  label: string,
  err: (code: string, msg: string, col?: number) => void,
): number | null | undefined {
  if (col === undefined) return null;
  const m = readMarkCell(row[col]);
  if (m === undefined) err('mark-bad', S.markBad(label, cellText(row[col])), col + 1);
  return m;
}
