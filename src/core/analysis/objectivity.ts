// Signs to check the objectivity of results (docs/domain.md §6), per class, per teacher and per school of
// each procedure. These are *signs to check*, never conclusions about a teacher's work.
//
//   lowered / raised — Понизили (mark < journal) or Повысили (mark > journal) among participants with
//       both marks: ≥ objectivity.medium % → medium, ≥ objectivity.high % → high;
//   highMarksLowCompletion — ≥ objectivity.highMarksShare % of the participants' journal marks are 4–5
//       while mean completion of the work is < objectivity.lowCompletion %;
//   peaksAtCuts — a peak of the primary-score distribution exactly at a mark cut-off (the peak rule of
//       distribution.ts with objectivity.peakFactor and objectivity.peakMin), checked only for groups of
//       at least sample.minDistribution participants and when the cut-offs are known;
//       two or more cut-offs with peaks → high.
// A sign computed on fewer than sample.minReliable students is kept and flagged unreliable.
import type { Teachers } from '../input/teachers';
import type { Procedure, Student } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { notCheckedText, procedureChecks } from './checks';
import type { GroupStats, ProcedureAnalysis } from './deficits';
import { type Distribution, distribution } from './distribution';
import { shareAtLeast, shareBelow } from './exact';
import { type JournalStats, journalStats } from './marks';

export type SignRule = 'lowered' | 'raised' | 'highMarksLowCompletion' | 'peaksAtCuts';
export type SignLevel = 'medium' | 'high';
export type ObjectivityLevel = 'class' | 'teacher' | 'school';

export interface ObjectivitySign {
  procedure: Procedure;
  groupLevel: ObjectivityLevel;
  /** «5Б», the teacher's name, or the school's. */
  group: string;
  school: string;
  /** The class's teacher(s) from «Классы и учителя», or the teacher of a teacher group. */
  teacher?: string;
  rule: SignRule;
  level: SignLevel;
  /** The numbers the rule compared (percent, count, of, threshold…). */
  numbers: Record<string, number>;
  /** «Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень». */
  text: string;
  /** The rule's base has at least sample.minReliable students. */
  reliable: boolean;
}

export interface ObjectivityGroup {
  procedure: Procedure;
  level: ObjectivityLevel;
  name: string;
  school: string;
  teacher?: string;
  classes: string[];
  participants: number;
  reliable: boolean;
  journal: JournalStats;
  /** Participants with a journal mark, and how many of those marks are 4 or 5. */
  journalMarks: number;
  journalHigh: number;
  journalHighPct: number;
  meanCompletion: number;
  /** The distribution when peaks were checked; null otherwise (see `peaksNote`). */
  distribution: Distribution | null;
  peaksNote: string;
  signs: ObjectivitySign[];
  /** «не проверено: …» when no rule could run for the procedure (no marks and no journal marks); null otherwise. */
  notChecked: string | null;
}

const pct = (k: number, n: number) => (n > 0 ? (k * 100) / n : Number.NaN);

interface GroupInput {
  level: ObjectivityLevel;
  name: string;
  school: string;
  teacher?: string;
  classes: string[];
  students: Student[];
  meanCompletion: number;
}

