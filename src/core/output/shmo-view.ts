// The ШМО view: one person's own tab («ШМО · Математика · 5Б») with only the rows of the analytic
// tabs that match their choice of subjects, parallel, class and teacher — instead of filtering the
// shared tabs for everyone. It is made of the tabs the analysis built, row by row (spec-rows.ts): each
// analytic tab records each row's subject, parallel, class and teacher in its filter columns
// (`SheetSpec.filterColumns`, found by id), and its tables (`SheetSpec.tables`). Nothing else in the
// file is touched: the write plan replaces only the view's own tab (core/write/shmo.ts).
//
// Which rows stay:
// - a row whose filter cells are all empty (a title, a legend, a blank row) stays as context;
// - a subject, a teacher: the row's cell lists a chosen one («Математика, Русский язык» is kept for
//   «Математика»; a chosen teacher's subjects when no subject is chosen); an empty cell passes;
// - a parallel: the chosen one, or else the parallels of the chosen class or of the chosen teacher's
//   classes, so blocks of other parallels go whole;
// - a class: the chosen class and the chosen teacher's classes (in the row's subject); a cell that is
//   not a class of the school («5 классы», empty on parallel and school rows) stays for comparison;
// - a table's header row stays when a row of its table does; a tab with no matching row is left out;
// - hidden rows and the hidden service columns (filter values, row keys, highlight keys) are not shown.

import { norm } from '../grid';
import { classKey } from '../input/teachers';
import type { WorkbookData } from '../input/workbook';
import { S, T } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import { safeTabName } from './names';
import type { FilterKey, SheetSpec } from './spec';
import { selectRows, stack } from './spec-rows';

/** What a person chose; an empty list does not restrict. */
export interface ShmoChoice {
  subjects: string[];
  grades: number[];
  classes: string[];
  teachers: string[];
}

/** What the choice is checked against, from the workbook as read. */
export interface ShmoContext {
  /** Parallel of each class of the school, by `classKey`. */
  classGrade: ReadonlyMap<string, number | null>;
  /** «Классы и учителя»: who teaches which class which subject. */
  teaching: readonly { teacher: string; subject: string; className: string }[];
}

export interface ShmoSection {
  /** The view tab the rows are on. */
  tab: string;
  /** The analytic tab the rows come from. */
  sheet: string;
  /** Its rows about a subject, parallel, class or teacher that the view shows, of all such rows. */
  visible: number;
  total: number;
}

export interface ShmoView {
  /** The view's tabs that have rows, in order. */
  specs: SheetSpec[];
  sections: ShmoSection[];
  /** The view's tabs that have no rows for this choice (a host removes an earlier version). */
  empty: string[];
}

export function isEmptyChoice(c: ShmoChoice): boolean {
  return c.subjects.length + c.grades.length + c.classes.length + c.teachers.length === 0;
}

/**
 * The view is two tabs, because the sections of one tab share its column widths: the numbers
 * («ШМО · Математика · 5Б»: matrices, deficits, statistics — narrow columns) and the findings
 * («ШМО выводы · Математика · 5Б»: the at-risk students, dynamics, objectivity — wide text columns).
 */
const FINDINGS_TABS: readonly string[] = [S.tabs.risk, S.tabs.dynamics, S.tabs.objectivity];

/** «ШМО · Математика · 5Б» and «ШМО выводы · Математика · 5Б», within Excel's 31 characters each. */
export function shmoTabNames(c: ShmoChoice): [string, string] {
  // A chosen class names its parallel already: «ШМО · Математика · 5А», not «… · 5 кл. · 5А».
  const grades = c.classes.length > 0 ? [] : c.grades.map((g) => T.shmo.grade(g));
  const parts = [c.subjects.join(', '), ...grades, ...c.classes, ...c.teachers].filter(Boolean);
  const label = parts.join(' · ');
  return [safeTabName(`${S.tabs.shmo} · ${label}`), safeTabName(`${S.tabs.shmoFindings} · ${label}`)];
}

/** The view's first tab: «ШМО · Математика · 5Б». */
export function shmoTabName(c: ShmoChoice): string {
  return shmoTabNames(c)[0];
}

