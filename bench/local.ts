// `npm run bench` (local part): the whole `oko analyze` on .xlsx files of 100 k and 1 M scores, beside the
// I/O floor measured in the same run — a plain ExcelJS read-and-write of the same file, no analysis —
// and the CLI's cold start. Every measurement is its own process (wall time and peak RSS are its own).
// Targets (issue 10): at 1 M scores `oko analyze` ≤ the floor's wall time, peak < 1.5 GB, linear growth;
// `oko --version` < 150 ms.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SIZES = (process.env.OKO_BENCH_LOCAL_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.OKO_BENCH_LOCAL_RUNS ?? 3);
const work = join(tmpdir(), 'oko-bench-local');
mkdirSync(work, { recursive: true });

interface Measure {
  ms: number;
  maxRssMB: number;
}

function measure(args: string[]): Measure {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(here, 'local', 'peak.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const m = /OKO_BENCH_PEAK (\{.*\})/.exec(r.stderr);
  return { ms, maxRssMB: m ? (JSON.parse(m[1] as string) as { maxRssMB: number }).maxRssMB : Number.NaN };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} M` : `${n / 1000} k`);
const s1 = (ms: number) => (ms / 1000).toFixed(2);

const cpu = cpus();
process.stdout.write(
  `\nОКО bench · local files · node ${process.version} · ${cpu.length} CPU (${cpu[0]?.model ?? '?'}) · RAM ${(totalmem() / 1024 ** 3).toFixed(1)} GB\n` +
    `Input: bench/synthetic.ts (one ВПР form sheet, 20 tasks × N students, plus «Классы», «План заданий», «Шкала отметок»)\n` +
    `written by ExcelJS's streaming writer. Wall time: median of ${RUNS} runs, each in a fresh process; peak = max RSS.\n\n`,
);

const rows: string[][] = [
  ['scores', 'file MB', 'floor: ExcelJS read+write s', 'floor peak MB', 'oko analyze s', 'oko analyze peak MB', 'ratio (≤ 1.0)'],
];
const results: { scores: number; oko: number; floor: number; peak: number }[] = [];
for (const scores of SIZES) {
  const input = join(work, `school-${scores}.xlsx`);
  if (!existsSync(input)) {
    process.stderr.write(`  writing ${k(scores)}-score input…\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'local', 'make-input.ts'), String(scores), input], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const floor: Measure[] = [];
  const oko: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`  ${k(scores)}: run ${i + 1}/${RUNS}…\n`);
    floor.push(measure([join(here, 'local', 'floor.cjs'), input, join(work, 'floor-out.xlsx')]));
    oko.push(measure([join(root, 'bin', 'oko.cjs'), 'analyze', input, '-o', join(work, 'oko-out.xlsx'), '-q']));
  }
  const f = median(floor.map((m) => m.ms));
  const o = median(oko.map((m) => m.ms));
  const peak = Math.max(...oko.map((m) => m.maxRssMB));
  results.push({ scores, oko: o, floor: f, peak });
  rows.push([
    k(scores),
    (statSync(input).size / 1024 / 1024).toFixed(1),
    s1(f),
    Math.max(...floor.map((m) => m.maxRssMB)).toFixed(0),
    s1(o),
    peak.toFixed(0),
    (o / f).toFixed(2),
  ]);
}

const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
const line = (r: string[]) => `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join(' | ')} |`;
process.stdout.write(
  `${[line(rows[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')}\n\n`,
);

const big = results.find((r) => r.scores >= 1_000_000);
if (big) {
  process.stdout.write(
    `1 M scores: oko analyze ${s1(big.oko)} s vs floor ${s1(big.floor)} s → ratio ${(big.oko / big.floor).toFixed(2)} (target ≤ 1.0): ${big.oko <= big.floor ? 'MET' : 'MISSED'}; ` +
      `peak ${big.peak.toFixed(0)} MB (target < 1536): ${big.peak < 1536 ? 'MET' : 'MISSED'}.\n`,
  );
}
if (results.length >= 2) {
  const per = results.map((r) => `${k(r.scores)}: ${((r.oko * 1000) / r.scores).toFixed(2)} µs`);
  process.stdout.write(`Wall time per score (linear if about constant): ${per.join(', ')}.\n`);
}

// Cold start: the CLI answering --version (no command module, no ExcelJS or SheetJS loaded).
const starts: number[] = [];
for (let i = 0; i < 15; i++) starts.push(measure([join(root, 'bin', 'oko.cjs'), '--version']).ms);
const bare: number[] = [];
for (let i = 0; i < 15; i++) bare.push(measure(['-e', '0']).ms);
const cs = median(starts.slice(3));
process.stdout.write(
  `Cold start \`oko --version\`: ${cs.toFixed(0)} ms (median of 12 after 3 warm-ups; bare \`node -e 0\`: ${median(bare.slice(3)).toFixed(0)} ms) → target < 150 ms: ${cs < 150 ? 'MET' : 'MISSED'}.\n`,
);
