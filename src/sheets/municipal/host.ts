// The job's host in Apps Script: the municipal spreadsheet (active) holds «Источники», «Настройки
// ОКО», the district tabs and the hidden state; sources are opened by id. The clock is injected so
// tests can run the real job against a fake clock.
import type { Grid } from '../../core/grid';
import type { JobHost, JobPlan } from '../../core/municipal/job';
import { buildDistrictSettingsTab, readDistrictSettings } from '../../core/municipal/settings';
import { readSources } from '../../core/municipal/sources';
import { hasErrors, type Problem } from '../../core/problems';
import { M, S } from '../../core/strings';
import { cellReader } from '../dates';
import type { SpreadsheetLike } from '../surface';
import { isTempName } from '../temp';
import { ensureSpec, writeSpec } from '../write';
import { readSourceById, readSourceViaApi, sheetsApiAvailable } from './read-source';
import { loadCursor, loadRecords, saveCursor, saveRecords } from './state';
import { scheduleContinue, unscheduleContinue } from './triggers';

function readTab(ss: SpreadsheetLike, name: string): Grid | undefined {
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
  /** Errors that stop the job (no «Источники», no header, bad settings). */
  fatal: Problem[];
  settingsTab: boolean;
}

/** «Источники» and «Настройки ОКО» of the municipal spreadsheet: a handful of calls per chunk. */
export function readPlan(ss: SpreadsheetLike): PlanRead {
  const sources = readSources(readTab(ss, M.tabs.sources), 'spreadsheet');
  const settingsGrid = readTab(ss, S.tabs.settings);
  const { settings, problems } = readDistrictSettings(settingsGrid);
  const structural = sources.problems.filter(
    (p) => p.severity === 'error' && ['sources-missing', 'sources-header', 'sources-none'].includes(p.code),
  );
  const fatal = [...structural, ...problems.filter((p) => p.severity === 'error')];
  return { plan: { sources, settings }, fatal: hasErrors(fatal) ? fatal : [], settingsTab: settingsGrid !== undefined };
}

export function sheetsJobHost(ss: SpreadsheetLike, plan: JobPlan, now: () => number = () => Date.now()): JobHost {
  return {
    now,
    // job.reader: 1 (default) — the Sheets API, one batchGet per source; 0 — SpreadsheetApp, one
    // getValues() per tab. Without the advanced service the API reader falls back to SpreadsheetApp
    // instead of failing every school.
    read: (unit) =>
      plan.settings.municipal['job.reader'] >= 1 && sheetsApiAvailable() ? readSourceViaApi(unit.key) : readSourceById(unit.key),
    loadCursor,
    saveCursor,
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
      return loadRecords(ss);
    },
    saveRecords: (records) => saveRecords(ss, records),
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
