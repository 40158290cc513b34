// At-risk students (docs/domain.md §5): configurable rules, each flag with its reason in words a deputy
// director can read aloud. One profile per student (linked across procedures, see linking.ts).
//
// Per subject, on the student's procedures of that subject in time order:
//   mark2      — mark «2» in the latest procedure (risk.markTwo = 1);
//   lowScore   — the latest primary score is under risk.lowShare % of the max (strictly under);
//   decline    — against the previous procedure: the mark fell (risk.markDecline = 1), or completion
//                fell by ≥ risk.declinePoints percentage points;
//   stableLow  — «low» (mark 2, or under risk.lowShare %) in the last risk.stableLowCount or more
//                procedures in a row;
// and over subjects:
//   multiSubject — at risk (by the rules above) in ≥ risk.subjects subjects.
import { isGia, type Procedure, type Task } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { compareClassNames, type ProcedureAnalysis } from './deficits';
import { stepLabel } from './dynamics';
import { compareShareDifference, shareBelow } from './exact';
import type { Entry, Links, Person } from './linking';

export type RiskRule = 'mark2' | 'lowScore' | 'decline' | 'stableLow' | 'multiSubject';

export interface RiskReason {
  rule: RiskRule;
  text: string;
  /** Subject the flag is about (none for multiSubject). */
  subject?: string;
  /** The procedure that fired the flag (the later one for decline, the latest for stableLow). */
  procedure?: Procedure;
}

export interface RiskDeficit {
  subject: string;
  /** The student's latest procedure of the subject. */
  procedure: Procedure;
  /** Task codes where the student got less than `deficit.studentShare` % of the points. */
  tasks: string[];
  /** Skills of those tasks (from the task plan), without repeats. */
  skills: string[];
  /** Sections (or skills, when the plan has no sections) to work on first: most points missed first. */
  focus: string[];
}

export interface RiskTrend {
  subject: string;
  steps: { proc: Procedure; mark: number | null; completion: number }[];
}

export interface RiskProfile {
  person: Person;
  /** Code in the latest procedure. */
  code: string;
  name?: string;
  school: string;
  /** Class in the latest procedure. */
  className: string;
  /** Every procedure the student wrote, in time order. */
  entries: Entry[];
  /** Subjects at risk, in order of first appearance. */
  subjects: string[];
  reasons: RiskReason[];
  deficits: RiskDeficit[];
  trends: RiskTrend[];
  /** Rows of the user's sheets to highlight: the student's rows in the procedures of the risk subjects. */
  rows: { sheet: string; code: string; row: number }[];
}

const FOCUS_ITEMS = 3;

/** Short names of procedures for reason texts: kinds, or kinds with years, dates, sheets when kinds repeat. */
export function procedureNames(procs: readonly Procedure[]): string[] {
  const tries: ((p: Procedure) => string)[] = [
    (p) => p.meta.kind,
    (p) => `${p.meta.kind}${p.meta.year ? ` ${p.meta.year}` : ''}`,
    (p) => `${p.meta.kind}${p.meta.date ? ` ${p.meta.date.split('-').reverse().join('.')}` : p.meta.year ? ` ${p.meta.year}` : ''}`,
    (p) => S.sheetName(p.sheet),
  ];
  for (const f of tries) {
    const names = procs.map(f);
    if (new Set(names).size === names.length) return names;
  }
  return procs.map((p) => S.sheetName(p.sheet));
}

function focusOf(p: Procedure, scores: readonly (number | 'X')[], deficit: readonly boolean[]): string[] {
  const missed = new Map<string, number>();
  p.tasks.forEach((t: Task, i) => {
    if (!deficit[i]) return;
    const key = t.section ?? t.skill;
    if (!key) return;
    const v = scores[i];
    missed.set(key, (missed.get(key) ?? 0) + t.max - (typeof v === 'number' ? v : 0));
  });
  return [...missed]
    .sort((a, b) => b[1] - a[1])
    .slice(0, FOCUS_ITEMS)
    .map(([k]) => k);
}

