// Read → run → write in Google Sheets, for every run (the menu's analysis, each sidebar step, the
// roadmap): under the document lock, so that a second run waiting for the lock never writes from a
// snapshot of tabs the first one has since replaced. The core computes the plan; `applyPlan` writes it.
import type { Workbook } from '../core/grid';
import { type PlannedRun, runAndApply } from '../core/write/apply';
import type { WriteReport } from '../core/write/plan';
import { withDocumentLock } from './lock';
import { readSpreadsheet, type SpreadsheetRead } from './read';
import type { SpreadsheetLike } from './surface';
import { sheetsWriter } from './writer';

export interface SheetsOutcome<R> {
  result: R;
  read: SpreadsheetRead;
  /** null when the run refused (its `ok` false): nothing was written. */
  report: WriteReport | null;
}

export function runAndWrite<R extends PlannedRun>(ss: SpreadsheetLike, run: (workbook: Workbook) => R): SheetsOutcome<R> {
  return withDocumentLock(() => {
    const read = readSpreadsheet(ss);
    return { read, ...runAndApply(read.workbook, sheetsWriter(ss, read), run) };
  });
}
