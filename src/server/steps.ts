// The steps the sidebar runs, as data, and what each reports afterwards. A step writes only its own
// tabs (the core's tab policy says which), all of them together or none (the previous tabs stay),
// so steps can run one by one and be stopped between.
import type { GroupStats, ProcedureAnalysis } from '../core/analysis/deficits';
import type { ObjectivitySign } from '../core/analysis/objectivity';
import { latestRound } from '../core/docs/context';
import { tableOf } from '../core/output/columns';
import { matrixTabName } from '../core/output/matrix';
import { shortLabels } from '../core/output/names';
import type { SheetSpec } from '../core/output/spec';
import { type AnalysisRun, runAnalysis } from '../core/pipeline';
import { S, T, UI } from '../core/strings';
import { type StepId, stepOfTab } from '../core/tabs';
import { type HighlightReport, stepPlan, type WriteReport } from '../core/write/plan';
import { UserFacingError } from '../sheets/errors';
import type { SpreadsheetRead } from '../sheets/read';
import { runAndWrite } from '../sheets/run';
import type { SpreadsheetLike } from '../sheets/surface';
import type { RoadmapFormInfo, StepInfo, SummaryBlock, SummaryItem, TabsReport } from './contract';

interface StepDef {
  id: StepId;
  /** Runs with parameters from a form (`runRoadmapStep`), never through `runStep`. */
  form?: boolean;
}

/**
 * Steps in the order the sidebar runs them; which tabs each one writes is the core's tab policy
 * (core/tabs.ts), and what it writes is `stepPlan` of the analysis plan (core/write/plan.ts).
 * A new step: its id in STEP_IDS (core/tabs.ts), a line here, its summary below.
 */
const STEPS: readonly StepDef[] = [
  { id: 'analysis' },
  { id: 'risk' },
  { id: 'objectivity' },
  // The roadmap tabs come from the core's roadmap command with the form's parameters (src/server/roadmap.ts).
  { id: 'roadmap', form: true },
];

/** Longest list a summary block shows before «…и ещё N». */
const MAX_ITEMS = 15;

export function availableSteps(): StepId[] {
  return STEPS.map((s) => s.id);
}

/** The step that owns a generated tab (null for the user's tabs). */
export { stepOfTab };

/** Steps that take parameters from a form: «Запустить» runs them only when the form is filled. */
export function needsForm(step: StepId): boolean {
  return STEPS.find((s) => s.id === step)?.form === true;
}

/**
 * `roadmapForm`: what the roadmap step's form offers (src/server/roadmap.ts); `timing`: what each step
 * usually takes here (src/server/first-run.ts), by default nothing known.
 */
export function stepInfos(
  existingTabs: readonly string[],
  roadmapForm: RoadmapFormInfo | null = null,
  timing: (id: StepId) => { expectedMs: number; measured: boolean } = () => ({ expectedMs: 0, measured: false }),
): StepInfo[] {
  return availableSteps().map((id) => ({
    id,
    title: UI.steps[id].title,
    description: UI.steps[id].description,
    tabs: existingTabs.filter((t) => stepOfTab(t) === id),
    form: id === 'roadmap' ? roadmapForm : null,
    ...timing(id),
  }));
}

export interface StepOutcome {
  run: AnalysisRun;
  read: SpreadsheetRead;
  /** null when the data has errors and nothing was written. */
  report: WriteReport | null;
  /** The specs this step wrote (or would have written). */
  tabs: SheetSpec[];
  /** Rows highlighted in the user's sheets, when the step does that. */
  highlights: HighlightReport | null;
}

/** Reads, analyses and writes one step's part of the analysis plan under the document lock. */
export function runStepAndWrite(ss: SpreadsheetLike, step: StepId): StepOutcome {
  const def = STEPS.find((s) => s.id === step);
  if (!def) throw new UserFacingError(UI.stepUnavailable(UI.steps[step].title));
  if (def.form) throw new UserFacingError(UI.roadmap.needsForm(UI.steps[step].title));
  const {
    result: run,
    read,
    report,
  } = runAndWrite(ss, (wb) => {
    const full = runAnalysis(wb);
    return { ...full, write: stepPlan(full.write, step) };
  });
  const tabs = run.tabs.filter((t) => stepOfTab(t.name) === step);
  return { run, read, report, tabs, highlights: report?.highlights ?? null };
}

// ---- summaries ----------------------------------------------------------------------------------

export const item = (
  text: string,
  tone: SummaryItem['tone'] = 'info',
  sheet: string | null = null,
  row: number | null = null,
): SummaryItem => ({
  text,
  tone,
  place: sheet ? { sheet, row, col: row === null ? null : 1 } : null,
});

