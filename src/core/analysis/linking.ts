// Several procedures in one workbook (the October diagnostic, the April ВПР, last year's results):
// their order in time, which class is «the same class» in another year, and which rows of different
// procedures are one student — by participant code within a school, or through the optional sheet
// «Соответствие кодов» (Лист | Код участника | Ученик [| Школа]), see docs/risk-objectivity.md.
import { cellText, norm } from '../grid';
import type { CodeMap } from '../input/codes';
import { UNKNOWN_SUBJECT } from '../input/meta';
import { type Read, read } from '../input/read';
import { DEFAULT_SCHOOL } from '../input/results';
import type { Procedure, Student } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';

// ---- time ------------------------------------------------------------------------------------

/** Month names and their usual abbreviations («окт», «сент.»), as whole words. */
const MONTHS: [RegExp, number][] = (
  [
    ['янв(ар[а-я]*)?', 1],
    ['фев(рал[а-я]*)?', 2],
    ['мар(т[а-я]*)?', 3],
    ['апр(ел[а-я]*)?', 4],
    ['ма[йяе]', 5],
    ['июн[а-я]*', 6],
    ['июл[а-я]*', 7],
    ['авг(уст[а-я]*)?', 8],
    ['сен(т(ябр[а-я]*)?)?', 9],
    ['окт(ябр[а-я]*)?', 10],
    ['ноя(бр[а-я]*)?', 11],
    ['дек(абр[а-я]*)?', 12],
  ] as [string, number][]
).map(([w, m]) => [new RegExp(`(^|[^а-я])${w}($|[^а-я])`), m]);

/** A month named in the sheet name («Диагностика октябрь 2025»), 1–12. */
export function monthOfSheet(sheet: string): number | null {
  const t = norm(sheet);
  for (const [re, m] of MONTHS) if (re.test(t)) return m;
  return null;
}

/**
 * The procedure's date when known: the file's date, else the 15th of a month named in the sheet name
 * (with the procedure's year). Used only to order procedures and to tell the school year.
 */
export function effectiveDate(p: Procedure): string | null {
  // Asked once per pair of a student's entries: the sheet name is parsed once per procedure.
  const known = dateCache.get(p);
  if (known !== undefined) return known;
  let d: string | null = p.meta.date;
  if (!d) {
    const m = monthOfSheet(p.sheet);
    d = m === null || p.meta.year === null ? null : `${p.meta.year}-${String(m).padStart(2, '0')}-15`;
  }
  dateCache.set(p, d);
  return d;
}
const dateCache = new WeakMap<Procedure, string | null>();

/** Procedures usually held in spring, and in autumn, when the file gives no date or month. */
const SPRING = new Set(['ВПР', 'ОГЭ', 'ЕГЭ', 'ГВЭ', 'НИКО']);
const AUTUMN = new Set(['Входная диагностика', 'Входная КР', 'Диагностика', 'ДР-10']);

/**
 * The school year (its first calendar year: 2025 for 2025/2026): from the date (September–August);
 * without a date, ВПР/ОГЭ/ЕГЭ/ГВЭ/НИКО count as spring and diagnostics as autumn; otherwise unknown.
 */
export function schoolYear(p: Procedure): number | null {
  const d = effectiveDate(p);
  if (d) {
    const y = Number(d.slice(0, 4));
    return Number(d.slice(5, 7)) >= 9 ? y : y - 1;
  }
  const y = p.meta.year;
  if (y === null) return null;
  if (SPRING.has(p.meta.kind)) return y - 1;
  if (AUTUMN.has(p.meta.kind)) return y;
  return null;
}

/** How many grades a class moves up from `a` to `b`: school years apart, else calendar years apart. */
export function gradeShift(a: Procedure, b: Procedure): number | null {
  const ya = schoolYear(a);
  const yb = schoolYear(b);
  if (ya !== null && yb !== null) return yb - ya;
  if (a.meta.year !== null && b.meta.year !== null) return b.meta.year - a.meta.year;
  return null;
}

