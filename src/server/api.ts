// The functions the sidebar calls through google.script.run, implemented against the contract.
// Arguments are parsed with the contract's schemas; every error leaves as a readable Russian message.
import { a1 } from '../core/grid';
import { readWorkbook as readInput } from '../core/input/workbook';
import { S } from '../core/strings';
import { UserFacingError, userMessage } from '../sheets/errors';
import { activatePlace, activeSpreadsheet } from '../sheets/host';
import { readSpreadsheet } from '../sheets/read';
import { analyseAndWrite } from './analyze';
import {
  type ActivateResult,
  type AnalysisStepResult,
  argSchemas,
  type DataOverview,
  type ServerArgs,
  type ServerFunction,
  type ServerResult,
} from './contract';
import { countBySeverity, problemView, procedureViews, sheetView } from './views';

type Handlers = { [K in ServerFunction]: (...args: ServerArgs<K>) => ServerResult<K> };

const handlers: Handlers = {
  getDataOverview() {
    const read = readSpreadsheet(activeSpreadsheet());
    const data = readInput(read.workbook);
    const names = new Set(read.tabs.names());
    return {
      spreadsheet: read.workbook.name,
      sheets: data.sheets.map(sheetView),
      problems: data.problems.map((p) => problemView(p, names)),
      ...countBySeverity(data.problems),
      readAt: new Date().toISOString(),
    };
  },

  runAnalysisStep() {
    const { run, read, report } = analyseAndWrite(activeSpreadsheet());
    const names = new Set(read.tabs.names());
    return {
      ok: report !== null,
      problems: run.problems.map((p) => problemView(p, names)),
      summary: { procedures: procedureViews(run.summary), errors: run.summary.errors, warnings: run.summary.warnings },
      tabs: report ?? { written: [], created: [], deleted: [] },
      finishedAt: new Date().toISOString(),
    };
  },

  activateCell(ref) {
    activatePlace(activeSpreadsheet(), ref.sheet, ref.row, ref.col);
    return { sheet: ref.sheet, a1: ref.row !== null ? a1(ref.row, ref.col ?? 1) : null };
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

export function getDataOverview(...raw: unknown[]): DataOverview {
  return dispatch('getDataOverview', raw);
}

export function runAnalysisStep(...raw: unknown[]): AnalysisStepResult {
  return dispatch('runAnalysisStep', raw);
}

export function activateCell(...raw: unknown[]): ActivateResult {
  return dispatch('activateCell', raw);
}
