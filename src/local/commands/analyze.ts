import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHECK_IDS } from '../../core/analysis/checks';
import type { AnalysisRun } from '../../core/pipeline';
import { L, S } from '../../core/strings';
import { analyzeFile } from '../analyze-file';
import { defaultOutput } from '../output';
import type { WorkbookSource } from '../read';
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
  const out = values.out ?? ((source: WorkbookSource) => defaultOutput(input, 'oko', source));
  const { run, written, source } = await analyzeFile(input, { out, ...(values.json ? { json: values.json } : {}) });
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
    if (source.kind !== 'xlsx') process.stdout.write(`\n${convertedNote(source, written[written.length - 1] as string)}\n`);
    process.stdout.write(`\nЗаписано: ${written.join(', ')}\n`);
  }
  return 0;
}

/** «Исходный файл — .xls (Excel 97–2003): ОКО записало новую книгу …» */
export function convertedNote(source: WorkbookSource, out: string): string {
  const kind = L.kinds[source.kind] ?? source.kind;
  return L.converted(source.kind === 'csv' && 'detail' in source && source.detail ? `${kind} (${source.detail})` : kind, out);
}
