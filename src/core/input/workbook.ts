// Reads a whole workbook: recognises each sheet by its content, reads the optional sheets, reads every
// results sheet into a Procedure, then applies task plans and mark scales. Every optional sheet is
// parsed here, once, into a typed field of WorkbookData: no later stage reads a grid.
import { findCatalog } from '../catalog';
import { columnLetter, type Grid, norm, type Workbook } from '../grid';
import { isGia, type Procedure } from '../model';
import { fileProblem, hasErrors, type Problem, problem } from '../problems';
import { readSettings, type Settings } from '../settings';
import { S } from '../strings';
import { isGeneratedTab } from '../tabs';
import { type Benchmarks, readBenchmarks } from './benchmarks';
import { CODES_SHEET, type CodeMap, readCodeMap } from './codes';
import {
  type ClassMap,
  CONFIG_SHEETS,
  markFromScale,
  type PlanRow,
  type PlanSheet,
  readClasses,
  readPlan,
  readScale,
  type ScaleSheet,
} from './config';
import { defaultGiaRows, GIA_COLUMNS, GIA_SCALES_SHEET, type GiaScales, giaRowFor, readGiaScales } from './gia-scales';
import { checkReportSchool, type PlanReport, procedureOfReport, readPlanReports, reportBenchmarks } from './plan-report';
import { take } from './read';
import { findResultsHeader, readResults } from './results';
import { readTeachers, type Teachers } from './teachers';

export { CODES_SHEET };

export type SheetKind =
  | 'results'
  | 'settings'
  | 'classes'
  | 'plan'
  | 'scale'
  | 'teachers'
  | 'benchmarks'
  /** «Соответствие кодов»: links participant codes of several procedures (analysis/linking.ts). */
  | 'codes'
  /** «Шкалы ГИА»: ОГЭ scales and ЕГЭ minimum scores. */
  | 'giaScales'
  /** ФИС ОКО «Достижение планируемых результатов», recognised by content. */
  | 'planReport'
  | 'generated'
  | 'service'
  | 'unknown';

export interface SheetInfo {
  name: string;
  kind: SheetKind;
  /** For results sheets. */
  layout?: string;
  procedure?: string;
  participants?: number;
}

export interface WorkbookData {
  procedures: Procedure[];
  settings: Settings;
  /** Everything the readers found; an error means nothing may be written. */
  problems: Problem[];
  sheets: SheetInfo[];
  /** «Классы»: class number → name. */
  classes: ClassMap | null;
  /** «План заданий». */
  plan: PlanSheet | null;
  /** «Шкала отметок». */
  scale: ScaleSheet | null;
  /** «Классы и учителя», checked against the procedures. */
  teachers: Teachers | null;
  /** «Соответствие кодов», checked against the procedures. */
  codes: CodeMap | null;
  /** «Шкалы ГИА» as the user keeps it; null when the workbook has none (the 2026 defaults then apply). */
  giaScales: GiaScales | null;
  /** Rows of «Эталоны» (ФИС ОКО reports) tied to procedures, with the plan reports' groups added. */
  benchmarks: Benchmarks;
  /** ФИС ОКО «Достижение планируемых результатов» reports and the procedure each is about. */
  planReports: { report: PlanReport; procedure: Procedure | null }[];
  /** Tabs an earlier run generated: never input, but some keep what users typed into them (roadmaps). */
  generated: Grid[];
}

const SERVICE_SHEETS = new Set(['служебный', 'порядковый номер класса']);

function classify(grid: Grid): SheetKind {
  const n = norm(grid.name);
  if (n === norm(S.tabs.settings)) return 'settings';
  if (n === norm(CONFIG_SHEETS.classes)) return 'classes';
  if (n === norm(CONFIG_SHEETS.plan)) return 'plan';
  if (n === norm(CONFIG_SHEETS.scale)) return 'scale';
  if (n === norm(CONFIG_SHEETS.teachers)) return 'teachers';
  if (n === norm(CONFIG_SHEETS.benchmarks)) return 'benchmarks';
  if (n === norm(CODES_SHEET)) return 'codes';
  if (n === norm(GIA_SCALES_SHEET)) return 'giaScales';
  if (isGeneratedTab(grid.name)) return 'generated';
  if (SERVICE_SHEETS.has(n)) return 'service';
  return 'unknown';
}

