// Reads one results sheet in any of the three layouts (ВПР форма сбора, ФИС ОКО Ф1, generic table)
// into a Procedure. The layouts share one reader, in named stages:
//   1. task columns (task-columns.ts)    — codes, maxima, levels;
//   2. title rows (meta.ts)              — kind, year, subject, grade, date, school;
//   3. formula columns (here)            — «Отметка» / «Первичный балл» with no saved values;
//   4. table rows (table-rows.ts)        — participants, absent rows, school rows, the end of the table;
//   5. checks and notes (here)           — totals, grade, class spellings, what the title lacks.
import { cellText, columnLetter, type Grid, isEmpty } from '../grid';
import { isGia, type Layout, type Procedure, type Student } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { type AnswerColumns, readAnswerColumns } from './answer-strings';
import { asNumber, isXMark } from './cells';
import { ClassSpellings } from './class-names';
import type { ClassMap } from './config';
import type { HeaderInfo, Role } from './header';
import { mergeMeta, metaFromText, procedureKey, procedureTitle, readTitleRows, UNKNOWN_SUBJECT } from './meta';
import { type Read, read, take } from './read';
import type { TableColumns } from './student-row';
import { readTableRows } from './table-rows';
import { readTaskColumns } from './task-columns';

export { findResultsHeader, type HeaderSearch } from './header';

export interface ReadContext {
  workbookName: string;
  classes: ClassMap | null;
  /** Reports are capped per sheet so a broken sheet of 10 000 rows stays readable. */
  maxProblemsPerSheet?: number;
}

/** What a sheet that names no school calls its school (linking.ts resolves it to the named one). */
export const DEFAULT_SCHOOL = 'Школа';

/** The ФИС ОКО school id inside a school name: «МБОУ «СОШ №1»(edu203389)» → «edu203389». */
export function schoolCodeOf(name: string): string | null {
  const m = /\((edu\d+)\)/i.exec(name);
  return m ? (m[1] as string) : null;
}

/** Keeps at most `cap` errors of a sheet and says how many more there were. */
function capErrors(problems: Problem[], sheet: string, cap: number): Problem[] {
  let errors = 0;
  const out = problems.filter((p) => p.severity !== 'error' || ++errors <= cap);
  if (errors > cap) out.push(problem('error', 'more-errors', sheet, S.moreErrors(errors - cap)));
  return out;
}

// ---- stage 3: formula columns without saved values -----------------------------------------------

interface FormulaColumn {
  role: 'mark' | 'total';
  col: number;
  label: string;
}

/**
 * «Отметка» or «Первичный балл» columns that hold nothing but blanks or zeros in the participants' rows:
 * formulas whose values the file did not save (a program that does not recalculate wrote it). They are
 * not read as marks «0» or errors: the caller recomputes or says which column it could not use.
 */
function emptyFormulaColumns(values: Grid['values'], dataStart: number, header: HeaderInfo, c: TableColumns): FormulaColumn[] {
  const taskCols = c.taskCols;
  // Answer strings of a protocol: a participant's row has one; points when it has a «+» or a digit above 0.
  const strings = c.answers ? c.scoreCols : [];
  const participant = (row: readonly unknown[]) =>
    taskCols.some((k) => asNumber(row[k]) !== null || isXMark(row[k])) || strings.some((k) => cellText(row[k]) !== '');
  const points = (row: readonly unknown[]) =>
    taskCols.some((k) => (asNumber(row[k]) ?? 0) > 0) || strings.some((k) => /[+1-9]/.test(cellText(row[k])));
  const out: FormulaColumn[] = [];
  const R = header.roles;
  for (const role of ['mark', 'total'] as const) {
    const col = R[role];
    if (col === undefined) continue;
    let rows = 0;
    let filled = 0;
    for (let r = dataStart; r < values.length; r++) {
      const row = values[r] ?? [];
      // Only participants' rows (points or «X»): a merged school row repeats its text in every column.
      if (!participant(row)) continue;
      const v = row[col];
      if (!isEmpty(v) && asNumber(v) !== 0) {
        filled++;
        break;
      }
      // Rows with points: participants who sat the work.
      if (rows === 0 && points(row)) rows++;
    }
    if (rows > 0 && filled === 0) out.push({ role, col, label: cellText(values[header.row]?.[col]) });
  }
  return out;
}

/**
 * Stage 3 on the table's columns: a formula column without values is dropped from the roles (it is not
 * read as marks «0»), and an empty «Первичный балл» is said. Returns the empty «Отметка» column, if any,
 * so the procedure can say which column it recomputed. The labels are kept for messages and notes.
 */
