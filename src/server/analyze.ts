// The menu's «Анализ результатов» and «Снять подсветку»: the core's plans applied by the one
// Sheets run (sheets/run.ts) under the document lock.
import { type AnalysisRun, runAnalysis } from '../core/pipeline';
import { emptyPlan } from '../core/write/plan';
import { runAndWrite, type SheetsOutcome } from '../sheets/run';
import type { SpreadsheetLike } from '../sheets/surface';

export interface AnalysisOutcome extends SheetsOutcome<AnalysisRun> {
  run: AnalysisRun;
}

export function analyseAndWrite(ss: SpreadsheetLike): AnalysisOutcome {
  const outcome = runAndWrite(ss, runAnalysis);
  return { ...outcome, run: outcome.result };
}

/** «Снять подсветку»: removes the add-on's highlight rules from every sheet; returns how many. */
export function removeHighlights(ss: SpreadsheetLike): number {
  const { report } = runAndWrite(ss, () => ({ ok: true, write: { ...emptyPlan(), highlights: [] } }));
  return report?.highlights?.removed ?? 0;
}
