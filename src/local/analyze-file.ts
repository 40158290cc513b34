// `oko analyze` as a function: read a workbook, run the core, write the result workbook and JSON.
import { writeFileSync } from 'node:fs';
import { type AnalysisRun, exportJson, runAnalysis, staleGeneratedTabs } from '../core/pipeline';
import { writeFileAtomic } from './output';
import type { WriteReport } from './package/plan';
import { writePackage } from './package/write';
import { readWorkbookFile, type WorkbookSource } from './read';

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
  const { workbook, source } = await readWorkbookFile(input);
  const out = typeof opts.out === 'string' ? opts.out : opts.out(source);
  const run = runAnalysis(workbook);
  if (!run.ok) return { run, written: [], source };
  const plan = {
    replace: run.tabs,
    ensure: run.ensureTabs,
    remove: staleGeneratedTabs(
      workbook.grids.map((g) => g.name),
      run,
    ),
    // At-risk rows on the user's own sheets: conditional formats only, ours replaced, theirs kept.
    highlights: run.highlights,
  };
  const { bytes, report } = writePackage(source.kind === 'xlsx' ? source.pkg : workbook, plan);
  const written: string[] = [];
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(exportJson(run, workbook.name), null, 1)}\n`);
    written.push(opts.json);
  }
  writeFileAtomic(out, bytes);
  written.push(out);
  return { run, written, source, report };
}
