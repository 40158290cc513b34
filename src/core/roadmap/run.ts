// Roadmap generation as one pure function: the analysed workbook, a template and the roadmap's
// parameters in; the roadmap tab and the «Исполнение» dashboard (SheetSpecs) out. What users typed in
// an earlier version of the same roadmap tab (read from `data.generated`) is kept; on any error in the
// parameters, the template sheet or the old tab's keys, `ok` is false and nothing should be written.
import type { Grid, Workbook } from '../grid';
import { norm } from '../grid';
import { metaFromText } from '../input/meta';
import { buildExecutionTab, type RoadmapRange, roadmapRange } from '../output/execution';
import { buildRoadmapSpec, iomTabName, roadmapTabName } from '../output/roadmap';
import type { SheetSpec } from '../output/spec';
import { type AnalysisRun, runAnalysis } from '../pipeline';
import { fieldProblem, hasErrors, type Problem, problem } from '../problems';
import { S } from '../strings';
import { isRoadmapTab } from '../tabs';
import { emptyPlan, type WritePlan } from '../write/plan';
import { STATUS } from './columns';
import { type AcademicYear, academicYear, defaultAcademicYear, isIsoDate, iso, parseAcademicYear, ruDate } from './dates';
import {
  type AtRiskFinding,
  deficitFindings,
  gradeOfClass,
  type LevelTag,
  levelAllowed,
  matchesProcedure,
  type ObjectivityFinding,
  type TeacherAssignment,
} from './findings';
import { builtInTemplates, findTemplate } from './library';
import { type MergeStats, mergeRoadmap } from './merge';
import { adaptYears, planRoadmap, type RoadmapPlan } from './plan';
import { type RoadmapTabRead, readRoadmapTab } from './tab-read';
import { LEVEL_TAGS, type RoadmapTemplate } from './template-schema';
import { readTemplateSheet, TEMPLATE_SHEET } from './template-sheet';

/** `--template лист` (or «sheet»): the user's «Шаблон дорожной карты». */
export const SHEET_TEMPLATE_IDS = ['лист', 'sheet'];

export interface RoadmapRequest {
  /** A built-in template id, or «лист»/«sheet» for the template sheet. */
  template: string;
  /** 2025 (→ 2025/2026), «2025/2026»; empty: the year that follows the results date (`defaultAcademicYear`). */
  year: string | number;
  /** «ВПР-2026, математика, 5 класс». */
  procedure: string;
  /** 2026-05-15 or 15.05.2026. */
  resultsDate?: string;
  /** «НШ,ОШ» or ['НШ', 'ОШ']; empty = all levels. */
  levels?: string | string[];
  /** ISO; only for the summary's overdue list (the tab itself compares with TODAY()). */
  today?: string;
}

/** Findings other modules build; the host wires them in (tests use hand-made ones). */
export interface RoadmapExtras {
  atRisk?: AtRiskFinding[];
  objectivity?: ObjectivityFinding[];
  teachers?: TeacherAssignment[];
}

export interface RoadmapResult {
  ok: boolean;
  problems: Problem[];
  /**
   * Write in this order, each replacing the tab of the same name: the roadmap tab, its «ИОМ» tab when
   * the roadmap has per-student routes, then «Исполнение» (always last: its formulas refer to the others).
   */
  tabs: SheetSpec[];
  /** What to write: `tabs` replaced together, in that order (empty when refused). */
  write: WritePlan;
  tabName: string;
  /** The roadmap's «ИОМ» tab, when written. */
  iomTab?: string;
  template?: RoadmapTemplate;
  year?: AcademicYear;
  plan?: RoadmapPlan;
  merge?: MergeStats;
  /** The «ИОМ» tab's merge, when written. */
  iomMerge?: MergeStats;
  /** Activity rows in the active part of the new tab. */
  activities: number;
  /** Activities overdue at `today` (when given), in tab order. */
  overdue: { number: string; title: string; end: string; responsible: string }[];
  /** Every roadmap tab as it will be after writing (for the digest). */
  roadmaps: RoadmapTabRead[];
}

