// `npm run bench` (first part): what each Apps Script execution pays before any work — the size of
// the edition's Code.js and the time to load it (parse, compile and run its top level) in a fresh
// node:vm context, as Apps Script does for every menu click, sidebar call and trigger. Median of
// fresh loads; each load gets a unique trailing comment so V8's compilation cache cannot help.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { EDITIONS } from '../scripts/editions.mjs';

const root = join(import.meta.dirname, '..');
const LOADS = Number(process.env.OKO_BENCH_LOADS ?? 21);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function coldLoad(source: string, global: string): number {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const code = `${source}\n// load ${i} ${Date.now()}`;
    const context = vm.createContext({ console: { log() {}, error() {}, warn() {} } });
    const t0 = performance.now();
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - t0);
    if (typeof (context as Record<string, { topLevel?: unknown }>)[global]?.topLevel !== 'object') throw new Error('bundle did not load');
  }
  return median(times);
}

/** The same entry, not minified: what minifying saves. */
async function unminified(entry: string, global: string): Promise<string> {
  const r = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName: global,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    write: false,
  });
  return r.outputFiles[0]?.text ?? '';
}

const rows: string[][] = [['edition', 'Code.js', 'gzip', 'cold load, ms', 'not minified', 'its cold load, ms']];
for (const e of EDITIONS) {
  const source = readFileSync(join(root, 'dist', e.id, 'Code.js'), 'utf8');
  const plain = await unminified(e.entry, e.global);
  rows.push([
    e.id,
    kb(Buffer.byteLength(source)),
    kb(gzipSync(source).length),
    coldLoad(source, e.global).toFixed(1),
    kb(Buffer.byteLength(plain)),
    coldLoad(plain, e.global).toFixed(1),
  ]);
}
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
const line = (r: string[]) => `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join(' | ')} |`;
process.stdout.write(`Apps Script bundles (dist/<edition>/Code.js), cold load in node:vm, median of ${LOADS}:\n`);
process.stdout.write(
  `${[line(rows[0] as string[]), `|${widths.map((w, c) => (c === 0 ? '-' : '-').repeat(w + 1) + (c === 0 ? '-' : ':')).join('|')}|`, ...rows.slice(1).map(line)].join('\n')}\n\n`,
);
