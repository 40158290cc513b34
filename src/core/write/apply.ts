// Applies a write plan through a host's writer — the one sequence every run of every host uses
// (menu, sidebar steps, roadmap, CLI). The order matters:
//   1. prepare: leftovers of an interrupted write go first, so nothing stale is mistaken for ours;
//   2. replace: all tabs together, or none;
//   3. ensure: the user's settings tab, when missing, goes after the generated tabs;
//   4. remove: stale tabs go only once their replacements stand;
//   5. highlights: after the tabs, because the rules look codes up on «Группа риска»;
//   6. documents.
import type { Workbook } from '../grid';
import type { PlanWriter, WritePlan, WriteReport } from './plan';

export function applyPlan(writer: PlanWriter, plan: WritePlan): WriteReport {
  if (plan.documents.length > 0 && !writer.writeDocuments) {
    // Refused before anything is written: a plan is applied whole or not at all.
    throw new Error('This host cannot write documents yet.');
  }
  writer.prepare();
  writer.replaceTabs(plan.replace);
  const created = plan.ensure.filter((spec) => writer.ensureTab(spec)).map((spec) => spec.name);
  const deleted = plan.remove.filter((name) => writer.removeTab(name));
  const highlights = plan.highlights === null ? null : writer.setHighlights(plan.highlights);
  const documents = plan.documents.length > 0 && writer.writeDocuments ? writer.writeDocuments(plan.documents) : [];
  return { written: plan.replace.map((t) => t.name), created, deleted, highlights, documents };
}

/** A run's outcome as far as writing goes: a refused run (`ok` false) writes nothing. */
export interface PlannedRun {
  ok: boolean;
  write: WritePlan;
}

/**
 * Read → run → write, once for every host: `run` computes the outcome from the workbook as read,
 * and only an accepted outcome is applied. Hosts wrap this in what they need around it (the
 * document lock in Sheets; reading and saving the file locally).
 */
export function runAndApply<R extends PlannedRun>(
  workbook: Workbook,
  writer: PlanWriter,
  run: (workbook: Workbook) => R,
): { result: R; report: WriteReport | null } {
  const result = run(workbook);
  if (!result.ok) return { result, report: null };
  return { result, report: applyPlan(writer, result.write) };
}