/** Keeps the items `has` rejects in place and sorts the others among their own positions. */
function slotSort<T>(items: T[], has: (t: T) => boolean, cmp: (a: T, b: T) => number): T[] {
  const slots: number[] = [];
  items.forEach((t, i) => {
    if (has(t)) slots.push(i);
  });
  const sorted = slots.map((i) => items[i] as T).sort(cmp);
  const out = items.slice();
  slots.forEach((slot, k) => {
    out[slot] = sorted[k] as T;
  });
  return out;
}

/**
 * Procedures in time order: by year, then by date within a year, then in sheet order. A procedure
 * without a year (or, within a year, without a date) keeps its place among the sheets.
 */
export function orderProcedures(procedures: readonly Procedure[]): Procedure[] {
  const idx = new Map(procedures.map((p, i) => [p, i]));
  const byIdx = (a: Procedure, b: Procedure) => (idx.get(a) as number) - (idx.get(b) as number);
  let out = slotSort(
    procedures.slice(),
    (p) => p.meta.year !== null,
    (a, b) => (a.meta.year as number) - (b.meta.year as number) || byIdx(a, b),
  );
  for (const y of new Set(out.map((p) => p.meta.year))) {
    if (y === null) continue;
    out = slotSort(
      out,
      (p) => p.meta.year === y && effectiveDate(p) !== null,
      (a, b) => (effectiveDate(a) as string).localeCompare(effectiveDate(b) as string) || byIdx(a, b),
    );
  }
  return out;
}

// ---- classes ---------------------------------------------------------------------------------

