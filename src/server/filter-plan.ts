// What the ШМО filter does to one generated tab, decided from the tab's displayed values alone (pure).
//
// A tab is filterable when it has a table whose header row names at least one of the columns
// «Предмет»/«Предметы», «Параллель», «Класс», «Учитель»/«Учителя»: the first such row within the first
// rows is the header, everything below it is the table. In a «Класс» column only known classes are
// filtered: summary rows of a parallel or the school stay visible for comparison. A cell may list
// several subjects or teachers («математика, русский язык»): it stays when any of them is chosen.
// A tab about one work (a matrix) has a scope — its subject and parallel — and is hidden whole when
// they are not chosen, or when none of its classes is left.
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
    .split(/[,;]/)
    .map((t) => norm(t))
    .filter(Boolean);

function leadingInt(v: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(v);
  return m ? Number(m[1]) : null;
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
  if (cols.subject !== undefined && choice.subjects.length > 0 && !scope) {
    const chosen = new Set(choice.subjects.map(norm));
    keep.push({ col: cols.subject, test: (v) => tokens(v).some((t) => chosen.has(t)) });
  }
  if (cols.grade !== undefined && choice.grades.length > 0) {
    keep.push({ col: cols.grade, test: (v) => choice.grades.includes(leadingInt(v) ?? -1) });
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
    if (choice.teachers.length > 0 && cols.teacher === undefined) {
      const taught = teacherClasses(ctx, scope ? [scope.subject] : choice.subjects);
      if (scope && taught.size === 0) return { kind: 'hide' };
      tests.push((key) => taught.has(key));
    }
    if (tests.length > 0) {
      keep.push({
        col: cols.class,
        test: (v) => {
          const key = classKey(v);
          // Rows of groups that are not classes («5 классы», «Школа») stay as context.
          if (ctx.classGrade.size > 0 && !ctx.classGrade.has(key)) return true;
          return tests.every((t) => t(key, v));
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
  for (const row of body) {
    // Rows without a value in the filtered columns (levels, notes, blank separators) always stay and are not counted.
    if (keep.every((k) => (row[k.col] ?? '') === '')) continue;
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
    columns: keep.map((k, i) => ({ col: k.col + 1, hidden: [...(hidden[i] ?? [])] })),
    labels: table.labels,
    visible,
    total,
  };
}
