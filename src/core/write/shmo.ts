// The ШМО view as a run: the analysis, as every run does it, then a plan that replaces only the
// person's own tab («ШМО · …»). Nothing else is in the plan — no shared tab, no highlight, no
// settings tab — so what other users see of the file does not change. Both hosts apply it with the
// one `applyPlan`: Google Sheets (src/server/filters.ts) and `oko shmo` (src/local/commands/shmo.ts).
import type { Workbook } from '../grid';
import { buildShmoView, isEmptyChoice, type ShmoChoice, type ShmoSection, shmoContext, shmoTabNames } from '../output/shmo-view';
import { type AnalysisRun, runAnalysis } from '../pipeline';
import type { Problem } from '../problems';
import { emptyPlan, type WritePlan } from './plan';

export interface ShmoRun {
  /** false: the data has errors, or nothing was chosen; nothing is written. */
  ok: boolean;
  problems: Problem[];
  /** The view's tabs written (or, refused, the ones it would have). */
  tabs: string[];
  sections: ShmoSection[];
  write: WritePlan;
  run: AnalysisRun | null;
}

/** Builds the person's view from a fresh analysis of the workbook; writes that tab only. */
/**
 * Builds the person's view from a fresh analysis of the workbook: replaces its tabs that have rows,
 * removes an earlier version of the one that has none now.
 */
export function runShmoView(wb: Workbook, choice: ShmoChoice): ShmoRun {
  const tabs = shmoTabNames(choice);
  if (isEmptyChoice(choice)) return { ok: false, problems: [], tabs, sections: [], write: emptyPlan(), run: null };
  const run = runAnalysis(wb);
  if (!run.ok) return { ok: false, problems: run.problems, tabs, sections: [], write: emptyPlan(), run };
  const view = buildShmoView(run.tabs, choice, shmoContext(run.data));
  const write: WritePlan = { ...emptyPlan(), replace: view.specs, remove: view.empty };
  return { ok: true, problems: run.problems, tabs: view.specs.map((s) => s.name), sections: view.sections, write, run };
}

/** Removes the person's view tabs (those that exist); nothing else. */
export function removeShmoView(choice: ShmoChoice): { ok: true; write: WritePlan } {
  return { ok: true, write: { ...emptyPlan(), remove: shmoTabNames(choice) } };
}
