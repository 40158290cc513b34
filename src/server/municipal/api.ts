// How the municipal edition answers its sidebar's contract (MUNICIPAL_ENDPOINTS in ./contract.ts).
// Arguments arrive already checked against the contract's schemas; every error leaves as a readable
// Russian message (../edition.ts).
import { sourceStates } from '../../core/municipal/district';
import { formatProblem } from '../../core/problems';
import { M } from '../../core/strings';
import { UserFacingError } from '../../sheets/errors';
import { activeSpreadsheet } from '../../sheets/host';
import { readPlan } from '../../sheets/municipal/host';
import { loadCursor, loadRecords } from '../../sheets/municipal/state';
import type { Handlers } from '../endpoints';
import {
  type AggregationDetails,
  type ChunkView,
  DISTRICT_TAB_IDS,
  type DistrictTabId,
  type FailedSourceView,
  type MUNICIPAL_ENDPOINTS,
} from './contract';
import { municipalChunk } from './job';
import { chunkMessage, getAggregationStatus as readStatus } from './status';

const TAB_NAMES: Record<DistrictTabId, string> = {
  summary: M.tabs.summary,
  deficits: M.tabs.deficits,
  shnor: M.tabs.shnor,
  execution: M.tabs.execution,
};

/** The job writes check times as 'YYYY-MM-DD HH:MM:SS' in UTC; the contract speaks ISO 8601. */
function isoOf(checkedAt: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(checkedAt);
  return m ? `${m[1]}T${m[2]}.000Z` : new Date(checkedAt).toISOString();
}

function chunk(mode: 'start' | 'continue'): ChunkView {
  const report = municipalChunk(activeSpreadsheet(), mode);
  return {
    ran: report !== null,
    processed: report?.processed ?? 0,
    finished: report?.finished ?? false,
    message: chunkMessage(report),
    status: readStatus(),
  };
}

/** «Источники», the saved records and the district tabs: read once per chunk, not per poll. */
function details(): AggregationDetails {
  const ss = activeSpreadsheet();
  const { plan, fatal } = readPlan(ss);
  const cursor = loadCursor();
  const failed: FailedSourceView[] = [];
  if (cursor && fatal.length === 0) {
    for (const { unit, record, done } of sourceStates(plan.sources, loadRecords(ss), cursor.runId)) {
      if (!done || record?.status !== 'failed') continue;
      const names = unit.rows.map((r) => r.name).filter((n): n is string => !!n);
      failed.push({
        name: names.join(', ') || record.label || unit.ref,
        codes: unit.rows.map((r) => r.code).filter((c): c is string => !!c),
        rows: unit.rows.map((r) => r.row),
        reason: record.reason ?? '',
        checkedAt: isoOf(record.checkedAt),
      });
    }
  }
  return {
    sources: plan.sources.units.length,
    failed,
    problems: [...new Set([...plan.sources.problems, ...fatal].map(formatProblem))],
    tabs: DISTRICT_TAB_IDS.map((id) => ({ id, name: TAB_NAMES[id], exists: ss.getSheetByName(TAB_NAMES[id]) !== null })),
    readAt: new Date().toISOString(),
  };
}

export const municipalAnswers: Handlers<typeof MUNICIPAL_ENDPOINTS> = {
  getAggregationStatus: () => readStatus(),
  getAggregationDetails: () => details(),
  startAggregation: () => chunk('start'),
  continueAggregation: () => chunk('continue'),
  activateDistrictTab(id) {
    const name = TAB_NAMES[id];
    const sheet = activeSpreadsheet().getSheetByName(name);
    if (!sheet) throw new UserFacingError(M.panel.tabNotFound(name));
    sheet.activate();
    return { sheet: name };
  },
};
