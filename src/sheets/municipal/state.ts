// Where the job keeps its state between chunks, and why there:
//   - the cursor (run id, chunk count, progress counters; ~300 bytes) in document properties: one
//     getProperty/setProperty per chunk, atomic, and readable by the status function without
//     touching any sheet. Properties cap a value at 9 KB and a store at 500 KB, so they cannot hold
//     the aggregates of hundreds of schools;
//   - the per-source records (aggregates, content hash, status; a few KB each) in a hidden tab of the
//     municipal spreadsheet, one row per source, JSON split over cells below Sheets' 50 000-character
//     cell limit. The tab is replaced whole (built under a temporary name, see ../write.ts), so a
//     chunk killed mid-save leaves the previous state intact. It travels with a copy of the
//     spreadsheet and anyone with edit access can unhide it to audit what was collected.
import type { History } from '../../core/municipal/history';
import type { JobCursor } from '../../core/municipal/job';
import type { SourceRecord } from '../../core/municipal/schema';
import { parseHistory, parseState, SHEETS_CELL_CHARS, stateSpec } from '../../core/municipal/state';
import { M } from '../../core/strings';
import type { SpreadsheetLike } from '../surface';
import { writeSpec } from '../write';
import { propertiesService } from './gas';

export const CURSOR_PROPERTY = 'oko.municipal.cursor';

export function loadCursor(): JobCursor | null {
  const raw = propertiesService().getDocumentProperties().getProperty(CURSOR_PROPERTY);
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as JobCursor;
    return typeof c.runId === 'string' ? c : null;
  } catch {
    return null;
  }
}

/** Texts in the cursor are capped: a property value holds 9 KB in UTF-8 (a Cyrillic letter is 2 bytes). */
const MAX_TEXT = 600;
const cap = (t: string) => (t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t);

export function saveCursor(cursor: JobCursor | null): void {
  const props = propertiesService().getDocumentProperties();
  if (!cursor) {
    props.deleteProperty(CURSOR_PROPERTY);
    return;
  }
  const c: JobCursor = { ...cursor };
  if (c.lastError) c.lastError = { ...c.lastError, text: cap(c.lastError.text) };
  if (c.retry) c.retry = { ...c.retry, reason: cap(c.retry.reason) };
  if (c.stopReason) c.stopReason = cap(c.stopReason);
  props.setProperty(CURSOR_PROPERTY, JSON.stringify(c));
}

/** The state tab's values, read once: the records and the history of ШНОР lists. */
export function loadState(ss: SpreadsheetLike): { records: Map<string, SourceRecord>; history: History } {
  const sheet = ss.getSheetByName(M.tabs.state);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  return { records: parseState(values), history: parseHistory(values) };
}

export function loadRecords(ss: SpreadsheetLike): Map<string, SourceRecord> {
  return loadState(ss).records;
}

export function saveRecords(ss: SpreadsheetLike, records: readonly SourceRecord[], history: History): void {
  writeSpec(ss, stateSpec(records, SHEETS_CELL_CHARS, history)).hideSheet();
}
