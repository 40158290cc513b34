// The one analysis flow both the menu and the sidebar run. Reading, analysing and writing happen
// under the document lock together: a second run waiting for the lock must not write from a
// snapshot of tabs the first run has since replaced.
import { type AnalysisRun, runAnalysis } from '../core/pipeline';
import { type WriteReport, writeRun } from '../sheets/apply';
import { withDocumentLock } from '../sheets/lock';
import { readSpreadsheet, type SpreadsheetRead } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';

export interface AnalysisOutcome {
  run: AnalysisRun;
  read: SpreadsheetRead;
  /** null when the data has errors and nothing was written. */
  report: WriteReport | null;
}

export function analyseAndWrite(ss: SpreadsheetLike): AnalysisOutcome {
  return withDocumentLock(() => {
    const read = readSpreadsheet(ss);
    const run = runAnalysis(read.workbook);
    return { run, read, report: run.ok ? writeRun(ss, run, read) : null };
  });
}
