// `oko analyze` as a function: read a workbook, run the core, write the result workbook and JSON.
import { writeFileSync } from 'node:fs';
import { exportText } from '../core/export/text';
import { type AnalysisRun, exportJson, runAnalysis } from '../core/pipeline';
import type { WriteReport } from '../core/write/plan';
import type { WorkbookSource } from './read';
import { runOnFile } from './run-file';

export interface AnalyzeResult {
  run: AnalysisRun;
  /** Files written; empty when the input was refused. */
  written: string[];
  source: WorkbookSource;
  report?: WriteReport;
}

/** `out` may depend on what the input turned out to be (a macro book stays .xlsm). */
export async function analyzeFile(
  input: string,
  opts: { out: string | ((source: WorkbookSource) => string); json?: string },
): Promise<AnalyzeResult> {
  const written: string[] = [];
  const outcome = await runOnFile(input, opts.out, runAnalysis, (run, workbook) => {
    if (!opts.json) return;
    // Task maps in task order (JSON.stringify would put «10» before «4К1»).
    writeFileSync(opts.json, exportText(exportJson(run, workbook.name)));
    written.push(opts.json);
  });
  if (outcome.out) written.push(outcome.out);
  return { run: outcome.result, written, source: outcome.source, ...(outcome.report ? { report: outcome.report } : {}) };
}