export function settleFormulaColumns(
  values: Grid['values'],
  dataStart: number,
  header: HeaderInfo,
  columns: TableColumns,
): Read<FormulaColumn | undefined> {
  const headerText = (col: number | undefined) =>
    col === undefined ? '' : cellText(values[header.row]?.[col]) || cellText(values[header.top]?.[col]);
  const formula = emptyFormulaColumns(values, dataStart, header, columns);
  for (const f of formula) delete columns.roles[f.role];
  columns.markLabel = headerText(columns.roles.mark);
  columns.journalLabel = headerText(columns.journalCol);
  const problems: Problem[] = [];
  const emptyTotal = formula.find((f) => f.role === 'total');
  if (emptyTotal) {
    problems.push(
      problem('info', 'total-column-empty', columns.sheet, S.totalColumnEmpty(emptyTotal.label, columnLetter(emptyTotal.col + 1))),
    );
  }
  return read(
    formula.find((f) => f.role === 'mark'),
    problems,
  );
}

// ---- stage 5: checks and notes ---------------------------------------------------------------------

/**
 * What the title did not say, worked out from the rows (so the procedure can still be keyed and
 * compared): the grade from the students' classes; a ГИА protocol's exam from its columns — a test score
 * makes it ЕГЭ, otherwise grade 11 ЕГЭ and grade 9 ОГЭ. Fills `meta` in place; says what it inferred.
 */
export function completeMeta(
  meta: Procedure['meta'],
  layout: Layout,
  columns: TableColumns,
  students: Student[],
  sheet: string,
): Problem[] {
  if (meta.grade === null) meta.grade = inferGrade(students);
  if (layout !== 'gia-protocol' || isGia({ meta })) return [];
  const kind = columns.roles.testScore !== undefined || meta.grade === 11 ? 'ЕГЭ' : meta.grade === 9 ? 'ОГЭ' : null;
  if (!kind) return [];
  meta.kind = kind;
  return [problem('info', 'kind-inferred', sheet, S.gia.kindInferred(kind))];
}

/**
 * Notes on how the sheet was understood, so the user can check it: class spellings merged, classes named
 * by number only (no «Классы и учителя» to name them), and a subject or grade the reader could not find.
 */
export function readingNotes(
  meta: Procedure['meta'],
  people: readonly Student[],
  spellings: ClassSpellings,
  classes: ClassMap | null,
  sheet: string,
): Problem[] {
  const out: Problem[] = [];
  const merged = spellings.merged();
  if (merged.length > 0) out.push(problem('info', 'classes-merged', sheet, S.classesMerged(merged)));
  if (!classes && people.some((s) => s.className.startsWith('класс ')))
    out.push(problem('info', 'classes-by-number', sheet, S.classesByNumber));
  if (meta.subject === UNKNOWN_SUBJECT) out.push(problem('warning', 'subject-unknown', sheet, S.subjectUnknown(sheet)));
  if (meta.grade === null) out.push(problem('warning', 'grade-unknown', sheet, S.gradeUnknown(sheet)));
  return out;
}

function checkTotals(values: Grid['values'], students: readonly Student[], col: number | undefined, sheet: string): Problem[] {
  if (col === undefined) return [];
  const out: Problem[] = [];
  for (const st of students) {
    const ft = asNumber(values[st.row - 1]?.[col]);
    if (ft !== null && ft !== st.total)
      out.push(problem('warning', 'total-mismatch', sheet, S.totalMismatch(ft, st.total), st.row, col + 1));
  }
  return out;
}

