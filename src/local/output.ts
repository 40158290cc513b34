// Where the local host writes: the output file for an input, written atomically.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkbookSource } from './read';

const KNOWN = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv|txt|xml|html?)$/i;

/**
 * The default output beside the input: «книга.xlsx» → «книга.<suffix>.xlsx». A macro-enabled book stays
 * .xlsm (Excel refuses a macro package named .xlsx); every other format becomes a new .xlsx.
 */
export function defaultOutput(input: string, suffix: string, source?: WorkbookSource): string {
  const stem = KNOWN.test(input) ? input.replace(KNOWN, '') : input;
  const ext = source?.kind === 'xlsx' && source.macros ? '.xlsm' : '.xlsx';
  return `${stem}.${suffix}${ext}`;
}

/** Writes to a temporary file beside the target, then renames: no half-written workbook is ever left. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.oko-tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
