import { CHECK_IDS } from '../../core/analysis/checks';
import type { AnalysisRun } from '../../core/pipeline';
import { L, S } from '../../core/strings';
import { analyzeFile } from '../analyze-file';
import type { WorkbookSource } from '../read';
import { commandArgs, inputFile, outputFor, pct, printProblems } from './common';

const C = L.cli;

export function printSummary(run: AnalysisRun, out: NodeJS.WritableStream): void {
  for (const p of run.summary.procedures) {
    out.write(`\n${C.analyze.procedure(p.title, p.sheet, p.participants, p.absent, pct(p.meanCompletion))}\n`);
    const line = p.classes.map((c) => `${c.name}: ${c.insufficient}${c.reliable ? '' : '*'}`).join(', ');
    out.write(`${C.analyze.insufficient(line)}\n`);
    if (p.classes.some((c) => !c.reliable)) out.write(`${C.analyze.unreliable}\n`);
    // A check that could not run is said so, never reported as «nothing found».
    for (const id of CHECK_IDS) {
      const why = p.checks[id];
      if (why !== null) out.write(`  ${S.checks.name[id]}: ${S.checks.notChecked(why)}\n`);
    }
  }
}

export async function runAnalyze(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, { json: { type: 'string' } });
  const input = inputFile(positionals, C.needFile(C.usage.analyze));
  const out = outputFor(values.out, input, 'oko');
  const { run, written, source } = await analyzeFile(input, { out, ...(values.json ? { json: values.json } : {}) });
  if (!run.ok) {
    process.stderr.write(`${C.refused}\n`);
    printProblems(run.problems, process.stderr, ['error']);
    return 2;
  }
  if (!values.quiet) {
    printSummary(run, process.stdout);
    const notes = run.problems.filter((p) => p.severity !== 'error');
    if (notes.length) {
      process.stdout.write(`\n${C.notes}\n`);
      printProblems(notes, process.stdout, ['warning', 'info']);
    }
    if (source.kind !== 'xlsx') process.stdout.write(`\n${convertedNote(source, written[written.length - 1] as string)}\n`);
    process.stdout.write(`\n${C.written(written)}\n`);
  }
  return 0;
}

/** «Исходный файл — .xls (Excel 97–2003): ОКО записало новую книгу …» */
export function convertedNote(source: WorkbookSource, out: string): string {
  const kind = L.kinds[source.kind] ?? source.kind;
  return L.converted(source.kind === 'csv' && 'detail' in source && source.detail ? `${kind} (${source.detail})` : kind, out);
}