/** The classes of the school with their parallels, and who teaches whom (from «Классы и учителя»). */
export function shmoContext(data: WorkbookData): ShmoContext {
  const classGrade = new Map<string, number | null>();
  for (const p of data.procedures) {
    for (const s of [...p.students, ...p.absent]) {
      const key = classKey(s.className);
      if (key && !classGrade.has(key)) classGrade.set(key, s.grade ?? p.meta.grade);
    }
  }
  const teaching = (data.teachers?.rows ?? []).map((r) => ({ teacher: r.teacher, subject: r.subject, className: r.className }));
  return { classGrade, teaching };
}

const tokens = (v: string) =>
  v
    .split(/[,;+]/)
    .map((t) => norm(t).trim())
    .filter(Boolean);

function leadingInt(v: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(v);
  return m ? Number(m[1]) : null;
}

type RowLead = Record<FilterKey, string>;

/** What the view asks of each row: keep it? and is it a row of a class of the school? */
export interface RowTest {
  keep(lead: RowLead): boolean;
  /** Set when a class or a teacher is chosen: a tab with class rows needs one of them kept. */
  classRow: ((lead: RowLead) => boolean) | null;
}

/** A test of one row's filter values: true to keep it. */
function rowTest(choice: ShmoChoice, ctx: ShmoContext): RowTest {
  const teachers = new Set(choice.teachers.map(norm));
  // The subjects chosen, else the chosen teachers' subjects.
  const subjects = new Set(
    choice.subjects.length > 0
      ? choice.subjects.map(norm)
      : ctx.teaching.filter((t) => teachers.has(norm(t.teacher))).map((t) => norm(t.subject)),
  );
  const classes = new Set(choice.classes.map(classKey));
  // The chosen teachers' classes, per subject (all subjects: '').
  const taught = new Map<string, Set<string>>();
  for (const t of ctx.teaching) {
    if (!teachers.has(norm(t.teacher))) continue;
    for (const s of [norm(t.subject), '']) {
      const set = taught.get(s) ?? new Set<string>();
      set.add(classKey(t.className));
      taught.set(s, set);
    }
  }
  const taughtIn = (subject: string): Set<string> => {
    const subs = tokens(subject);
    if (subs.length === 0) return taught.get('') ?? new Set();
    return new Set(subs.flatMap((s) => [...(taught.get(s) ?? [])]));
  };
  // The parallels chosen, else those of the chosen classes, else of the chosen teacher's classes (when all are known).
  const implied = (): number[] => {
    const keys = classes.size > 0 ? [...classes] : teachers.size > 0 ? [...(taught.get('') ?? [])] : [];
    const grades = keys.map((k) => ctx.classGrade.get(k) ?? null);
    if (grades.length === 0 || grades.some((g) => g === null)) return [];
    return [...new Set(grades as number[])];
  };
  const grades = choice.grades.length > 0 ? choice.grades : implied();
  const isClass = (key: string) => ctx.classGrade.size === 0 || ctx.classGrade.has(key);
  const classRow = (lead: RowLead) =>
    tokens(lead.className)
      .map(classKey)
      .some((k) => ctx.classGrade.has(k));
  const keep = (lead: RowLead) => {
    if (subjects.size > 0 && lead.subject !== '' && !tokens(lead.subject).some((t) => subjects.has(t))) return false;
    if (grades.length > 0 && lead.grade !== '' && !tokens(lead.grade).some((t) => grades.includes(leadingInt(t) ?? -1))) return false;
    if (teachers.size > 0 && lead.teacher !== '' && !tokens(lead.teacher).some((t) => teachers.has(t))) return false;
    if (lead.className === '' || (classes.size === 0 && teachers.size === 0)) return true;
    // A cell that is not a class («5 классы», «Школа») stays as context; a list of classes stays when any passes.
    const keys = tokens(lead.className).map(classKey).filter(isClass);
    if (keys.length === 0) return true;
    const mine = teachers.size > 0 ? taughtIn(lead.subject) : null;
    return keys.some((k) => (classes.size === 0 || classes.has(k)) && (mine === null || mine.has(k)));
  };
  return { keep, classRow: classes.size > 0 || teachers.size > 0 ? classRow : null };
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v));