export function readWorkbook(wb: Workbook): WorkbookData {
  const problems: Problem[] = [];
  const sheets: SheetInfo[] = [];
  const byKind = new Map<SheetKind, Grid>();
  const candidates: Grid[] = [];
  const generated: Grid[] = [];

  for (const grid of wb.grids) {
    const kind = classify(grid);
    if (kind === 'unknown') {
      candidates.push(grid);
      continue;
    }
    sheets.push({ name: grid.name, kind });
    if (kind === 'generated') generated.push(grid);
    else if (!byKind.has(kind)) byKind.set(kind, grid);
  }
  const at = (k: SheetKind) => byKind.get(k);
  const read = readSettings(at('settings'));
  const settings: Settings = read.settings;
  for (const x of read.problems) problems.push(x);
  const classesGrid = at('classes');
  const classes = classesGrid ? take(readClasses(classesGrid), problems) : null;
  const planGrid = at('plan');
  const plan = planGrid ? take(readPlan(planGrid), problems) : null;
  const scaleGrid = at('scale');
  const scale = scaleGrid ? take(readScale(scaleGrid), problems) : null;
  const giaGrid = at('giaScales');
  const giaScales = giaGrid ? take(readGiaScales(giaGrid), problems) : null;

  const procedures: Procedure[] = [];
  const reports: PlanReport[] = [];
  for (const grid of candidates) {
    const found = findResultsHeader(grid);
    // Not results: a «Достижение планируемых результатов» report is recognised by its header, whatever the
    // sheet's name (a results sheet may carry a similar summary under its table: results come first).
    if (found.kind !== 'found') {
      const planReports = take(readPlanReports(grid), problems);
      if (planReports.length > 0) {
        reports.push(...planReports);
        sheets.push({ name: grid.name, kind: 'planReport' });
        continue;
      }
    }
    if (found.kind === 'none') {
      sheets.push({ name: grid.name, kind: 'unknown' });
      if (grid.values.some((r) => r.some((v) => v !== null && v !== ''))) {
        problems.push(problem('info', 'sheet-not-recognized', grid.name, S.sheetNotRecognized));
      }
      continue;
    }
    if (found.kind === 'broken') {
      sheets.push({ name: grid.name, kind: 'unknown' });
      problems.push(problem('error', 'header-not-found', grid.name, S.headerNotFound(found.missing), found.row || undefined));
      continue;
    }
    const proc = take(readResults(grid, found, { workbookName: wb.name, classes }), problems);
    if (!proc) continue;
    procedures.push(proc);
    sheets.push({
      name: grid.name,
      kind: 'results',
      layout: proc.layout,
      procedure: proc.title,
      participants: proc.students.length,
    });
  }

  if (procedures.length === 0 && !hasErrors(problems)) {
    problems.push(fileProblem('error', 'no-results', wb.name, S.noResultsSheets));
  }
  const benchmarksGrid = at('benchmarks');
  if (benchmarksGrid) reports.push(...take(readPlanReports(benchmarksGrid), problems));
  const planReports = reports.map((report) => ({ report, procedure: procedureOfReport(report, procedures) }));
  for (const r of planReports) {
    if (!r.procedure)
      problems.push(
        problem('warning', 'plan-report-unmatched', r.report.sheet, S.planReport.noProcedure(r.report.title), r.report.headerRow),
      );
  }
  // Without the sheet, the 2026 defaults it will be created with (the run's ensure-tabs) apply.
  const gia = giaScales ?? take(readGiaScales({ name: GIA_SCALES_SHEET, values: [[...GIA_COLUMNS], ...defaultGiaRows()] }), []);
  for (const p of procedures) {
    const report = planReports.find((r) => r.procedure === p)?.report ?? null;
    for (const x of applyPlan(p, plan, report)) problems.push(x);
    for (const x of applyScale(p, scale)) problems.push(x);
    for (const x of applyGiaScale(p, gia, giaScales !== null)) problems.push(x);
  }
  const teachersGrid = at('teachers');
  const teachers = teachersGrid ? take(readTeachers(teachersGrid, procedures), problems) : null;
  const codesGrid = at('codes');
  const codes = codesGrid ? take(readCodeMap(codesGrid, procedures), problems) : null;
  const benchmarks = take(readBenchmarks(benchmarksGrid, procedures), problems);
  for (const { report, procedure } of planReports) {
    if (!procedure) continue;
    let pb = benchmarks.byProcedure.get(procedure);
    if (!pb) {
      pb = { tasks: [], marks: [], journal: [] };
      benchmarks.byProcedure.set(procedure, pb);
    }
    pb.tasks.push(...reportBenchmarks(report));
    for (const x of checkReportSchool(report, procedure)) problems.push(x);
  }
  return { procedures, settings, problems, sheets, classes, plan, scale, teachers, codes, giaScales, benchmarks, planReports, generated };
}

