import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHECK_IDS } from '../../core/analysis/checks';
import type { AnalysisRun } from '../../core/pipeline';
import { S } from '../../core/strings';
import { analyzeFile } from '../analyze-file';
import { CliError, pct, printProblems } from './common';

export function printSummary(run: AnalysisRun, out: NodeJS.WritableStream): void {
  for (const p of run.summary.procedures) {
    out.write(
      `\n${p.title} (лист «${p.sheet}»): участников ${p.participants}, отсутствовали ${p.absent}, выполнение ${pct(p.meanCompletion)}\n`,
    );
    const line = p.classes.map((c) => `${c.name}: ${c.insufficient}${c.reliable ? '' : '*'}`).join(', ');
    out.write(`  недостаточно выполненных заданий по классам: ${line}\n`);
    if (p.classes.some((c) => !c.reliable)) out.write('  * мало участников: статистика ненадёжна\n');
    // A check that could not run is said so, never reported as «nothing found».
    for (const id of CHECK_IDS) {
      const why = p.checks[id];
      if (why !== null) out.write(`  ${S.checks.name[id]}: ${S.checks.notChecked(why)}\n`);
    }
  }
}

export async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, json: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const input = positionals[0];
  if (!input) throw new CliError('Укажите файл: oko analyze <результаты.xlsx> [-o вывод.xlsx] [--json вывод.json]');
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  const out = values.out ?? input.replace(/(\.xlsx)?$/i, '.oko.xlsx');
  const { run, written } = await analyzeFile(input, { out, ...(values.json ? { json: values.json } : {}) });
  if (!run.ok) {
    process.stderr.write(`ОКО: данные не приняты, ничего не записано. Исправьте и запустите снова:\n`);
    printProblems(run.problems, process.stderr, ['error']);
    return 2;
  }
  if (!values.quiet) {
    printSummary(run, process.stdout);
    const notes = run.problems.filter((p) => p.severity !== 'error');
    if (notes.length) {
      process.stdout.write('\nЗамечания:\n');
      printProblems(notes, process.stdout, ['warning', 'info']);
    }
    process.stdout.write(`\nЗаписано: ${written.join(', ')}\n`);
  }
  return 0;
}
