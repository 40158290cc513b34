// What the lossless package writer is asked to write, and what it reports. Runs reach it through the
// one `applyPlan` (../writer.ts); `oko aggregate` hands it the district's tabs directly.
import type { WritePlan as CorePlan } from '../../core/write/plan';

/** What the package writer writes: the core's write plan (core/write/plan.ts); documents are made elsewhere. */
export type WritePlan = Pick<CorePlan, 'replace' | 'ensure' | 'remove' | 'highlights'>;

export interface WriteReport {
  /** Tabs replaced or added from `replace`. */
  written: string[];
  /** Tabs added from `ensure`. */
  created: string[];
  removed: string[];
  highlights: { removed: number; added: number };
}
