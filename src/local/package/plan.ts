// What a run asks the host to write: the same shape as the core's write plan (issue 13), so the
// lossless writer plugs into `applyPlan` when the two branches meet.
import type { SheetHighlight } from '../../core/output/highlight';
import type { SheetSpec } from '../../core/output/spec';

export interface WritePlan {
  /** Generated tabs, in order: replaced whole (same position), or added at the end. */
  replace: readonly SheetSpec[];
  /** Added only when no sheet of that name exists (the user's settings). */
  ensure: readonly SheetSpec[];
  /** Stale generated tabs to delete. */
  remove: readonly string[];
  /** At-risk highlight rules for the user's sheets: ours are replaced by these; null leaves them alone. */
  highlights: readonly SheetHighlight[] | null;
  /** Documents (issue 14): not written by the package writer. */
  documents?: unknown;
}

export interface WriteReport {
  /** Tabs replaced or added from `replace`. */
  written: string[];
  /** Tabs added from `ensure`. */
  created: string[];
  removed: string[];
  highlights: { removed: number; added: number };
}
