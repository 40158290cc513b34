// Dynamics between consecutive procedures of one subject, per student and per class (docs/domain.md §4:
// negative dynamics = the share of mark 2 rising by ≥ 10 percentage points, configurable).
// Procedures with different task sets are compared only on what is comparable: completion of the whole
// work (%), marks, and skills with the same text.
import { norm } from '../grid';
import type { Procedure, Student } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import type { GroupStats, ProcedureAnalysis } from './deficits';
import { compareShareDifference } from './exact';
import { type Entry, type Links, type Person, sameClass } from './linking';
import { type MarkStats, markStats } from './marks';

/** How two procedures of one subject can be compared. */
export interface Comparability {
  from: Procedure;
  to: Procedure;
  /** The same task codes with the same maxima, in the same order. */
  sameTasks: boolean;
  /** Skill texts present in both (as written in the first). */
  sharedSkills: string[];
  /** In words, for the tab. */
  text: string;
}

export interface StudentStep {
  person: Person;
  subject: string;
  from: Entry;
  to: Entry;
  /** Completion of the whole work, %. */
  completionFrom: number;
  completionTo: number;
  markFrom: number | null;
  markTo: number | null;
}

export interface ClassSide {
  proc: Procedure;
  group: GroupStats;
  marks: MarkStats;
}

export interface ClassStep {
  subject: string;
  school: string;
  from: ClassSide;
  to: ClassSide;
  /** Students of the later class who also wrote the earlier procedure. */
  linked: number;
  /** Percent points, later − earlier; NaN when a side has no data. */
  completionDelta: number;
  twoDelta: number;
  qualityDelta: number;
  /** The share of mark 2 rose by at least `dynamics.twoRise` points. */
  negative: boolean;
  skills: { skill: string; from: number; to: number }[];
  comparability: Comparability;
}

export interface Dynamics {
  comparisons: Comparability[];
  classes: ClassStep[];
  students: StudentStep[];
}

export function sameTaskSet(a: Procedure, b: Procedure): boolean {
  return a.tasks.length === b.tasks.length && a.tasks.every((t, i) => t.id === b.tasks[i]?.id && t.max === b.tasks[i]?.max);
}

export function compare(a: ProcedureAnalysis, b: ProcedureAnalysis): Comparability {
  const same = sameTaskSet(a.procedure, b.procedure);
  const inB = new Set(b.skills.map((s) => norm(s.skill)));
  const shared = a.skills.filter((s) => inB.has(norm(s.skill))).map((s) => s.skill);
  return {
    from: a.procedure,
    to: b.procedure,
    sameTasks: same,
    sharedSkills: shared,
    text: same ? S.dynamics.sameTasks : S.dynamics.differentTasks(shared.length),
  };
}

