// `oko unhighlight <file.xlsx> -o out.xlsx`: removes the add-on's highlight of at-risk students
// (its own conditional-format rules, recognised by N("ОКО") in the formula); values and the user's
// own rules stay. The same as the add-on's menu item «Снять подсветку».
import { L, S } from '../../core/strings';
import { emptyPlan } from '../../core/write/plan';
import type { WorkbookSource } from '../read';
import { runOnFile } from '../run-file';
import { commandArgs, inputFile, outputFor } from './common';

export async function unhighlightFile(
  input: string,
  out: string | ((source: WorkbookSource) => string),
): Promise<{ removed: number; out: string }> {
  const outcome = await runOnFile(input, out, () => ({ ok: true, write: { ...emptyPlan(), highlights: [] } }));
  return { removed: outcome.report?.highlights?.removed ?? 0, out: outcome.out as string };
}

export async function runUnhighlight(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {});
  const input = inputFile(positionals, L.cli.needFile(L.cli.usage.unhighlight));
  // The user's file is never overwritten by default.
  const { removed, out } = await unhighlightFile(input, outputFor(values.out, input, 'unhighlighted'));
  if (!values.quiet) process.stdout.write(`${S.menu.unhighlightDone(removed)}\n${L.cli.written([out])}\n`);
  return 0;
}
