// One municipal benchmark case, in its own process so that its peak memory is its own:
//   node --expose-gc --import tsx bench/municipal-case.ts <schools> <full|light>
// Prints one JSON line (MunicipalCase) on stdout.
//
// 1. Core: every school generated (src/local/sample with its own seed, excluded from the timing),
//    summarised (processUnit), then the district, its tabs, the JSON export and the state tab built.
// 2. Sheets host: the real job (src/server/municipal → src/sheets/municipal → core) against the fake
//    Google services, chunk after chunk as the trigger would run them: schools read through the Sheets
//    API under its quota (the fake answers 429 beyond 60 reads a minute; the job keeps under 50 and
//    sleeps). The fake clock advances by an assumed latency per call (bench/municipal.ts lists them and
//    their sources), the sleeps, plus the measured core time × OKO_BENCH_CORE_FACTOR (Apps Script's V8
//    is slower than Node's).
import { pathToFileURL } from 'node:url';
import type { Workbook } from '../src/core/grid';
import { buildDistrict } from '../src/core/municipal/district';
import { buildMunicipalExport } from '../src/core/municipal/export';
import { finishDistrict } from '../src/core/municipal/finish';
import { emptyHistory } from '../src/core/municipal/history';
import { type ChunkReport, processUnit } from '../src/core/municipal/job';
import type { SourceRecord } from '../src/core/municipal/schema';
import { readDistrictSettings } from '../src/core/municipal/settings';
import { readSources, type SourceUnit } from '../src/core/municipal/sources';
import { SHEETS_CELL_CHARS, stateSpec } from '../src/core/municipal/state';
import { M } from '../src/core/strings';
import { municipalChunk } from '../src/server/municipal/job';
import { CONTINUE_HANDLER } from '../src/sheets/municipal/triggers';
import { installFakeGas } from '../test/fakes';
import { createMunicipalGas, type Latency } from '../test/fakes/municipal';
import { FakeSpreadsheet } from '../test/fakes/spreadsheet';
import { sampleSchoolWorkbook, schoolAttrs, schoolCode, schoolName } from '../test/municipal/synthetic';

export type Profile = 'full' | 'light';

export interface SheetsRun {
  chunks: number;
  processedPerChunk: number[];
  /** Simulated duration of each chunk, ms (latencies + core × factor). */
  chunkMs: number[];
  docCalls: number;
  maxDocCallsPerChunk: number;
  /** Sheets API read requests (Spreadsheets.get + Values.batchGet), the most in any minute, the refused ones. */
  apiRequests: number;
  apiMaxPerMinute: number;
  api429: number;
  /** Simulated time the job slept waiting for the quota, ms. */
  sleptMs: number;
  setValues: number;
  /** Calls to PropertiesService and ScriptApp (cursor, triggers). */
  serviceCalls: number;
  stateChars: number;
}

export interface MunicipalCase {
  schools: number;
  profile: Profile;
  tabsPerSchool: number;
  cellsPerSchool: number;
  genMs: number;
  /** Summarising every school, ms in all. */
  coreSourcesMs: number;
  /** District + tabs + JSON export + state spec, ms. */
  coreDistrictMs: number;
  heapRecordsMB: number;
  maxRssCoreMB: number;
  stateChars: number;
  outputCells: number;
  sheets: SheetsRun | null;
}

export const DEFAULT_LATENCY: Latency = {
  openById: Number(process.env.OKO_LAT_OPEN_MS ?? 1000),
  api: Number(process.env.OKO_LAT_API_MS ?? 600),
  getValues: Number(process.env.OKO_LAT_GETVALUES_MS ?? 150),
  setValues: Number(process.env.OKO_LAT_SETVALUES_MS ?? 50),
  properties: Number(process.env.OKO_LAT_PROPERTIES_MS ?? 50),
  doc: Number(process.env.OKO_LAT_DOC_MS ?? 20),
  service: Number(process.env.OKO_LAT_SERVICE_MS ?? 50),
  ui: 0,
  builder: 0,
};
export const CORE_FACTOR = Number(process.env.OKO_BENCH_CORE_FACTOR ?? 3);

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const now = () => performance.now();

function workbookOf(i: number, profile: Profile): Workbook {
  const wb = sampleSchoolWorkbook(i);
  // «light»: a school's file holds one procedure's ФИС ОКО exports (two tabs), as when a district
  // collects one procedure at a time.
  return profile === 'full' ? wb : { name: wb.name, grids: wb.grids.filter((g) => /Индивидуальные результаты$/.test(g.name)) };
}

const idOf = (i: number) => `1SCHOOL${String(i).padStart(37, '0')}`;

function sourcesRows(n: number): (string | null)[][] {
  const rows: (string | null)[][] = [['Таблица', 'Код ОО', 'Школа', 'Местность', 'Размер']];
  for (let i = 1; i <= n; i++) {
    const a = schoolAttrs(i);
    rows.push([`https://docs.google.com/spreadsheets/d/${idOf(i)}/edit`, schoolCode(i), schoolName(i), a.Местность, a.Размер]);
  }
  return rows;
}

function cellsOf(wb: Workbook): number {
  return wb.grids.reduce((n, g) => n + g.values.reduce((m, r) => m + r.length, 0), 0);
}

function stateSize(records: readonly SourceRecord[]): number {
  const spec = stateSpec(records, SHEETS_CELL_CHARS);
  return spec.values.reduce((n, r) => n + r.reduce<number>((m, v) => m + (typeof v === 'string' ? v.length : 4), 0), 0);
}

