// Reading one school's spreadsheet for the district: open it by id, then one getValues() per tab the
// core may need (results, «Классы», «План заданий», «Шкала отметок», roadmaps). Tabs ОКО generated
// from the school's own analysis, its settings and the form's service tabs are skipped unread.
// Only values are read — never formulas — and dates are normalised as in the school edition.
import type { Grid, Workbook } from '../../core/grid';
import { norm } from '../../core/grid';
import { SourceError } from '../../core/municipal/job';
import { isRoadmapTab } from '../../core/municipal/roadmap';
import { M, S } from '../../core/strings';
import { isGeneratedTab } from '../../core/tabs';
import { cellReader } from '../dates';
import { reasonOf } from '../errors';
import { sheetValues } from '../read';
import type { SpreadsheetLike } from '../surface';
import { TabDirectory } from '../tabs';
import { isTempName } from '../temp';
import { sheetsApi, spreadsheetOpener } from './gas';
import type { SheetsApiLike } from './surface';

const SKIPPED = new Set([norm(S.tabs.settings), 'служебный', 'порядковый номер класса']);

/** Tabs worth a getValues(): everything but ОКО's own output, settings and service tabs. */
export function isSourceTab(name: string): boolean {
  if (isTempName(name) || SKIPPED.has(norm(name))) return false;
  return isRoadmapTab(name) || !isGeneratedTab(name);
}

/** The user-facing reason for an openById failure. */
export function openFailure(e: unknown): string {
  const reason = reasonOf(e);
  const t = reason.toLowerCase();
  if (/permission|access denied|доступ|разрешени/.test(t)) return M.read.noAccess;
  if (/not found|не найден|does not exist|bad value|missing|неверное значение/.test(t)) return M.read.notFound;
  return M.read.failed(reason);
}

export function openSource(id: string): SpreadsheetLike {
  try {
    return spreadsheetOpener().openById(id);
  } catch (e) {
    throw new SourceError(openFailure(e));
  }
}

export function readSourceSpreadsheet(ss: SpreadsheetLike): Workbook {
  const tabs = TabDirectory.read(ss);
  const cell = cellReader(ss);
  const grids: Grid[] = [];
  for (const { name, sheet } of tabs.entries()) {
    if (!isSourceTab(name)) continue;
    grids.push({ name, values: sheetValues(sheet, cell) });
  }
  return { name: ss.getName(), grids };
}

/** Opens and reads a source; any failure becomes a SourceError with a reason users can act on. */
export function readSourceById(id: string): Workbook {
  const ss = openSource(id);
  try {
    return readSourceSpreadsheet(ss);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(openFailure(e));
  }
}

/** The Sheets API advanced service is enabled in this project (the municipal manifest enables it). */
export function sheetsApiAvailable(): boolean {
  return sheetsApi() !== null;
}

/** Messages of the optional Sheets API reader. */
export const API_MISSING =
  'служба «Google Sheets API» не включена в проекте Apps Script (Службы → Google Sheets API) — или выберите чтение через SpreadsheetApp (job.reader = 0)';

const quoteRange = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The same read through the Sheets API advanced service: the tab names in one request and the values
 * of every tab worth reading in one batchGet — two round trips per source, however many tabs it has.
 * Same scope (spreadsheets.readonly). Numbers stay numbers (UNFORMATTED_VALUE); date cells arrive as
 * the spreadsheet formats them (FORMATTED_STRING), which the core reads as «20.04.2026».
 */
export function readSourceViaApi(id: string): Workbook {
  const api = sheetsApi();
  if (!api) throw new SourceError(API_MISSING);
  let meta: ReturnType<SheetsApiLike['Spreadsheets']['get']>;
  try {
    meta = api.Spreadsheets.get(id, { fields: 'properties.title,sheets.properties.title' });
  } catch (e) {
    throw new SourceError(openFailure(e));
  }
  const names = (meta.sheets ?? []).map((s) => s.properties?.title ?? '').filter((n) => n !== '' && isSourceTab(n));
  if (names.length === 0) return { name: meta.properties?.title ?? id, grids: [] };
  let ranges: { values?: unknown[][] }[];
  try {
    ranges =
      api.Spreadsheets.Values.batchGet(id, {
        ranges: names.map(quoteRange),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }).valueRanges ?? [];
  } catch (e) {
    throw new SourceError(openFailure(e));
  }
  const grids: Grid[] = names.map((name, i) => ({
    name,
    values: (ranges[i]?.values ?? []).map((row) =>
      row.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined || v === '' ? null : String(v))),
    ),
  }));
  return { name: meta.properties?.title ?? id, grids };
}
