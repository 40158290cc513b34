// `oko analyze` as a function: read an .xlsx, run the core, write the result workbook and JSON.
import { writeFileSync } from 'node:fs';
import { exportText } from '../core/export/text';
import { type AnalysisRun, exportJson, runAnalysis } from '../core/pipeline';
import { runOnFile } from './run-file';

export interface AnalyzeResult {
  run: AnalysisRun;
  /** Files written; empty when the input was refused. */
  written: string[];
}

export async function analyzeFile(input: string, opts: { out: string; json?: string }): Promise<AnalyzeResult> {
  const written: string[] = [];
  const { result: run, report } = await runOnFile(input, opts.out, runAnalysis, (_wb, run, source) => {
    if (!opts.json) return;
    // Task maps in task order (JSON.stringify would put «10» before «4К1»).
    writeFileSync(opts.json, exportText(exportJson(run, source.name)));
    written.push(opts.json);
  });
  if (report) written.push(opts.out);
  return { run, written };
}