/** «5А», «5 А», «5-а» → { grade: 5, letter: 'а' }; null for names without a leading grade. */
export function parseClassName(name: string): { grade: number; letter: string } | null {
  const m = /^(\d{1,2})\s*[-–]?\s*(.*)$/.exec(cellText(name));
  if (!m) return null;
  return { grade: Number(m[1]), letter: norm(m[2]).replace(/[\s"«»]/g, '') };
}

export function normClassName(name: string): string {
  return norm(name).replace(/[\s\-–"«»]/g, '');
}

/**
 * «The same class» in an earlier procedure `a` and a later `b`: the same letter and the grade moved
 * up by the years between them (5А in 2025 → 6А in 2026; 5А in October and in April of one school year).
 */
export function sameClass(a: Procedure, classA: string, b: Procedure, classB: string): boolean {
  const ca = parseClassName(classA);
  const cb = parseClassName(classB);
  const shift = gradeShift(a, b);
  if (!ca || !cb) return normClassName(classA) === normClassName(classB) && (shift === null || shift === 0);
  if (ca.letter !== cb.letter) return false;
  return cb.grade - ca.grade === (shift ?? 0);
}

// ---- students --------------------------------------------------------------------------------

/** One present participation of a student. */
export interface Entry {
  proc: Procedure;
  /** Index into `proc.students` (and into the procedure's `analysis.students`). */
  index: number;
  student: Student;
  /** Position of `proc` in time order. */
  rank: number;
}

export interface Person {
  /** `school|identity` (identity = the code, or the «Ученик» of the mapping sheet), lower case. */
  id: string;
  school: string;
  /** From the school's own table only (never invented). */
  name?: string;
  /** In time order. */
  entries: Entry[];
}

export interface Series {
  subject: string;
  /** Procedures of the subject in time order. */
  procedures: Procedure[];
}

export interface Links {
  /** All procedures in time order. */
  order: Procedure[];
  rank: Map<Procedure, number>;
  persons: Person[];
  personOf: Map<Student, Person>;
  /** One series per subject, in order of first appearance in time. */
  series: Series[];
  /** Rows of «Соответствие кодов» used (0 when there is none). */
  mapped: number;
  /**
   * The school a row belongs to for linking: a sheet that names no school (the ВПР form) belongs to
   * the one school the other sheets name, when they name exactly one.
   */
  school: (name: string) => string;
}

export { DEFAULT_SCHOOL };

export function schoolResolver(procedures: readonly Procedure[]): (name: string) => string {
  const named = new Set(procedures.flatMap((p) => [...p.students, ...p.absent].map((s) => s.school)).filter((s) => s !== DEFAULT_SCHOOL));
  const only = named.size === 1 ? ([...named][0] as string) : null;
  return (name) => (name === DEFAULT_SCHOOL && only !== null ? only : name);
}

/** A later student row can be the same person as an earlier one: grades agree with the years between. */
function compatible(a: Entry, b: Entry): boolean {
  const ga = a.student.grade;
  const gb = b.student.grade;
  if (ga === null || gb === null) return true;
  const d = gb - ga;
  const shift = gradeShift(a.proc, b.proc);
  if (shift === null) return d === 0 || d === 1;
  // With exact dates the years between are known; otherwise a school year may start between them.
  if (effectiveDate(a.proc) && effectiveDate(b.proc)) return d === shift;
  return d >= shift - 1 && d <= shift + 1;
}

const MAX_REUSE_NOTES = 5;

/**
 * Links the present participants of all procedures into persons. Problems of the mapping sheet and
 * notes about codes that repeat in classes that cannot be one student's go to `problems`.
 */
export function linkStudents(procedures: readonly Procedure[], codes: CodeMap | null): Read<Links> {
  const problems: Problem[] = [];
  const order = orderProcedures(procedures);
  const rank = new Map(order.map((p, i) => [p, i]));
  const school = schoolResolver(procedures);
  const map = codes ?? { ids: new Map<Student, string>(), rows: 0 };
  // A school's key once per school name, not once per student (50 000 students, a handful of schools).
  const schoolKeys = new Map<string, string>();
  const schoolKey = (name: string): string => {
    let k = schoolKeys.get(name);
    if (k === undefined) schoolKeys.set(name, (k = norm(school(name))));
    return k;
  };

  const persons: Person[] = [];
  const personOf = new Map<Student, Person>();
  /** Identity key → persons holding it (a code reused by another student makes a second one). */
  const byKey = new Map<string, Person[]>();
  let reused = 0;
  order.forEach((proc, r) => {
    proc.students.forEach((student, index) => {
      const explicit = map.ids.get(student);
      const key = `${schoolKey(student.school)}|${norm(explicit ?? student.code)}`;
      const entry: Entry = { proc, index, student, rank: r };
      const list = byKey.get(key) ?? [];
      const last = list[list.length - 1];
      const lastEntry = last?.entries[last.entries.length - 1];
      let person: Person | undefined;
      if (last && lastEntry && lastEntry.proc !== proc && (explicit !== undefined || compatible(lastEntry, entry))) person = last;
      else if (last && lastEntry && lastEntry.proc !== proc) {
        reused++;
        if (reused <= MAX_REUSE_NOTES) {
          problems.push(
            problem(
              'info',
              'code-reused',
              proc.sheet,
              S.links.codeReused(
                student.code,
                `«${lastEntry.proc.title}» (${lastEntry.student.className})`,
                `«${proc.title}» (${student.className})`,
              ),
              student.row,
            ),
          );
        }
      }
      if (!person) {
        person = { id: list.length ? `${key}#${list.length + 1}` : key, school: school(student.school), entries: [] };
        list.push(person);
        byKey.set(key, list);
        persons.push(person);
      }
      person.entries.push(entry);
      if (person.name === undefined && student.name) person.name = student.name;
      personOf.set(student, person);
    });
  });
  if (reused > MAX_REUSE_NOTES)
    problems.push(problem('info', 'code-reused', order[0]?.sheet ?? '', S.links.codeReusedMore(reused - MAX_REUSE_NOTES)));

  const series: Series[] = [];
  const bySubject = new Map<string, Series>();
  for (const p of order) {
    const key = p.meta.subject === UNKNOWN_SUBJECT ? `?${p.sheet}` : p.meta.subject;
    let s = bySubject.get(key);
    if (!s) {
      s = { subject: p.meta.subject, procedures: [] };
      bySubject.set(key, s);
      series.push(s);
    }
    s.procedures.push(p);
  }
  return read({ order, rank, persons, personOf, series, mapped: map.rows, school }, problems);
}

/** The series a procedure belongs to. */
export function seriesOf(links: Links, p: Procedure): Series | undefined {
  return links.series.find((s) => s.procedures.includes(p));
}
