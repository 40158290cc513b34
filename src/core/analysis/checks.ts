// Which checks could run for a procedure, and why not when they could not. A check that did not run
// is never reported as «nothing found»: the tabs, the sidebar, the CLI and the JSON say «не проверено»
// with the reason.
import { columnLetter } from '../grid';
import type { Procedure } from '../model';
import { S } from '../strings';

export type CheckId = 'marks' | 'journal' | 'objectivity' | 'skills';
export const CHECK_IDS: readonly CheckId[] = ['marks', 'journal', 'objectivity', 'skills'];

/** Per check: null when it ran, else the reason it could not (Russian, without «не проверено:»). */
export type ProcedureChecks = Record<CheckId, string | null>;

function marksReason(p: Procedure): string | null {
  if (p.markSource !== 'none') return null;
  const empty = p.markColumn?.empty ? p.markColumn : null;
  return empty ? S.checks.markColumnEmpty(empty.label, columnLetter(empty.col)) : S.checks.noMarks;
}

export function procedureChecks(p: Procedure): ProcedureChecks {
  const marks = marksReason(p);
  const hasJournal = p.students.some((s) => s.journalMark !== null);
  const journal = !hasJournal ? S.checks.noJournal : marks !== null ? S.checks.journalWithoutMarks : null;
  // Objectivity needs marks (peaks at the cut-offs, the journal comparison) or journal marks (high
  // journal marks at low completion); with neither no rule can run.
  const objectivity = marks !== null && !hasJournal ? S.checks.objectivityNothing : null;
  const skills = p.tasks.some((t) => t.skill) ? null : S.checks.noSkills;
  return { marks, journal, objectivity, skills };
}

/** Over all procedures: which ran, and for which procedures (by title) which did not, with the reason. */
export interface RunChecks {
  id: CheckId;
  /** Procedures (titles) the check ran for. */
  done: string[];
  notDone: { procedure: string; reason: string }[];
}

export function runChecks(procedures: readonly Procedure[]): RunChecks[] {
  const per = procedures.map((p) => ({ p, c: procedureChecks(p) }));
  return CHECK_IDS.map((id) => ({
    id,
    done: per.filter((x) => x.c[id] === null).map((x) => x.p.title),
    notDone: per.filter((x) => x.c[id] !== null).map((x) => ({ procedure: x.p.title, reason: x.c[id] as string })),
  }));
}

/** «не проверено: <reason>». */
export function notCheckedText(reason: string): string {
  return S.checks.notChecked(reason);
}
