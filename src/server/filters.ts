// «Фильтр ШМО» in Google Sheets: the options from the data, the person's choice kept in their user
// properties, and their own view tab («ШМО · Математика · 5Б») written through the write plan
// (core/write/shmo.ts) under the document lock. Shared tabs are never filtered or hidden: what other
// users see of the file does not change.
import { classKey } from '../core/input/teachers';
import type { WorkbookData } from '../core/input/workbook';
import { isEmptyChoice, shmoContext } from '../core/output/shmo-view';
import { removeShmoView, runShmoView } from '../core/write/shmo';
import { loadUserPref, saveUserPref } from '../sheets/prefs';
import { runAndWrite } from '../sheets/run';
import type { SpreadsheetLike } from '../sheets/surface';
import { type FilterChoice, type FilterOptions, type FilterResult, filterChoiceSchema } from './contract';
import { problemView } from './views';

const PREF = 'filter';
const byRu = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });

export function filterOptions(data: WorkbookData): FilterOptions {
  const subjects = [...new Set(data.procedures.map((p) => p.meta.subject))].sort(byRu);
  const ctx = shmoContext(data);
  const classes = new Map<string, { name: string; grade: number | null }>();
  for (const p of data.procedures) {
    for (const s of [...p.students, ...p.absent]) {
      const key = classKey(s.className);
      if (key && !classes.has(key)) classes.set(key, { name: s.className, grade: ctx.classGrade.get(key) ?? null });
    }
  }
  const grades = new Set<number>();
  for (const p of data.procedures) if (p.meta.grade !== null) grades.add(p.meta.grade);
  for (const c of classes.values()) if (c.grade !== null) grades.add(c.grade);
  const teachers = new Map<string, { name: string; subjects: Set<string>; classes: Set<string> }>();
  for (const t of ctx.teaching) {
    const entry = teachers.get(t.teacher) ?? { name: t.teacher, subjects: new Set(), classes: new Set() };
    entry.subjects.add(t.subject);
    entry.classes.add(t.className);
    teachers.set(t.teacher, entry);
  }
  return {
    subjects,
    grades: [...grades].sort((a, b) => a - b),
    classes: [...classes.values()].sort((a, b) => (a.grade ?? 99) - (b.grade ?? 99) || byRu(a.name, b.name)),
    teachers: [...teachers.values()]
      .sort((a, b) => byRu(a.name, b.name))
      .map((t) => ({ name: t.name, subjects: [...t.subjects].sort(byRu), classes: [...t.classes].sort(byRu) })),
  };
}

export function savedChoice(ss: SpreadsheetLike): FilterChoice | null {
  const parsed = filterChoiceSchema.safeParse(loadUserPref(ss, PREF));
  return parsed.success ? parsed.data : null;
}

const nothing = (choice: FilterChoice): FilterResult => ({ choice, applied: false, tabs: [], sections: [], removed: false, problems: [] });

/** Creates or refreshes the person's own view tabs of the analytic tabs; nothing else in the file changes. */
export function applyFilter(ss: SpreadsheetLike, choice: FilterChoice): FilterResult {
  saveUserPref(ss, PREF, choice);
  if (isEmptyChoice(choice)) return nothing(choice);
  const { result, read, report } = runAndWrite(ss, (wb) => runShmoView(wb, choice));
  const names = new Set(read.tabs.names());
  return {
    choice,
    applied: report !== null,
    tabs: report ? result.tabs : [],
    sections: result.sections,
    removed: false,
    problems: report ? [] : result.problems.map((p) => problemView(p, names)),
  };
}

/** Removes the person's own view tabs (of their saved choice); the choice stays for next time. */
export function clearFilter(ss: SpreadsheetLike): FilterResult {
  const choice = savedChoice(ss) ?? { subjects: [], grades: [], classes: [], teachers: [] };
  if (isEmptyChoice(choice)) return nothing(choice);
  const { report } = runAndWrite(ss, () => removeShmoView(choice));
  const deleted = report?.deleted ?? [];
  return { ...nothing(choice), tabs: deleted, removed: deleted.length > 0 };
}