/**
 * Levels and skills for a procedure's tasks: the «План заданий» sheet; else the ФИС ОКО report «Достижение
 * планируемых результатов» (skills and maxima; levels still from the file or a built-in catalog); else a
 * built-in catalog.
 */
function applyPlan(p: Procedure, plan: PlanSheet | null, report: PlanReport | null): Problem[] {
  const problems: Problem[] = [];
  if (plan && plan.rows.length > 0) {
    const hasSubject = plan.rows.some((r) => r.subject !== undefined);
    const hasGrade = plan.rows.some((r) => r.grade !== undefined);
    const rows = plan.rows.filter((r) => (!hasSubject || r.subject === p.meta.subject) && (!hasGrade || r.grade === p.meta.grade));
    if (rows.length > 0) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const missing = p.tasks.filter((t) => !byId.has(t.id)).map((t) => t.id);
      // A plan may list a whole task and its parts (9 and 9.1, 9.2); only parts that no result uses are "extra".
      const used = new Set(p.tasks.map((t) => t.id));
      const extra = rows
        .map((r) => r.id)
        .filter((id) => !used.has(id) && !p.tasks.some((t) => t.id.startsWith(`${id}.`) || id.startsWith(`${t.id}.`)));
      if (missing.length || extra.length) {
        problems.push(problem('error', 'plan-mismatch', plan.sheet, S.planMismatch(`${p.title} (лист «${p.sheet}»)`, missing, extra)));
        return problems;
      }
      for (const t of p.tasks) {
        const r = byId.get(t.id) as PlanRow;
        // A max read off the scores (a protocol's answer strings) gives way to the plan's.
        if (t.maxInferred && r.max >= t.max) {
          t.max = r.max;
          delete t.maxInferred;
        }
        if (r.max !== t.max) {
          problems.push(problem('error', 'plan-max', plan.sheet, S.planMaxMismatch(t.id, r.max, t.max), r.row, 2));
          continue;
        }
        if (r.level) t.level = r.level;
        if (r.skill) t.skill = r.skill;
        if (r.plannedResult) t.plannedResult = r.plannedResult;
        if (r.section) t.section = r.section;
        if (r.topic) t.topic = r.topic;
      }
      p.maxTotal = p.tasks.reduce((a, t) => a + t.max, 0);
      p.planSource = 'sheet';
      problems.push(problem('info', 'plan-used', p.sheet, S.planSheetUsed));
      return problems;
    }
  }
  const cat = findCatalog(p.meta.subject, p.meta.grade, p.tasks);
  if (report) {
    const byId = new Map(report.tasks.map((t) => [t.id, t]));
    const bad = p.tasks.filter((t) => {
      const r = byId.get(t.id);
      return !r || (r.max !== t.max && !(t.maxInferred && r.max >= t.max));
    });
    if (bad.length === 0) {
      for (const t of p.tasks) {
        const r = byId.get(t.id) as PlanReport['tasks'][number];
        if (t.maxInferred) {
          t.max = r.max;
          delete t.maxInferred;
        }
        if (r.skill) t.skill = r.skill;
        // The report gives no levels: the file's, else the catalog's.
        const it = cat?.items.get(t.id);
        if (it) t.level ??= it.level;
      }
      p.maxTotal = p.tasks.reduce((a, t) => a + t.max, 0);
      p.planSource = `report:${report.sheet}`;
      problems.push(problem('info', 'plan-report-used', p.sheet, S.planReport.used(report.sheet)));
      if (p.tasks.some((t) => t.level === null)) problems.push(problem('warning', 'no-levels', p.sheet, S.noLevels));
      return problems;
    }
    problems.push(
      problem(
        'warning',
        'plan-report-tasks',
        report.sheet,
        S.planReport.tasksMismatch(
          p.title,
          bad.map((t) => t.id),
        ),
        report.headerRow,
      ),
    );
  }
  if (cat) {
    for (const t of p.tasks) {
      const it = cat.items.get(t.id);
      if (!it) continue;
      t.level ??= it.level;
      if (it.skill) t.skill = it.skill;
      if (it.plannedResult) t.plannedResult = it.plannedResult;
      if (it.section) t.section = it.section;
      if (it.topic) t.topic = it.topic;
    }
    p.planSource = `catalog:${cat.id}`;
    problems.push(problem('info', 'catalog-used', p.sheet, S.catalogUsed(cat.exam, cat.year, cat.subject, cat.grade)));
    return problems;
  }
  if (p.planSource === 'file') problems.push(problem('info', 'levels-from-file', p.sheet, S.levelsFromFile));
  else if (p.tasks.some((t) => t.level === null)) problems.push(problem('warning', 'no-levels', p.sheet, S.noLevels));
  return problems;
}

