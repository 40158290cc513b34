// The simulated school: classes, students with a latent ability, and their results on each procedure.
// A simple item-response model: each point of a task is earned with probability
// sigmoid(A · (ability − difficulty − step)), where the difficulty is set from the task's target share.

import { maxTotal, type SampleProcedure, type SampleTask } from './plans';
import { createRng, logit, type Rng, sigmoid } from './random';

export const SCHOOL = {
  name: 'МБОУ «СОШ № 7»',
  code: 'edu000007',
  municipality: 'Энский муниципальный район',
  year: '2025/2026',
} as const;

export const LETTERS = ['А', 'Б', 'В'] as const;
export const GRADES = [4, 5, 6, 7, 8] as const;

/** Classes with a story: the sample's «facts» that tests and later features check. */
export const STORY = {
  strong: '6А',
  weak: '7В',
  /** Journal marks clearly above the procedure marks. */
  inflated: '5Б',
  /** 6–8 students: its statistics are flagged as unreliable. */
  small: '8В',
} as const;

export interface SampleClass {
  /** School-wide ordinal number used in the forms («Порядковый номер класса») and Ф1 «Класс». */
  ordinal: number;
  name: string;
  grade: number;
  size: number;
  effect: number;
  inflated: boolean;
}

export interface SampleStudent {
  /** Participant code, the same for all procedures of the student's grade: 40001, 40002… */
  code: number;
  cls: SampleClass;
  ability: number;
}

export interface School {
  classes: SampleClass[];
  students: SampleStudent[];
}

export function buildSchool(seed: number): School {
  const rng = createRng(seed).fork('school');
  const classes: SampleClass[] = [];
  const students: SampleStudent[] = [];
  let ordinal = 0;
  for (const grade of GRADES) {
    let index = 0;
    for (const letter of LETTERS) {
      const name = `${grade}${letter}`;
      const size = name === STORY.small ? rng.int(6, 8) : rng.int(23, 30);
      // Ordinary classes differ a little; the strong and the weak class clearly.
      let effect = Math.max(-0.25, Math.min(0.25, 0.15 * rng.normal()));
      if (name === STORY.strong) effect = 0.95;
      else if (name === STORY.weak) effect = -0.95;
      const cls: SampleClass = { ordinal: ++ordinal, name, grade, size, effect, inflated: name === STORY.inflated };
      classes.push(cls);
      for (let i = 0; i < size; i++) {
        students.push({ code: grade * 10000 + ++index, cls, ability: effect + 0.9 * rng.normal() });
      }
    }
  }
  return { classes, students };
}

export type SampleScore = number | 'X';

export interface SampleResult {
  student: SampleStudent;
  absent: boolean;
  variant: 1 | 2;
  /** Empty for absent students. */
  scores: SampleScore[];
  total: number;
  /** Mark by the procedure's cut-offs (present students only). */
  mark: number | null;
  /** Journal / previous term mark; null = «нет отметки». */
  journal: number | null;
}

/** Discrimination of the item model; with abilities ~N(0, 1) it keeps mean completion ≈ target. */
const A = 1.3;
const STEP = 0.55;

function difficulty(task: SampleTask): number {
  return -logit(Math.min(0.97, Math.max(0.03, task.target)));
}

function stepOffset(k: number, max: number): number {
  return (k - (max + 1) / 2) * STEP;
}

export function markOf(total: number, cuts: readonly [number, number, number]): number {
  if (total >= cuts[2]) return 5;
  if (total >= cuts[1]) return 4;
  if (total >= cuts[0]) return 3;
  return 2;
}

/** The primary score a student of this ability gets on average (no «X»). */
function expectedTotal(p: SampleProcedure, ability: number): number {
  let total = 0;
  for (const task of p.tasks) {
    const b = difficulty(task);
    for (let k = 1; k <= task.max; k++) total += sigmoid(A * (ability - b - stepOffset(k, task.max)));
  }
  return total;
}

export interface SimulateOptions {
  /** Share of students absent (not participants), before the weak-student bump. */
  absentRate?: number;
  /** Share of «нет отметки» in the journal column. */
  noJournalRate?: number;
}

/** Results of one procedure for every student of its grade, in class order then code order. */
export function simulate(school: School, p: SampleProcedure, seed: number, opts: SimulateOptions = {}): SampleResult[] {
  const rng: Rng = createRng(seed).fork(`${p.subject}|${p.grade}`);
  const absentRate = opts.absentRate ?? 0.04;
  const noJournal = opts.noJournalRate ?? 0.015;
  const bs = p.tasks.map(difficulty);
  const out: SampleResult[] = [];
  for (const st of school.students) {
    if (st.cls.grade !== p.grade) continue;
    // Subject ability: mostly the general one, partly its own.
    const ability = 0.85 * st.ability + 0.5 * rng.normal();
    const variant: 1 | 2 = rng.chance(0.5) ? 1 : 2;
    const absent = rng.chance(ability < -1 ? absentRate * 1.6 : absentRate);
    // The journal mark follows what the student can do (their result, or the expected one when absent),
    // blurred by the teacher's view; in the «inflated» class the teacher rates everyone about a mark higher.
    const max = maxTotal(p);
    const journalOf = (points: number): number | null => {
      const bias = st.cls.inflated ? 0.3 : 0.01;
      const seen = points + max * (bias + 0.07 * rng.normal());
      return rng.chance(noJournal) ? null : markOf(Math.round(seen), p.cuts);
    };
    if (absent) {
      const journal = journalOf(expectedTotal(p, ability));
      out.push({ student: st, absent: true, variant, scores: [], total: 0, mark: null, journal });
      continue;
    }
    const scores: SampleScore[] = [];
    let total = 0;
    p.tasks.forEach((task, i) => {
      const b = bs[i] as number;
      // «X» (did not attempt): weak students on hard tasks, and more often towards the end of the paper.
      const late = i / Math.max(1, p.tasks.length - 1);
      if (rng.chance(sigmoid(-4.4 + 1.1 * (b - ability) + 0.8 * late))) {
        scores.push('X');
        return;
      }
      let pts = 0;
      for (let k = 1; k <= task.max; k++) if (rng.chance(sigmoid(A * (ability - b - stepOffset(k, task.max))))) pts++;
      scores.push(pts);
      total += pts;
    });
    out.push({ student: st, absent: false, variant, scores, total, mark: markOf(total, p.cuts), journal: journalOf(total) });
  }
  return out;
}