function coreRun(n: number, profile: Profile): Omit<MunicipalCase, 'sheets' | 'schools' | 'profile'> {
  const settings = readDistrictSettings(undefined).settings;
  const sources = readSources({ name: M.tabs.sources, values: sourcesRows(n) }, 'spreadsheet');
  // Warm-up: JIT and the catalogs.
  processUnit({ read: () => workbookOf(0, profile) }, sources.units[0] as SourceUnit, settings, undefined, 'warm', 0);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const records = new Map<string, SourceRecord>();
  let genMs = 0;
  let coreSourcesMs = 0;
  let tabsPerSchool = 0;
  let cellsPerSchool = 0;
  sources.units.forEach((unit, k) => {
    let t = now();
    const wb = workbookOf(k + 1, profile);
    genMs += now() - t;
    if (k === 0) {
      tabsPerSchool = wb.grids.length;
      cellsPerSchool = cellsOf(wb);
    }
    t = now();
    records.set(unit.key, processUnit({ read: () => wb }, unit, settings, undefined, 'bench', 0));
    coreSourcesMs += now() - t;
  });
  const t = now();
  const district = buildDistrict(sources, records, settings, 'bench', { today: '2026-05-20' });
  const tabs = finishDistrict(district, settings, emptyHistory(), () => undefined).tabs;
  JSON.stringify(buildMunicipalExport(district, settings));
  const stateChars = stateSize([...records.values()]);
  const coreDistrictMs = now() - t;
  gc();
  const heapRecordsMB = (process.memoryUsage().heapUsed - heap0) / MB;
  const failed = [...records.values()].filter((r) => r.status === 'failed');
  if (failed.length) throw new Error(`bench schools failed: ${failed[0]?.reason}`);
  return {
    tabsPerSchool,
    cellsPerSchool,
    genMs,
    coreSourcesMs,
    coreDistrictMs,
    heapRecordsMB,
    maxRssCoreMB: process.resourceUsage().maxRSS / 1024,
    stateChars,
    outputCells: tabs.reduce((a, s) => a + s.values.reduce((m, r) => m + r.length, 0), 0),
  };
}

function sheetsRun(n: number, profile: Profile): SheetsRun {
  const gas = createMunicipalGas({ latency: DEFAULT_LATENCY });
  gas.clock.now = Date.UTC(2026, 4, 20, 6);
  const undo = installFakeGas(gas);
  try {
    gas.ss.addSheet(M.tabs.sources, sourcesRows(n));
    // Schools are made when opened and forgotten after: the fake drive holds one at a time.
    let excluded = 0;
    const byId = new Map(Array.from({ length: n }, (_, k) => [idOf(k + 1), k + 1]));
    gas.drive.get = (id: string) => {
      const t = now();
      const i = byId.get(id);
      if (i === undefined) return undefined;
      const wb = workbookOf(i, profile);
      const ss = new FakeSpreadsheet(wb.name, gas.log);
      for (const g of wb.grids) ss.addSheet(g.name, g.values);
      excluded += now() - t;
      return ss;
    };
    let realStart = now();
    const clock = () => gas.clock.now + CORE_FACTOR * (now() - realStart - excluded);
    // Google counts the quota on the same time the job lives in.
    gas.api.time = clock;
    const run: SheetsRun = {
      chunks: 0,
      processedPerChunk: [],
      chunkMs: [],
      docCalls: 0,
      maxDocCallsPerChunk: 0,
      apiRequests: 0,
      apiMaxPerMinute: 0,
      api429: 0,
      sleptMs: 0,
      setValues: 0,
      serviceCalls: 0,
      stateChars: 0,
    };
    let mode: 'start' | 'continue' = 'start';
    for (;;) {
      realStart = now();
      excluded = 0;
      gas.clock.startExecution();
      const before = gas.log.docCalls;
      const r = municipalChunk(gas.ss, mode, clock) as ChunkReport;
      mode = 'continue';
      run.chunks++;
      run.processedPerChunk.push(r.processed);
      run.chunkMs.push(clock() - gas.clock.executionStart);
      run.maxDocCallsPerChunk = Math.max(run.maxDocCallsPerChunk, gas.log.docCalls - before);
      if (r.finished) break;
      const t = gas.scriptApp.pending(CONTINUE_HANDLER);
      if (!t) throw new Error('no continuation trigger');
      gas.clock.now = t.dueAt;
      if (run.chunks > 500) throw new Error('the job does not finish');
    }
    run.docCalls = gas.log.docCalls;
    run.apiRequests = gas.api.requests.length;
    run.apiMaxPerMinute = gas.api.maxPerMinute();
    run.api429 = gas.api.refused;
    run.sleptMs = gas.slept;
    run.setValues = gas.log.count('Range.setValues');
    run.serviceCalls = gas.log.total('service');
    run.stateChars = gas.ss
      .tab(M.tabs.state)
      .snapshot()
      .reduce((a, row) => a + row.reduce<number>((m, v) => m + String(v).length, 0), 0);
    return run;
  } finally {
    undo();
  }
}

function main(): void {
  const n = Number(process.argv[2] ?? 50);
  const profile = (process.argv[3] ?? 'full') as Profile;
  const core = coreRun(n, profile);
  const sheets = process.env.OKO_BENCH_NO_SHEETS ? null : sheetsRun(n, profile);
  const out: MunicipalCase = { schools: n, profile, ...core, sheets };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// Run only as a script: bench/municipal.ts imports the latency model from here.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (e: unknown) {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  }
}
