// The write plan: everything a run asks a host to change, computed in the core, which knows every
// tab name. Every run returns one — the analysis (`runAnalysis`), each sidebar step (`stepPlan`),
// the roadmap (`runRoadmap`) and, later, the documents run — and each host applies it with the
// one `applyPlan` (./apply.ts) through its own `PlanWriter`:
//   - Google Sheets: src/sheets/writer.ts (SpreadsheetApp, under the document lock);
//   - .xlsx files:   src/local/writer.ts (ExcelJS today; the lossless package writer later).
// A plan is plain data: a host never decides what to write, only how.
import type { SheetHighlight } from '../output/highlight';
import type { SheetSpec } from '../output/spec';
import { type StepId, stepOfTab } from '../tabs';
import type { DocSpec } from './documents';

export type { DocSpec } from './documents';

export interface WritePlan {
  /**
   * Generated tabs to replace whole, in this order (a new one goes last). All or none: a host builds
   * every one of them aside and swaps only complete tabs in, so a failure leaves the previous tabs.
   * A tab that exists keeps its identity where the host can (Sheets: the same sheet id), so users'
   * formulas and links pointing at it survive. Formulas of a later tab may name an earlier one.
   */
  replace: SheetSpec[];
  /** Tabs created only when missing and never overwritten (the user's «Настройки ОКО»). */
  ensure: SheetSpec[];
  /** Generated tabs to delete after the replacements: an earlier run made them, this one did not. */
  remove: string[];
  /**
   * Conditional-format rules for the user's own results sheets (at-risk rows). The host removes
   * every rule ОКО added earlier (`isOkoHighlightFormula`), on every sheet, then adds these after the
   * user's own rules. null: leave highlights untouched; []: only remove ours.
   */
  highlights: SheetHighlight[] | null;
  /** Documents to make (src/core/docs). Empty until that feature lands; a host without documents refuses a non-empty list. */
  documents: DocSpec[];
}

/** What a host reports after applying a plan: names as the user sees them. */
export interface WriteReport {
  /** Tabs replaced or created by `replace`, in plan order. */
  written: string[];
  /** Tabs `ensure` created (they were missing). */
  created: string[];
  /** Tabs `remove` deleted (those that existed). */
  deleted: string[];
  /** null when the plan left highlights untouched. */
  highlights: HighlightReport | null;
  /** Documents made, by name. */
  documents: string[];
}

export interface HighlightReport {
  /** ОКО's rules removed (from every sheet). */
  removed: number;
  added: number;
  /** Sheets that carry ОКО's rules now. */
  sheets: string[];
}

/**
 * What each host implements, once. `applyPlan` calls these in a fixed order (see ./apply.ts); every
 * method either does its whole job or throws, leaving what it had not started untouched.
 */
export interface PlanWriter {
  /** Before anything else: remove what an interrupted earlier write left behind (Sheets: «~ОКО~» temporary tabs). */
  prepare(): void;
  /** Creates the tab when no tab of that name exists; true when it did. */
  ensureTab(spec: SheetSpec): boolean;
  /** Replaces (or creates) every tab of `specs`, all or none — see `WritePlan.replace`. */
  replaceTabs(specs: readonly SheetSpec[]): void;
  /** Deletes the tab when it exists; true when it did. */
  removeTab(name: string): boolean;
  /** Removes ОКО's highlight rules from every user sheet, then adds `highlights`. */
  setHighlights(highlights: readonly SheetHighlight[]): HighlightReport;
  /** Makes the documents; absent on hosts that cannot (yet). */
  writeDocuments?(documents: readonly DocSpec[]): string[];
}

export function emptyPlan(): WritePlan {
  return { replace: [], ensure: [], remove: [], highlights: null, documents: [] };
}

/**
 * The part of a full analysis plan that one sidebar step writes: its own tabs (tabs.ts says which),
 * the stale tabs it owns, the settings tab when missing (whichever step runs first creates it), and
 * the highlights only for the step that owns «Группа риска».
 */
export function stepPlan(plan: WritePlan, step: StepId): WritePlan {
  return {
    replace: plan.replace.filter((t) => stepOfTab(t.name) === step),
    ensure: plan.ensure,
    remove: plan.remove.filter((n) => stepOfTab(n) === step),
    highlights: step === 'risk' ? plan.highlights : null,
    documents: [],
  };
}
