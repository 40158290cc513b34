// Stage 2 of reading a results sheet: walking the rows under the header. It tells the rows of the
// table from what surrounds them: empty template rows, ФИС ОКО school rows («Название ОО | Кол-во
// участников: 89», possibly merged across the row), summary lines, and the end of the table — a blank
// row followed by rows that do not look like participants (notes, another tool's summary). A row that
// looks like a participant is read wherever it is; a stray value inside the table stays an error.
import { type CellValue, cellText, type Grid, isEmpty } from '../grid';
import type { Student } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { parseLongAnswers, parseShortAnswers } from './answer-strings';
import { asNumber, isAbsentMarker, readScoreCell } from './cells';
import { canonicalClassName, gradeOfClassName } from './class-names';
import { type Read, read } from './read';
import { type RowContext, readStudentRow, type TableColumns } from './student-row';

export interface TableRows {
  students: Student[];
  absent: Student[];
  /** Schools in the order they appear (a ФИС ОКО municipal download has many). */
  schools: string[];
  /** Rows with errors (not read). */
  refused: number;
}

const GROUP_ROW = /кол-?во участников\s*:?\s*(\d+)/i;
const SUMMARY_ROW = /^(итого|всего|средн|% выполн|процент)/i;
/** Participant codes have no spaces: «40001», «А-12», «7/15». */
const CODE_LIKE = /^[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё_\-/.]{0,29}$/;

type RowKind = { kind: 'blank' } | { kind: 'group'; text: string } | { kind: 'summary' } | { kind: 'data' };

function classify(row: readonly CellValue[], c: TableColumns): RowKind {
  const R = c.roles;
  const at = (col: number | undefined) => (col === undefined ? undefined : row[col]);
  const first = row.find((v) => !isEmpty(v));
  if (first === undefined) return { kind: 'blank' };
  // Ф1 school row: one text, alone or repeated in every cell of a merged row.
  if (typeof first === 'string' && GROUP_ROW.test(first)) {
    const text = cellText(first);
    const others = row.filter((v) => !isEmpty(v) && cellText(v) !== text);
    if (isEmpty(at(R.code)) || others.length === 0) return { kind: 'group', text };
  }
  const identity = c.identityCols.some((col) => !isEmpty(row[col]));
  const anyTask = c.scoreCols.some((col) => !isEmpty(row[col]));
  // Template rows of the form hold only the «Итого» formula (0): nothing the user typed.
  if (!identity && !anyTask) return { kind: 'blank' };
  if (isEmpty(at(R.code)) && isEmpty(at(R.variant)) && typeof first === 'string' && SUMMARY_ROW.test(cellText(first))) {
    return { kind: 'summary' };
  }
  return { kind: 'data' };
}

/** A class cell that can be a class: a number 1–50 or a short name with a grade («7А», «10-1»). */
function classLike(v: CellValue | undefined): boolean {
  if (isEmpty(v)) return true;
  const n = asNumber(v);
  if (n !== null) return Number.isInteger(n) && n >= 1 && n <= 50;
  const t = cellText(v);
  return gradeOfClassName(canonicalClassName(t)) !== null || (t.length <= 15 && /\d/.test(t));
}

/** Whether a row after a blank row reads as a participant (then it is read, errors and all). */
export function looksLikeStudent(row: readonly CellValue[], c: TableColumns): boolean {
  const R = c.roles;
  const code = R.code !== undefined ? row[R.code] : undefined;
  const name = R.name !== undefined ? row[R.name] : undefined;
  if (isEmpty(code) && isEmpty(name)) return false;
  if (!isEmpty(code) && R.name === undefined && !CODE_LIKE.test(cellText(code))) return false;
  let absent = false;
  for (const col of [R.variant, R.variant2]) {
    if (col === undefined || isEmpty(row[col])) continue;
    if (isAbsentMarker(row[col])) absent = true;
    else {
      const n = asNumber(row[col]);
      if (n === null || !Number.isInteger(n) || n < 0 || n > 99) return false;
    }
  }
  if (!classLike(R.classNum !== undefined ? row[R.classNum] : R.className !== undefined ? row[R.className] : undefined)) return false;
  if (c.answers) {
    const a = c.answers;
    const short = a.shortCol === undefined ? null : cellText(row[a.shortCol]);
    const long = a.longCol === undefined ? null : cellText(row[a.longCol]);
    const shortOk = short === null || short === '' || parseShortAnswers(short).ok;
    const longOk = long === null || long === '' || parseLongAnswers(long).ok;
    return shortOk && longOk && (short ?? '') + (long ?? '') !== '';
  }
  let valid = 0;
  let bad = 0;
  c.taskCols.forEach((col, i) => {
    const cell = readScoreCell(row[col], c.tasks[i]?.max ?? 0);
    if (cell.kind === 'points' || cell.kind === 'x') valid++;
    else if (cell.kind === 'absent') absent = true;
    else if (cell.kind !== 'empty') bad++;
  });
  if (absent) return bad === 0;
  return valid > 0 && valid >= 2 * bad;
}