/** The grade of a procedure without a stated one: the most common grade of its classes. */
function inferGrade(students: Student[]): number | null {
  const counts = new Map<number, number>();
  for (const s of students) if (s.grade !== null) counts.set(s.grade, (counts.get(s.grade) ?? 0) + 1);
  let best: number | null = null;
  for (const [g, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = g;
  if (best !== null) for (const s of students) s.grade ??= best;
  return best;
}

function tableColumns(
  sheet: string,
  layout: Layout,
  header: HeaderInfo,
  tasks: TableColumns['tasks'],
  cols: number[],
  answers: AnswerColumns | null,
): TableColumns {
  const R: Partial<Record<Role, number>> = { ...header.roles };
  const journalCol = R.journal ?? R.prevMark;
  const v2 = R.variant2;
  return {
    sheet,
    layout,
    roles: R,
    tasks,
    taskCols: cols,
    partOf: cols.map((c) => (v2 !== undefined && c > v2 ? 1 : 0)),
    ignoredCols: header.ignored.map((i) => i.col),
    variantCols: [R.variant, R.variant2].filter((x): x is number => x !== undefined),
    identityCols: [R.code, R.name, R.surname, R.variant, R.variant2, R.classNum, R.className].filter((x): x is number => x !== undefined),
    ...(answers ? { answers } : {}),
    scoreCols: answers ? [answers.shortCol, answers.longCol].filter((x): x is number => x !== undefined) : cols,
    journalCol,
    markLabel: '',
    journalLabel: '',
  };
}

/** Stage 1: the tasks, from the task columns or, in a ГИА protocol, from the answer strings. */
function readTasks(values: Grid['values'], header: HeaderInfo, layout: Layout, sheet: string, gia: boolean) {
  if (layout === 'gia-protocol') {
    const dataStart = header.row + 1;
    const r = readAnswerColumns(
      values,
      dataStart,
      { shortCol: header.roles.shortAnswers, longCol: header.roles.longAnswers },
      sheet,
      header.row,
    );
    return read({ tasks: r.value.tasks, cols: [] as number[], maxRow: null, levelRow: null, answers: r.value.answers }, r.problems);
  }
  const r = readTaskColumns(values, header, sheet, gia);
  return read({ ...r.value, answers: null as AnswerColumns | null }, r.problems);
}

/**
 * Reads a results sheet. The procedure is returned even with errors (callers refuse to write when any
 * error exists); null when the sheet has no usable task column.
 */
export function readResults(grid: Grid, found: { header: HeaderInfo; layout: Layout }, ctx: ReadContext): Read<Procedure | null> {
  const { header, layout } = found;
  const values = grid.values;
  const sheet = grid.name;
  const problems: Problem[] = [];
  // 1. tasks (a ГИА exam's task columns may lack maxima: they are inferred from the scores)
  const gia = isGia({ meta: mergeMeta(readTitleRows(values, header.top).meta, metaFromText(sheet), metaFromText(ctx.workbookName)) });
  const taskCols = take(readTasks(values, header, layout, sheet, gia || layout === 'gia-protocol'), problems);
  if (taskCols.tasks.length === 0) return read(null, capErrors(problems, sheet, ctx.maxProblemsPerSheet ?? 300));
  const { tasks, cols, maxRow, levelRow, answers } = taskCols;
  const inferred = tasks.filter((t) => t.maxInferred && t.max > 1).map((t) => t.id);
  if (inferred.length > 0) problems.push(problem('info', 'max-inferred', sheet, S.gia.maxInferred(inferred.join(', '))));
  if (header.ignored.length > 0) {
    problems.push(problem('info', 'column-ignored', sheet, S.columnsIgnored(header.ignored.map((i) => i.text)), header.row + 1));
  }

  // 2. title rows
  const top = readTitleRows(values, Math.min(header.top, levelRow ?? header.top, maxRow ?? header.top));
  const meta = mergeMeta(top.meta, metaFromText(sheet), metaFromText(ctx.workbookName));
  const maxTotal = tasks.reduce((s, t) => s + t.max, 0);
  if (top.maxTotal !== null && top.maxTotal !== maxTotal) {
    problems.push(problem('warning', 'max-total-mismatch', sheet, S.maxTotalMismatch(top.maxTotal, maxTotal)));
  }

  // 3. formula columns without values
  const dataStart = Math.max(header.row, maxRow ?? -1, levelRow ?? -1) + 1;
  const columns = tableColumns(sheet, layout, header, tasks, cols, answers);
  const emptyMark = take(settleFormulaColumns(values, dataStart, header, columns), problems);

  // 4. rows
  const spellings = new ClassSpellings();
  const rows = take(
    readTableRows(values, dataStart, columns, { classes: ctx.classes, spellings, grade: meta.grade, school: top.school ?? DEFAULT_SCHOOL }),
    problems,
  );
  const { students, absent, schools } = rows;

  // 5. checks and notes
  for (const p of checkTotals(values, students, columns.roles.total, sheet)) problems.push(p);
  if (students.length === 0 && absent.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(problem('error', 'empty-form', sheet, S.emptyForm));
  }
  for (const p of completeMeta(meta, layout, columns, students, sheet)) problems.push(p);
  for (const p of readingNotes(meta, [...students, ...absent], spellings, ctx.classes, sheet)) problems.push(p);

  const proc: Procedure = {
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
    markColumn: emptyMark
      ? { label: emptyMark.label, col: emptyMark.col + 1, empty: true }
      : columns.roles.mark !== undefined
        ? { label: columns.markLabel, col: columns.roles.mark + 1, empty: false }
        : null,
    cuts: null,
    planSource: levelRow !== null ? 'file' : null,
    schools,
    threshold: null,
  };
  return read(proc, capErrors(problems, sheet, ctx.maxProblemsPerSheet ?? 300));
}
