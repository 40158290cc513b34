// Reads a whole workbook: recognises each sheet by its content, reads the optional config sheets,
// reads every results sheet into a Procedure, then applies task plans and mark scales.
import { findCatalog } from '../catalog';
import { type Grid, norm, type Workbook } from '../grid';
import type { Procedure } from '../model';
import { hasErrors, type Problem, problem } from '../problems';
import { readSettings, type Settings } from '../settings';
import { S } from '../strings';
import { isGeneratedTab } from '../tabs';
import { type Benchmarks, readBenchmarks } from './benchmarks';
import { type ClassMap, CONFIG_SHEETS, markFromScale, type PlanRow, readClasses, readPlan, readScale, type ScaleRow } from './config';
import { findResultsHeader, readResults } from './results';

/** The optional sheet that links participant codes across procedures (see analysis/linking.ts). */
export const CODES_SHEET = 'Соответствие кодов';

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
  problems: Problem[];
  sheets: SheetInfo[];
  /** Optional grids later stages read (teachers, benchmarks). */
  extra: Map<SheetKind, Grid>;
  /** Tabs an earlier run generated: never input, but some keep what users typed into them (roadmaps). */
  generated: Grid[];
  /** Rows of «Эталоны» (ФИС ОКО reports) tied to procedures. */
  benchmarks: Benchmarks;
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
  if (isGeneratedTab(grid.name)) return 'generated';
  if (SERVICE_SHEETS.has(n)) return 'service';
  return 'unknown';
}

export function readWorkbook(wb: Workbook): WorkbookData {
  const problems: Problem[] = [];
  const sheets: SheetInfo[] = [];
  const extra = new Map<SheetKind, Grid>();
  let settingsGrid: Grid | undefined;
  let classes: ClassMap | null = null;
  let plan: { sheet: string; rows: PlanRow[] } | null = null;
  let scale: { sheet: string; rows: ScaleRow[] } | null = null;
  const candidates: Grid[] = [];
  const generated: Grid[] = [];

  for (const grid of wb.grids) {
    const kind = classify(grid);
    if (kind === 'unknown') {
      candidates.push(grid);
      continue;
    }
    sheets.push({ name: grid.name, kind });
    if (kind === 'settings') settingsGrid = grid;
    else if (kind === 'classes') classes = readClasses(grid, problems);
    else if (kind === 'plan') plan = { sheet: grid.name, rows: readPlan(grid, problems) };
    else if (kind === 'scale') scale = { sheet: grid.name, rows: readScale(grid, problems) };
    else if (kind === 'teachers' || kind === 'benchmarks' || kind === 'codes') extra.set(kind, grid);
    else if (kind === 'generated') generated.push(grid);
  }
  const { settings, problems: settingProblems } = readSettings(settingsGrid);
  problems.push(...settingProblems);

  const procedures: Procedure[] = [];
  for (const grid of candidates) {
    const found = findResultsHeader(grid);
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
    const proc = readResults(grid, found, { workbookName: wb.name, classes }, problems);
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
    problems.push(problem('error', 'no-results', wb.name, S.noResultsSheets));
  }
  for (const p of procedures) {
    applyPlan(p, plan, problems);
    applyScale(p, scale, problems);
  }
  const benchmarks = readBenchmarks(extra.get('benchmarks'), procedures, problems);
  return { procedures, settings, problems, sheets, extra, generated, benchmarks };
}

function applyPlan(p: Procedure, plan: { sheet: string; rows: PlanRow[] } | null, problems: Problem[]): void {
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
        return;
      }
      for (const t of p.tasks) {
        const r = byId.get(t.id) as PlanRow;
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
      p.planSource = 'sheet';
      problems.push(problem('info', 'plan-used', p.sheet, S.planSheetUsed));
      return;
    }
  }
  const cat = findCatalog(p.meta.subject, p.meta.grade, p.tasks);
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
    problems.push(problem('info', 'catalog-used', p.sheet, S.catalogUsed(cat.id)));
    return;
  }
  if (p.planSource === 'file') problems.push(problem('info', 'levels-from-file', p.sheet, S.levelsFromFile));
  else if (p.tasks.some((t) => t.level === null)) problems.push(problem('warning', 'no-levels', p.sheet, S.noLevels));
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

function applyScale(p: Procedure, scale: { sheet: string; rows: ScaleRow[] } | null, problems: Problem[]): void {
  if (p.markSource === 'file') {
    p.cuts = inferCuts(p);
    return;
  }
  const row = scale?.rows.find(
    (r) =>
      (r.subject === undefined || r.subject === p.meta.subject) &&
      (r.grade === undefined || r.grade === p.meta.grade) &&
      (r.kind === undefined || r.kind === p.meta.kind),
  );
  if (!row) {
    problems.push(problem('warning', 'no-marks', p.sheet, S.noMarks));
    return;
  }
  for (const s of p.students) s.mark = markFromScale(s.total, row.cuts);
  p.markSource = 'scale';
  p.cuts = row.cuts;
  problems.push(problem('info', 'marks-from-scale', p.sheet, S.marksFromScale));
}

export { isGeneratedTab } from '../tabs';