/** «57–63, 65» from sorted row numbers. */
export function rowRanges(rows: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && (rows[j + 1] as number) === (rows[j] as number) + 1) j++;
    out.push(i === j ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

export function readTableRows(
  values: Grid['values'],
  dataStart: number,
  c: TableColumns,
  ctx: RowContext & { school: string },
): Read<TableRows> {
  const problems: Problem[] = [];
  const info = (code: string, msg: string, row?: number) => problems.push(problem('info', code, c.sheet, msg, row));
  const students: Student[] = [];
  const absent: Student[] = [];
  const schools: string[] = [];
  const schoolSet = new Set<string>();
  /** The first row of each code, per school (nested maps: no key string built per row). */
  const firstRowOfCode = new Map<string, Map<string, number>>();
  let refused = 0;
  let school = ctx.school;
  let group: { name: string; count: number; found: number } | null = null;
  const closeGroup = () => {
    if (group && group.found !== group.count) {
      problems.push(problem('warning', 'group-count', c.sheet, S.groupCountMismatch(group.name, group.count, group.found)));
    }
  };
  let readAny = false;
  let blankSince = false;
  let inTail = false;
  const leftOut: number[] = [];
  const R = c.roles;

  for (let r = dataStart; r < values.length; r++) {
    const row = values[r];
    const rowNo = r + 1;
    const kind = row ? classify(row, c) : ({ kind: 'blank' } as const);
    if (kind.kind === 'blank' || !row) {
      if (readAny) blankSince = true;
      continue;
    }
    if (kind.kind === 'group') {
      closeGroup();
      const name = kind.text.split('|')[0]?.trim() || kind.text;
      school = name.replace(GROUP_ROW, '').trim() || name;
      group = { name: school, count: Number(GROUP_ROW.exec(kind.text)?.[1]), found: 0 };
      blankSince = false;
      continue;
    }
    if (blankSince && !inTail && !looksLikeStudent(row, c)) inTail = true;
    blankSince = false;
    if (kind.kind === 'summary') {
      if (inTail) leftOut.push(rowNo);
      else info('summary-row', S.summaryRowSkipped, rowNo);
      continue;
    }
    if (inTail && !looksLikeStudent(row, c)) {
      leftOut.push(rowNo);
      continue;
    }
    readAny = true;

    let rowSchool = school;
    if (R.schoolName !== undefined && !isEmpty(row[R.schoolName])) rowSchool = cellText(row[R.schoolName]);
    const res = readStudentRow(row, rowNo, rowSchool, c, ctx);
    for (const p of res.problems) problems.push(p);
    if (!schoolSet.has(rowSchool)) {
      schoolSet.add(rowSchool);
      schools.push(rowSchool);
    }
    if (res.kind === 'refused') {
      refused++;
      continue;
    }
    const st = res.student;
    // One code is one participant (absent rows count too); within a school of a municipal download.
    const key = R.code !== undefined ? st.code : `${st.name ?? st.code}|${st.className}`;
    let ofSchool = firstRowOfCode.get(rowSchool);
    if (!ofSchool) firstRowOfCode.set(rowSchool, (ofSchool = new Map()));
    const prevRow = ofSchool.get(key);
    if (prevRow !== undefined) {
      problems.push(problem('error', 'duplicate-code', c.sheet, S.duplicateCode(st.code, prevRow), rowNo, (R.code ?? R.name ?? 0) + 1));
      refused++;
      continue;
    }
    ofSchool.set(key, rowNo);
    if (group) group.found++;
    (res.present ? students : absent).push(st);
  }
  closeGroup();
  if (leftOut.length > 0) info('table-end', S.tableEnded(leftOut[0] as number, rowRanges(leftOut)), leftOut[0]);
  if (schools.length === 0) schools.push(school);
  return read({ students, absent, schools, refused }, problems);
}
