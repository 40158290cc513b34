import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { formatProblem, type Problem } from '../../core/problems';

export { CliError } from './errors';

/** Writes to a temporary file beside the target, then renames: no half-written workbook is ever left. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const tmp = join(dirname(path), `.${Date.now()}-${process.pid}.oko-tmp.xlsx`);
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function printProblems(problems: readonly Problem[], out: NodeJS.WritableStream, levels: Problem['severity'][]): void {
  const label = { error: 'ОШИБКА', warning: 'Внимание', info: 'Сведения' } as const;
  for (const p of problems) if (levels.includes(p.severity)) out.write(`  ${label[p.severity]}. ${formatProblem(p)}\n`);
}

export const pct = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(1)} %`);
