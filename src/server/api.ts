// The functions the sidebar calls through google.script.run, implemented against the contract.
// Arguments are parsed with the contract's schemas; every error leaves as a readable Russian message.
import { a1 } from '../core/grid';
import { readWorkbook as readInput } from '../core/input/workbook';
import { S } from '../core/strings';
import { UserFacingError, userMessage } from '../sheets/errors';
import { activatePlace, activeSpreadsheet } from '../sheets/host';
import { readSpreadsheet } from '../sheets/read';
import {
  type ActivateResult,
  argSchemas,
  type DataOverview,
  type FilterResult,
  type RoadmapStepResult,
  type ServerArgs,
  type ServerFunction,
  type ServerResult,
  type SettingsSaveResult,
  type SettingsView,
  type StepResult,
  type TemplateCopyResult,
} from './contract';
import { applyFilter as applyTabFilters, clearFilter as clearTabFilters, filterOptions, savedChoice } from './filters';
import { copyTemplateSheet, roadmapFormInfo, roadmapStep, saveForm } from './roadmap';
import { saveSettings as saveSettingValues, settingsView } from './settings';
import { runStepAndWrite, stepBlocks, stepInfos, tabsReport } from './steps';
import { countBySeverity, problemView, sheetView } from './views';

type Handlers = { [K in ServerFunction]: (...args: ServerArgs<K>) => ServerResult<K> };

const handlers: Handlers = {
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

  createRoadmapTemplate(id) {
    const { sheetObject, ...result } = copyTemplateSheet(activeSpreadsheet(), id);
    sheetObject?.activate();
    return result;
  },
};

function dispatch<K extends ServerFunction>(name: K, raw: unknown[]): ServerResult<K> {
  const parsed = argSchemas[name].safeParse(raw);
  if (!parsed.success) throw new UserFacingError(S.menu.badRequest(name));
  const handler = handlers[name] as (...args: ServerArgs<K>) => ServerResult<K>;
  try {
    return handler(...parsed.data);
  } catch (e) {
    console.error(e);
    // google.script.run hands the client only the message: make it one the user can read.
    throw e instanceof UserFacingError ? e : new UserFacingError(userMessage(e));
  }
}

// One exported function per contract entry: the build turns each into a top-level function.
export function getDataOverview(...raw: unknown[]): DataOverview {
  return dispatch('getDataOverview', raw);
}

export function runStep(...raw: unknown[]): StepResult {
  return dispatch('runStep', raw);
}

export function activateCell(...raw: unknown[]): ActivateResult {
  return dispatch('activateCell', raw);
}

export function getSettings(...raw: unknown[]): SettingsView {
  return dispatch('getSettings', raw);
}

export function saveSettings(...raw: unknown[]): SettingsSaveResult {
  return dispatch('saveSettings', raw);
}

export function applyFilter(...raw: unknown[]): FilterResult {
  return dispatch('applyFilter', raw);
}

export function clearFilter(...raw: unknown[]): FilterResult {
  return dispatch('clearFilter', raw);
}

export function runRoadmapStep(...raw: unknown[]): RoadmapStepResult {
  return dispatch('runRoadmapStep', raw);
}

export function saveRoadmapForm(...raw: unknown[]): null {
  return dispatch('saveRoadmapForm', raw);
}

export function createRoadmapTemplate(...raw: unknown[]): TemplateCopyResult {
  return dispatch('createRoadmapTemplate', raw);
}
