// Writes a finished analysis: the user's settings tab only if missing, the generated tabs replaced
// together (all or none), then tabs of an earlier run that this run no longer produces are deleted.
import type { SheetSpec } from '../core/output/spec';
import { staleGeneratedTabs } from '../core/pipeline';
import type { SpreadsheetRead } from './read';
import type { SpreadsheetLike } from './surface';
import { deleteStale, ensureSpec, replaceTabs } from './write';

export interface WriteReport {
  written: string[];
  created: string[];
  deleted: string[];
}

export interface WritePlan {
  /** Replaced whole, together. */
  tabs: readonly SheetSpec[];
  /** Created only when missing. */
  ensureTabs: readonly SheetSpec[];
  /** Generated tabs to delete once the new ones are in place. */
  stale: readonly string[];
}

export function writeTabs(ss: SpreadsheetLike, plan: WritePlan, read: SpreadsheetRead): WriteReport {
  const { tabs } = read;
  deleteStale(ss, read.leftovers, tabs);
  const created: string[] = [];
  for (const spec of plan.ensureTabs) if (ensureSpec(ss, spec, tabs)) created.push(spec.name);
  replaceTabs(ss, plan.tabs, tabs);
  const deleted = deleteStale(ss, plan.stale, tabs);
  return { written: plan.tabs.map((t) => t.name), created, deleted };
}

/** The whole run at once (the menu's «Анализ результатов»). */
export function writeRun(
  ss: SpreadsheetLike,
  run: { tabs: readonly SheetSpec[]; ensureTabs: readonly SheetSpec[] },
  read: SpreadsheetRead,
): WriteReport {
  return writeTabs(ss, { tabs: run.tabs, ensureTabs: run.ensureTabs, stale: staleGeneratedTabs(read.tabs.names(), run) }, read);
}
