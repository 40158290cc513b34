// Read → run → write for workbook files, for every command that changes a workbook (`oko analyze`,
// `oko roadmap`, `oko unhighlight`): the tolerant reader (./read) gives the core the file's sheets, the
// core computes the plan, the one `applyPlan` hands it to the lossless package writer (./writer.ts),
// and the output is saved — atomically — only when the run was accepted. The Google Sheets
// counterpart is src/sheets/run.ts.
import type { Workbook } from '../core/grid';
import { type PlannedRun, runAndApply } from '../core/write/apply';
import type { WriteReport } from '../core/write/plan';
import { writeFileAtomic } from './output';
import { readWorkbookFile, type WorkbookSource } from './read';
import { packageWriter } from './writer';

export interface FileOutcome<R> {
  result: R;
  /** The workbook as read; its name for exports. */
  workbook: Workbook;
  /** What the file turned out to be (an .xlsm stays .xlsm; .xls/.ods/.csv become a new .xlsx). */
  source: WorkbookSource;
  /** null when the run refused: nothing was written. */
  report: WriteReport | null;
  /** The file written; null when refused. */
  out: string | null;
}

export async function runOnFile<R extends PlannedRun>(
  input: string,
  out: string | ((source: WorkbookSource) => string),
  run: (workbook: Workbook) => R,
  /** Last touches beside the workbook (the JSON export), for an accepted run only. */
  beforeSave?: (result: R, workbook: Workbook) => void,
): Promise<FileOutcome<R>> {
  const { workbook, source } = await readWorkbookFile(input);
  const pkg = packageWriter(
    source.kind === 'xlsx' ? source.pkg : workbook,
    workbook.grids.map((g) => g.name),
  );
  const { result, report } = runAndApply(workbook, pkg.writer, run);
  if (!report) return { result, workbook, source, report: null, out: null };
  beforeSave?.(result, workbook);
  const path = typeof out === 'string' ? out : out(source);
  writeFileAtomic(path, pkg.finish());
  return { result, workbook, source, report, out: path };
}
