import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeFile } from '../analyze-file';
import { writeSampleSchool } from '../sample';
import { printSummary } from './analyze';
import { printProblems } from './common';

/** `npm start`: a sample school, generated deterministically, through the whole pipeline. */
export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const dir = values.out ?? 'out';
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'sample-school.xlsx');
  const info = await writeSampleSchool(input);
  process.stdout.write(`ОКО · пример школы: ${info.description}\n  исходные данные: ${input}\n`);
  const out = join(dir, 'sample-school.oko.xlsx');
  const json = join(dir, 'sample-school.oko.json');
  const { run, written } = await analyzeFile(input, { out, json });
  if (!run.ok) {
    printProblems(run.problems, process.stderr, ['error']);
    return 2;
  }
  printSummary(run, process.stdout);
  process.stdout.write(
    `\nГотово. Откройте ${out} (вкладки «Матрица дефицитов · …», «Дефициты по классам»). Записано: ${written.join(', ')}\n`,
  );
  return 0;
}