export function analyseRisk(links: Links, analyses: readonly ProcedureAnalysis[], s: Settings): RiskProfile[] {
  const byProc = new Map(analyses.map((a) => [a.procedure, a]));
  const completion = (e: Entry) => byProc.get(e.proc)?.students[e.index]?.completion ?? Number.NaN;
  const markTwo = s['risk.markTwo'] >= 1;
  const markDecline = s['risk.markDecline'] >= 1;
  const lowShare = s['risk.lowShare'];
  // Shares are compared exactly, from the primary score and the max (risk.lowShare = 50: 10 of 20 is not low).
  // A ГИА exam with a known minimum score uses it instead: below the minimum is «low» (and counts as «2»).
  const examRule = (e: Entry) => isGia(e.proc) && e.proc.threshold !== null;
  const belowExam = (e: Entry) => examRule(e) && e.student.belowThreshold === true;
  const below = (e: Entry) => !examRule(e) && lowShare > 0 && e.proc.maxTotal > 0 && shareBelow(e.student.total, e.proc.maxTotal, lowShare);
  const isLow = (e: Entry) => belowExam(e) || (markTwo && e.student.mark === 2) || below(e);
  const seriesIndex = new Map<Procedure, number>();
  links.series.forEach((sr, i) => {
    for (const p of sr.procedures) seriesIndex.set(p, i);
  });

  const profiles: RiskProfile[] = [];
  for (const person of links.persons) {
    // The student's procedures per subject, in time order.
    const bySeries = new Map<number, Entry[]>();
    for (const e of person.entries) {
      const k = seriesIndex.get(e.proc) as number;
      bySeries.set(k, [...(bySeries.get(k) ?? []), e]);
    }
    const reasons: RiskReason[] = [];
    const subjects: string[] = [];
    const deficits: RiskDeficit[] = [];
    const trends: RiskTrend[] = [];
    const rows: RiskProfile['rows'] = [];
    for (const [k, list] of bySeries) {
      const subject = (links.series[k] as { subject: string }).subject;
      const latest = list[list.length - 1] as Entry;
      const c = completion(latest);
      const mine: RiskReason[] = [];
      if (belowExam(latest)) {
        const t = latest.proc.threshold as NonNullable<Procedure['threshold']>;
        mine.push({ rule: 'mark2', text: S.risk.belowThreshold(latest.proc.title, t.score, t.on), subject, procedure: latest.proc });
      } else if (markTwo && latest.student.mark === 2) {
        mine.push({ rule: 'mark2', text: S.risk.mark2(latest.proc.title), subject, procedure: latest.proc });
      }
      if (below(latest)) {
        mine.push({ rule: 'lowScore', text: S.risk.lowScore(c, lowShare, latest.proc.title), subject, procedure: latest.proc });
      }
      const prev = list[list.length - 2];
      if (prev) {
        const pc = completion(prev);
        const a = prev.student.mark;
        const b = latest.student.mark;
        const markDown = markDecline && a !== null && b !== null && b < a;
        const drop = pc - c;
        const compDown =
          prev.proc.maxTotal > 0 &&
          latest.proc.maxTotal > 0 &&
          compareShareDifference(
            prev.student.total,
            prev.proc.maxTotal,
            latest.student.total,
            latest.proc.maxTotal,
            s['risk.declinePoints'],
          ) >= 0;
        const step = stepLabel(prev.proc, latest.proc);
        let text: string | null = null;
        if (markDown && compDown) text = S.risk.bothDown(subject, a as number, b as number, drop, pc, c, step);
        else if (markDown) text = S.risk.markDown(subject, a as number, b as number, step);
        else if (compDown) text = S.risk.completionDown(subject, drop, pc, c, step);
        if (text) mine.push({ rule: 'decline', text, subject, procedure: latest.proc });
      }
      let streak = 0;
      for (let i = list.length - 1; i >= 0 && isLow(list[i] as Entry); i--) streak++;
      if (streak >= s['risk.stableLowCount']) {
        const run = list.slice(list.length - streak).map((e) => e.proc);
        mine.push({ rule: 'stableLow', text: S.risk.stableLow(streak, subject, procedureNames(run)), subject, procedure: latest.proc });
      }
      trends.push({ subject, steps: list.map((e) => ({ proc: e.proc, mark: e.student.mark, completion: completion(e) })) });
      if (mine.length === 0) continue;
      subjects.push(subject);
      reasons.push(...mine);
      const an = byProc.get(latest.proc);
      const st = an?.students[latest.index];
      if (an && st) {
        const tasks = latest.proc.tasks.filter((_, i) => st.deficit[i]);
        deficits.push({
          subject,
          procedure: latest.proc,
          tasks: tasks.map((t) => t.id),
          skills: [...new Set(tasks.map((t) => t.skill).filter((x): x is string => !!x))],
          focus: focusOf(latest.proc, latest.student.scores, st.deficit),
        });
      }
      for (const e of list) rows.push({ sheet: e.proc.sheet, code: e.student.code, row: e.student.row });
    }
    if (reasons.length === 0) continue;
    if (subjects.length >= s['risk.subjects']) reasons.unshift({ rule: 'multiSubject', text: S.risk.multi(subjects) });
    const last = person.entries[person.entries.length - 1] as Entry;
    const profile: RiskProfile = {
      person,
      code: last.student.code,
      school: person.school,
      className: last.student.className,
      entries: person.entries,
      subjects,
      reasons,
      deficits,
      trends,
      rows,
    };
    if (person.name) profile.name = person.name;
    profiles.push(profile);
  }
  return profiles.sort(
    (a, b) => compareClassNames(a.school, b.school) || compareClassNames(a.className, b.className) || compareClassNames(a.code, b.code),
  );
}
