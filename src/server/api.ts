// How the school edition answers each function of its sidebar's contract (SCHOOL_ENDPOINTS in
// ./contract.ts). Arguments arrive already checked against the contract's schemas, and every error
// leaves as a readable Russian message (./edition.ts).
import { a1 } from '../core/grid';
import { readWorkbook as readInput } from '../core/input/workbook';
import { documentServices } from '../sheets/gas';
import { activatePlace, activeSpreadsheet } from '../sheets/host';
import { readSpreadsheet } from '../sheets/read';
import type { SCHOOL_ENDPOINTS } from './contract';
import { documentsFor } from './documents';
import type { Handlers } from './endpoints';
import { applyFilter as applyTabFilters, clearFilter as clearTabFilters, filterOptions, savedChoice } from './filters';
import { copyTemplateSheet, roadmapFormInfo, roadmapStep, saveForm } from './roadmap';
import { saveSettings as saveSettingValues, settingsView } from './settings';
import { runStepAndWrite, stepBlocks, stepInfos, tabsReport } from './steps';
import { countBySeverity, problemView, sheetView } from './views';

export const schoolAnswers: Handlers<typeof SCHOOL_ENDPOINTS> = {
  getDataOverview() {
    const ss = activeSpreadsheet();
    const read = readSpreadsheet(ss);
    const data = readInput(read.workbook);
    const names = read.tabs.names();
    const existing = new Set(names);
    const bySheet = new Map(data.procedures.map((p) => [p.sheet, p]));
    return {
      spreadsheet: read.workbook.name,
      sheets: data.sheets.map((s) => sheetView(s, bySheet.get(s.name))),
      problems: data.problems.map((p) => problemView(p, existing)),
      ...countBySeverity(data.problems),
      steps: stepInfos(names, roadmapFormInfo(ss, names, data)),
      filter: { options: filterOptions(data), saved: savedChoice(ss) },
      readAt: new Date().toISOString(),
    };
  },

  runStep(step) {
    const outcome = runStepAndWrite(activeSpreadsheet(), step);
    const names = new Set(outcome.read.tabs.names());
    return {
      step,
      ok: outcome.report !== null,
      problems: outcome.run.problems.map((p) => problemView(p, names)),
      blocks: stepBlocks(step, outcome),
      tabs: tabsReport(outcome.report),
      finishedAt: new Date().toISOString(),
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
    return roadmapStep(activeSpreadsheet(), form);
  },

  saveRoadmapForm(form) {
    saveForm(activeSpreadsheet(), form);
    return null;
  },

  createDocuments(req) {
    return documentsFor(activeSpreadsheet(), req ?? {}, documentServices());
  },

  createRoadmapTemplate(id) {
    const { sheetObject, ...result } = copyTemplateSheet(activeSpreadsheet(), id);
    sheetObject?.activate();
    return result;
  },
};
