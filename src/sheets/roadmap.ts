// Writing a roadmap: the roadmap tab, then «Исполнение», replaced together (all or none). The
// dashboard's formulas name the roadmap tab, and Sheets binds a formula to a sheet, not to a name:
// deleting the old roadmap tab would turn every reference to it into #REF!, while renaming a sheet
// rewrites the formulas that refer to it. So «Исполнение» is painted with references to the new
// roadmap tab's temporary name; when that tab is renamed to its final name, Sheets carries the
// references along. Other roadmap tabs (not rewritten) are referred to by their own names.
import { quoteSheet } from '../core/output/execution';
import type { SheetSpec, SpecCell } from '../core/output/spec';
import type { WriteReport } from './apply';
import type { SpreadsheetRead } from './read';
import type { SpreadsheetLike } from './surface';
import { deleteStale, replaceTabs } from './write';

function retargetText(formula: string, temps: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [name, temp] of temps) out = out.split(`${quoteSheet(name)}!`).join(`${quoteSheet(temp)}!`);
  return out;
}

/** The spec with its formulas' references to tabs of the same write pointed at their temporary names. */
export function retargetFormulas(spec: SheetSpec, temps: ReadonlyMap<string, string>): SheetSpec {
  if (temps.size === 0) return spec;
  const cell = (v: SpecCell): SpecCell =>
    v !== null && typeof v === 'object' && 'formula' in v ? { formula: retargetText(v.formula, temps) } : v;
  return {
    ...spec,
    values: spec.values.map((row) => row.map(cell)),
    ...(spec.rules ? { rules: spec.rules.map((r) => ({ ...r, formula: retargetText(r.formula, temps) })) } : {}),
  };
}

/** Replaces the roadmap tab and «Исполнение» (in `specs` order) as one; other tabs are never touched. */
export function writeRoadmapTabs(ss: SpreadsheetLike, specs: readonly SheetSpec[], read: SpreadsheetRead): WriteReport {
  // Leftovers of an interrupted earlier write are cleaned here too, as every write does.
  deleteStale(ss, read.leftovers, read.tabs);
  replaceTabs(ss, specs, read.tabs, retargetFormulas);
  return { written: specs.map((s) => s.name), created: [], deleted: [] };
}
