// How the school edition answers each function of its sidebar's contract (SCHOOL_ENDPOINTS in
// ./contract.ts). Arguments arrive already checked against the contract's schemas, and every error
// leaves as a readable Russian message (./edition.ts).
import { a1 } from '../core/grid';
import { SUBJECTS } from '../core/input/subjects';
import { readWorkbook as readInput } from '../core/input/workbook';
import { UI } from '../core/strings';
import { isGeneratedTab } from '../core/tabs';
import { reasonOf, UserFacingError } from '../sheets/errors';
import { documentServices } from '../sheets/gas';
import { activatePlace, activeSpreadsheet } from '../sheets/host';
import { readSpreadsheet } from '../sheets/read';
import type { SCHOOL_ENDPOINTS } from './contract';
import { documentsFor } from './documents';
import type { Handlers } from './endpoints';
import { applyFilter as applyTabFilters, clearFilter as clearTabFilters, filterOptions, savedChoice } from './filters';
import { describeWork, expected, hasExample, lastTimes, openExample, recordTime, removeExample, type Timed } from './first-run';
import { copyTemplateSheet, roadmapFormInfo, roadmapStep, saveForm } from './roadmap';
import { saveSettings as saveSettingValues, settingsView } from './settings';
import { runStepAndWrite, stepBlocks, stepInfos, stepNext, tabsReport } from './steps';
import { countBySeverity, problemView, sheetView, workView } from './views';

/** A Drive failure as what the user can do about it; our own messages pass as they are. */
export function documentsFailure(e: unknown): Error {
  if (e instanceof UserFacingError) return e;
  const reason = reasonOf(e);
  const f = UI.docs.failed;
  if (/rate ?limit|quota exceeded for quota|too many requests|429/i.test(reason)) return new UserFacingError(f.rate(reason));
  if (/storage quota|storagequotaexceeded|not enough storage/i.test(reason)) return new UserFacingError(f.space(reason));
  if (/permission|authori[sz]|access denied|insufficient|forbidden|403/i.test(reason)) return new UserFacingError(f.access(reason));
  return new UserFacingError(f.other(reason));
}

/** Runs `work` and remembers how long it took when it succeeded (the sidebar's expected time). */
function timed<T>(ss: ReturnType<typeof activeSpreadsheet>, what: Timed, work: () => T, ok: (r: T) => boolean): T & { elapsedMs: number } {
  const t0 = Date.now();
  const result = work();
  const elapsedMs = Date.now() - t0;
  if (ok(result)) recordTime(ss, what, elapsedMs);
  return { ...result, elapsedMs };
}

export const schoolAnswers: Handlers<typeof SCHOOL_ENDPOINTS> = {
  getDataOverview() {
    const ss = activeSpreadsheet();
    const read = readSpreadsheet(ss);
    const data = readInput(read.workbook);
    const names = read.tabs.names();
    const existing = new Set(names);
    const bySheet = new Map(data.procedures.map((p) => [p.sheet, p]));
    const hasResults = data.procedures.length > 0;
    // An empty spreadsheet is where everyone starts, not an error: the numbered first steps say what to
    // paste (the «no results» error still stops a run, and the menu's analysis still reports it).
    const problems = hasResults ? data.problems : data.problems.filter((p) => p.code !== 'no-results');
    const times = lastTimes(ss);
    const procedures = data.procedures;
    return {
      spreadsheet: read.workbook.name,
      sheets: data.sheets.map((s) => sheetView(s, bySheet.get(s.name))),
      works: procedures.map(workView),
      firstRun: {
        hasResults,
        hasTabs: names.some((n) => isGeneratedTab(n)),
        unrecognised: data.sheets.filter((s) => s.kind === 'unknown' && problems.some((p) => p.sheet === s.name)).map((s) => s.name),
        example: hasExample(names),
      },
      subjects: SUBJECTS.map((s) => s.name),
      documents: {
        subjects: [...new Set(procedures.map((p) => workView(p).subject).filter((x): x is string => x !== null))],
        classes: [...new Set(procedures.flatMap((p) => workView(p).classes))].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })),
        ...expected('documents', data, times),
      },
      problems: problems.map((p) => problemView(p, existing)),
      ...countBySeverity(problems),
      steps: stepInfos(names, roadmapFormInfo(ss, names, data), (id) => expected(id, data, times)),
      filter: { options: filterOptions(data), saved: savedChoice(ss) },
      readAt: new Date().toISOString(),
    };
  },

  runStep(step) {
    const ss = activeSpreadsheet();
    const t0 = Date.now();
    const outcome = runStepAndWrite(ss, step);
    const elapsedMs = Date.now() - t0;
    if (outcome.report) recordTime(ss, step, elapsedMs);
    const names = new Set(outcome.read.tabs.names());
    return {
      step,
      ok: outcome.report !== null,
      problems: outcome.run.problems.map((p) => problemView(p, names)),
      blocks: stepBlocks(step, outcome),
      tabs: tabsReport(outcome.report),
      finishedAt: new Date().toISOString(),
      next: stepNext(step, outcome),
      elapsedMs,
    };
  },

  activateCell(ref) {
    activatePlace(activeSpreadsheet(), ref.sheet, ref.row, ref.col);
    return { sheet: ref.sheet, a1: ref.row !== null ? a1(ref.row, ref.col ?? 1) : null };
  },

  getSettings() {
    return settingsView(activeSpreadsheet());
  },

  saveSettings(values) {
    return saveSettingValues(activeSpreadsheet(), values);
  },

  applyFilter(choice) {
    return applyTabFilters(activeSpreadsheet(), choice);
  },

  clearFilter() {
    return clearTabFilters(activeSpreadsheet());
  },

  runRoadmapStep(form) {
    const ss = activeSpreadsheet();
    return timed(
      ss,
      'roadmap',
      () => roadmapStep(ss, form),
      (r) => r.ok,
    );
  },

  saveRoadmapForm(form) {
    saveForm(activeSpreadsheet(), form);
    return null;
  },

  createDocuments(req) {
    const ss = activeSpreadsheet();
    try {
      return timed(
        ss,
        'documents',
        () => documentsFor(ss, req ?? {}, documentServices()),
        (r) => r.ok && r.documents.length > 0,
      );
    } catch (e) {
      throw documentsFailure(e);
    }
  },

  openExample() {
    return openExample(activeSpreadsheet());
  },

  removeExample() {
    return removeExample(activeSpreadsheet());
  },

  describeWork(req) {
    return describeWork(activeSpreadsheet(), req);
  },

  createRoadmapTemplate(id) {
    const { sheetObject, ...result } = copyTemplateSheet(activeSpreadsheet(), id);
    sheetObject?.activate();
    return result;
  },
};
