// The steps the sidebar runs, as data: which generated tabs each step owns, whether the core already
// makes them, and what the step reports afterwards. A step writes only its own tabs, all of them
// together or none (the previous tabs stay), so steps can run one by one and be stopped between.
// A new step plugs in here: add its id to STEP_IDS (contract.ts), its tabs and its summary below.
import type { GroupStats } from '../core/analysis/deficits';
import { norm } from '../core/grid';
import { matrixTabName, SUMMARY_MARK } from '../core/output/matrix';
import { shortLabels } from '../core/output/names';
import type { SheetSpec } from '../core/output/spec';
import { isGeneratedTab, isRoadmapOwned } from '../core/output/tabs';
import { type AnalysisRun, runAnalysis, staleGeneratedTabs } from '../core/pipeline';
import { S, UI } from '../core/strings';
import { type WriteReport, writeTabs } from '../sheets/apply';
import { UserFacingError } from '../sheets/errors';
import { applyHighlights, type HighlightReport } from '../sheets/highlights';
import { withDocumentLock } from '../sheets/lock';
import { readSpreadsheet, type SpreadsheetRead } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';
import type { RoadmapFormInfo, StepId, StepInfo, SummaryBlock, SummaryItem } from './contract';

interface StepDef {
  id: StepId;
  /** Generated tabs this step writes (the analysis step owns every generated tab no other step claims). */
  owns: (tab: string) => boolean;
  /** The core makes this step's tabs: offered in the sidebar. */
  wired: () => boolean;
  /** Also (re)highlights at-risk rows in the user's results sheets. */
  highlights?: boolean;
  /** Runs with parameters from a form (`runRoadmapStep`), never through `runStep`. */
  form?: boolean;
}

const named = (...names: string[]) => {
  const set = new Set(names.map(norm));
  return (tab: string) => set.has(norm(tab));
};

/** Steps in the order the sidebar runs them. A new step: its id in STEP_IDS, a line here, its summary below. */
const STEPS: readonly StepDef[] = [
  { id: 'analysis', owns: () => true, wired: () => true },
  { id: 'risk', owns: named(S.tabs.risk, S.tabs.dynamics), wired: () => isGeneratedTab(S.tabs.risk), highlights: true },
  { id: 'objectivity', owns: named(S.tabs.objectivity), wired: () => isGeneratedTab(S.tabs.objectivity) },
  // The roadmap tabs come from the core's roadmap command with the form's parameters (src/server/roadmap.ts).
  { id: 'roadmap', owns: isRoadmapOwned, wired: () => true, form: true },
];

/** Longest list a summary block shows before «…и ещё N». */
const MAX_ITEMS = 15;

export function availableSteps(): StepId[] {
  return STEPS.filter((s) => s.wired()).map((s) => s.id);
}

/** The step that owns a generated tab (null for the user's tabs). */
export function stepOfTab(name: string): StepId | null {
  if (!isGeneratedTab(name)) return null;
  const specific = STEPS.find((s) => s.id !== 'analysis' && s.owns(name));
  // A tab of a step not offered yet is written with the analysis, so that no generated tab is left
  // unwritten; roadmap tabs are never the analysis's (they hold what users typed).
  return specific && (specific.wired() || specific.id === 'roadmap') ? specific.id : 'analysis';
}

/** Steps that take parameters from a form: «Запустить» runs them only when the form is filled. */
export function needsForm(step: StepId): boolean {
  return STEPS.find((s) => s.id === step)?.form === true;
}

/** `roadmapForm`: what the roadmap step's form offers (src/server/roadmap.ts). */
export function stepInfos(existingTabs: readonly string[], roadmapForm: RoadmapFormInfo | null = null): StepInfo[] {
  return availableSteps().map((id) => ({
    id,
    title: UI.steps[id].title,
    description: UI.steps[id].description,
    tabs: existingTabs.filter((t) => stepOfTab(t) === id),
    form: id === 'roadmap' ? roadmapForm : null,
  }));
}

export interface StepOutcome {
  run: AnalysisRun;
  read: SpreadsheetRead;
  /** null when the data has errors and nothing was written. */
  report: WriteReport | null;
  /** The specs this step wrote. */
  tabs: SheetSpec[];
  /** Rows highlighted in the user's sheets, when the step does that. */
  highlights: HighlightReport | null;
}

/** Reads, analyses and writes one step's tabs under the document lock. */
export function runStepAndWrite(ss: SpreadsheetLike, step: StepId): StepOutcome {
  const def = STEPS.find((s) => s.id === step);
  if (!def?.wired()) throw new UserFacingError(UI.stepUnavailable(UI.steps[step].title));
  if (def.form) throw new UserFacingError(UI.roadmap.needsForm(UI.steps[step].title));
  return withDocumentLock(() => {
    const read = readSpreadsheet(ss);
    const run = runAnalysis(read.workbook);
    const tabs = run.tabs.filter((t) => stepOfTab(t.name) === step);
    if (!run.ok) return { run, read, report: null, tabs, highlights: null };
    const stale = staleGeneratedTabs(read.tabs.names(), run).filter((n) => stepOfTab(n) === step);
    // Whichever step runs first creates the user's settings sheet when it is missing.
    const report = writeTabs(ss, { tabs, ensureTabs: run.ensureTabs, stale }, read);
    // After the tabs: the highlight rules look codes up on «Группа риска».
    const highlights = def.highlights ? applyHighlights(read.tabs, run.highlights) : null;
    return { run, read, report, tabs, highlights };
  });
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

/** 1-based row of a class's «% выполнения» row in its matrix, or null. */
function summaryRow(spec: SheetSpec | undefined, g: GroupStats): number | null {
  if (!spec) return null;
  const r = spec.values.findIndex((row) => row[0] === g.name && row[1] === SUMMARY_MARK);
  return r >= 0 ? r + 1 : null;
}

function analysisBlocks(run: AnalysisRun, tabs: readonly SheetSpec[]): SummaryBlock[] {
  const labels = shortLabels(run.data.procedures);
  return run.analyses.map((a, i) => {
    const p = a.procedure;
    const label = labels.get(p);
    const matrix = label ? tabs.find((t) => t.name === matrixTabName(label)) : undefined;
    const summary = run.summary.procedures[i];
    const classes = a.groups
      .filter((g) => g.level === 'class')
      .map((g) => {
        const insufficient = g.status.filter((s) => s === 'insufficient').length;
        const name = p.schools.length > 1 ? `${g.name} (${g.school})` : g.name;
        const text = UI.summary.classLine(name, insufficient, p.tasks.length) + (g.reliable ? '' : UI.summary.unreliable);
        return item(text, insufficient > 0 ? 'bad' : 'ok', matrix?.name ?? null, summaryRow(matrix, g));
      });
    return {
      title: p.title,
      items: [
        item(UI.summary.participants(p.students.length, p.absent.length), 'info', matrix?.name ?? null),
        item(UI.summary.mean(summary?.meanCompletion ?? null)),
        ...capped(classes),
      ],
    };
  });
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

function objectivityBlocks(run: AnalysisRun): SummaryBlock[] {
  const signs = run.findings.objectivity;
  const lines = signs.map((s) => item(`${s.procedure.title}, ${s.group}: ${s.text}`, s.level === 'high' ? 'bad' : 'warn'));
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
