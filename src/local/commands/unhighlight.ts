// `oko unhighlight <file.xlsx> -o out.xlsx`: removes the add-on's highlight of at-risk students
// (its own conditional-format rules, recognised by N("ОКО") in the formula); values and the user's
// own rules stay. The same as the add-on's menu item «Снять подсветку».
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { S } from '../../core/strings';
import { emptyPlan } from '../../core/write/plan';
import { runOnFile } from '../run-file';
import { CliError } from './common';

export async function unhighlightFile(input: string, out: string): Promise<number> {
  const { report } = await runOnFile(input, out, () => ({ ok: true, write: { ...emptyPlan(), highlights: [] } }));
  return report?.highlights?.removed ?? 0;
}

export async function runUnhighlight(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  const input = positionals[0];
  if (!input) throw new CliError('Укажите файл: oko unhighlight <книга.xlsx> [-o вывод.xlsx]');
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  // Never overwrite the user's file by default: ExcelJS does not keep every feature of a workbook.
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, '.unhighlighted.xlsx');
  const removed = await unhighlightFile(input, out);
  process.stdout.write(`${S.menu.unhighlightDone(removed)}\nЗаписано: ${out}\n`);
  return 0;
}