export function analyseDynamics(links: Links, analyses: readonly ProcedureAnalysis[], s: Settings): Dynamics {
  const byProc = new Map(analyses.map((a) => [a.procedure, a]));
  const comparisons = new Map<string, Comparability>();
  const comparisonOf = (a: ProcedureAnalysis, b: ProcedureAnalysis) => {
    const k = `${links.rank.get(a.procedure)}|${links.rank.get(b.procedure)}`;
    let c = comparisons.get(k);
    if (!c) {
      c = compare(a, b);
      comparisons.set(k, c);
    }
    return c;
  };

  // ---- classes: each class of a later procedure against the same class in the latest earlier one
  const classes: ClassStep[] = [];
  const limit = s['dynamics.twoRise'];
  for (const series of links.series) {
    const procs = series.procedures;
    for (let j = 1; j < procs.length; j++) {
      const b = byProc.get(procs[j] as Procedure);
      if (!b) continue;
      b.groups.forEach((gb, gbi) => {
        if (gb.level !== 'class' || gb.participants === 0) return;
        for (let i = j - 1; i >= 0; i--) {
          const a = byProc.get(procs[i] as Procedure);
          if (!a) continue;
          const gai = a.groups.findIndex(
            (g) =>
              g.level === 'class' &&
              g.participants > 0 &&
              links.school(g.school) === links.school(gb.school) &&
              sameClass(a.procedure, g.name, b.procedure, gb.name),
          );
          if (gai < 0) continue;
          const ga = a.groups[gai] as GroupStats;
          const studentsOf = (an: ProcedureAnalysis, g: GroupStats) => g.members.map((m) => an.procedure.students[m] as Student);
          const ma = markStats(studentsOf(a, ga));
          const mb = markStats(studentsOf(b, gb));
          const linked = studentsOf(b, gb).filter((st) => links.personOf.get(st)?.entries.some((e) => e.proc === a.procedure)).length;
          const cmp = comparisonOf(a, b);
          const twoDelta = mb.percent[2] - ma.percent[2];
          const skills = cmp.sharedSkills.map((skill) => {
            const sa = a.skills.find((x) => norm(x.skill) === norm(skill));
            const sb = b.skills.find((x) => norm(x.skill) === norm(skill));
            return { skill, from: sa?.completion[gai] ?? Number.NaN, to: sb?.completion[gbi] ?? Number.NaN };
          });
          classes.push({
            subject: series.subject,
            school: links.school(gb.school),
            from: { proc: a.procedure, group: ga, marks: ma },
            to: { proc: b.procedure, group: gb, marks: mb },
            linked,
            completionDelta: gb.meanCompletion - ga.meanCompletion,
            twoDelta,
            qualityDelta: mb.quality - ma.quality,
            // Exactly: (twos_b/n_b − twos_a/n_a) × 100 ≥ limit.
            negative: ma.n > 0 && mb.n > 0 && compareShareDifference(mb.counts[2], mb.n, ma.counts[2], ma.n, limit) >= 0,
            skills,
            comparability: cmp,
          });
          break;
        }
      });
    }
  }

  // ---- students: consecutive procedures of one subject that the student wrote
  const students: StudentStep[] = [];
  const seriesKey = new Map<Procedure, number>();
  links.series.forEach((sr, i) => {
    for (const p of sr.procedures) seriesKey.set(p, i);
  });
  for (const person of links.persons) {
    const last = new Map<number, Entry>();
    for (const e of person.entries) {
      const k = seriesKey.get(e.proc) as number;
      const prev = last.get(k);
      last.set(k, e);
      if (!prev) continue;
      const a = byProc.get(prev.proc);
      const b = byProc.get(e.proc);
      if (!a || !b) continue;
      comparisonOf(a, b);
      students.push({
        person,
        subject: (links.series[k] as { subject: string }).subject,
        from: prev,
        to: e,
        completionFrom: a.students[prev.index]?.completion ?? Number.NaN,
        completionTo: b.students[e.index]?.completion ?? Number.NaN,
        markFrom: prev.student.mark,
        markTo: e.student.mark,
      });
    }
  }

  const ordered = [...comparisons.values()].sort(
    (x, y) =>
      (links.rank.get(x.to) as number) - (links.rank.get(y.to) as number) ||
      (links.rank.get(x.from) as number) - (links.rank.get(y.from) as number),
  );
  return { comparisons: ordered, classes, students };
}

/**
 * A short name for a step between two procedures: «Диагностика → ВПР» when the kinds differ,
 * «ВПР 2025 → ВПР 2026» when the years do, otherwise the dates or the sheets.
 */
export function stepLabel(a: Procedure, b: Procedure): string {
  if (a.meta.kind !== b.meta.kind) return `${a.meta.kind} → ${b.meta.kind}`;
  if (a.meta.year !== b.meta.year && a.meta.year !== null && b.meta.year !== null) {
    return `${a.meta.kind} ${a.meta.year} → ${b.meta.kind} ${b.meta.year}`;
  }
  if (a.meta.date && b.meta.date && a.meta.date !== b.meta.date)
    return `${a.meta.kind} ${ruDate(a.meta.date)} → ${b.meta.kind} ${ruDate(b.meta.date)}`;
  return `${S.sheetName(a.sheet)} → ${S.sheetName(b.sheet)}`;
}

export function ruDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
