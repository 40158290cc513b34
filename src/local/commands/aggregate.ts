// `oko aggregate <папка> -o municipal.xlsx [--json …] [--csv …] [--sources Источники.xlsx]`: the
// municipal job over a folder of school workbooks, with the same core and the same tabs as the Google
// Sheets edition. Broken workbooks are listed with their reasons and skipped. The output workbook
// keeps the job's state (hidden tab), so a re-run re-analyses only the files that changed.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Grid, Workbook } from '../../core/grid';
import { norm } from '../../core/grid';
import { CONFIG_SHEETS } from '../../core/input/config';
import { buildDistrict, type District } from '../../core/municipal/district';
import { buildMunicipalExport, LONG_COLUMNS, longRows, toCsv } from '../../core/municipal/export';
import { finishDistrict } from '../../core/municipal/finish';
import { type JobPlan, processUnit, SourceError } from '../../core/municipal/job';
import { buildStatusTab } from '../../core/municipal/output';
import { readDistrictRegions } from '../../core/municipal/regions';
import { readReportSheet } from '../../core/municipal/reports';
import type { SourceRecord } from '../../core/municipal/schema';
import { buildDistrictSettingsTab, readDistrictSettings } from '../../core/municipal/settings';
import { listedSchools } from '../../core/municipal/shnor';
import { readSources, unitsFromFiles } from '../../core/municipal/sources';
import { parseHistory, parseState, stateSpec, XLSX_CELL_CHARS } from '../../core/municipal/state';
import { hasErrors } from '../../core/problems';
import { L, M, S } from '../../core/strings';
import { writeFileAtomic } from '../output';
import { writePackage } from '../package/write';
import { type ReadResult, readWorkbookFile, UnreadableWorkbook } from '../read';
import { CliError, commandArgs, localToday, printProblems } from './common';

const C = L.cli;
const SOURCES_FILE = `${M.tabs.sources}.xlsx`;

