// Read → run → write for .xlsx files, for every command that changes a workbook (`oko analyze`,
// `oko roadmap`, `oko unhighlight`): the core computes the plan from the file's sheets, the one
// `applyPlan` writes it through the ExcelJS writer, and the output is saved only when the run was
// accepted. The Google Sheets counterpart is src/sheets/run.ts.
import type ExcelJS from 'exceljs';
import type { Workbook } from '../core/grid';
import { type PlannedRun, runAndApply } from '../core/write/apply';
import type { WriteReport } from '../core/write/plan';
import { writeWorkbookAtomic } from './commands/common';
import { excelWriter } from './writer';
import { readXlsx } from './xlsx';

export interface FileOutcome<R> {
  result: R;
  /** The workbook as read; the source's name for exports. */
  source: Workbook;
  /** null when the run refused: nothing was written. */
  report: WriteReport | null;
}

export async function runOnFile<R extends PlannedRun>(
  input: string,
  out: string,
  run: (workbook: Workbook) => R,
  /** Last touches before saving (a refused run never gets here). */
  beforeSave?: (wb: ExcelJS.Workbook, result: R, source: Workbook) => void,
): Promise<FileOutcome<R>> {
  const { wb, data } = await readXlsx(input);
  const { result, report } = runAndApply(data, excelWriter(wb), run);
  if (report) {
    beforeSave?.(wb, result, data);
    await writeWorkbookAtomic(wb, out);
  }
  return { result, source: data, report };
}
