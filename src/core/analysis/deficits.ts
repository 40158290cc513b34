// Task completion and deficit status per student, class, parallel and school (docs/domain.md §4):
// completion % = points ÷ (participants × max) × 100; participants = present; X = 0 points.
import type { Procedure, Student, Task } from '../model';
import type { Settings } from '../settings';

export type Status = 'sufficient' | 'uncertain' | 'insufficient' | 'none';
export type GroupLevel = 'school' | 'parallel' | 'class';

export interface GroupStats {
  level: GroupLevel;
  /** «4А», «4 классы», or the school's name. */
  name: string;
  school: string;
  grade: number | null;
  participants: number;
  /** Per task, percent, unrounded. NaN when the group has no participants. */
  completion: number[];
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

export function taskStatus(percent: number, task: Task, s: Settings): Status {
  if (!Number.isFinite(percent)) return 'none';
  const advanced = task.level === 'П' || task.level === 'В';
  const ok = advanced ? s['deficit.advancedSufficient'] : s['deficit.basicSufficient'];
  const edge = advanced ? s['deficit.advancedUncertain'] : s['deficit.basicUncertain'];
  if (percent >= ok) return 'sufficient';
  if (percent >= edge) return 'uncertain';
  return 'insufficient';
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
  return grade === null ? 'Параллель' : `${grade} классы`;
}

export function analyseDeficits(p: Procedure, s: Settings): ProcedureAnalysis {
  const nTasks = p.tasks.length;
  const classes = new Map<string, Acc>();
  const students: StudentStats[] = new Array(p.students.length);
  const share = s['deficit.studentShare'] / 100;
  const maxes = p.tasks.map((t) => t.max);

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
      const d = pts < (maxes[i] as number) * share;
      deficit[i] = d;
      if (d) count++;
    }
    acc.total += st.total;
    acc.members.push(idx);
    students[idx] = { completion: p.maxTotal > 0 ? (st.total / p.maxTotal) * 100 : 0, deficit, deficitCount: count };
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
  const stats: GroupStats[] = groups.map((g) => {
    const n = g.members.length;
    const completion = p.tasks.map((t, i) => (n > 0 ? ((g.sums[i] as number) / (n * t.max)) * 100 : Number.NaN));
    return {
      level: g.level,
      name: g.name,
      school: g.school,
      grade: g.grade,
      participants: n,
      completion,
      status: completion.map((c, i) => taskStatus(c, p.tasks[i] as Task, s)),
      meanCompletion: n > 0 && p.maxTotal > 0 ? (g.total / (n * p.maxTotal)) * 100 : Number.NaN,
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
  const share = s['deficit.systemicShare'] / 100;
  return [...bySkill].map(([skill, tasks]) => {
    const max = tasks.reduce((a, i) => a + (p.tasks[i] as Task).max, 0);
    return {
      skill,
      tasks,
      completion: groups.map((g) => {
        if (g.participants === 0) return Number.NaN;
        // Weighted by max: the skill's points ÷ (participants × the skill's max).
        const pts = tasks.reduce((a, i) => a + ((g.completion[i] as number) / 100) * (p.tasks[i] as Task).max, 0);
        return (pts / max) * 100;
      }),
      systemic: groups.map((g) => tasks.filter((i) => g.status[i] === 'insufficient').length / tasks.length > share),
    };
  });
}