/** «2026-05-15» or «15.05.2026» → ISO; null when not a valid date. */
export function parseDateInput(s: string): string | null {
  const t = s.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const out = ru ? iso(Number(ru[3]), Number(ru[2]), Number(ru[1])) : t;
  return isIsoDate(out) ? out : null;
}

/** «НШ,ОШ» → ['НШ','ОШ']; null when a tag is unknown. */
export function parseLevels(v: string | string[] | undefined): LevelTag[] | null {
  const items = (Array.isArray(v) ? v : (v ?? '').split(/[,;\s]+/)).map((x) => x.trim()).filter((x) => x);
  const out: LevelTag[] = [];
  for (const x of items) {
    const tag = LEVEL_TAGS.find((t) => norm(t) === norm(x));
    if (!tag) return null;
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

function findGrid(grids: readonly Grid[], name: string): Grid | undefined {
  return grids.find((g) => norm(g.name) === norm(name));
}

/** A SheetSpec as a host would read it back: dates as Dates, formulas without a cached value. */
export function specToGrid(spec: SheetSpec): Grid {
  return {
    name: spec.name,
    values: spec.values.map((row) =>
      row.map((v) => {
        if (v === null || typeof v !== 'object') return v;
        if ('date' in v) {
          const [y, m, d] = v.date.split('-').map(Number);
          return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
        }
        return null;
      }),
    ),
  };
}

/**
 * The roadmap in named stages, each small enough to read and test on its own:
 *   1. `analysisGate`    — the analysis' errors stop the roadmap (except «no results»: template only);
 *   2. `parseRequest`    — the form's year, dates and levels;
 *   3. `resolveTemplate` — a built-in template or the user's «Шаблон дорожной карты»;
 *   4. the old versions of this roadmap tab and its «ИОМ» tab, whose keys must be intact (`readRoadmapTab`);
 *   5. `gatherFindings`  — deficits of the named procedure, at-risk students, objectivity signs;
 *   6. `planActivities`  — the template and the findings as dated rows (core/roadmap/plan.ts);
 *   7. `assembleTabs`    — what users typed carried over, the roadmap tab, its «ИОМ» tab and «Исполнение»;
 *   8. `overdueAt`       — the summary's overdue list.
 * Any stage's error stops the run with `ok` false: nothing is written.
 */
export function buildRoadmap(run: AnalysisRun, req: RoadmapRequest, givenExtras: RoadmapExtras = {}): RoadmapResult {
  const procedure = (req.procedure ?? '').replace(/\s+/g, ' ').trim();
  const tabName = roadmapTabName(procedure || S.roadmap.untitled);
  const result: RoadmapResult = {
    ok: false,
    problems: [],
    tabs: [],
    write: emptyPlan(),
    tabName,
    activities: 0,
    overdue: [],
    roadmaps: [],
  };
  const problems = result.problems;

  if (!analysisGate(run, tabName, problems)) return result;
  const params = parseRequest(req, procedure, tabName, problems);
  const { template, label: templateLabel } = resolveTemplate(req.template, run.data.generated, tabName, problems);
  const oldGrid = findGrid(run.data.generated, tabName);
  const old = oldGrid ? readRoadmapTab(oldGrid, problems) : null;
  const iomName = iomTabName(procedure || S.roadmap.untitled);
  const oldIomGrid = findGrid(run.data.generated, iomName);
  const oldIom = oldIomGrid ? readRoadmapTab(oldIomGrid, problems) : null;
  if (hasErrors(problems) || !template || !params) return result;
  result.template = template;
  result.year = params.year;

  const { filter, findings, teachers } = gatherFindings(run, procedure, params.levels, givenExtras, tabName, problems);
  const plan = planActivities({ template, templateLabel, params, procedure, filter, teachers, findings }, tabName, problems);
  if (!plan) return result;

  const { merged, spec, iom, roadmaps, execution } = assembleTabs(
    run,
    { tabName, iomName, procedure, templateLabel, params, plan, old, oldIom },
    problems,
  );
  const activeRows = activePart(merged.rows);
  result.ok = true;
  result.tabs = [spec, ...(iom ? [iom.spec] : []), execution];
  if (iom) {
    result.iomTab = iomName;
    result.iomMerge = iom.stats;
  }
  result.write = { ...emptyPlan(), replace: result.tabs };
  result.plan = plan;
  result.merge = merged.stats;
  result.roadmaps = roadmaps;
  result.activities = activeRows.filter((r) => r.kind === 'activity').length;
  if (params.today) result.overdue = overdueAt(activeRows, params.today);
  return result;
}

/** The form's parameters, checked. */
interface RoadmapParams {
  year: AcademicYear;
  resultsDate?: string;
  today?: string;
  levels: LevelTag[];
}

/** Stage 1: false when the analysis has errors other than «no results» (then they are the roadmap's problems). */
export function analysisGate(run: AnalysisRun, tabName: string, problems: Problem[]): boolean {
  const analysisErrors = run.problems.filter((p) => p.severity === 'error' && p.code !== 'no-results');
  if (analysisErrors.length > 0) {
    problems.push(...run.problems);
    return false;
  }
  problems.push(...run.problems.filter((p) => p.code !== 'no-results'));
  if (run.problems.some((p) => p.code === 'no-results')) problems.push(problem('info', 'roadmap-no-results', tabName, S.roadmap.noResults));
  return true;
}

/** Stage 2: the year, the dates and the levels; null (with an error naming its form field) when any is wrong. */
export function parseRequest(req: RoadmapRequest, procedure: string, _tabName: string, problems: Problem[]): RoadmapParams | null {
  const F = S.roadmap.fields;
  const err = (code: string, field: string, msg: string) => problems.push(fieldProblem('error', code, field, msg));
  if (!procedure) err('roadmap-procedure', F.procedure, S.roadmap.procedureMissing);
  const date = (value: string | undefined, code: string, field: string): string | undefined => {
    if (value === undefined || value.trim() === '') return undefined;
    const d = parseDateInput(value);
    if (!d) err(code, field, S.roadmap.dateBad(value));
    return d ?? undefined;
  };
  const resultsDate = date(req.resultsDate, 'roadmap-results-date', F.resultsDate);
  // No year given: the school year that follows the results date (spring results → next year's plan).
  const yearText = String(req.year ?? '').trim();
  const year = yearText === '' && resultsDate ? academicYear(defaultAcademicYear(resultsDate)) : parseAcademicYear(yearText);
  if (!year) err('roadmap-year', F.year, S.roadmap.yearBad(yearText));
  const today = date(req.today, 'roadmap-today', F.today);
  const levels = parseLevels(req.levels);
  if (levels === null) err('roadmap-levels', F.levels, S.roadmap.levelsBad(String(req.levels)));
  if (!procedure || !year || levels === null || hasErrors(problems)) return null;
  return { year, levels, ...(resultsDate ? { resultsDate } : {}), ...(today ? { today } : {}) };
}

/** Stage 3: the template — built-in, or the user's sheet — and how the tab names it. */
export function resolveTemplate(
  id: string,
  generated: readonly Grid[],
  tabName: string,
  problems: Problem[],
): { template: RoadmapTemplate | undefined; label: string } {
  const err = (code: string, msg: string) => problems.push(problem('error', code, tabName, msg));
  const tid = id.trim();
  if (SHEET_TEMPLATE_IDS.includes(norm(tid)) || norm(tid) === norm(TEMPLATE_SHEET)) {
    const grid = findGrid(generated, TEMPLATE_SHEET);
    if (!grid) {
      err('roadmap-template-sheet', S.roadmap.templateSheetMissing(TEMPLATE_SHEET));
      return { template: undefined, label: '' };
    }
    const read = readTemplateSheet(grid);
    problems.push(...read.problems);
    return { template: read.template, label: read.template ? S.roadmap.sheetTemplate(read.template.title, TEMPLATE_SHEET) : '' };
  }
  const template = findTemplate(tid);
  if (!template) {
    problems.push(
      fieldProblem(
        'error',
        'roadmap-template',
        S.roadmap.fields.template,
        S.roadmap.templateUnknown(
          tid,
          builtInTemplates().map((t) => t.shortTitle ?? t.title),
        ),
      ),
    );
    return { template: undefined, label: '' };
  }
  // Named by its title: internal ids never reach the user.
  return { template, label: `«${template.title}»` };
}

/** Stage 5: deficits from this run's analyses of the named procedure; the rest from the host or the run. */
export function gatherFindings(
  run: AnalysisRun,
  procedure: string,
  levels: LevelTag[],
  given: RoadmapExtras,
  tabName: string,
  problems: Problem[],
) {
  const filter = metaFromText(procedure);
  const named = filter.kind !== undefined || filter.year !== undefined || filter.subject !== undefined || filter.grade !== undefined;
  const analyses = named ? run.analyses.filter((a) => matchesProcedure(a, filter)) : run.analyses;
  if (named && analyses.length === 0 && run.analyses.length > 0) {
    problems.push(
      problem(
        'warning',
        'roadmap-procedure-not-found',
        tabName,
        S.roadmap.procedureNotFound(
          procedure,
          run.analyses.map((a) => a.procedure.title),
        ),
      ),
    );
  }
  const byLevel = <T extends { className: string }>(xs: T[] | undefined) =>
    (xs ?? []).filter((x) => levelAllowed(levels, gradeOfClass(x.className)));
  const fromRun = extrasFromRun(run, analyses);
  const teachers = given.teachers ?? fromRun.teachers;
  // Only the procedure's grade and subject («ВПР-2026, математика, 5 класс»: 5th-grade mathematics).
  const gradeOk = (name: string) => filter.grade === undefined || gradeOfClass(name) === null || gradeOfClass(name) === filter.grade;
  const subjectOk = (subjects: readonly string[] | undefined) =>
    filter.subject === undefined || !subjects || subjects.length === 0 || subjects.some((x) => norm(x) === norm(filter.subject as string));
  const findings = {
    deficits: deficitFindings(analyses, levels).filter((d) => gradeOk(d.className) && subjectOk([d.subject])),
    atRisk: byLevel(given.atRisk ?? fromRun.atRisk).filter((a) => gradeOk(a.className) && subjectOk(a.subjects)),
    objectivity: (given.objectivity ?? fromRun.objectivity).filter(
      (o) => levelAllowed(levels, gradeOfClass(o.group)) && gradeOk(o.group) && subjectOk(o.subject ? [o.subject] : undefined),
    ),
  };
  return { filter, findings, teachers };
}

/** Stage 6: the plan; null (with an error) when no activity is left for the chosen levels. */
function planActivities(
  input: {
    template: RoadmapTemplate;
    templateLabel: string;
    params: RoadmapParams;
    procedure: string;
    filter: ReturnType<typeof metaFromText>;
    teachers: TeacherAssignment[] | undefined;
    findings: Parameters<typeof planRoadmap>[1];
  },
  tabName: string,
  problems: Problem[],
): RoadmapPlan | null {
  const { template, templateLabel, params, procedure, filter, teachers, findings } = input;
  const plan = planRoadmap(
    {
      template,
      templateLabel,
      year: params.year,
      procedure,
      ...(params.resultsDate ? { resultsDate: params.resultsDate } : {}),
      levels: params.levels,
      ...(filter.subject ? { subject: filter.subject } : {}),
      ...(teachers ? { teachers } : {}),
      ...(params.today ? { today: params.today } : {}),
    },
    findings,
  );
  if (!plan.rows.some((r) => r.kind === 'activity')) {
    problems.push(
      problem('error', 'roadmap-no-activities', tabName, S.roadmap.noActivities(params.levels.join(', ') || S.roadmap.allLevels)),
    );
    return null;
  }
  if (plan.undated.size > 0) {
    const n = [...plan.undated.values()].reduce((a, b) => a + b, 0);
    problems.push(
      problem(
        'info',
        'roadmap-undated',
        tabName,
        S.roadmap.undatedInfo(n, [...plan.undated.keys()].map((p) => `«${p || S.roadmap.noDeadline}»`).join(', ')),
      ),
    );
  }
  if (plan.moved > 0 && plan.floor) {
    problems.push(problem('info', 'roadmap-moved', tabName, S.roadmap.movedInfo(plan.moved, ruDate(plan.floor))));
  }
  return plan;
}

/**
 * Stage 7: what users typed carried into the new rows, the roadmap tab, its «ИОМ» tab (per-student
 * routes, when there are any), and «Исполнение» over every roadmap tab of the workbook, in workbook
 * order, these included.
 */
function assembleTabs(
  run: AnalysisRun,
  input: {
    tabName: string;
    iomName: string;
    procedure: string;
    templateLabel: string;
    params: RoadmapParams;
    plan: RoadmapPlan;
    old: RoadmapTabRead | null;
    oldIom: RoadmapTabRead | null;
  },
  problems: Problem[],
) {
  const { tabName, iomName, procedure, params, plan, old, oldIom } = input;
  // Per-student routes live on the «ИОМ» tab. The first time, their marks come from the roadmap tab
  // where earlier versions kept them (so that moving them loses nothing).
  const iomKeys = new Set(plan.iomRows.map((r) => r.key));
  const movedOut = (t: RoadmapTabRead | null, keep: (key: string) => boolean): RoadmapTabRead | null =>
    t ? { ...t, rows: t.rows.filter((r) => keep(r.key)) } : null;
  const oldMain = oldIom ? old : movedOut(old, (k) => !iomKeys.has(k));
  const iomOld = oldIom ?? (old && plan.iomRows.length > 0 ? movedOut(old, (k) => iomKeys.has(k)) : null);
  const merged = mergeRoadmap(plan.rows, oldMain);
  const meta = S.roadmap.meta(
    adaptYears(input.templateLabel, plan.yearShift),
    params.year.label,
    ruDate(params.year.from),
    ruDate(params.year.to),
    params.resultsDate ? ruDate(params.resultsDate) : S.roadmap.noResultsDate,
    params.levels.length ? params.levels.join(', ') : S.roadmap.allLevels,
  );
  const spec = buildRoadmapSpec({ name: tabName, procedure, meta, merged });
  const fresh = readRoadmapTab(specToGrid(spec), []) as RoadmapTabRead;
  const iom = plan.iomRows.length > 0 || oldIom ? iomTab(iomName, tabName, procedure, meta, plan, iomOld) : null;
  const freshIom = iom ? (readRoadmapTab(specToGrid(iom.spec), []) as RoadmapTabRead) : null;
  const roadmaps: RoadmapTabRead[] = [];
  let placed = false;
  let placedIom = false;
  for (const g of run.data.generated) {
    if (!isRoadmapTab(g.name)) continue;
    if (norm(g.name) === norm(tabName)) {
      roadmaps.push(fresh);
      placed = true;
      continue;
    }
    if (freshIom && norm(g.name) === norm(iomName)) {
      roadmaps.push(freshIom);
      placedIom = true;
      continue;
    }
    const read = readRoadmapTab(g, []);
    if (read) roadmaps.push(read);
    else problems.push(problem('warning', 'roadmap-other-unreadable', g.name, S.roadmap.otherRoadmapSkipped(g.name)));
  }
  if (!placed) roadmaps.push(fresh);
  if (freshIom && !placedIom) roadmaps.splice(roadmaps.indexOf(fresh) + 1, 0, freshIom);
  const ranges: RoadmapRange[] = roadmaps.map(roadmapRange).filter((r): r is RoadmapRange => r !== null);
  return { merged, spec, iom, roadmaps, execution: buildExecutionTab(ranges) };
}

/** The «ИОМ» tab: one section row, then the per-student routes, with what users typed kept by key. */
function iomTab(name: string, tabName: string, procedure: string, meta: string, plan: RoadmapPlan, old: RoadmapTabRead | null) {
  const section = {
    ...plan.iomRows[0],
    kind: 'section' as const,
    key: 'sec:iom',
    source: 'at-risk' as const,
    number: '',
    stage: '',
    title: S.roadmap.iomSection(tabName),
    participants: '',
    responsible: '',
    result: '',
    documentFormat: '',
    start: null,
    end: null,
    deadlineText: '',
    phrase: '',
  };
  const merged = mergeRoadmap([section, ...plan.iomRows], old);
  return { spec: buildRoadmapSpec({ name, procedure, meta, merged, title: S.roadmap.iomTitle(procedure) }), stats: merged.stats };
}

/** The rows above the archive block: the roadmap as it stands. */
function activePart<R extends { kind: string; block?: string }>(rows: readonly R[]): readonly R[] {
  const archiveAt = rows.findIndex((r) => r.kind === 'block' && r.block === 'archive');
  return archiveAt < 0 ? rows : rows.slice(0, archiveAt);
}

/** Stage 8: activities past their deadline at `today` and neither done nor cancelled (nor without a status). */
export function overdueAt(rows: readonly ReturnType<typeof mergeRoadmap>['rows'][number][], today: string): RoadmapResult['overdue'] {
  const closed = new Set([norm(STATUS.done), norm(STATUS.cancelled)]);
  const out: RoadmapResult['overdue'] = [];
  for (const r of rows) {
    const p = r.planned;
    const status = String(r.user.status ?? '');
    if (p?.kind !== 'activity' || !p.end || p.end >= today) continue;
    if (closed.has(norm(status)) || status === '') continue;
    out.push({ number: p.number, title: p.title, end: p.end, responsible: p.responsible });
  }
  return out;
}

/** The analysis and the roadmap in one call, for hosts that have just read the workbook. */
/**
 * The findings of the analysis that concern the roadmap's procedures: at-risk students flagged by
 * them (one ИОМ row each), their objectivity signs (one check each) and the teachers of the classes.
 */
export function extrasFromRun(run: AnalysisRun, analyses: readonly AnalysisRun['analyses'][number][]): Required<RoadmapExtras> {
  const procs = new Set(analyses.map((a) => a.procedure));
  const subjects = new Set(analyses.map((a) => a.procedure.meta.subject));
  const f = run.findings;
  const atRisk: AtRiskFinding[] = f.atRisk
    .filter((p) => p.reasons.some((r) => (r.procedure ? procs.has(r.procedure) : p.subjects.some((x) => subjects.has(x)))))
    .map((p) => ({ code: p.code, className: p.className, school: p.school, reasons: p.reasons.map((r) => r.text), subjects: p.subjects }));
  const objectivity: ObjectivityFinding[] = f.objectivity
    .filter((x) => procs.has(x.procedure))
    .map((x) => {
      const o: ObjectivityFinding = {
        group: x.group,
        text: `${x.procedure.title}: ${x.text}${x.reliable ? '' : S.roadmap.unreliable}`,
        kind: `${x.rule}|${x.groupLevel}`,
        subject: x.procedure.meta.subject,
      };
      if (x.teacher) o.teacher = x.teacher;
      return o;
    });
  const teachers: TeacherAssignment[] = (f.teachers?.rows ?? []).map((r) => ({
    className: r.className,
    subject: r.subject,
    teacher: r.teacher,
  }));
  return { atRisk, objectivity, teachers };
}

export function runRoadmap(wb: Workbook, req: RoadmapRequest, extras: RoadmapExtras = {}): RoadmapResult {
  return buildRoadmap(runAnalysis(wb), req, extras);
}
