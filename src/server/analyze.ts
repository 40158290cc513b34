// The one analysis flow both the menu and the sidebar run. Reading, analysing and writing happen
// under the document lock together: a second run waiting for the lock must not write from a
// snapshot of tabs the first run has since replaced.
import { type AnalysisRun, runAnalysis } from '../core/pipeline';
import { type WriteReport, writeRun } from '../sheets/apply';
import { applyHighlights } from '../sheets/highlights';
import { withDocumentLock } from '../sheets/lock';
import { readSpreadsheet, type SpreadsheetRead } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';
import { TabDirectory } from '../sheets/tabs';

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
    if (!run.ok) return { run, read, report: null };
    const report = writeRun(ss, run, read);
    // After the tabs: the highlight rules look codes up on «Группа риска».
    applyHighlights(read.tabs, run.highlights);
    return { run, read, report };
  });
}

/** «Снять подсветку»: removes the add-on's highlight rules from every sheet; returns how many. */
export function removeHighlights(ss: SpreadsheetLike): number {
  return withDocumentLock(() => applyHighlights(TabDirectory.read(ss), []).removed);
}