export function capped(items: SummaryItem[]): SummaryItem[] {
  if (items.length <= MAX_ITEMS) return items;
  return [...items.slice(0, MAX_ITEMS), item(UI.summary.moreItems(items.length - MAX_ITEMS))];
}

/** 1-based row of a class's «% выполнения» row in its matrix (columns by id), or null. */
function summaryRow(spec: SheetSpec | undefined, g: GroupStats): number | null {
  const t = spec && tableOf(spec, 'matrix');
  const cls = t?.columns.className;
  const code = t?.columns.code;
  if (!spec || !t || cls === undefined || code === undefined) return null;
  const r = spec.values.findIndex((row, i) => i > t.header && row[cls] === g.name && row[code] === T.matrix.summaryMark);
  return r >= 0 ? r + 1 : null;
}

interface ClassLine {
  work: string;
  name: string;
  insufficient: number;
  tasks: number;
  mean: number;
  reliable: boolean;
  matrix: string | null;
  row: number | null;
}

/** Every class of every work, with its count of insufficiently done tasks and where its matrix row is. */
function classLines(run: AnalysisRun, tabs: readonly SheetSpec[]): ClassLine[][] {
  const labels = shortLabels(run.data.procedures);
  return run.analyses.map((a) => {
    const p = a.procedure;
    const label = labels.get(p);
    const matrix = label ? tabs.find((t) => t.name === matrixTabName(label)) : undefined;
    return a.groups
      .filter((g) => g.level === 'class')
      .map((g) => ({
        work: p.title,
        name: p.schools.length > 1 ? `${g.name} (${g.school})` : g.name,
        insufficient: g.status.filter((st) => st === 'insufficient').length,
        tasks: p.tasks.length,
        mean: g.meanCompletion,
        reliable: g.reliable,
        matrix: matrix?.name ?? null,
        row: summaryRow(matrix, g),
      }));
  });
}

function analysisBlocks(run: AnalysisRun, tabs: readonly SheetSpec[]): SummaryBlock[] {
  const lines = classLines(run, tabs);
  return run.analyses.map((a, i) => {
    const p = a.procedure;
    const summary = run.summary.procedures[i];
    const classes = (lines[i] ?? []).map((c) =>
      item(
        UI.summary.classLine(c.name, c.insufficient, c.tasks) + (c.reliable ? '' : UI.summary.unreliable),
        c.insufficient > 0 ? 'bad' : 'ok',
        c.matrix,
        c.row,
      ),
    );
    const matrix = lines[i]?.[0]?.matrix ?? null;
    return {
      title: p.title,
      items: [
        item(UI.summary.participants(p.students.length, p.absent.length), 'info', matrix),
        item(UI.summary.mean(summary?.meanCompletion ?? null)),
        ...capped(classes),
      ],
    };
  });
}

/**
 * The class to look at first, in the latest round of works (last year's ВПР and an autumn diagnostic
 * are history): of the reliable classes (all, when none is), the one with the largest
 * share of insufficiently done tasks, then the lowest mean completion. Shares are compared exactly
 * (a × d = c × b), never as floats.
 */
export function weakestClass(run: AnalysisRun, tabs: readonly SheetSpec[]): ClassLine | null {
  const round = new Set(latestRound(run));
  const all = classLines(run, tabs).flatMap((lines, i) => (round.has(run.analyses[i] as ProcedureAnalysis) ? lines : []));
  const pool = all.some((c) => c.reliable) ? all.filter((c) => c.reliable) : all;
  let best: ClassLine | null = null;
  for (const c of pool) {
    if (c.tasks === 0) continue;
    if (!best) {
      best = c;
      continue;
    }
    const lhs = c.insufficient * best.tasks;
    const rhs = best.insufficient * c.tasks;
    if (lhs > rhs || (lhs === rhs && c.mean < best.mean)) best = c;
  }
  return best;
}

function analysisNext(run: AnalysisRun, tabs: readonly SheetSpec[]): SummaryItem[] {
  const weakest = weakestClass(run, tabs);
  if (!weakest) return [];
  if (weakest.insufficient === 0) return [item(UI.summary.next.allGood, 'ok', S.tabs.byClass)];
  return [
    item(UI.summary.next.weakest(weakest.name, weakest.work, weakest.insufficient, weakest.tasks), 'bad', weakest.matrix, weakest.row),
  ];
}

