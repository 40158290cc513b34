// `oko roadmap`: builds (or rebuilds, keeping what users typed) a roadmap tab and the «Исполнение»
// dashboard in an .xlsx, from a built-in template or the workbook's «Шаблон дорожной карты».
import { ruDate } from '../../core/roadmap/dates';
import { buildDigest } from '../../core/roadmap/digest';
import { type RoadmapExtras, type RoadmapRequest, type RoadmapResult, runRoadmap } from '../../core/roadmap/run';
import { L } from '../../core/strings/local';
import type { WorkbookSource } from '../read';
import { runOnFile } from '../run-file';
import { CliError, commandArgs, inputFile, outputFor, printProblems, WORK_OPTIONS } from './common';

const C = L.cli;
const R = L.cli.roadmap;

export interface RoadmapFileResult {
  result: RoadmapResult;
  /** Files written; empty when the roadmap was refused. */
  written: string[];
}

/** Reads the workbook, builds the roadmap, writes the output only when everything is in order. */
export async function roadmapFile(
  input: string,
  out: string | ((source: WorkbookSource) => string),
  req: RoadmapRequest,
  extras: RoadmapExtras = {},
): Promise<RoadmapFileResult> {
  // Formulas of the dashboard have no cached values: the package writer has Excel compute them on open.
  const outcome = await runOnFile(input, out, (wb) => runRoadmap(wb, req, extras));
  return { result: outcome.result, written: outcome.out ? [outcome.out] : [] };
}

export function printRoadmapSummary(r: RoadmapResult, today: string | undefined, out: NodeJS.WritableStream): void {
  const m = r.merge;
  const c = r.plan?.counts;
  out.write(`\n${R.activities(r.tabName, r.activities)}`);
  if (c) out.write(R.counts(c.template, c.deficit, c.atRisk, c.objectivity));
  out.write('\n');
  if (m) out.write(`${R.merge(m.kept, m.fresh, m.archived, m.manual, m.restored)}\n`);
  if (today) {
    out.write(`${R.overdue(ruDate(today), r.overdue.length)}\n`);
    for (const o of r.overdue.slice(0, 10)) out.write(`${R.overdueItem(o.number, o.title.slice(0, 90), ruDate(o.end))}\n`);
    if (r.overdue.length > 10) out.write(`${R.more(r.overdue.length - 10)}\n`);
  }
}

export async function runRoadmapCommand(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {
    ...WORK_OPTIONS,
    template: { type: 'string', short: 't' },
    levels: { type: 'string' },
    today: { type: 'string' },
    digest: { type: 'boolean' },
  });
  const usage = C.usage.roadmap;
  const input = inputFile(positionals, C.needBook(usage));
  if (!values.template) throw new CliError(R.needTemplate(usage));
  if (!values.year) throw new CliError(R.needYear(usage));
  if (!values.procedure) throw new CliError(R.needProcedure(usage));
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  const req: RoadmapRequest = {
    template: values.template,
    year: values.year,
    procedure: values.procedure,
    today,
    ...(values['results-date'] ? { resultsDate: values['results-date'] } : {}),
    ...(values.levels ? { levels: values.levels } : {}),
  };
  const out = outputFor(values.out, input, 'roadmap');
  const { result, written } = await roadmapFile(input, out, req);
  if (!result.ok) {
    process.stderr.write(`${R.refused}\n`);
    printProblems(result.problems, process.stderr, ['error']);
    return 2;
  }
  if (!values.quiet) {
    printRoadmapSummary(result, today, process.stdout);
    const notes = result.problems.filter((p) => p.severity === 'warning' || p.code.startsWith('roadmap'));
    if (notes.length) {
      process.stdout.write(`\n${C.notes}\n`);
      printProblems(notes, process.stdout, ['warning', 'info']);
    }
    if (values.digest) {
      process.stdout.write(`\n${R.digest}\n`);
      for (const d of buildDigest(result.roadmaps, today)) process.stdout.write(`\n--- ${d.subject}\n${d.text}\n`);
    }
    process.stdout.write(`\n${C.written(written)}\n`);
  }
  return 0;
}
