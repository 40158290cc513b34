// How the candidate readers fare on our files (issue 10, «evaluate maintained readers»):
//   npx tsx bench/local/readers.ts [1M-score.xlsx]
// Correctness: every .xlsx of test/corpus with a twin, read by each reader, analysed, compared with the
// twin's numbers. Speed and memory: the big synthetic file, each reader in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import type { Grid, Workbook } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { readWorkbookBytes } from '../../src/local/read';
import { readWithSheetjs } from '../../src/local/read/sheetjs';
import { workbookGrids } from '../../src/local/xlsx';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
type Reader = (bytes: Uint8Array, file: string) => Promise<Workbook>;

async function exceljsStream(bytes: Uint8Array, file: string): Promise<Workbook> {
  const { Readable } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
  });
  const grids: Grid[] = [];
  for await (const ws of reader) {
    const values: Grid['values'] = [];
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const v = (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((x) => (x === undefined ? null : typeof x === 'object' && x && 'result' in x ? (x.result as never) : (x as never)));
      values[row.number - 1] = v;
    }
    for (let i = 0; i < values.length; i++) values[i] ??= [];
    grids.push({ name: (ws as unknown as { name: string }).name, values });
  }
  return { name: file, grids };
}

export const READERS: Record<string, Reader> = {
  'ОКО (zip + part scanner)': async (b, f) => (await readWorkbookBytes(b, f)).workbook,
  'SheetJS @e965/xlsx 0.20.3': async (b, f) => ({ name: f, grids: await readWithSheetjs(b) }),
  'ExcelJS 4.4 (whole book)': async (b, f) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
    return workbookGrids(wb, f);
  },
  'ExcelJS 4.4 streaming reader': exceljsStream,
};

const numbers = (wb: Workbook) =>
  runAnalysis(wb).analyses.map((a) => a.groups.map((g) => [g.name, g.participants, g.completion.map((x) => Math.round(x * 1e9))]));

async function correctness(): Promise<void> {
  const corpus = join(root, 'test', 'corpus');
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; twin?: string }[];
  const twins = JSON.parse(readFileSync(join(corpus, 'twins.json'), 'utf8')) as Record<string, Workbook>;
  const files = manifest.filter((i) => i.twin && /\.xlsx$/.test(i.file) && !/renamed/.test(i.file));
  process.stdout.write(`Correctness on ${files.length} .xlsx files of test/corpus (same numbers as the twin):\n`);
  for (const [name, read] of Object.entries(READERS)) {
    let ok = 0;
    const failed: string[] = [];
    for (const i of files) {
      try {
        const wb = await read(readFileSync(join(corpus, 'files', i.file)), i.file);
        if (isDeepStrictEqual(numbers(wb), numbers(twins[i.twin as string] as Workbook))) ok++;
        else failed.push(`${i.file} (other numbers)`);
      } catch (e) {
        failed.push(`${i.file} (${(e instanceof Error ? e.message : String(e)).slice(0, 60)})`);
      }
    }
    process.stdout.write(`  ${name}: ${ok}/${files.length}${failed.length ? ` — failed: ${failed.join('; ')}` : ''}\n`);
  }
}

async function one(name: string, file: string): Promise<void> {
  const read = READERS[name] as Reader;
  const t = performance.now();
  const wb = await read(readFileSync(file), file);
  const ms = performance.now() - t;
  const cells = wb.grids.reduce((n, g) => n + g.values.reduce((m, r) => m + r.length, 0), 0);
  process.stdout.write(`${JSON.stringify({ ms, cells, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--one') return one(process.argv[3] as string, process.argv[4] as string);
  await correctness();
  const big = process.argv[2];
  if (!big || !existsSync(big)) return;
  process.stdout.write(`\nSpeed and memory on ${big} (each reader in its own process):\n`);
  for (const name of Object.keys(READERS)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--one', name, big], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      process.stdout.write(`  ${name}: failed (${r.stderr.split('\n').find((l) => l.trim()) ?? r.status})\n`);
      continue;
    }
    const m = JSON.parse(line) as { ms: number; cells: number; maxRssMB: number };
    process.stdout.write(`  ${name}: ${(m.ms / 1000).toFixed(2)} s, peak ${m.maxRssMB.toFixed(0)} MB, ${m.cells} cells\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