function riskBlocks(run: AnalysisRun, _tabs: readonly SheetSpec[], outcome: StepOutcome): SummaryBlock[] {
  const atRisk = run.findings.atRisk;
  const byClass = new Map<string, number>();
  for (const p of atRisk) byClass.set(p.className, (byClass.get(p.className) ?? 0) + 1);
  const classes = [...byClass]
    .sort(([a], [b]) => a.localeCompare(b, 'ru', { numeric: true }))
    .map(([cls, n]) => item(UI.summary.atRiskClass(cls, n), 'warn'));
  const marked = outcome.highlights?.sheets ?? [];
  return [
    {
      title: S.tabs.risk,
      items: [
        item(UI.summary.atRisk(atRisk.length), atRisk.length > 0 ? 'warn' : 'ok', S.tabs.risk),
        ...capped(classes),
        ...(marked.length ? [item(UI.summary.highlighted(marked.join(', ')))] : []),
      ],
    },
  ];
}

/** A sign in words: who, how many of how many, what differs — no «≥ 40 %», no «уч.». */
export function signText(s: ObjectivitySign): string {
  const n = s.numbers;
  const num = (k: string) => n[k] ?? 0;
  const who = `${s.procedure.title}, ${s.group}`;
  let text: string;
  if (s.rule === 'lowered') text = UI.summary.sign.lowered(who, num('count'), num('of'), num('percent'));
  else if (s.rule === 'raised') text = UI.summary.sign.raised(who, num('count'), num('of'), num('percent'));
  else if (s.rule === 'highMarksLowCompletion') text = UI.summary.sign.highMarks(who, num('count'), num('of'), num('meanCompletion'));
  else {
    const peaks = [3, 4, 5]
      .filter((m) => n[`score${m}`] !== undefined)
      .map((m) => UI.summary.sign.peak(m, num(`score${m}`), num(`count${m}`)));
    text = UI.summary.sign.peaks(who, peaks.join('; '));
  }
  return text + (s.level === 'high' ? UI.summary.sign.high : '') + (s.reliable ? '' : UI.summary.sign.unreliable);
}

function objectivityBlocks(run: AnalysisRun): SummaryBlock[] {
  const signs = run.findings.objectivity;
  const lines = signs.map((s) => item(signText(s), s.level === 'high' ? 'bad' : 'warn'));
  // «Не найдено» only about what was checked: a procedure no rule could check says so instead.
  const check = run.summary.checks.find((c) => c.id === 'objectivity');
  const unchecked = (check?.notDone ?? []).map((x) => item(UI.summary.notChecked(x.procedure, x.reason), 'warn'));
  const checked = check?.done.length ?? 0;
  const head =
    signs.length > 0
      ? item(UI.summary.signs(signs.length), 'warn', S.tabs.objectivity)
      : checked === 0
        ? item(UI.summary.signsNotChecked, 'warn', S.tabs.objectivity)
        : item(unchecked.length > 0 ? UI.summary.signsNoneChecked(checked) : UI.summary.signs(0), 'ok', S.tabs.objectivity);
  return [{ title: S.tabs.objectivity, items: [head, ...unchecked, ...capped(lines)] }];
}

const STEP_BLOCKS: Record<StepId, (run: AnalysisRun, tabs: readonly SheetSpec[], outcome: StepOutcome) => SummaryBlock[]> = {
  analysis: analysisBlocks,
  risk: riskBlocks,
  objectivity: objectivityBlocks,
  // The roadmap step reports through roadmapBlocks (src/server/roadmap.ts): it does not run here.
  roadmap: () => [],
};

/** The tabs part of a step's result, as the sidebar's contract has it. */
export function tabsReport(report: WriteReport | null): TabsReport {
  return report ? { written: report.written, created: report.created, deleted: report.deleted } : { written: [], created: [], deleted: [] };
}

export function tabsBlock(report: WriteReport): SummaryBlock {
  const items = report.written.map((name) => item(name, 'info', name));
  if (report.written.length === 0) items.push(item(UI.summary.noTabs));
  if (report.created.length) items.push(item(UI.summary.created(report.created.join(', '))));
  if (report.deleted.length) items.push(item(UI.summary.deleted(report.deleted.join(', '))));
  return { title: UI.summary.tabs, items };
}

export function stepBlocks(step: StepId, outcome: StepOutcome): SummaryBlock[] {
  if (!outcome.report) return [];
  return [...STEP_BLOCKS[step](outcome.run, outcome.tabs, outcome), tabsBlock(outcome.report)];
}

/** «Что дальше» after a step: where to look first, as links. */
export function stepNext(step: StepId, outcome: StepOutcome): SummaryItem[] {
  if (!outcome.report) return [];
  const run = outcome.run;
  if (step === 'analysis') return analysisNext(run, outcome.tabs);
  if (step === 'risk' && run.findings.atRisk.length > 0)
    return [item(UI.summary.next.risk(run.findings.atRisk.length), 'warn', S.tabs.risk)];
  if (step === 'objectivity' && run.findings.objectivity.length > 0)
    return [item(UI.summary.next.signs(run.findings.objectivity.length), 'warn', S.tabs.objectivity)];
  return [];
}
