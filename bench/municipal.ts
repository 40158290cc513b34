// `npm run bench:municipal` (also the last part of `npm run bench`): the municipal aggregation of 50,
// 300 and 1 000 synthetic schools — core time and memory, and how many resumable chunks and Google
// calls the Apps Script host needs, under stated per-call latencies. Each case runs in its own
// process (bench/municipal-case.ts). Target (the issue): 300 schools in at most 3 chunks.
//
// Latencies are assumptions unless a source is named; all are parameters (environment variables):
//   OKO_LAT_GETVALUES_MS  Range.getValues (first read of a tab) 150 ms  ≈ one Sheets round trip: 1000 calls of
//                         Sheet.getLastRow in a loop took 160 s (bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html)
//   OKO_LAT_DOC_MS        other document calls (getSheets, getName, getDataRange, insertSheet, formats…) 20 ms
//                         assumption: answered from the document already loaded; the same page measured 3 ms
//                         per cached getValue()
//   OKO_LAT_SETVALUES_MS  Range.setValues                      50 ms  a 4 000-cell write took < 50 ms
//                         (ruby-bash.developreference.com/article/29263774 «What is faster: ScriptDb or SpreadsheetApp?»)
//   OKO_LAT_PROPERTIES_MS PropertiesService get/set            50 ms  measured avg 30 ms get, 62 ms set
//                         (ziritione.org/post/apps_script_performance)
//   OKO_LAT_SERVICE_MS    ScriptApp triggers, LockService      50 ms  assumption
//   OKO_LAT_API_MS        Sheets API advanced service request (Spreadsheets.get, Values.batchGet of a whole
//                         school) 600 ms  assumption
// Schools are read through the Sheets API advanced service, two read requests each, under Google's quota
// of 60 read requests per minute per user (developers.google.com/sheets/api/limits): the job keeps under
// 50 and sleeps; the fake refuses with HTTP 429 beyond 60.
//   OKO_BENCH_CORE_FACTOR Apps Script V8 time ÷ Node time for the core: 3 (assumption)
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_FACTOR, DEFAULT_LATENCY, type MunicipalCase, type Profile } from './municipal-case';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SIZES = (process.env.OKO_BENCH_MUNICIPAL_SIZES ?? '50,300,1000').split(',').map(Number);
const PROFILES = (process.env.OKO_BENCH_MUNICIPAL_PROFILES ?? 'full,light').split(',') as Profile[];
const TARGET = { schools: 300, chunks: 3 };
const BUDGET_S = 270;

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const mb = (x: number) => x.toFixed(1);
const s1 = (x: number) => (x / 1000).toFixed(1);

function runCase(n: number, profile: Profile): MunicipalCase {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'municipal-case.ts'), String(n), profile], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  });
  if (child.status !== 0) throw new Error(`municipal bench case ${n} ${profile} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as MunicipalCase;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join(' | ')} |`;
  const sep = `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(rows[0] ?? []), sep, ...rows.slice(1).map(line)].join('\n');
}

const cpu = cpus();
const L = DEFAULT_LATENCY;
process.stdout.write(
  `\nОКО municipal bench · node ${process.version} · ${cpu.length} CPU (${cpu[0]?.model ?? '?'}) · RAM ${(totalmem() / 1024 ** 3).toFixed(1)} GB\n` +
    'Schools: src/local/sample with a seed per school. «full» = the whole sample school workbook (every procedure, all its tabs); ' +
    '«light» = its ФИС ОКО Ф1 tabs only (one procedure per file, as when a district collects one procedure).\n' +
    `Assumed latencies (bench/municipal.ts has the sources): Sheets API request ${L.api} ms, getValues ${L.getValues} ms, setValues ${L.setValues} ms, ` +
    `other document calls ${L.doc} ms, properties ${L.properties} ms, triggers/lock ${L.service} ms; core × ${CORE_FACTOR} for Apps Script V8. ` +
    `Chunk budget ${BUDGET_S} s (default), execution limit 360 s.\n\n`,
);

const results: MunicipalCase[] = [];
for (const profile of PROFILES) {
  for (const n of SIZES) {
    process.stderr.write(`  municipal: ${n} schools, ${profile}…\n`);
    results.push(runCase(n, profile));
  }
}

const head = [
  'schools',
  'profile',
  'tabs / school',
  'core ms (all schools)',
  'ms / school',
  'district + tabs + JSON ms',
  'heap of records MB',
  'max RSS MB',
  'state chars',
  'chunks',
  'sources per chunk',
  'longest chunk s',
  'doc calls',
  'API reads',
  'max API reads / min',
  '429s',
  'quota waits s',
  'setValues',
];
const body = results.map((r) => [
  String(r.schools),
  r.profile,
  String(r.tabsPerSchool),
  ms(r.coreSourcesMs),
  ms(r.coreSourcesMs / r.schools),
  ms(r.coreDistrictMs),
  mb(r.heapRecordsMB),
  mb(r.maxRssCoreMB),
  String(r.stateChars),
  r.sheets ? String(r.sheets.chunks) : 'n/a',
  r.sheets ? r.sheets.processedPerChunk.join('/') : 'n/a',
  r.sheets ? s1(Math.max(...r.sheets.chunkMs)) : 'n/a',
  r.sheets ? String(r.sheets.docCalls) : 'n/a',
  r.sheets ? String(r.sheets.apiRequests) : 'n/a',
  r.sheets ? String(r.sheets.apiMaxPerMinute) : 'n/a',
  r.sheets ? String(r.sheets.api429) : 'n/a',
  r.sheets ? s1(r.sheets.sleptMs) : 'n/a',
  r.sheets ? String(r.sheets.setValues) : 'n/a',
]);
process.stdout.write(`${table([head, ...body])}\n\n`);

for (const r of results.filter((x) => x.schools === TARGET.schools && x.sheets)) {
  const c = r.sheets?.chunks ?? 0;
  // Seconds per source the job may spend and still read TARGET.schools in TARGET.chunks chunks.
  const perSource = ((BUDGET_S - 20) * TARGET.chunks) / TARGET.schools;
  const calls = (r.sheets?.docCalls ?? 0) / r.schools;
  process.stdout.write(
    `Target «${TARGET.schools} schools in ≤ ${TARGET.chunks} chunks», ${r.profile}: ${c} chunks → ${c <= TARGET.chunks ? 'MET' : 'MISSED'} ` +
      `(${calls.toFixed(0)} document calls per school; meeting it needs ≤ ${perSource.toFixed(2)} s per school).\n`,
  );
}
process.stdout.write(
  'Chunk counts scale with the assumed latencies: set OKO_LAT_* to measured values (e.g. from the execution log of one real chunk) and re-run.\n',
);
