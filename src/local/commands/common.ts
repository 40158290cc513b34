// What every command shares: its arguments (`-o`, `-q`, the input file first), where it writes by
// default, how it prints problems, and writing a workbook without ever leaving half of one.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type ExcelJS from 'exceljs';
import { formatProblem, type Problem } from '../../core/problems';
import { L } from '../../core/strings/local';
import { defaultOutput } from '../output';
import type { WorkbookSource } from '../read';
import { CliError } from './errors';

export { CliError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `-o/--out` and `-q/--quiet`: every command takes them. */
const COMMON = { out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } } as const;

/** Which work, which school year, when its results came: the roadmap and the documents ask the same. */
export const WORK_OPTIONS = {
  procedure: { type: 'string', short: 'p' },
  year: { type: 'string', short: 'y' },
  'results-date': { type: 'string' },
} as const;

/** A command's arguments: its own options, `-o` and `-q`, file names as positionals. */
export function commandArgs<const O extends Options>(args: string[], options: O) {
  return parseArgs({ args, allowPositionals: true, options: { ...COMMON, ...options } });
}

/** The file named first on the command line; refused with `missing` (the command's usage) when not given. */
export function inputFile(positionals: readonly string[], missing: string): string {
  const input = positionals[0];
  if (!input) throw new CliError(missing);
  if (!existsSync(input)) throw new CliError(L.cli.fileNotFound(input));
  return input;
}

/** `-o` when given, else «книга.<suffix>.xlsx» beside the input (.xlsm stays .xlsm: told once the file is read). */
export function outputFor(out: string | undefined, input: string, suffix: string): string | ((source: WorkbookSource) => string) {
  return out ?? ((source) => defaultOutput(input, suffix, source));
}

/** Today on this computer, as the user sees the calendar: 2026-05-20. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

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
  for (const p of problems) if (levels.includes(p.severity)) out.write(`  ${L.cli.severity[p.severity]}. ${formatProblem(p)}\n`);
}

export const pct = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(1)} %`);
