// Formulas that name a tab written in the same batch. Sheets binds a formula's reference to a sheet,
// not to a name: a reference to a tab that does not exist yet is #REF!, and renaming a sheet
// rewrites the formulas that refer to it. So a tab that is new in this write (built under a
// temporary name, renamed when complete) is referred to by its temporary name: when it is renamed,
// Sheets carries the references along. A tab that already exists keeps its sheet (write.ts), so
// references to it by its own name stay valid and are left as they are.
import { quoteSheet } from '../core/output/execution';
import type { SheetSpec, SpecCell } from '../core/output/spec';

function retargetText(formula: string, temps: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [name, temp] of temps) out = out.split(`${quoteSheet(name)}!`).join(`${quoteSheet(temp)}!`);
  return out;
}

/** The spec with its formulas' references to the given tabs (final name → temporary name) pointed at their temporary names. */
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
