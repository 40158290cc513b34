// Writes a finished analysis: the user's settings tab only if missing, every generated tab replaced
// whole, then tabs of an earlier run that this run no longer produces are deleted.
import type { SheetSpec } from '../core/output/spec';
import { staleGeneratedTabs } from '../core/pipeline';
import type { SpreadsheetRead } from './read';
import type { SpreadsheetLike } from './surface';
import { deleteStale, ensureSpec, writeSpec } from './write';

export interface WriteReport {
  written: string[];
  created: string[];
  deleted: string[];
}

export function writeRun(
  ss: SpreadsheetLike,
  run: { tabs: readonly SheetSpec[]; ensureTabs: readonly SheetSpec[] },
  read: SpreadsheetRead,
): WriteReport {
  const { tabs } = read;
  deleteStale(ss, read.leftovers, tabs);
  const created: string[] = [];
  for (const spec of run.ensureTabs) if (ensureSpec(ss, spec, tabs)) created.push(spec.name);
  const written: string[] = [];
  for (const spec of run.tabs) {
    writeSpec(ss, spec, tabs);
    written.push(spec.name);
  }
  const deleted = deleteStale(ss, staleGeneratedTabs(tabs.names(), run), tabs);
  return { written, created, deleted };
}