function isWorkbookFile(name: string): boolean {
  return /\.(xlsx|xlsm|xls|ods|csv)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

async function readGrids(path: string): Promise<Map<string, Grid>> {
  const { workbook } = await readWorkbookFile(path);
  return new Map(workbook.grids.map((g) => [norm(g.name), g]));
}

export interface AggregateOptions {
  out: string;
  json?: string;
  csv?: string;
  /** A workbook with «Источники» (file names in «Файл»/«Таблица») and optionally «Настройки ОКО» and «Сроки отчётов». */
  sources?: string;
  /** ISO date overdue activities and report deadlines are counted on (default: today). */
  today?: string;
}

export interface AggregateReport {
  total: number;
  done: number;
  failed: number;
  district: District;
}

export interface AggregateResult {
  report: AggregateReport;
  written: string[];
  plan: JobPlan;
}

/** The whole job over a folder; returns what was written. Throws CliError on unusable input. */
export async function aggregateFolder(folder: string, opts: AggregateOptions): Promise<AggregateResult> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(C.folderNotFound(folder));
  const outPath = resolve(opts.out);
  const sourcesPath = opts.sources ?? (existsSync(join(folder, SOURCES_FILE)) ? join(folder, SOURCES_FILE) : undefined);
  const files = readdirSync(folder)
    .filter((f) => isWorkbookFile(f) && resolve(folder, f) !== outPath && (!sourcesPath || resolve(folder, f) !== resolve(sourcesPath)))
    .sort(new Intl.Collator('ru', { numeric: true }).compare);
  const byLower = new Map(files.map((f) => [f.toLowerCase(), f]));

  // «Источники» and «Настройки ОКО»: from the sources workbook, else the previous output, else defaults.
  const prior: ReadResult | null = existsSync(outPath) ? await readWorkbookFile(outPath).catch(() => null) : null;
  const sourceGrids = sourcesPath ? await readGrids(sourcesPath) : null;
  const sources = sourceGrids ? readSources(sourceGrids.get(norm(M.tabs.sources)), 'file') : unitsFromFiles(files);
  const priorGrids = new Map((prior?.workbook.grids ?? []).map((g) => [norm(g.name), g]));
  const settingsGrid = sourceGrids?.get(norm(S.tabs.settings)) ?? priorGrids.get(norm(S.tabs.settings));
  const { settings, problems: settingProblems } = readDistrictSettings(settingsGrid);
  const fatal = [
    ...sources.problems.filter((p) => ['sources-missing', 'sources-header', 'sources-none'].includes(p.code)),
    ...settingProblems,
  ];
  if (hasErrors(fatal)) {
    printProblems(fatal, process.stderr, ['error']);
    throw new CliError(C.aggregate.refused, 2);
  }
  if (sources.units.length === 0) throw new CliError(C.aggregate.noFiles(folder), 2);
  const reportGrid = sourceGrids?.get(norm(M.reports.sheet)) ?? priorGrids.get(norm(M.reports.sheet));
  const reports = readReportSheet(reportGrid);
  sources.problems.push(...reports.problems);
  const regionGrid = sourceGrids?.get(norm(CONFIG_SHEETS.benchmarks)) ?? priorGrids.get(norm(CONFIG_SHEETS.benchmarks));
  const regions = readDistrictRegions(regionGrid, sources.problems);
  const plan: JobPlan = { sources, settings, reports: reports.items, regions };

  // The same steps as the Apps Script job (processUnit per source, then the district), one file at a
  // time: a file's grids are dropped as soon as it is summarised, so memory does not grow with the
  // number of schools.
  const stateValues = priorGrids.get(norm(M.tabs.state))?.values ?? [];
  const prev = prior ? parseState(stateValues) : new Map<string, SourceRecord>();
  const records = new Map<string, SourceRecord>();
  const runId = `local-${Date.now().toString(36)}`;
  for (const unit of sources.units) {
    const ref = unit.rows[0]?.ref ?? unit.ref;
    const actual = byLower.get(ref.toLowerCase());
    let loaded: Workbook | SourceError;
    if (!actual) loaded = new SourceError(M.read.fileMissing);
    else {
      try {
        loaded = (await readWorkbookFile(join(folder, actual))).workbook;
      } catch (e) {
        // An unreadable file says what it seems to be and what to do; the job lists it and carries on.
        loaded = new SourceError(
          e instanceof UnreadableWorkbook ? e.message : M.read.fileFailed(e instanceof Error ? e.message : String(e)),
        );
      }
    }
    const read = (): Workbook => {
      if (loaded instanceof SourceError) throw loaded;
      return loaded;
    };
    records.set(unit.key, processUnit({ read }, unit, settings, prev.get(unit.key), runId, Date.now(), plan.reports));
  }
  const today = opts.today ?? localToday();
  const district = buildDistrict(sources, records, settings, runId, { today, reports: plan.reports ?? [], regions });
  const failed = [...records.values()].filter((r) => r.status === 'failed').length;
  // The district roadmap is regenerated over the one in the previous output (its statuses are kept).
  const finished = finishDistrict(district, settings, parseHistory(stateValues), (name) => priorGrids.get(norm(name)));
  const tabs = finished.tabs;
  const status = buildStatusTab(district, { done: records.size, total: sources.units.length, failed, phase: 'finished', resumeMinutes: 1 });
  const report: AggregateReport = { total: sources.units.length, done: records.size, failed, district };

  const priorNames = new Set(priorGrids.keys());
  const plan2 = {
    replace: [...tabs, status, { ...stateSpec([...records.values()], XLSX_CELL_CHARS, finished.history), hidden: true }],
    ensure: priorNames.has(norm(S.tabs.settings)) ? [] : [buildDistrictSettingsTab(settings)],
    remove: [],
    highlights: null,
  };
  const base = prior?.source.kind === 'xlsx' ? prior.source.pkg : { grids: [] };
  const { bytes } = writePackage(base, plan2);
  const written: string[] = [];
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(buildMunicipalExport(district, settings), null, 1)}\n`);
    written.push(opts.json);
  }
  if (opts.csv) {
    writeFileSync(opts.csv, toCsv(LONG_COLUMNS, longRows(district)));
    written.push(opts.csv);
  }
  writeFileAtomic(opts.out, bytes);
  written.push(opts.out);
  return { report, written, plan };
}

export async function runAggregate(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {
    json: { type: 'string' },
    csv: { type: 'string' },
    sources: { type: 'string' },
    today: { type: 'string' },
  });
  const folder = positionals[0];
  if (!folder) throw new CliError(C.needFolder(C.usage.aggregate));
  const out = values.out ?? join(folder, 'municipal.xlsx');
  const opts: AggregateOptions = { out };
  if (values.json) opts.json = values.json;
  if (values.csv) opts.csv = values.csv;
  if (values.sources) opts.sources = values.sources;
  if (values.today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new CliError(C.aggregate.badToday(values.today));
    opts.today = values.today;
  }
  const { report, written, plan } = await aggregateFolder(folder, opts);
  const d = report.district;
  if (!values.quiet) {
    const say = (line: string) => process.stdout.write(`${line}\n`);
    say(C.aggregate.head(report.total, report.done - report.failed, report.failed));
    const { shnor } = d;
    const listed = listedSchools(shnor).length;
    const [schools, works, clusters] = [d.schools.length, d.procedures.length, d.clusters.length];
    say(C.aggregate.counts({ schools, works, clusters, listed, assessed: shnor.schools.length, stableHigh: shnor.stableHigh.length }));
    const { error, warning } = C.severity;
    for (const st of d.sources) {
      const file = basename(st.unit.ref);
      if (st.record?.status === 'failed') say(C.aggregate.line(error, String(st.record.reason), file));
      else for (const n of st.record?.notes ?? []) say(C.aggregate.line(warning, n, file));
    }
    for (const n of d.notes) say(C.aggregate.line(warning, n));
    const rowProblems = plan.sources.problems;
    if (rowProblems.length) printProblems(rowProblems, process.stdout, ['error', 'warning']);
    say(C.written(written));
  }
  return d.schools.length > 0 ? 0 : 2;
}
