// One benchmark case, run in its own process so that its peak memory is its own:
//   node --expose-gc --import tsx bench/case.ts <scores> [tasks] [runs] [procedures]
// Prints one JSON line (CaseResult) on stdout.
import { analyseDeficits } from '../src/core/analysis/deficits';
import { readWorkbook } from '../src/core/input/workbook';
import { buildByClass } from '../src/core/output/by-class';
import { buildMatrix } from '../src/core/output/matrix';
import { shortLabels } from '../src/core/output/names';
import { runAnalysis } from '../src/core/pipeline';
import { type SheetsCalls, sheetsCallCount } from './sheets-calls';
import { syntheticWorkbook } from './synthetic';

export interface CaseResult {
  scores: number;
  students: number;
  procedures: number;
  tasks: number;
  runs: number;
  /** runAnalysis (read + analyse + build SheetSpecs), ms per run. */
  core: number[];
  /** The same three steps timed separately, ms per run. */
  read: number[];
  analyse: number[];
  specs: number[];
  /** Cells in the generated tabs. */
  outputCells: number;
  /** MB: RSS at start, heap of the input Grids, heap with input + one run's result alive, peak RSS. */
  rssStartMB: number;
  heapInputMB: number;
  heapRunMB: number;
  maxRssMB: number;
  /** The Sheets adapter writing run.tabs into the fake spreadsheet (after the memory is measured). */
  sheetsCalls: SheetsCalls | null;
  errors: number;
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();

function main(): void {
  const scores = Number(process.argv[2] ?? 10_000);
  const tasks = Number(process.argv[3] ?? 20);
  const runs = Number(process.argv[4] ?? (scores >= 1_000_000 ? 5 : scores >= 100_000 ? 9 : 15));
  const procedures = Number(process.argv[5] ?? 1);
  const students = Math.round(scores / (tasks * procedures));
  const rssStartMB = process.memoryUsage().rss / MB;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const wb = syntheticWorkbook({ students, tasks, procedures });
  gc();
  const heapInputMB = (process.memoryUsage().heapUsed - heap0) / MB;

  // Warm-up: JIT and the catalog cache.
  let run = runAnalysis(wb);
  const core: number[] = [];
  const read: number[] = [];
  const analyse: number[] = [];
  const specs: number[] = [];
  for (let i = 0; i < runs; i++) {
    run = undefined as unknown as typeof run;
    gc();
    let t = now();
    run = runAnalysis(wb);
    core.push(now() - t);

    // The same steps as runAnalysis, timed one by one.
    t = now();
    const data = readWorkbook(wb);
    read.push(now() - t);
    t = now();
    const analyses = data.procedures.map((p) => analyseDeficits(p, data.settings));
    analyse.push(now() - t);
    t = now();
    const labels = shortLabels(data.procedures);
    for (const a of analyses) buildMatrix(a, labels.get(a.procedure) as string, data.settings);
    buildByClass(analyses, data.settings);
    specs.push(now() - t);
  }
  gc();
  const heapRunMB = (process.memoryUsage().heapUsed - heap0) / MB;
  const outputCells = run.tabs.reduce((n, t) => n + t.values.reduce((m, r) => m + r.length, 0), 0);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const sheetsCalls = process.env.OKO_BENCH_NO_SHEETS ? null : sheetsCallCount(run);
  const result: CaseResult = {
    scores: students * tasks * procedures,
    students,
    procedures,
    tasks,
    runs,
    core,
    read,
    analyse,
    specs,
    outputCells,
    rssStartMB,
    heapInputMB,
    heapRunMB,
    maxRssMB,
    sheetsCalls,
    errors: run.problems.filter((p) => p.severity === 'error').length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

try {
  main();
} catch (e: unknown) {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