/**
 * Which rows of one analytic tab the view keeps; null when the tab has no filter columns. A tab with
 * rows of classes but none of the chosen class (or teacher) kept shows nothing (visible 0): its
 * parallel and school rows alone are not about the choice.
 */
export function rowsFor(spec: SheetSpec, test: RowTest): { keep: boolean[]; visible: number; total: number } | null {
  const f = spec.filterColumns;
  if (!f) return null;
  const headers = new Set((spec.tables ?? []).map((t) => t.header));
  const hidden = new Set(spec.hiddenRows ?? []);
  const keep: boolean[] = [];
  const about: boolean[] = [];
  let visible = 0;
  let total = 0;
  let classRows = 0;
  let classRowsKept = 0;
  spec.values.forEach((row, r) => {
    const lead: RowLead = {
      subject: f.subject === undefined ? '' : cellText(row[f.subject]),
      grade: f.grade === undefined ? '' : cellText(row[f.grade]),
      className: f.className === undefined ? '' : cellText(row[f.className]),
      teacher: f.teacher === undefined ? '' : cellText(row[f.teacher]),
    };
    const has = !headers.has(r) && (lead.subject !== '' || lead.grade !== '' || lead.className !== '' || lead.teacher !== '');
    about[r] = has;
    if (hidden.has(r)) keep[r] = false;
    else if (headers.has(r))
      keep[r] = false; // decided below, from its rows
    else if (!has) keep[r] = true;
    else {
      total++;
      keep[r] = test.keep(lead);
      if (keep[r]) visible++;
      if (test.classRow?.(lead)) {
        classRows++;
        if (keep[r]) classRowsKept++;
      }
    }
  });
  if (classRows > 0 && classRowsKept === 0) visible = 0;
  // A header stays when a row of its table stays: the rows below it up to the first blank row.
  const width = Math.min(...Object.values(f));
  const blank = (r: number) => (spec.values[r] ?? []).slice(0, width).every((v) => v === null || v === '');
  for (const h of headers) {
    for (let r = h + 1; r < spec.values.length && !blank(r) && !headers.has(r); r++) if (about[r] && keep[r]) keep[h] = true;
  }
  return { keep, visible, total };
}

/**
 * Blank rows that the dropped rows between them brought together become one (the tab's own runs of
 * blank rows, which make room for its charts, stay); blank rows at the end go.
 */
function tidy(keep: boolean[], values: SheetSpec['values'], width: number): boolean[] {
  const blank = (r: number) => (values[r] ?? []).slice(0, width).every((v) => v === null || v === '');
  const out = [...keep];
  let lastKept = -1;
  for (let r = 0; r < out.length; r++) {
    if (!out[r]) continue;
    if (blank(r) && (lastKept < 0 || (blank(lastKept) && lastKept !== r - 1))) out[r] = false;
    else lastKept = r;
  }
  for (let r = out.length - 1; r >= 0 && (!out[r] || blank(r)); r--) out[r] = false;
  return out;
}

/** The spec with its hidden columns emptied: in the view they would show (other tabs use those columns). */
function withoutHiddenColumns(spec: SheetSpec): SheetSpec {
  const hidden = new Set(spec.hiddenColumns ?? []);
  if (hidden.size === 0) return spec;
  const values = spec.values.map((row) => {
    const out = row.map((v, c) => (hidden.has(c) ? null : v));
    while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
    return out;
  });
  const { hiddenColumns: _h, filterColumns: _f, ...rest } = spec;
  return {
    ...rest,
    values,
    ...(spec.notes ? { notes: spec.notes.filter((n) => !hidden.has(n.col)) } : {}),
  };
}

/** Widest column of the view: the sections share columns, so a wide text column of one is wrapped instead. */
const MAX_VIEW_WIDTH = 200;

/**
 * The part with every column at most MAX_VIEW_WIDTH wide; the text of a column that was wider is
 * wrapped (its rows grow) rather than clipped, and the sections that share the column stay readable.
 */
