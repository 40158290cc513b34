// `oko analyze` as a function: read an .xlsx, run the core, write the result workbook and JSON.
import { writeFileSync } from 'node:fs';
import { exportText } from '../core/export/text';
import { type AnalysisRun, exportJson, runAnalysis, staleGeneratedTabs } from '../core/pipeline';
import { writeWorkbookAtomic } from './commands/common';
import { applyHighlights, ensureSheet, readXlsx, renderSheet } from './xlsx';

export interface AnalyzeResult {
  run: AnalysisRun;
  /** Files written; empty when the input was refused. */
  written: string[];
}

export async function analyzeFile(input: string, opts: { out: string; json?: string }): Promise<AnalyzeResult> {
  const { wb, data } = await readXlsx(input);
  const run = runAnalysis(data);
  if (!run.ok) return { run, written: [] };
  for (const name of staleGeneratedTabs(
    wb.worksheets.map((w) => w.name),
    run,
  )) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const spec of run.tabs) renderSheet(wb, spec);
  for (const spec of run.ensureTabs) ensureSheet(wb, spec);
  // At-risk rows on the user's own sheets: conditional formats only, ours replaced, theirs kept.
  applyHighlights(wb, run.highlights);
  const written: string[] = [];
  if (opts.json) {
    // Task maps in task order (JSON.stringify would put «10» before «4К1»).
    writeFileSync(opts.json, exportText(exportJson(run, data.name)));
    written.push(opts.json);
  }
  await writeWorkbookAtomic(wb, opts.out);
  written.push(opts.out);
  return { run, written };
}
