// Task completion and deficit status per student, class, parallel and school (docs/domain.md §4):
// completion % = points ÷ (participants × max) × 100; participants = present; X = 0 points.
import type { Procedure, Student, Task } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { comparePercent, shareAtLeast } from './exact';

export type Status = 'sufficient' | 'uncertain' | 'insufficient' | 'none';
export type GroupLevel = 'school' | 'parallel' | 'class';

export interface GroupStats {
  level: GroupLevel;
  /** «4А», «4 классы», or the school's name. */
  name: string;
  school: string;
  grade: number | null;
  participants: number;
  /** Per task, percent, unrounded (points × 100 ÷ possible). NaN when the group has no participants. */
  completion: number[];
  /** Per task, the group's points (X = 0): with `participants` and the task's max, the exact share. */
  points: number[];
  /** All tasks together, the group's points. */
  totalPoints: number;
  /**
   * Participants listed as absent: of the class when their row names it, of its parallel, and all of
   * the school's (an absent row without a class counts for the school only).
   */
  absent: number;
  status: Status[];
  /** All tasks together: points ÷ (participants × max total) × 100. */
  meanCompletion: number;
  reliable: boolean;
  /** Indexes into `procedure.students`. */
  members: number[];
}

export interface StudentStats {
  /** Percent of the max total. */
  completion: number;
  /** Per task: the student got less than the set share of its points. */
  deficit: boolean[];
  deficitCount: number;
}

export interface SkillStats {
  skill: string;
  /** Indexes into `procedure.tasks`. */
  tasks: number[];
  /** Per group (same order as `groups`): completion % of the skill's tasks together. */
  completion: number[];
  /** Per group: most of the skill's tasks are insufficient. */
  systemic: boolean[];
}

export interface ProcedureAnalysis {
  procedure: Procedure;
  groups: GroupStats[];
  students: StudentStats[];
  skills: SkillStats[];
}

/**
 * Status of a task from the group's points and the points possible (participants × max), compared with
 * the thresholds exactly: 57 points of 100 is «на грани» at a 57 % threshold, never 56.99999999999999 %.
 */
export function taskStatusOf(points: number, possible: number, task: Task, s: Settings): Status {
  if (!(possible > 0) || !Number.isFinite(points)) return 'none';
  const advanced = task.level === 'П' || task.level === 'В';
  const ok = advanced ? s['deficit.advancedSufficient'] : s['deficit.basicSufficient'];
  const edge = advanced ? s['deficit.advancedUncertain'] : s['deficit.basicUncertain'];
  if (shareAtLeast(points, possible, ok)) return 'sufficient';
  if (shareAtLeast(points, possible, edge)) return 'uncertain';
  return 'insufficient';
}

/** Status of a percentage as given (a benchmark, a district aggregate): compared exactly as written. */
export function taskStatus(percent: number, task: Task, s: Settings): Status {
  if (!Number.isFinite(percent)) return 'none';
  return taskStatusOf(percent, 100, task, s);
}

/**
 * A percentage for display and for spreadsheet rules: points × 100 ÷ possible, one correctly rounded
 * division, so a share that equals a threshold prints (and compares in a sheet) as the threshold itself.
 */
export function percentOf(points: number, possible: number): number {
  return possible > 0 ? (points * 100) / possible : Number.NaN;
}

/**
 * Per-student deficit per task: fewer points than `share` % of the task's max, decided exactly. Scores are
 * whole or half points, so the answers for 0, 0.5, …, max are worked out once per task and looked up.
 */
function deficitTest(max: number, share: number): (pts: number) => boolean {
  const table: boolean[] = [];
  for (let h = 0; h <= max * 2; h++) table.push(comparePercent(h / 2, max, share) < 0);
  return (pts) => {
    const h = pts * 2;
    return Number.isInteger(h) && h >= 0 && h < table.length ? (table[h] as boolean) : comparePercent(pts, max, share) < 0;
  };
}

const collator = new Intl.Collator('ru', { numeric: true });
export function compareClassNames(a: string, b: string): number {
  return collator.compare(a, b);
}

interface Acc {
  level: GroupLevel;
  name: string;
  school: string;
  grade: number | null;
  sums: Float64Array;
  total: number;
  members: number[];
}

function newAcc(level: GroupLevel, name: string, school: string, grade: number | null, nTasks: number): Acc {
  return { level, name, school, grade, sums: new Float64Array(nTasks), total: 0, members: [] };
}

function addInto(into: Acc, from: Acc): void {
  for (let i = 0; i < from.sums.length; i++) (into.sums[i] as number) += from.sums[i] as number;
  into.total += from.total;
  for (const m of from.members) into.members.push(m);
}

