// The whole analysis as one pure function: workbook in, output tabs (as SheetSpecs) and the write
// plan out. Hosts apply `plan` with the one `applyPlan` (core/write/apply.ts).
import { type ProcedureChecks, procedureChecks, type RunChecks, runChecks } from './analysis/checks';
import { analyseDeficits, type ProcedureAnalysis } from './analysis/deficits';
import { analyseFindings, emptyFindings, type Findings, prepareFindings } from './analysis/findings';
import { buildExport } from './export/build';
import type { OkoExport } from './export/schema';
import type { Workbook } from './grid';
import { benchmarksOf } from './input/benchmarks';
import { readWorkbook, type SheetInfo, type WorkbookData } from './input/workbook';
import { isGia, type Procedure } from './model';
import { buildByClass } from './output/by-class';
import { buildDynamicsTab } from './output/dynamics';
import { buildGiaScalesTab } from './output/gia-scales-tab';
import { buildHighlights } from './output/highlight';
import { buildMatrix } from './output/matrix';
import { shortLabels } from './output/names';
import { buildObjectivityTab } from './output/objectivity';
import { buildRiskTab } from './output/risk';
import { buildSettingsTab } from './output/settings-tab';
import type { SheetSpec } from './output/spec';
import { buildDistributionTab } from './output/stats-distribution';
import { buildMarkStats } from './output/stats-marks';
import { buildTasksByMark } from './output/stats-tasks';
import { withUserInput } from './output/user-columns';
import { hasErrors, type Problem } from './problems';
import { staleGeneratedTabs } from './tabs';
import { emptyPlan, type WritePlan } from './write/plan';

export interface ProcedureSummary {
  title: string;
  sheet: string;
  participants: number;
  absent: number;
  meanCompletion: number | null;
  /** Per class: how many tasks are insufficient. */
  classes: { name: string; participants: number; insufficient: number; reliable: boolean }[];
  /** Per check: null when it ran, else why not («не проверено: …» in every summary). */
  checks: ProcedureChecks;
}

export interface RunSummary {
  procedures: ProcedureSummary[];
  sheets: SheetInfo[];
  errors: number;
  warnings: number;
  /**
   * Which checks ran for which procedures, and why not for the others: a summary never says «не найдено»
   * about a check it did not make (e.g. objectivity without marks).
   */
  checks: RunChecks[];
}

export interface AnalysisRun {
  ok: boolean;
  data: WorkbookData;
  problems: Problem[];
  analyses: ProcedureAnalysis[];
  /** Generated tabs, in the order users see them (empty when the input has errors). */
  tabs: SheetSpec[];
  summary: RunSummary;
  /** At-risk students, objectivity signs, dynamics (empty when the input has errors). */
  findings: Findings;
  /**
   * What to write: `tabs` replaced, the settings tab ensured, stale generated tabs removed, the
   * at-risk highlights (core/output/highlight.ts). Empty when the input has errors: nothing is written.
   */
  write: WritePlan;
}

/** What every tab builder gets: the workbook as read, its settings and the deficit analysis. */
export interface RunContext {
  data: WorkbookData;
  settings: WorkbookData['settings'];
  analyses: ProcedureAnalysis[];
  /** Short unique labels of procedures («МА 5»), for tab names. */
  labels: Map<Procedure, string>;
  findings: Findings;
}

/**
 * The generated tabs, in the order users see them. Each feature adds one builder here; a builder
 * returns its tabs (or none when it has nothing to say).
 */
