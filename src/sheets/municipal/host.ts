// The job's host in Apps Script: the municipal spreadsheet (active) holds «Источники», «Настройки
// ОКО», «Сроки отчётов», the district tabs and the hidden state; the schools are read through the Sheets
// API under its per-minute quota. The clock is injected so tests can run the real job against a fake
// clock.
import type { Grid } from '../../core/grid';
import { CONFIG_SHEETS } from '../../core/input/config';
import { emptyHistory, type History } from '../../core/municipal/history';
import type { JobHost, JobPlan } from '../../core/municipal/job';
import { readDistrictRegions } from '../../core/municipal/regions';
import { readReportSheet } from '../../core/municipal/reports';
import { buildDistrictSettingsTab, readDistrictSettings } from '../../core/municipal/settings';
import { readSources } from '../../core/municipal/sources';
import { hasErrors, type Problem, problem } from '../../core/problems';
import { M, S } from '../../core/strings';
import { cellReader } from '../dates';
import { utilities } from '../gas';
import type { SpreadsheetLike } from '../surface';
import { isTempName } from '../temp';
import { ensureSpec, writeSpec } from '../write';
import { propertiesService, sleeper } from './gas';
import { QuotaGate } from './quota';
import { READS_PER_SOURCE, readSourceViaApi, sheetsApiAvailable } from './read-source';
import { loadCursor, loadState, saveCursor, saveRecords } from './state';
import { scheduleContinue, unscheduleContinue } from './triggers';

export function readTab(ss: SpreadsheetLike, name: string): Grid | undefined {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  const cell = cellReader(ss);
  return {
    name,
    values: sheet
      .getDataRange()
      .getValues()
      .map((r) => r.map(cell)),
  };
}

export interface PlanRead {
  plan: JobPlan;
  /** Errors that stop the job (no «Источники», no header, bad settings, no Sheets API). */
  fatal: Problem[];
  settingsTab: boolean;
}

/** «Источники», «Настройки ОКО», «Сроки отчётов» and «Эталоны» of the municipal spreadsheet: a handful of calls per chunk. */
export function readPlan(ss: SpreadsheetLike): PlanRead {
  const sources = readSources(readTab(ss, M.tabs.sources), 'spreadsheet');
  const settingsGrid = readTab(ss, S.tabs.settings);
  const { settings, problems } = readDistrictSettings(settingsGrid);
  const reports = readReportSheet(readTab(ss, M.reports.sheet));
  sources.problems.push(...reports.problems);
  const regions = readDistrictRegions(readTab(ss, CONFIG_SHEETS.benchmarks), sources.problems);
  const structural = sources.problems.filter(
    (p) => p.severity === 'error' && ['sources-missing', 'sources-header', 'sources-none'].includes(p.code),
  );
  const fatal = [...structural, ...problems.filter((p) => p.severity === 'error')];
  if (!sheetsApiAvailable()) fatal.push(problem('error', 'sheets-api-missing', M.tabs.sources, M.google.apiDisabled));
  return {
    plan: { sources, settings, reports: reports.items, regions },
    fatal: hasErrors(fatal) ? fatal : [],
    settingsTab: settingsGrid !== undefined,
  };
}

export function sheetsJobHost(ss: SpreadsheetLike, plan: JobPlan, now: () => number = () => Date.now()): JobHost {
  const props = propertiesService().getDocumentProperties();
  const gate = QuotaGate.load(props, now);
  let history: History | null = null;
  return {
    now,
    today: () => utilities().formatDate(new Date(now()), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd'),
    read: (unit) => readSourceViaApi(unit.key, gate),
    readDelay: () => gate.waitFor(READS_PER_SOURCE),
    sleep: (ms) => sleeper().sleep(Math.max(1, Math.round(ms))),
    loadCursor,
    saveCursor: (cursor) => {
      saveCursor(cursor);
      gate.save(props);
    },
    loadRecords: () => {
      // A chunk killed while replacing a tab leaves it under a temporary name. A complete state tab
      // whose old copy was already deleted is recovered; any other leftover is removed.
      const sheets = ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
      const hasState = sheets.some((x) => x.name === M.tabs.state);
      for (const { sheet, name } of sheets) {
        if (!isTempName(name)) continue;
        if (!hasState && name.endsWith(` ${M.tabs.state}`)) sheet.setName(M.tabs.state);
        else ss.deleteSheet(sheet);
      }
      const state = loadState(ss);
      history = state.history;
      return state.records;
    },
    loadHistory: () => {
      history ??= loadState(ss).history;
      return history;
    },
    saveRecords: (records, next) => {
      if (next) history = next;
      saveRecords(ss, records, history ?? emptyHistory());
    },
    readTab: (name) => readTab(ss, name),
    writeTabs(tabs) {
      ensureSpec(ss, buildDistrictSettingsTab(plan.settings));
      for (const t of tabs) writeSpec(ss, t);
    },
    writeStatus: (tab) => {
      writeSpec(ss, tab);
    },
    schedule: scheduleContinue,
    unschedule: () => {
      unscheduleContinue();
    },
  };
}