/**
 * Cut-offs a file's marks imply: the lowest score with each mark, when no score of a lower mark
 * reaches it (marks given by other rules, e.g. a required minimum on one part, break that).
 */
export function inferCuts(p: Procedure): [number, number, number] | null {
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const s of p.students) {
    if (s.mark === null) continue;
    lo.set(s.mark, Math.min(lo.get(s.mark) ?? Number.POSITIVE_INFINITY, s.total));
    hi.set(s.mark, Math.max(hi.get(s.mark) ?? Number.NEGATIVE_INFINITY, s.total));
  }
  const cuts: number[] = [];
  for (const m of [3, 4, 5]) {
    const c = lo.get(m);
    if (c === undefined) return null;
    for (const lower of [2, 3, 4].filter((x) => x < m)) if ((hi.get(lower) ?? Number.NEGATIVE_INFINITY) >= c) return null;
    cuts.push(c);
  }
  return cuts as [number, number, number];
}

/** Marks from the file, else from «Шкала отметок»; otherwise a warning that says why there are none. */
function applyScale(p: Procedure, scale: ScaleSheet | null): Problem[] {
  if (p.markSource === 'file') {
    p.cuts = inferCuts(p);
    return [];
  }
  const row = scale?.rows.find(
    (r) =>
      (r.subject === undefined || r.subject === p.meta.subject) &&
      (r.grade === undefined || r.grade === p.meta.grade) &&
      (r.kind === undefined || r.kind === p.meta.kind),
  );
  const empty = p.markColumn?.empty ? p.markColumn : null;
  // A ГИА exam takes its marks from «Шкалы ГИА» (applyGiaScale), which says what is missing.
  if (!row && isGia(p)) return [];
  if (!row) {
    if (empty) return [problem('warning', 'mark-column-empty', p.sheet, S.markColumnEmpty(empty.label, columnLetter(empty.col)))];
    return [problem('warning', 'no-marks', p.sheet, S.noMarks)];
  }
  for (const s of p.students) s.mark = markFromScale(s.total, row.cuts);
  p.markSource = 'scale';
  p.cuts = row.cuts;
  if (empty) return [problem('info', 'marks-from-scale', p.sheet, S.markColumnEmptyScale(empty.label, columnLetter(empty.col)))];
  return [problem('info', 'marks-from-scale', p.sheet, S.marksFromScale)];
}

/**
 * ГИА thresholds from «Шкалы ГИА»: below the minimum (primary score for ОГЭ/ГВЭ, test score for ЕГЭ) a
 * participant «не преодолел порог» and counts like mark 2. Without marks in the file they come from the
 * scale; with only the minimum known, «2» below it and «3» at or above it (markSource 'threshold').
 */
function applyGiaScale(p: Procedure, scales: GiaScales, userSheet: boolean): Problem[] {
  if (!isGia(p)) return [];
  const row = giaRowFor(scales, p.meta.kind, p.meta.subject, p.meta.year);
  if (!row) return [problem('warning', 'gia-no-scale', userSheet ? scales.sheet : p.sheet, S.giaScales.noRow(p.meta.kind, p.meta.subject))];
  const out: Problem[] = [];
  const scoreOf = (s: Procedure['students'][number]) => (row.on === 'primary' ? s.total : s.testScore);
  if (row.on === 'test' && !p.students.some((s) => s.testScore !== undefined)) {
    return [problem('warning', 'gia-no-test-score', p.sheet, S.giaScales.noTestScore)];
  }
  p.threshold = { score: row.min, on: row.on, source: row.source };
  for (const s of p.students) {
    const v = scoreOf(s);
    if (v !== undefined) s.belowThreshold = v < row.min;
  }
  out.push(
    problem(
      'info',
      'gia-threshold',
      p.sheet,
      S.giaScales.used(p.meta.kind, row.min, row.on === 'primary' ? 'первичный' : 'тестовый', row.source),
    ),
  );
  if (p.markSource !== 'none') return out;
  const { four, five } = row;
  if (four !== null && five !== null) {
    for (const s of p.students) {
      const v = scoreOf(s);
      s.mark = v === undefined ? null : v >= five ? 5 : v >= four ? 4 : v >= row.min ? 3 : 2;
    }
    p.markSource = 'scale';
    if (row.on === 'primary') p.cuts = [row.min, four, five];
    return out;
  }
  for (const s of p.students) s.mark = s.belowThreshold === undefined ? null : s.belowThreshold ? 2 : 3;
  p.markSource = 'threshold';
  out.push(problem('info', 'gia-threshold-marks', p.sheet, S.giaScales.thresholdMarks));
  return out;
}

export { isGeneratedTab } from '../tabs';
