// The ШМО view as a run: the analysis, as every run does it, then a plan that replaces only the
// person's own tab («ШМО · …»). Nothing else is in the plan — no shared tab, no highlight, no
// settings tab — so what other users see of the file does not change. Both hosts apply it with the
// one `applyPlan`: Google Sheets (src/server/filters.ts) and `oko shmo` (src/local/commands/shmo.ts).
import type { Workbook } from '../grid';
import { buildShmoView, isEmptyChoice, type ShmoChoice, type ShmoSection, shmoContext, shmoTabName } from '../output/shmo-view';
import { type AnalysisRun, runAnalysis } from '../pipeline';
import type { Problem } from '../problems';
import { emptyPlan, type WritePlan } from './plan';

export interface ShmoRun {
  /** false: the data has errors, or nothing was chosen; nothing is written. */
  ok: boolean;
  problems: Problem[];
  /** The view's tab name. */
  tab: string;
  sections: ShmoSection[];
  write: WritePlan;
  run: AnalysisRun | null;
}

/** Builds the person's view from a fresh analysis of the workbook; writes that tab only. */
export function runShmoView(wb: Workbook, choice: ShmoChoice): ShmoRun {
  const tab = shmoTabName(choice);
  if (isEmptyChoice(choice)) return { ok: false, problems: [], tab, sections: [], write: emptyPlan(), run: null };
  const run = runAnalysis(wb);
  if (!run.ok) return { ok: false, problems: run.problems, tab, sections: [], write: emptyPlan(), run };
  const view = buildShmoView(run.tabs, choice, shmoContext(run.data));
  return { ok: true, problems: run.problems, tab, sections: view.sections, write: { ...emptyPlan(), replace: [view.spec] }, run };
}

/** Removes the person's view (when it exists); nothing else. */
export function removeShmoView(choice: ShmoChoice): { ok: true; write: WritePlan } {
  return { ok: true, write: { ...emptyPlan(), remove: [shmoTabName(choice)] } };
}
