// `oko shmo <книга.xlsx> --subject Математика [--grade 5] [--class 5Б] [--teacher ФИО] -o вывод.xlsx`:
// the ШМО view of the add-on's «Фильтр ШМО» — one tab «ШМО · …» with the matching rows of the analytic
// tabs, built by the core (core/write/shmo.ts) and written through the same write plan; no other sheet
// of the book changes. `--remove` deletes the tab of that choice instead.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ShmoChoice } from '../../core/output/shmo-view';
import { T } from '../../core/strings';
import { removeShmoView, runShmoView } from '../../core/write/shmo';
import { runOnFile } from '../run-file';
import { CliError, printProblems } from './common';

const USAGE =
  'Укажите книгу и выбор: oko shmo <книга.xlsx> [--subject Математика] [--grade 5] [--class 5Б] [--teacher «Иванова А. П.»] [-o вывод.xlsx] [--remove]';

export function choiceFrom(values: { subject?: string[]; grade?: string[]; class?: string[]; teacher?: string[] }): ShmoChoice {
  const grades = (values.grade ?? []).map((g) => {
    const n = Number(g);
    if (!Number.isInteger(n) || n < 1 || n > 12) throw new CliError(`Параллель «${g}»: нужно число от 1 до 12.`);
    return n;
  });
  return { subjects: values.subject ?? [], grades, classes: values.class ?? [], teachers: values.teacher ?? [] };
}

export async function runShmoCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      subject: { type: 'string', multiple: true },
      grade: { type: 'string', multiple: true },
      class: { type: 'string', multiple: true },
      teacher: { type: 'string', multiple: true },
      remove: { type: 'boolean' },
    },
  });
  const input = positionals[0];
  if (!input) throw new CliError(USAGE);
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  const choice = choiceFrom(values);
  if (choice.subjects.length + choice.grades.length + choice.classes.length + choice.teachers.length === 0)
    throw new CliError(`${T.shmo.empty} ${USAGE}`);
  // Never overwrite the user's file by default: ExcelJS does not keep every feature of a workbook.
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, '.shmo.xlsx');
  if (values.remove) {
    const { report } = await runOnFile(input, out, () => removeShmoView(choice));
    process.stdout.write(`Удалено: ${report?.deleted.join(', ') || 'ничего (такой вкладки нет)'}\nЗаписано: ${out}\n`);
    return 0;
  }
  const { result, report } = await runOnFile(input, out, (wb) => runShmoView(wb, choice));
  if (!report) {
    process.stderr.write('ОКО: данные не приняты, ничего не записано. Исправьте и запустите снова:\n');
    printProblems(result.problems, process.stderr, ['error']);
    return 2;
  }
  process.stdout.write(`Вкладка «${result.tab}»: ${result.sections.length ? '' : T.shmo.nothing}\n`);
  for (const s of result.sections) process.stdout.write(`  ${s.sheet}: строк ${s.visible} из ${s.total}\n`);
  process.stdout.write(`Записано: ${out}\n`);
  return 0;
}