function evaluate(p: Procedure, g: GroupInput, s: Settings): ObjectivityGroup {
  const minN = s['sample.minReliable'];
  const journal = journalStats(g.students);
  const withJournal = g.students.filter((st) => st.journalMark !== null);
  const high = withJournal.filter((st) => (st.journalMark as number) >= 4).length;
  const highPct = pct(high, withJournal.length);
  const signs: ObjectivitySign[] = [];
  const add = (rule: SignRule, level: SignLevel, numbers: Record<string, number>, text: string, base: number) => {
    const reliable = base >= minN;
    const sign: ObjectivitySign = {
      procedure: p,
      groupLevel: g.level,
      group: g.name,
      school: g.school,
      rule,
      level,
      numbers,
      text: reliable ? text : `${text}; ${S.unreliable(base, minN)}`,
      reliable,
    };
    if (g.teacher) sign.teacher = g.teacher;
    signs.push(sign);
  };

  const medium = s['objectivity.medium'];
  const highT = s['objectivity.high'];
  const shares: [SignRule, string, number, number][] = [
    ['lowered', S.objectivity.shareLabel.lowered, journal.lowered, journal.loweredPct],
    ['raised', S.objectivity.shareLabel.raised, journal.raised, journal.raisedPct],
  ];
  for (const [rule, label, k, share] of shares) {
    if (journal.n === 0 || !shareAtLeast(k, journal.n, medium)) continue;
    const level: SignLevel = shareAtLeast(k, journal.n, highT) ? 'high' : 'medium';
    const threshold = level === 'high' ? highT : medium;
    add(
      rule,
      level,
      { percent: share, count: k, of: journal.n, threshold },
      S.objectivity.share(label, share, k, journal.n, threshold, S.objectivity.level[level]),
      journal.n,
    );
  }

  const share = s['objectivity.highMarksShare'];
  const lowC = s['objectivity.lowCompletion'];
  const points = g.students.reduce((a, st) => a + st.total, 0);
  const possible = g.students.length * p.maxTotal;
  if (withJournal.length > 0 && shareAtLeast(high, withJournal.length, share) && possible > 0 && shareBelow(points, possible, lowC)) {
    add(
      'highMarksLowCompletion',
      'medium',
      {
        percent: highPct,
        count: high,
        of: withJournal.length,
        threshold: share,
        meanCompletion: g.meanCompletion,
        completionThreshold: lowC,
      },
      S.objectivity.highMarks(highPct, high, withJournal.length, share, g.meanCompletion, lowC),
      withJournal.length,
    );
  }

  let dist: Distribution | null = null;
  let peaksNote = '';
  const minDist = s['sample.minDistribution'];
  if (!p.cuts) peaksNote = S.objectivity.peaksNoCuts;
  else if (g.students.length < minDist) peaksNote = S.objectivity.peaksFew(minDist);
  else {
    dist = distribution(p, g.students, {
      factor: s['objectivity.peakFactor'],
      minStudents: s['objectivity.peakMin'],
      jump: s['objectivity.peakJump'],
    });
    if (dist.peaksAtCuts.length > 0) {
      const numbers: Record<string, number> = { peaks: dist.peaksAtCuts.length, participants: dist.n, meanBin: dist.meanBin };
      for (const pk of dist.peaksAtCuts) {
        numbers[`score${pk.mark}`] = pk.score;
        numbers[`count${pk.mark}`] = pk.count;
      }
      add(
        'peaksAtCuts',
        dist.peaksAtCuts.length >= 2 ? 'high' : 'medium',
        numbers,
        S.objectivity.peaks(dist.peaksAtCuts, dist.meanBin),
        dist.n,
      );
    }
  }

  const out: ObjectivityGroup = {
    procedure: p,
    level: g.level,
    name: g.name,
    school: g.school,
    classes: g.classes,
    participants: g.students.length,
    reliable: g.students.length >= minN,
    journal,
    journalMarks: withJournal.length,
    journalHigh: high,
    journalHighPct: highPct,
    meanCompletion: g.meanCompletion,
    distribution: dist,
    peaksNote,
    signs,
    notChecked: null,
  };
  if (g.teacher) out.teacher = g.teacher;
  return out;
}

function meanCompletion(p: Procedure, students: readonly Student[]): number {
  if (students.length === 0 || p.maxTotal <= 0) return Number.NaN;
  return (students.reduce((a, st) => a + st.total, 0) * 100) / (students.length * p.maxTotal);
}

/** Per procedure: its classes, its teachers with two or more classes, and its schools. */
export function analyseObjectivity(analyses: readonly ProcedureAnalysis[], teachers: Teachers | null, s: Settings): ObjectivityGroup[] {
  const out: ObjectivityGroup[] = [];
  for (const a of analyses) {
    const p = a.procedure;
    const first = out.length;
    const membersOf = (g: GroupStats) => g.members.map((m) => p.students[m] as Student);
    const classGroups = a.groups.filter((g) => g.level === 'class' && g.participants > 0);
    const byTeacher = new Map<string, { teacher: string; school: string; groups: GroupStats[] }>();
    for (const g of classGroups) {
      const ts = teachers?.of(g.name, p.meta.subject) ?? [];
      const input: GroupInput = {
        level: 'class',
        name: g.name,
        school: g.school,
        classes: [g.name],
        students: membersOf(g),
        meanCompletion: g.meanCompletion,
      };
      if (ts.length) input.teacher = ts.join(', ');
      out.push(evaluate(p, input, s));
      for (const t of ts) {
        const k = `${g.school}\u0000${t}`;
        const e = byTeacher.get(k) ?? { teacher: t, school: g.school, groups: [] };
        e.groups.push(g);
        byTeacher.set(k, e);
      }
    }
    for (const t of byTeacher.values()) {
      if (t.groups.length < 2) continue;
      const students = t.groups.flatMap(membersOf);
      out.push(
        evaluate(
          p,
          {
            level: 'teacher',
            name: t.teacher,
            school: t.school,
            teacher: t.teacher,
            classes: t.groups.map((g) => g.name),
            students,
            meanCompletion: meanCompletion(p, students),
          },
          s,
        ),
      );
    }
    for (const g of a.groups) {
      if (g.level !== 'school' || g.participants === 0) continue;
      out.push(
        evaluate(
          p,
          { level: 'school', name: g.name, school: g.school, classes: [], students: membersOf(g), meanCompletion: g.meanCompletion },
          s,
        ),
      );
    }
    const reason = procedureChecks(p).objectivity;
    if (reason !== null) for (const g of out.slice(first)) g.notChecked = notCheckedText(reason);
  }
  return out;
}
