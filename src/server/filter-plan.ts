// What the ШМО filter does to one generated tab, decided from the tab's displayed values alone (pure).
//
// A tab is filterable when it has a table whose header row names at least one of the columns
// «Предмет»/«Предметы», «Параллель», «Класс», «Учитель»/«Учителя»: the first such row within the first
// rows is the header, everything below it is the table. Further tables below repeat the column names
// in their header rows: such rows stay, as do rows with no value in the filtered columns (titles,
// notes, blank rows). In a «Класс» column only known classes are filtered: summary rows of a parallel
// or the school (the class empty, or not a class) stay visible for comparison. A chosen class or
// teacher also narrows a «Параллель» column to their parallels, so blocks of other parallels go
// whole. A cell may list several values («математика, русский язык», «5А, 5Б», «5, 6»): it stays
// when any of them is chosen. A tab about one work (a matrix) has a scope — its subject and
// parallel — and is hidden whole when they are not chosen, or when none of its classes is left.
import { norm } from '../core/grid';
import { classKey } from '../core/input/teachers';
import type { FilterChoice } from './contract';

export type Dim = 'subject' | 'grade' | 'class' | 'teacher';

/** Header labels, as the core writes them: capitalised, so a cell «класс» (a group's type) is not a header. */
const HEADERS: Record<Dim, readonly string[]> = {
  subject: ['Предмет', 'Предметы'],
  grade: ['Параллель'],
  class: ['Класс'],
  teacher: ['Учитель', 'Учителя'],
};
const DIMS = Object.keys(HEADERS) as Dim[];
/** The header is looked for this far down (titles and notes come first). */
const HEADER_SCAN_ROWS = 30;

export interface TableLayout {
  /** 0-based. */
  headerRow: number;
  /** 0-based column per dimension found. */
  columns: Partial<Record<Dim, number>>;
  labels: string[];
}

export function findTable(values: readonly (readonly string[])[]): TableLayout | null {
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN_ROWS); r++) {
    const columns: Partial<Record<Dim, number>> = {};
    const labels: string[] = [];
    (values[r] ?? []).forEach((v, c) => {
      const h = String(v).trim().replace(/ё/g, 'е');
      for (const d of DIMS) {
        if (columns[d] === undefined && HEADERS[d].includes(h)) {
          columns[d] = c;
          labels.push(h);
        }
      }
    });
    if (labels.length > 0) return { headerRow: r, columns, labels };
  }
  return null;
}

export interface FilterContext {
  choice: FilterChoice;
  /** Parallel of each class, by `classKey`. */
  classGrade: ReadonlyMap<string, number | null>;
  /** «Классы и учителя»: who teaches which class which subject. */
  teaching: readonly { teacher: string; subject: string; className: string }[];
}

export interface TabScope {
  subject: string;
  grade: number | null;
}

export type TabPlan =
  | { kind: 'hide' }
  /** Relevant, but nothing to narrow down in it. */
  | { kind: 'show' }
  /** No column the chosen dimensions can use. */
  | { kind: 'skip' }
  | {
      kind: 'filter';
      /** 1-based header row; the filter spans it and every row below. */
      row: number;
      rows: number;
      cols: number;
      columns: { col: number; hidden: string[] }[];
      labels: string[];
      visible: number;
      total: number;
    };

const tokens = (v: string) =>
  v
    .split(/[,;+]/)
    .map((t) => norm(t).trim())
    .filter(Boolean);

function leadingInt(v: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(v);
  return m ? Number(m[1]) : null;
}

/** The parallels of the chosen classes, or else of the chosen teacher's classes; [] when any is unknown. */
function impliedGrades(ctx: FilterContext, taught: ReadonlySet<string> | null): number[] {
  const classes = ctx.choice.classes.length > 0 ? ctx.choice.classes.map(classKey) : taught ? [...taught] : [];
  const grades = classes.map((key) => ctx.classGrade.get(key) ?? null);
  if (grades.length === 0 || grades.some((g) => g === null)) return [];
  return [...new Set(grades as number[])];
}

export function isEmptyChoice(c: FilterChoice): boolean {
  return c.subjects.length + c.grades.length + c.classes.length + c.teachers.length === 0;
}

/** Classes (by key) the chosen teachers teach in `subjects` (all subjects when empty). */
function teacherClasses(ctx: FilterContext, subjects: readonly string[]): Set<string> {
  const teachers = new Set(ctx.choice.teachers.map(norm));
  const inSubject = new Set(subjects.map(norm));
  const out = new Set<string>();
  for (const t of ctx.teaching) {
    if (teachers.has(norm(t.teacher)) && (inSubject.size === 0 || inSubject.has(norm(t.subject)))) out.add(classKey(t.className));
  }
  return out;
}

