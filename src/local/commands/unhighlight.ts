// `oko unhighlight <file.xlsx> -o out.xlsx`: removes the add-on's highlight of at-risk students
// (its own conditional-format rules, recognised by N("ОКО") in the formula); values and the user's
// own rules stay. The same as the add-on's menu item «Снять подсветку».
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { S } from '../../core/strings';
import { emptyPlan } from '../../core/write/plan';
import { defaultOutput } from '../output';
import type { WorkbookSource } from '../read';
import { runOnFile } from '../run-file';
import { CliError } from './common';

export async function unhighlightFile(
  input: string,
  out: string | ((source: WorkbookSource) => string),
): Promise<{ removed: number; out: string }> {
  const outcome = await runOnFile(input, out, () => ({ ok: true, write: { ...emptyPlan(), highlights: [] } }));
  return { removed: outcome.report?.highlights?.removed ?? 0, out: outcome.out as string };
}

export async function runUnhighlight(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  const input = positionals[0];
  if (!input) throw new CliError('Укажите файл: oko unhighlight <книга.xlsx> [-o вывод.xlsx]');
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  // The user's file is never overwritten by default.
  const { removed, out } = await unhighlightFile(input, values.out ?? ((source) => defaultOutput(input, 'unhighlighted', source)));
  process.stdout.write(`${S.menu.unhighlightDone(removed)}\nЗаписано: ${out}\n`);
  return 0;
}