export function parallelName(grade: number | null): string {
  return S.parallelName(grade);
}

export function analyseDeficits(p: Procedure, s: Settings): ProcedureAnalysis {
  const nTasks = p.tasks.length;
  const classes = new Map<string, Acc>();
  const students: StudentStats[] = new Array(p.students.length);
  const deficitOf = p.tasks.map((t) => deficitTest(t.max, s['deficit.studentShare']));

  p.students.forEach((st: Student, idx) => {
    const key = `${st.school}\u0000${st.className}`;
    let acc = classes.get(key);
    if (!acc) {
      acc = newAcc('class', st.className, st.school, st.grade, nTasks);
      classes.set(key, acc);
    }
    const deficit: boolean[] = new Array(nTasks);
    let count = 0;
    const sc = st.scores;
    for (let i = 0; i < nTasks; i++) {
      const v = sc[i];
      const pts = typeof v === 'number' ? v : 0;
      (acc.sums[i] as number) += pts;
      const d = (deficitOf[i] as (pts: number) => boolean)(pts);
      deficit[i] = d;
      if (d) count++;
    }
    acc.total += st.total;
    acc.members.push(idx);
    students[idx] = { completion: p.maxTotal > 0 ? percentOf(st.total, p.maxTotal) : 0, deficit, deficitCount: count };
  });

  // Classes → parallels → schools, in the order schools appear and classes sort.
  const groups: Acc[] = [];
  for (const school of p.schools) {
    const ofSchool = [...classes.values()].filter((c) => c.school === school);
    if (ofSchool.length === 0) continue;
    const grades = [...new Set(ofSchool.map((c) => c.grade))].sort((a, b) => (a ?? 0) - (b ?? 0));
    const schoolAcc = newAcc('school', school, school, p.meta.grade, nTasks);
    for (const g of grades) {
      const cls = ofSchool.filter((c) => c.grade === g).sort((a, b) => compareClassNames(a.name, b.name));
      const par = newAcc('parallel', parallelName(g), school, g, nTasks);
      for (const c of cls) {
        groups.push(c);
        addInto(par, c);
      }
      groups.push(par);
      addInto(schoolAcc, par);
    }
    groups.push(schoolAcc);
  }

  const minN = s['sample.minReliable'];
  const classOf = new Map(groups.filter((g) => g.level === 'class').map((g) => [g, `${g.school}\u0000${g.name}`]));
  const absentIn = (g: Acc): number => {
    if (g.level === 'school') return p.absent.filter((a) => a.school === g.school).length;
    const names =
      g.level === 'class'
        ? [classOf.get(g)]
        : groups.filter((c) => c.level === 'class' && c.school === g.school && c.grade === g.grade).map((c) => classOf.get(c));
    const set = new Set(names);
    return p.absent.filter((a) => a.className !== '' && set.has(`${a.school}\u0000${a.className}`)).length;
  };
  const stats: GroupStats[] = groups.map((g) => {
    const n = g.members.length;
    const completion = p.tasks.map((t, i) => percentOf(g.sums[i] as number, n * t.max));
    return {
      level: g.level,
      name: g.name,
      school: g.school,
      grade: g.grade,
      participants: n,
      completion,
      status: p.tasks.map((t, i) => taskStatusOf(g.sums[i] as number, n * t.max, t, s)),
      points: Array.from(g.sums),
      totalPoints: g.total,
      meanCompletion: percentOf(g.total, n * p.maxTotal),
      absent: absentIn(g),
      reliable: n >= minN,
      members: g.members,
    };
  });

  return { procedure: p, groups: stats, students, skills: rollUpSkills(p, stats, s) };
}

function rollUpSkills(p: Procedure, groups: GroupStats[], s: Settings): SkillStats[] {
  const bySkill = new Map<string, number[]>();
  p.tasks.forEach((t, i) => {
    if (!t.skill) return;
    const list = bySkill.get(t.skill) ?? [];
    list.push(i);
    bySkill.set(t.skill, list);
  });
  const share = s['deficit.systemicShare'];
  return [...bySkill].map(([skill, tasks]) => {
    const max = tasks.reduce((a, i) => a + (p.tasks[i] as Task).max, 0);
    return {
      skill,
      tasks,
      // Weighted by max: the skill's points ÷ (participants × the skill's max).
      completion: groups.map((g) =>
        percentOf(
          tasks.reduce((a, i) => a + (g.points[i] as number), 0),
          g.participants * max,
        ),
      ),
      systemic: groups.map((g) => comparePercent(tasks.filter((i) => g.status[i] === 'insufficient').length, tasks.length, share) > 0),
    };
  });
}
