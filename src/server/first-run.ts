// The first hour in the sidebar (issue 16): the example school written into the spreadsheet and taken
// away again, «Указать» on a work whose subject, grade or date ОКО could not read, and how long each
// step takes here (measured on every run, estimated from the data's size before the first one).
import { cellText, norm } from '../core/grid';
import { findSubject } from '../core/input/subjects';
import { readWorkbook as readInput, type WorkbookData } from '../core/input/workbook';
import { exampleSchool, exampleSheetNames } from '../core/sample/example';
import { UI } from '../core/strings';
import type { StepId } from '../core/tabs';
import { UserFacingError } from '../sheets/errors';
import { withDocumentLock } from '../sheets/lock';
import { loadUserPref, saveUserPref } from '../sheets/prefs';
import { readSpreadsheet } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';
import { TabDirectory } from '../sheets/tabs';
import { writeSpec } from '../sheets/write';
import type { ExampleResult, WorkDescribeResult, WorkDescription } from './contract';
import { workView } from './views';

// ---- the example school ------------------------------------------------------------------------

const q = (s: string) => `«${s}»`;

/** The example's works are in the spreadsheet (its «Классы и учителя» alone does not count: users keep one). */
export function hasExample(names: readonly string[]): boolean {
  const works = exampleSheetNames().slice(0, -1);
  return names.some((n) => works.includes(n));
}

/**
 * Writes the example's sheets (one write each) under the document lock. Its «Классы и учителя» is
 * written only when the spreadsheet has none: a sheet of the user's is never replaced.
 */
export function openExample(ss: SpreadsheetLike): ExampleResult {
  return withDocumentLock(() => {
    const tabs = TabDirectory.read(ss);
    const names = tabs.names();
    if (hasExample(names)) return { created: false, sheets: [], message: UI.example.exists };
    const specs = exampleSchool().filter((s) => !names.some((n) => norm(n) === norm(s.name)));
    const written: string[] = [];
    for (const spec of specs) {
      writeSpec(ss, spec, tabs);
      written.push(spec.name);
    }
    tabs.find(written[0] as string)?.sheet.activate();
    return { created: true, sheets: written, message: UI.example.created(written.map(q).join(', ')) };
  });
}

/** Removes the example's sheets; its «Классы и учителя» only while it still holds exactly what the example wrote. */
export function removeExample(ss: SpreadsheetLike): ExampleResult {
  return withDocumentLock(() => {
    const tabs = TabDirectory.read(ss);
    const removed: string[] = [];
    for (const spec of exampleSchool()) {
      const found = tabs.find(spec.name);
      if (!found) continue;
      const isTeachers = spec.name === UI.example.teachersSheet;
      if (isTeachers) {
        const now = found.sheet
          .getDataRange()
          .getValues()
          .map((r) => r.map(cellText).join('\t'));
        const ours = spec.values.map((r) => r.map(cellText).join('\t'));
        if (now.join('\n') !== ours.join('\n')) continue;
      }
      // Sheets refuses to delete the last sheet: keep one empty sheet behind.
      if (ss.getSheets().length === 1) ss.insertSheet(UI.data.emptySheet, 1);
      ss.deleteSheet(found.sheet);
      tabs.remove(spec.name);
      removed.push(spec.name);
    }
    return { created: false, sheets: removed, message: UI.example.removed(removed.length) };
  });
}

// ---- «Указать»: the subject, grade and date of a work, put into its sheet's name -------------------

/** The name of a sheet, 100 characters at most, not taken by another sheet. */
function freeName(base: string, taken: readonly string[]): string {
  const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n).trimEnd() : s);
  let name = cut(base, 100);
  for (let i = 2; taken.some((t) => norm(t) === norm(name)); i++) name = `${cut(base, 95)} (${i})`;
  return name;
}