function capWidths(spec: SheetSpec): SheetSpec {
  const wide = Object.entries(spec.columnWidths ?? {}).filter(([, w]) => w > MAX_VIEW_WIDTH);
  if (wide.length === 0) return spec;
  const columnWidths = { ...spec.columnWidths };
  const formats = [...(spec.formats ?? [])];
  for (const [c] of wide) {
    columnWidths[Number(c)] = MAX_VIEW_WIDTH;
    formats.push({ range: { row: 0, col: Number(c), rows: spec.values.length, cols: 1 }, wrap: true });
  }
  return { ...spec, columnWidths, formats };
}

/** The part's title (its first cell) says how much of the tab it shows: «Группа риска: 80 уч.» is the school's. */
function titled(part: SheetSpec, visible: number, total: number): SheetSpec {
  const [first, ...rest] = part.values;
  const title = first?.[0];
  if (typeof title !== 'string' || title === '') return part;
  return { ...part, values: [[T.shmo.partTitle(title, visible, total), ...(first ?? []).slice(1)], ...rest] };
}

/** The choice in words, for the view's second row. */
function choiceText(c: ShmoChoice): string {
  const t = T.shmo;
  return [
    c.subjects.length ? t.subjects(c.subjects.join(', ')) : '',
    c.grades.length ? t.grades(c.grades.map((g) => t.grade(g)).join(', ')) : '',
    c.classes.length ? t.classes(c.classes.join(', ')) : '',
    c.teachers.length ? t.teachers(c.teachers.join(', ')) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The person's view, from the analysis's tabs (`tabs`, as the run built them, users' notes
 * included): on each of its two tabs, a title and what was chosen, then each analytic tab's matching
 * rows, in the order of the tabs. Tabs without filter columns (settings, roadmaps) are not part of it.
 */
export function buildShmoView(tabs: readonly SheetSpec[], choice: ShmoChoice, ctx: ShmoContext): ShmoView {
  const names = shmoTabNames(choice);
  const test = rowTest(choice, ctx);
  const sections: ShmoSection[] = [];
  const parts: SheetSpec[][] = [[], []];
  for (const spec of tabs) {
    const chosen = rowsFor(spec, test);
    if (!chosen || chosen.visible === 0) continue;
    const at = FINDINGS_TABS.includes(spec.name) ? 1 : 0;
    const width = Math.min(...Object.values(spec.filterColumns ?? {}));
    const part = capWidths(withoutHiddenColumns(selectRows(spec, tidy(chosen.keep, spec.values, width))));
    parts[at]?.push(titled(part, chosen.visible, chosen.total));
    sections.push({ tab: names[at] as string, sheet: spec.name, visible: chosen.visible, total: chosen.total });
  }
  const specs: SheetSpec[] = [];
  const empty: string[] = [];
  names.forEach((name, i) => {
    const mine = parts[i] ?? [];
    const other = names[1 - i] as string;
    if (mine.length === 0) {
      // The first tab always says what was chosen, even when nothing matched.
      if (i === 1 || sections.length > 0) {
        empty.push(name);
        return;
      }
    }
    const head = new SpecBuilder(name);
    head.preamble(name, 8, [T.shmo.intro(choiceText(choice)), mine.length === 0 ? T.shmo.nothing : T.shmo.refresh]);
    const here = sections.filter((x) => x.tab === name).map((x) => x.sheet);
    if (here.length > 0) head.row([T.shmo.contents(here.join(', '))], { italic: true, fontColor: COLORS.muted });
    if (sections.some((x) => x.tab === other)) head.row([T.shmo.other(i, other)], { italic: true, fontColor: COLORS.muted });
    const spec = stack(name, [head.build(), ...mine.map((p) => ({ ...p, frozenRows: undefined, frozenCols: undefined }))]);
    // The view's title stays in view, and so does the first column: the group, the class or the work of each row.
    specs.push({ ...spec, frozenRows: 1, frozenCols: 1, tabColor: SHMO_TAB_COLOR });
  });
  return { specs, sections, empty };
}

/** The views stand apart from the shared tabs by colour. */
export const SHMO_TAB_COLOR = '#8e7cc3';
