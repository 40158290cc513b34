// `oko shmo <книга.xlsx> --subject Математика [--grade 5] [--class 5Б] [--teacher ФИО] -o вывод.xlsx`:
// the ШМО view of the add-on's «Фильтр ШМО» — one tab «ШМО · …» with the matching rows of the analytic
// tabs, built by the core (core/write/shmo.ts) and written through the same write plan; no other sheet
// of the book changes. `--remove` deletes the tab of that choice instead.
import { isEmptyChoice, type ShmoChoice } from '../../core/output/shmo-view';
import { L, T } from '../../core/strings';
import { removeShmoView, runShmoView } from '../../core/write/shmo';
import { runOnFile } from '../run-file';
import { CliError, commandArgs, inputFile, printProblems } from './common';

const t = L.cli.shmo;

export function choiceFrom(values: { subject?: string[]; grade?: string[]; class?: string[]; teacher?: string[] }): ShmoChoice {
  const grades = (values.grade ?? []).map((g) => {
    const n = Number(g);
    if (!Number.isInteger(n) || n < 1 || n > 12) throw new CliError(t.badGrade(g));
    return n;
  });
  return { subjects: values.subject ?? [], grades, classes: values.class ?? [], teachers: values.teacher ?? [] };
}

export async function runShmoCommand(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {
    subject: { type: 'string', multiple: true },
    grade: { type: 'string', multiple: true },
    class: { type: 'string', multiple: true },
    teacher: { type: 'string', multiple: true },
    remove: { type: 'boolean' },
  });
  const input = inputFile(positionals, t.usage);
  const choice = choiceFrom(values);
  if (isEmptyChoice(choice)) throw new CliError(`${T.shmo.empty} ${t.usage}`);
  // Never overwrite the user's file by default: ExcelJS does not keep every feature of a workbook.
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, '.shmo.xlsx');
  const say = (line: string) => {
    if (!values.quiet) process.stdout.write(`${line}\n`);
  };
  if (values.remove) {
    const { report } = await runOnFile(input, out, () => removeShmoView(choice));
    say(report?.deleted.length ? t.removed(report.deleted.join(', ')) : t.noneRemoved);
    say(L.cli.written([out]));
    return 0;
  }
  const { result, report } = await runOnFile(input, out, (wb) => runShmoView(wb, choice));
  if (!report) {
    process.stderr.write(`${L.cli.refused}\n`);
    printProblems(result.problems, process.stderr, ['error']);
    return 2;
  }
  if (result.sections.length === 0) say(t.nothing(result.tabs.join(', '), T.shmo.nothing));
  for (const tab of result.sections.length > 0 ? result.tabs : []) {
    say(t.tab(tab));
    for (const s of result.sections) if (s.tab === tab) say(t.line(s.sheet, s.visible, s.total));
  }
  say(L.cli.written([out]));
  return 0;
}
