// Marks per group (class, parallel, school) and task completion by mark groups (docs/domain.md §4,
// directions 2, 3 and 7): how the students who got 2, 3, 4 and 5 did on each task.
// Completion uses the same definition as everywhere: points ÷ (n × max) × 100, X = 0 points.
import type { Procedure, Student } from '../model';
import { type GroupStats, type ProcedureAnalysis, percentOf } from './deficits';
import { type JournalStats, journalStats, MARKS, type Mark, type MarkStats, markStats } from './marks';

export interface GroupMarks {
  group: GroupStats;
  marks: MarkStats;
  journal: JournalStats;
}

/** Students of a group (its members are indexes into `procedure.students`). */
export function groupStudents(p: Procedure, g: GroupStats): Student[] {
  const out: Student[] = [];
  for (const i of g.members) {
    const st = p.students[i];
    if (st) out.push(st);
  }
  return out;
}

/** Statistics of marks and the journal comparison for every group of the analysis, in its order. */
export function marksByGroup(a: ProcedureAnalysis): GroupMarks[] {
  // ЕГЭ marks by the minimum score only («2» / «3»): no «4» and «5», so no «качество».
  const passFail = a.procedure.markSource === 'threshold';
  return a.groups.map((group) => {
    const students = groupStudents(a.procedure, group);
    const marks = markStats(students);
    if (passFail) marks.quality = Number.NaN;
    return { group, marks, journal: journalStats(students) };
  });
}

export interface MarkGroupCompletion {
  mark: Mark;
  /** Students with this mark. */
  n: number;
  /** Per task, percent, unrounded; NaN when nobody got this mark. */
  completion: number[];
  /** All tasks together: points ÷ (n × max total) × 100; NaN when n = 0. */
  meanCompletion: number;
}

/**
 * Completion of each task among the students who got 2, 3, 4 and 5 (students without a mark are in
 * no mark group). Always four entries, in the order 2, 3, 4, 5.
 */
export function completionByMark(p: Procedure, students: readonly Student[] = p.students): MarkGroupCompletion[] {
  const nTasks = p.tasks.length;
  return MARKS.map((mark) => {
    const sums = new Array<number>(nTasks).fill(0);
    let total = 0;
    let n = 0;
    for (const st of students) {
      if (st.mark !== mark) continue;
      n++;
      total += st.total;
      for (let i = 0; i < nTasks; i++) {
        const v = st.scores[i];
        if (typeof v === 'number') sums[i] = (sums[i] as number) + v;
      }
    }
    return {
      mark,
      n,
      completion: p.tasks.map((t, i) => percentOf(sums[i] as number, n * t.max)),
      meanCompletion: percentOf(total, n * p.maxTotal),
    };
  });
}

/** The counts the JSON export carries per group: marks 2–5 and the journal comparison. */
export function markCounts(
  p: Procedure,
  g: GroupStats,
): { marks: Record<'2' | '3' | '4' | '5', number>; journal: { lowered: number; confirmed: number; raised: number } } {
  const students = groupStudents(p, g);
  const m = markStats(students).counts;
  const j = journalStats(students);
  return { marks: { 2: m[2], 3: m[3], 4: m[4], 5: m[5] }, journal: { lowered: j.lowered, confirmed: j.confirmed, raised: j.raised } };
}
