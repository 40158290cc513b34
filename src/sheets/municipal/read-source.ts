// Reading one school's spreadsheet for the district, through the Sheets API advanced service (scope
// `spreadsheets.readonly`; SpreadsheetApp.openById would need the full `spreadsheets` scope): the tab
// names in one request, then every tab the core may need (results, «Классы», «План заданий», «Шкала
// отметок», roadmaps) in one batchGet — two read requests per school, counted against Google's
// 60-per-minute quota by the job's gate (./quota.ts). Tabs ОКО generated from the school's own
// analysis, its settings and the form's service tabs are not read.
//
// Values are read unformatted (numbers as stored) and dates as serial numbers, which ./serial-dates.ts
// turns into dates where the core expects them — the same whatever the school's locale. Only values
// are read, never formulas. Google's errors become a reason the user can act on, or a retry (quota,
// passing failures) that does not count the school as failed.
import type { CellValue, Grid, Workbook } from '../../core/grid';
import { norm } from '../../core/grid';
import { JobFatalError, SourceError, SourceRetryError } from '../../core/municipal/job';
import { isRoadmapTab } from '../../core/municipal/roadmap';
import { M, S } from '../../core/strings';
import { isGeneratedTab } from '../../core/tabs';
import { isTempName } from '../temp';
import { sheetsApi } from './gas';
import { classifyGoogleError } from './google-errors';
import type { QuotaGate } from './quota';
import { datesFromSerials } from './serial-dates';
import type { SheetsApiLike } from './surface';

const SKIPPED = new Set([norm(S.tabs.settings), 'служебный', 'порядковый номер класса']);

/** Read requests per school: Spreadsheets.get and Values.batchGet. */
export const READS_PER_SOURCE = 2;

/** Tabs worth reading: everything but ОКО's own output, settings and service tabs. */
export function isSourceTab(name: string): boolean {
  if (isTempName(name) || SKIPPED.has(norm(name))) return false;
  return isRoadmapTab(name) || !isGeneratedTab(name);
}

/** The Sheets API advanced service is enabled in this project (the municipal manifest enables it). */
export function sheetsApiAvailable(): boolean {
  return sheetsApi() !== null;
}

const quoteRange = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** One API request, counted by the gate; Google's error becomes a reason or a retry. */
function request<T>(gate: QuotaGate | null, f: () => T): T {
  gate?.record();
  try {
    return f();
  } catch (e) {
    const g = classifyGoogleError(e);
    console.error(g.reason);
    if (g.kind === 'quota') throw new SourceRetryError(g.text, 'quota');
    if (g.kind === 'transient' || g.kind === 'timeLimit') throw new SourceRetryError(g.text, 'transient');
    // Nothing can be read at all: stop the collection with the reason rather than fail every school.
    if (g.kind === 'scope' || g.kind === 'authorization' || g.kind === 'apiDisabled' || g.kind === 'daily') throw new JobFatalError(g.text);
    throw new SourceError(g.text);
  }
}

function cell(v: unknown): CellValue {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined || v === '') return null;
  return String(v);
}

export function readSourceViaApi(id: string, gate: QuotaGate | null = null, api: SheetsApiLike | null = sheetsApi()): Workbook {
  if (!api) throw new JobFatalError(M.google.apiDisabled);
  const meta = request(gate, () => api.Spreadsheets.get(id, { fields: 'properties.title,sheets.properties.title' }));
  const names = (meta.sheets ?? []).map((s) => s.properties?.title ?? '').filter((n) => n !== '' && isSourceTab(n));
  const title = meta.properties?.title ?? id;
  if (names.length === 0) return { name: title, grids: [] };
  const ranges =
    request(gate, () =>
      api.Spreadsheets.Values.batchGet(id, {
        ranges: names.map(quoteRange),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      }),
    ).valueRanges ?? [];
  const grids: Grid[] = names.map((name, i) => datesFromSerials({ name, values: (ranges[i]?.values ?? []).map((row) => row.map(cell)) }));
  return { name: title, grids };
}