/**
 * Adds what the user said about a work to its sheet's name («Протокол» → «Протокол · Математика 5 класс
 * 15.04.2026»): the reader takes the subject, grade and date from the sheet's name when the rows above
 * the table do not give them (core/input/meta.ts), so the work reads the same way next time and for
 * colleagues. Only what ОКО could not read is added; nothing else in the sheet changes.
 */
export function describeWork(ss: SpreadsheetLike, req: WorkDescription): WorkDescribeResult {
  return withDocumentLock(() => {
    const read = readSpreadsheet(ss);
    const data = readInput(read.workbook);
    const p = data.procedures.find((x) => x.sheet === req.sheet);
    if (!p) throw new UserFacingError(UI.data.describeGone(req.sheet));
    const parts: string[] = [];
    if (req.subject !== '' && workView(p).subject === null) {
      const subject = findSubject(req.subject);
      if (!subject) throw new UserFacingError(UI.data.describeSubjectUnknown(req.subject));
      parts.push(subject.name);
    }
    if (req.grade !== null && p.meta.grade === null) parts.push(UI.data.describeGrade(req.grade));
    if (req.date !== '' && p.meta.date === null) parts.push(req.date.split('-').reverse().join('.'));
    if (parts.length === 0) return { sheet: p.sheet, renamed: false, message: UI.data.describeNothing, work: workView(p) };
    const names = read.tabs.names().filter((n) => n !== p.sheet);
    const name = freeName(`${p.sheet} · ${parts.join(' ')}`, names);
    const sheet = read.tabs.find(p.sheet)?.sheet;
    if (!sheet) throw new UserFacingError(UI.data.describeGone(req.sheet));
    sheet.setName(name);
    const again = readInput(readSpreadsheet(ss).workbook).procedures.find((x) => x.sheet === name);
    const work = again ? workView(again) : null;
    // Rows above the table win over the sheet's name: say so when they still hide what was added.
    const read2 = work !== null && (req.subject === '' || work.subject !== null) && (req.grade === null || work.grade !== null);
    return { sheet: name, renamed: true, message: read2 ? UI.data.described(p.sheet, name) : UI.data.describedNotRead(name), work };
  });
}

// ---- how long things take ------------------------------------------------------------------------

/** What the sidebar times: the steps, and the documents. */
export type Timed = StepId | 'documents';
const TIMES_PREF = 'times';

export function lastTimes(ss: SpreadsheetLike): Partial<Record<Timed, number>> {
  const raw = loadUserPref(ss, TIMES_PREF);
  if (!raw || typeof raw !== 'object') return {};
  const out: Partial<Record<Timed, number>> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'number' && v > 0) out[k as Timed] = v;
  return out;
}

/** Remembers how long `what` took for this user in this spreadsheet (one property write). */
export function recordTime(ss: SpreadsheetLike, what: Timed, ms: number): void {
  saveUserPref(ss, TIMES_PREF, { ...lastTimes(ss), [what]: Math.max(1, Math.round(ms)) });
}

/**
 * Before the first run: a rough estimate from the data's size (each generated tab is a few Sheets calls
 * of about a second; each results sheet is read once). Shown as «примерно»; replaced by the measured
 * time after the first run.
 */
export function estimateMs(what: Timed, data: WorkbookData): number {
  const works = data.procedures.length;
  const sheets = new Set(data.procedures.map((p) => p.sheet)).size;
  const people = data.procedures.reduce((a, p) => a + p.students.length, 0);
  switch (what) {
    case 'analysis':
      return 5000 + 2500 * works;
    case 'risk':
      return 4000 + 800 * sheets + 4 * people;
    case 'objectivity':
      return 4000 + 300 * works;
    case 'roadmap':
      return 10_000;
    case 'documents':
      return 15_000;
  }
}

export function expected(
  what: Timed,
  data: WorkbookData,
  times: Partial<Record<Timed, number>>,
): { expectedMs: number; measured: boolean } {
  const last = times[what];
  return last ? { expectedMs: last, measured: true } : { expectedMs: estimateMs(what, data), measured: false };
}
