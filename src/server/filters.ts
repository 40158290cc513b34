// The ШМО filter: options from the data, the user's choice kept in user properties, and native
// filters set or removed on the generated tabs (under the document lock, so never mid-analysis).
import { classKey } from '../core/input/teachers';
import { readWorkbook as readInput, type WorkbookData } from '../core/input/workbook';
import { matrixTabName } from '../core/output/matrix';
import { shortLabels } from '../core/output/names';
import { isGeneratedTab } from '../core/tabs';
import { readDisplayed, resetTab, setTabFilter } from '../sheets/filters';
import { withDocumentLock } from '../sheets/lock';
import { loadUserPref, saveUserPref } from '../sheets/prefs';
import { readSpreadsheet } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';
import { TabDirectory } from '../sheets/tabs';
import { type FilterChoice, type FilterOptions, type FilterResult, filterChoiceSchema } from './contract';
import { type FilterContext, isEmptyChoice, planTab, type TabScope } from './filter-plan';

const PREF = 'filter';
const byRu = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });

function teaching(data: WorkbookData): FilterContext['teaching'] {
  // Problems of the sheet are shown by the overview; here only the usable rows matter.
  return (data.teachers?.rows ?? []).map((r) => ({ teacher: r.teacher, subject: r.subject, className: r.className }));
}

export function filterOptions(data: WorkbookData): FilterOptions {
  const subjects = [...new Set(data.procedures.map((p) => p.meta.subject))].sort(byRu);
  const classes = new Map<string, { name: string; grade: number | null }>();
  for (const p of data.procedures) {
    for (const s of [...p.students, ...p.absent]) {
      const key = classKey(s.className);
      if (key && !classes.has(key)) classes.set(key, { name: s.className, grade: s.grade ?? p.meta.grade });
    }
  }
  const grades = new Set<number>();
  for (const p of data.procedures) if (p.meta.grade !== null) grades.add(p.meta.grade);
  for (const c of classes.values()) if (c.grade !== null) grades.add(c.grade);
  const teachers = new Map<string, { name: string; subjects: Set<string>; classes: Set<string> }>();
  for (const t of teaching(data)) {
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

/** Tabs about one work, with that work's subject and parallel. */
function scopes(data: WorkbookData): Map<string, TabScope> {
  const labels = shortLabels(data.procedures);
  const out = new Map<string, TabScope>();
  for (const p of data.procedures) {
    const label = labels.get(p);
    if (label) out.set(matrixTabName(label), { subject: p.meta.subject, grade: p.meta.grade });
  }
  return out;
}

function emptyResult(choice: FilterChoice, applied: boolean): FilterResult {
  return { choice, applied, tabs: 0, filtered: [], hidden: [], skipped: [], cleared: [] };
}

export function applyFilter(ss: SpreadsheetLike, choice: FilterChoice): FilterResult {
  return withDocumentLock(() => {
    saveUserPref(ss, PREF, choice);
    const read = readSpreadsheet(ss);
    const data = readInput(read.workbook);
    const classGrade = new Map<string, number | null>();
    for (const c of filterOptions(data).classes) classGrade.set(classKey(c.name), c.grade);
    const ctx: FilterContext = { choice, classGrade, teaching: teaching(data) };
    const scoped = scopes(data);
    const result = emptyResult(choice, !isEmptyChoice(choice));
    for (const { name, sheet } of read.tabs.entries()) {
      if (!isGeneratedTab(name)) continue;
      result.tabs++;
      if (resetTab(sheet)) result.cleared.push(name);
      if (isEmptyChoice(choice)) continue;
      const plan = planTab(readDisplayed(sheet), ctx, scoped.get(name) ?? null);
      if (plan.kind === 'hide') {
        sheet.hideSheet();
        result.hidden.push(name);
      } else if (plan.kind === 'skip') {
        result.skipped.push(name);
      } else if (plan.kind === 'filter') {
        setTabFilter(sheet, plan.row, plan.rows, plan.cols, plan.columns);
        result.filtered.push({ sheet: name, visible: plan.visible, total: plan.total, columns: plan.labels });
      }
    }
    return result;
  });
}

export function clearFilter(ss: SpreadsheetLike): FilterResult {
  return withDocumentLock(() => {
    const result = emptyResult(savedChoice(ss) ?? { subjects: [], grades: [], classes: [], teachers: [] }, false);
    for (const { name, sheet } of TabDirectory.read(ss).entries()) {
      if (!isGeneratedTab(name)) continue;
      result.tabs++;
      if (resetTab(sheet)) result.cleared.push(name);
    }
    return result;
  });
}
