// «Соответствие кодов» (Лист | Код участника | Ученик [| Школа]): which rows of different procedures
// are one student when the codes differ (see docs/risk-objectivity.md). Read once, here, against the
// procedures; analysis/linking.ts uses the result.
import { cellText, type Grid, isEmpty, norm } from '../grid';
import type { Procedure, Student } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { findLabelRow } from './label-row';
import { type Read, read } from './read';

/** The optional sheet that links participant codes across procedures. */
export const CODES_SHEET = 'Соответствие кодов';

export interface CodeMap {
  sheet: string;
  /** Student row → the common identity given on the sheet. */
  ids: Map<Student, string>;
  /** Rows used. */
  rows: number;
}

const MAP_COLS: Record<string, (h: string) => boolean> = {
  sheet: (h) => h === 'лист' || h === 'работа' || h === 'лист с результатами',
  code: (h) => h === 'код участника' || h === 'код' || h === 'код ученика',
  person: (h) => ['ученик', 'фио', 'обучающийся', 'идентификатор', 'общий код', 'общий идентификатор', 'ученик (фио или код)'].includes(h),
  school: (h) => h === 'школа' || h === 'оо' || h === 'название оо',
};

const LABELS: Record<string, string> = { sheet: 'Лист', code: 'Код участника', person: 'Ученик' };

/**
 * Reads «Соответствие кодов»: for each listed student row, the common identity. Problems name the
 * sheet, row and column; rows with errors are not used.
 */
export function readCodeMap(grid: Grid, procedures: readonly Procedure[]): Read<CodeMap> {
  const problems: Problem[] = [];
  const ids = new Map<Student, string>();
  const h = findLabelRow(grid, MAP_COLS, Object.keys(LABELS));
  if (!h) {
    problems.push(problem('error', 'codes-header', grid.name, S.links.headerMissing));
    return read({ sheet: grid.name, ids, rows: 0 }, problems);
  }
  const bySheet = new Map(procedures.map((p) => [norm(p.sheet), p]));
  const firstRow = new Map<string, number>();
  const rowOf = new Map<Student, number>();
  let rows = 0;
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const at = (k: string) => (h.cols[k] === undefined ? undefined : row[h.cols[k] as number]);
    if (['sheet', 'code', 'person'].every((k) => isEmpty(at(k)))) continue;
    const missing = ['sheet', 'code', 'person'].find((k) => isEmpty(at(k)));
    if (missing) {
      problems.push(
        problem('error', 'codes-bad-row', grid.name, S.links.missing(LABELS[missing] as string), r + 1, (h.cols[missing] as number) + 1),
      );
      continue;
    }
    const sheet = cellText(at('sheet'));
    const code = cellText(at('code'));
    const person = cellText(at('person'));
    const school = cellText(at('school'));
    const p = bySheet.get(norm(sheet));
    if (!p) {
      problems.push(problem('error', 'codes-sheet-unknown', grid.name, S.links.sheetUnknown(sheet), r + 1, (h.cols.sheet as number) + 1));
      continue;
    }
    const key = `${norm(p.sheet)}|${norm(school)}|${code}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.push(
        problem('error', 'codes-duplicate', grid.name, S.links.duplicate(code, p.sheet, first), r + 1, (h.cols.code as number) + 1),
      );
      continue;
    }
    firstRow.set(key, r + 1);
    const matches = p.students.filter((s) => s.code === code && (school === '' || norm(s.school) === norm(school)));
    if (matches.length === 0) {
      // An absent student has no results to link: nothing to say. A code not in the sheet at all is a typo.
      if (!p.absent.some((s) => s.code === code)) {
        problems.push(
          problem('warning', 'codes-code-unknown', grid.name, S.links.codeUnknown(code, p.sheet), r + 1, (h.cols.code as number) + 1),
        );
      }
      continue;
    }
    if (matches.length > 1) {
      problems.push(problem('error', 'codes-ambiguous', grid.name, S.links.ambiguous(code, p.sheet), r + 1, (h.cols.code as number) + 1));
      continue;
    }
    const st = matches[0] as Student;
    ids.set(st, person);
    rowOf.set(st, r + 1);
    rows++;
  }
  // One student per person in one procedure.
  for (const p of procedures) {
    const byPerson = new Map<string, Student[]>();
    for (const st of p.students) {
      const id = ids.get(st);
      if (id === undefined) continue;
      const k = `${st.school}|${norm(id)}`;
      byPerson.set(k, [...(byPerson.get(k) ?? []), st]);
    }
    for (const list of byPerson.values()) {
      if (list.length < 2) continue;
      // Point at the later of the mapping rows that clash.
      const last = list.reduce((x, y) => ((rowOf.get(y) ?? 0) > (rowOf.get(x) ?? 0) ? y : x));
      problems.push(
        problem(
          'error',
          'codes-same-person',
          grid.name,
          S.links.samePerson(
            ids.get(last) as string,
            p.sheet,
            list.map((s) => s.code),
          ),
          rowOf.get(last),
          (h.cols.person as number) + 1,
        ),
      );
    }
  }
  if (rows > 0) problems.push(problem('info', 'codes-used', grid.name, S.links.used(rows)));
  return read({ sheet: grid.name, ids, rows }, problems);
}