export function planTab(values: readonly (readonly string[])[], ctx: FilterContext, scope: TabScope | null): TabPlan {
  const { choice } = ctx;
  if (scope) {
    if (choice.subjects.length > 0 && !choice.subjects.some((s) => norm(s) === norm(scope.subject))) return { kind: 'hide' };
    if (choice.grades.length > 0 && scope.grade !== null && !choice.grades.includes(scope.grade)) return { kind: 'hide' };
  }
  const table = findTable(values);
  const keep: { col: number; test: (v: string) => boolean }[] = [];
  const cols = table?.columns ?? {};
  const isClass = (key: string) => ctx.classGrade.size === 0 || ctx.classGrade.has(key);
  // Classes a chosen teacher teaches (in the chosen subjects, or the tab's); null when no teacher is chosen.
  const taught = choice.teachers.length > 0 ? teacherClasses(ctx, scope ? [scope.subject] : choice.subjects) : null;
  if (scope && taught && cols.class !== undefined && taught.size === 0) return { kind: 'hide' };
  if (cols.subject !== undefined && choice.subjects.length > 0 && !scope) {
    const chosen = new Set(choice.subjects.map(norm));
    keep.push({ col: cols.subject, test: (v) => tokens(v).some((t) => chosen.has(t)) });
  }
  if (cols.grade !== undefined) {
    // Parallels chosen, else those of the chosen classes or of the teacher's classes (when all are known).
    const grades = choice.grades.length > 0 ? choice.grades : impliedGrades(ctx, taught);
    if (grades.length > 0) keep.push({ col: cols.grade, test: (v) => tokens(v).some((t) => grades.includes(leadingInt(t) ?? -1)) });
  }
  if (cols.teacher !== undefined && choice.teachers.length > 0) {
    const chosen = new Set(choice.teachers.map(norm));
    keep.push({ col: cols.teacher, test: (v) => tokens(v).some((t) => chosen.has(t)) });
  }
  if (cols.class !== undefined) {
    const tests: ((key: string, v: string) => boolean)[] = [];
    if (choice.classes.length > 0) {
      const chosen = new Set(choice.classes.map(classKey));
      tests.push((key) => chosen.has(key));
    }
    if (choice.grades.length > 0 && cols.grade === undefined && !scope) {
      tests.push((key, v) => choice.grades.includes(ctx.classGrade.get(key) ?? leadingInt(v) ?? -1));
    }
    // With a «Учитель» column too, this catches the rows whose teacher is not on «Классы и учителя».
    if (taught) tests.push((key) => taught.has(key));
    if (tests.length > 0) {
      keep.push({
        col: cols.class,
        test: (v) => {
          // Rows of groups that are not classes («5 классы», «Школа») stay as context; a list of
          // classes (a teacher's) stays when any of its classes passes.
          const keys = tokens(v).map(classKey).filter(isClass);
          return keys.length === 0 || keys.some((key) => tests.every((t) => t(key, v)));
        },
      });
    }
  }
  if (!table || keep.length === 0) {
    // A tab about one work that passed its scope is relevant as it is; others without a usable column are left alone.
    if (scope) return { kind: 'show' };
    return isEmptyChoice(choice) ? { kind: 'show' } : { kind: 'skip' };
  }
  const body = values.slice(table.headerRow + 1);
  const width = Math.max(...values.map((r) => r.length));
  const hidden = keep.map(() => new Set<string>());
  let total = 0;
  let visible = 0;
  let classesLeft = 0;
  const classCol = cols.class;
  const header = values[table.headerRow] ?? [];
  for (const row of body) {
    // Rows without a value in the filtered columns (levels, notes, blank separators) always stay and are not counted,
    // and so do the header rows of further tables (the same column names again).
    if (keep.every((k) => (row[k.col] ?? '') === '')) continue;
    if (keep.every((k) => (row[k.col] ?? '') === (header[k.col] ?? ''))) continue;
    total++;
    let shown = true;
    keep.forEach((k, i) => {
      const v = row[k.col] ?? '';
      if (v === '' || k.test(v)) return;
      hidden[i]?.add(v);
      shown = false;
    });
    if (!shown) continue;
    visible++;
    if (classCol !== undefined && ctx.classGrade.has(classKey(row[classCol] ?? ''))) classesLeft++;
  }
  if (scope && (visible === 0 || (classCol !== undefined && ctx.classGrade.size > 0 && classesLeft === 0))) return { kind: 'hide' };
  return {
    kind: 'filter',
    row: table.headerRow + 1,
    rows: body.length + 1,
    cols: width,
    // A column that hides nothing needs no criteria (one call fewer).
    columns: keep.map((k, i) => ({ col: k.col + 1, hidden: [...(hidden[i] ?? [])] })).filter((c) => c.hidden.length > 0),
    labels: table.labels,
    visible,
    total,
  };
}