const TAB_BUILDERS: ((ctx: RunContext) => SheetSpec[])[] = [
  (ctx) =>
    ctx.analyses.map((a) =>
      buildMatrix(a, ctx.labels.get(a.procedure) as string, ctx.settings, benchmarksOf(ctx.data.benchmarks, a.procedure).tasks),
    ),
  (ctx) => [buildByClass(ctx.analyses, ctx.settings)],
  (ctx) => [buildMarkStats(ctx.analyses, ctx.labels, ctx.settings, ctx.data.benchmarks)],
  (ctx) => [buildDistributionTab(ctx.analyses, ctx.labels, ctx.settings)],
  (ctx) => [buildTasksByMark(ctx.analyses, ctx.settings, ctx.data.benchmarks)],
  (ctx) => [
    buildRiskTab(
      ctx.findings.atRisk,
      ctx.labels,
      ctx.settings,
      ctx.findings.teachers,
      new Set(ctx.findings.links.persons.map((p) => p.school)).size > 1,
    ),
  ],
  (ctx) => [buildDynamicsTab(ctx.findings.dynamics, ctx.findings.links, ctx.settings)],
  (ctx) => [buildObjectivityTab(ctx.findings.objectivityGroups, ctx.data.teachers !== null, ctx.settings)],
];

export function runAnalysis(wb: Workbook): AnalysisRun {
  const data = readWorkbook(wb);
  const { value: prepared, problems: linkProblems } = prepareFindings(data);
  const problems = [...data.problems, ...linkProblems];
  const ok = !hasErrors(problems);
  const analyses = ok ? data.procedures.map((p) => analyseDeficits(p, data.settings)) : [];
  const findings = ok ? analyseFindings(prepared, analyses, data.settings) : emptyFindings(prepared.links);
  const tabs: SheetSpec[] = [];
  if (ok) {
    const ctx: RunContext = { data, settings: data.settings, analyses, labels: shortLabels(data.procedures), findings };
    // Tabs with user columns get back what users typed into their previous version (user-columns.ts).
    for (const build of TAB_BUILDERS) tabs.push(...build(ctx).map((spec) => withUserInput(spec, data.generated)));
  }
  return {
    ok,
    data,
    problems,
    analyses,
    tabs,
    summary: summarize(data, analyses, problems),
    findings,
    write: ok ? analysisPlan(wb, data, tabs, findings) : emptyPlan(),
  };
}

/** Every generated tab replaced, the settings tab created when missing, stale tabs removed, at-risk rows highlighted. */
function analysisPlan(wb: Workbook, data: WorkbookData, tabs: SheetSpec[], findings: Findings): WritePlan {
  const hasSettings = data.sheets.some((s) => s.kind === 'settings');
  // «Шкалы ГИА» is created once, when the workbook has an ОГЭ/ЕГЭ/ГВЭ procedure (input/gia-scales.ts).
  const needsGiaScales = data.giaScales === null && data.procedures.some(isGia);
  return {
    replace: tabs,
    ensure: [...(hasSettings ? [] : [buildSettingsTab(data.settings)]), ...(needsGiaScales ? [buildGiaScalesTab()] : [])],
    remove: staleGeneratedTabs(
      wb.grids.map((g) => g.name),
      tabs,
    ),
    highlights: buildHighlights(wb, data.procedures, findings.atRisk),
    documents: [],
  };
}

export function exportJson(run: AnalysisRun, source: string): OkoExport {
  return buildExport(source, run.analyses, run.data.settings, run.problems, run.findings);
}

function summarize(data: WorkbookData, analyses: ProcedureAnalysis[], problems: readonly Problem[]): RunSummary {
  return {
    procedures: analyses.map((a) => {
      const school = a.groups.filter((g) => g.level === 'school');
      const n = school.reduce((s, g) => s + g.participants, 0);
      const mean = n > 0 ? school.reduce((s, g) => s + g.meanCompletion * g.participants, 0) / n : null;
      return {
        title: a.procedure.title,
        sheet: a.procedure.sheet,
        participants: a.procedure.students.length,
        absent: a.procedure.absent.length,
        meanCompletion: mean,
        classes: a.groups
          .filter((g) => g.level === 'class')
          .map((g) => ({
            name: a.procedure.schools.length > 1 ? `${g.name} (${g.school})` : g.name,
            participants: g.participants,
            insufficient: g.status.filter((s) => s === 'insufficient').length,
            reliable: g.reliable,
          })),
        checks: procedureChecks(a.procedure),
      };
    }),
    sheets: data.sheets,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    checks: runChecks(analyses.map((a) => a.procedure)),
  };
}
