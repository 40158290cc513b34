import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { L } from '../../core/strings/local';
import { analyzeFile } from '../analyze-file';
import { writeSampleSchool } from '../sample';
import { printSummary } from './analyze';
import { printProblems } from './common';
import { documentFile } from './report';
import { printRoadmapSummary, roadmapFile } from './roadmap';

/** `npm start`: a sample school, generated deterministically, through the whole pipeline. */
export async function runDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const dir = values.out ?? 'out';
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'sample-school.xlsx');
  const info = await writeSampleSchool(input);
  process.stdout.write(`${L.cli.demo.school(info.description, input)}\n`);
  const out = join(dir, 'sample-school.oko.xlsx');
  const json = join(dir, 'sample-school.oko.json');
  const { run, written } = await analyzeFile(input, { out, json });
  if (!run.ok) {
    printProblems(run.problems, process.stderr, ['error']);
    return 2;
  }
  printSummary(run, process.stdout);
  // The roadmap for the sample school's spring ВПР, in the same output workbook.
  const roadmap = await roadmapFile(out, out, {
    template: 'region-model-roadmap',
    year: 2026,
    procedure: 'ВПР-2026',
    resultsDate: '2026-05-15',
  });
  if (roadmap.result.ok) printRoadmapSummary(roadmap.result, undefined, process.stdout);
  else printProblems(roadmap.result.problems, process.stderr, ['error']);
  // The documents the school hands in, for the spring ВПР with the roadmap's dates.
  const docs: string[] = [];
  for (const kind of ['report', 'routes', 'appendix'] as const) {
    const d = await documentFile(kind, input, join(dir, `sample-school.${L.cli.documentFile[kind]}.docx`), {
      procedure: 'ВПР 2026',
      resultsDate: '2026-05-15',
      year: 2026,
      date: '2026-05-29',
    });
    if (d.written.length) docs.push(...d.written);
    else printProblems(d.problems, process.stderr, ['error']);
  }
  written.push(...docs);
  // The tabs this run wrote: the analysis tabs, the settings tab when it was missing, the roadmap's.
  const tabs = [...run.tabs, ...run.write.ensure, ...(roadmap.result.ok ? roadmap.result.tabs : [])].map((t) => t.name);
  process.stdout.write(`\n${L.cli.demo.done(out, tabs.length, tabList(tabs))}\n${L.cli.written(written)}\n`);
  return 0;
}

/**
 * «Матрица дефицитов · РУ 4», «… · МА 4» …: tabs named «X · Y» that share X (three or more) are listed
 * once as «X · …» (РУ 4, МА 4, …), the others by name, in the order they were written.
 */
export function tabList(names: readonly string[]): string {
  const prefix = (n: string) => (n.includes(' · ') ? n.slice(0, n.indexOf(' · ')) : null);
  const count = new Map<string, number>();
  for (const n of names) {
    const p = prefix(n);
    if (p) count.set(p, (count.get(p) ?? 0) + 1);
  }
  const out: string[] = [];
  const done = new Set<string>();
  for (const n of names) {
    const p = prefix(n);
    if (p && (count.get(p) ?? 0) >= 3) {
      if (done.has(p)) continue;
      done.add(p);
      const rest = names.filter((x) => prefix(x) === p).map((x) => x.slice(p.length + 3));
      out.push(L.cli.demo.tabGroup(p, rest));
    } else out.push(L.cli.demo.tab(n));
  }
  return out.join(', ');
}
