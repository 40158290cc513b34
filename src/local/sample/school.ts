// The simulated school: classes, students with a latent ability, and their results on each procedure.
// A simple item-response model: each point of a task is earned with probability
// sigmoid(A · (ability − difficulty − step)), where the difficulty is set from the task's target share.
//
// A procedure's task targets say which tasks are harder than others; its `typical` sets the level of
// the whole paper (the difficulties are shifted so that a typical student completes that share).
//
// Calibrated to look like a real school's ВПР (ФИС ОКО Ф3 «Статистика по отметкам»: a school with about
// 12 % «2», 53 % «3», 27 % «4», 8 % «5»): over this spring's ВПР about 10–15 % «2», quality 30–45 %,
// mean completion 55–65 % (test/local/sample.test.ts checks these). Most students form a compact group;
// about one in twelve is clearly weaker (a long tail) and makes most of the «2», so that the at-risk
// rules flag about a fifth of the school rather than half of it. The item model is steep (A = 3.5) so that a
// student's result depends more on what they can do than on luck: with a flatter one, marks jump between
// procedures and «decline» flags half the students who wrote two.

import { cohortGrade, maxTotal, type SampleProcedure, type SampleTask, SCHOOL_YEAR } from './plans';
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
  /** A strong 4В last year, a weaker 5В this year: the share of «2» rises (negative dynamics). */
  declining: '5В',
  /** Its teacher wrote journal numbers (1, 2, 3…) instead of codes in the entrance diagnostic. */
  ownCodes: '5В',
} as const;

export interface SampleClass {
  /** School-wide ordinal number used in the forms («Порядковый номер класса») and Ф1 «Класс». */
  ordinal: number;
  name: string;
  grade: number;
  letter: string;
  size: number;
  /** Class effect on ability this school year (2025/2026). */
  effect: number;
  /** The same students' class effect last school year (2024/2025), for last year's ВПР. */
  prevEffect: number;
  inflated: boolean;
}

export interface SampleStudent {
  /** Participant code in this year's ВПР, the same for all of them: 40001, 40002… */
  code: number;
  cls: SampleClass;
  /** Number within the grade (1…), as the codes count. */
  index: number;
  /** Number in the class journal (1…). */
  seat: number;
  /** General ability: the class effect plus the student's own. */
  ability: number;
}

export interface School {
  classes: SampleClass[];
  students: SampleStudent[];
}

/** The model's knobs, in one place: logit units unless said otherwise. */
const MODEL = {
  /** Discrimination of every point. */
  A: 3.5,
  /** Distance between the thresholds of a task's successive points. */
  step: 0.5,
  /**
   * Targets are pulled this far towards 50 % before they become difficulties: the steep model stretches
   * their differences, and this keeps the easiest tasks near 95 % and the hardest near 15 %, as in
   * real reports, rather than at 100 % and 2 %.
   */
  squeeze: 0.7,
  /** Spread of the students' own ability in the compact majority. */
  sdOwn: 0.14,
  /** Share of weak students, how far below the majority they are, and their spread: a long tail. */
  weakShare: 0.08,
  weakShift: -1.2,
  sdWeak: 0.35,
  /** A student's lasting strength or weakness in a subject. */
  sdTalent: 0.07,
  /** A student's form on the day. */
  sdDay: 0.05,
  /** Ordinary classes differ a little; the strong and the weak class clearly. */
  sdClass: 0.06,
  strongEffect: 0.35,
  weakEffect: -0.4,
  /** The declining class: its effect last year and this year. */
  decliningBefore: 0.5,
  decliningNow: -0.35,
  /**
   * Journal marks: teachers' view in shares of the max (bias, spread); the inflated class's bias; in
   * the small class the teacher knows each student well, so the view is sharper.
   */
  journalBias: 0.0,
  journalSd: 0.05,
  inflatedBias: 0.12,
  smallJournalSd: 0.03,
  /** «X» (not attempted): base log-odds, weight of (difficulty − ability), weight of the task's place. */
  xBase: -4.4,
  xGap: 1.1,
  xLate: 0.8,
} as const;

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
      let effect = Math.max(-0.2, Math.min(0.2, MODEL.sdClass * rng.normal()));
      if (name === STORY.strong) effect = MODEL.strongEffect;
      else if (name === STORY.weak) effect = MODEL.weakEffect;
      // Last year the class was about where it is now, give or take.
      let prevEffect = effect + Math.max(-0.1, Math.min(0.1, 0.08 * rng.normal()));
      if (name === STORY.declining) {
        effect = MODEL.decliningNow;
        prevEffect = MODEL.decliningBefore;
      }
      const cls: SampleClass = {
        ordinal: ++ordinal,
        name,
        grade,
        letter,
        size,
        effect,
        prevEffect,
        inflated: name === STORY.inflated,
      };
      classes.push(cls);
      for (let seat = 1; seat <= size; seat++) {
        students.push({ code: grade * 10000 + ++index, cls, index, seat, ability: effect + ownAbility(rng) });
      }
    }
  }
  return { classes, students };
}

export type SampleScore = number | 'X';

export interface SampleResult {
  student: SampleStudent;
  /** The participant code on this procedure's sheet. */
  code: number;
  /** The class at the time of the procedure («4А» in ВПР 2025 for today's 5А) and its ordinal number. */
  className: string;
  ordinal: number;
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

function difficulty(task: SampleTask): number {
  const t = 0.5 + (task.target - 0.5) * MODEL.squeeze;
  return -logit(Math.min(0.97, Math.max(0.03, t)));
}

/** Expected completion %, for a given ability, of a paper with difficulties `bs` («X» included). */
function expectedCompletion(p: SampleProcedure, bs: readonly number[], ability: number): number {
  let total = 0;
  p.tasks.forEach((task, i) => {
    const b = bs[i] as number;
    const tried = 1 - notAttempted(b, ability, i / Math.max(1, p.tasks.length - 1));
    for (let k = 1; k <= task.max; k++) total += tried * sigmoid(MODEL.A * (ability - b - stepOffset(k, task.max)));
  });
  return (total / maxTotal(p)) * 100;
}

/**
 * The difficulties of a procedure's tasks: from their targets, all moved by one shift so that a
 * typical student (ability 0) completes `p.typical` % of the paper.
 */
function difficulties(p: SampleProcedure): number[] {
  const raw = p.tasks.map(difficulty);
  let lo = -6;
  let hi = 6;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (
      expectedCompletion(
        p,
        raw.map((b) => b - mid),
        0,
      ) < p.typical
    )
      lo = mid;
    else hi = mid;
  }
  const shift = (lo + hi) / 2;
  return raw.map((b) => b - shift);
}

function stepOffset(k: number, max: number): number {
  return (k - (max + 1) / 2) * MODEL.step;
}

export function markOf(total: number, cuts: readonly [number, number, number]): number {
  if (total >= cuts[2]) return 5;
  if (total >= cuts[1]) return 4;
  if (total >= cuts[0]) return 3;
  return 2;
}

/** Probability of «X» (did not attempt): weak students on hard tasks, more often towards the end. */
function notAttempted(b: number, ability: number, late: number): number {
  return sigmoid(MODEL.xBase + MODEL.xGap * (b - ability) + MODEL.xLate * late);
}

/** One student's paper: points per task, «X» for a task not attempted. */
function sitPaper(p: SampleProcedure, bs: readonly number[], ability: number, rng: Rng): { scores: SampleScore[]; total: number } {
  const scores: SampleScore[] = [];
  let total = 0;
  p.tasks.forEach((task, i) => {
    const b = bs[i] as number;
    // «X» (did not attempt): weak students on hard tasks, and more often towards the end of the paper.
    const late = i / Math.max(1, p.tasks.length - 1);
    if (rng.chance(notAttempted(b, ability, late))) {
      scores.push('X');
      return;
    }
    let pts = 0;
    for (let k = 1; k <= task.max; k++) if (rng.chance(sigmoid(MODEL.A * (ability - b - stepOffset(k, task.max))))) pts++;
    scores.push(pts);
    total += pts;
  });
  return { scores, total };
}

/** A student's own ability (without the class): most in a compact group, a minority clearly weaker. */
function ownAbility(rng: Rng): number {
  return rng.chance(MODEL.weakShare) ? MODEL.weakShift + MODEL.sdWeak * rng.normal() : MODEL.sdOwn * rng.normal();
}

export interface PopulationResult {
  /** Percent of participants with marks 2, 3, 4, 5. */
  marks: [number, number, number, number];
  /** Percent completion of each task. */
  completion: number[];
}

/**
 * A large population (a municipality, a region, the country) writing the same paper, `shift` above
 * or below the sample school's level: the «Эталоны» rows are drawn from the same model, so the school
 * sits plausibly beside them.
 */
export function simulatePopulation(p: SampleProcedure, seed: number, label: string, shift: number, n = 3000): PopulationResult {
  const rng = createRng(seed).fork(`population|${label}|${p.subject}|${p.grade}`);
  const bs = difficulties(p);
  const marks: [number, number, number, number] = [0, 0, 0, 0];
  const sums = p.tasks.map(() => 0);
  for (let i = 0; i < n; i++) {
    const ability = shift + MODEL.sdClass * rng.normal() + ownAbility(rng) + MODEL.sdTalent * rng.normal() + MODEL.sdDay * rng.normal();
    const { scores, total } = sitPaper(p, bs, ability, rng);
    const m = markOf(total, p.cuts) - 2;
    marks[m] = (marks[m] as number) + 1;
    scores.forEach((v, t) => {
      sums[t] = (sums[t] as number) + (typeof v === 'number' ? v : 0);
    });
  }
  return {
    marks: marks.map((k) => (k / n) * 100) as [number, number, number, number],
    completion: p.tasks.map((t, i) => ((sums[i] as number) / (n * t.max)) * 100),
  };
}

/** The student's code on the procedure's sheet. */
function codeIn(p: SampleProcedure, st: SampleStudent): number {
  // Last year's ВПР numbered the grade as this year's does: 40001… (hence «Соответствие кодов»).
  if (p.schoolYear < SCHOOL_YEAR) return p.grade * 10000 + st.index;
  if (p.kind === 'table' && st.cls.name === STORY.ownCodes) return st.seat;
  return st.code;
}

export interface SimulateOptions {
  /** Share of students absent (not participants), before the weak-student bump. */
  absentRate?: number;
  /** Share of «нет отметки» in the journal column. */
  noJournalRate?: number;
}

/** Results of one procedure for every student of its cohort, in class order then code order. */
export function simulate(school: School, p: SampleProcedure, seed: number, opts: SimulateOptions = {}): SampleResult[] {
  const rng: Rng = createRng(seed).fork(`${p.name}|${p.year}|${p.subject}|${p.grade}`);
  const talents = createRng(seed).fork('talent');
  const absentRate = opts.absentRate ?? 0.04;
  const noJournal = opts.noJournalRate ?? 0.015;
  const bs = difficulties(p);
  const grade = cohortGrade(p);
  const ordinals = new Map(school.classes.map((c) => [c.name, c.ordinal]));
  const current = p.schoolYear === SCHOOL_YEAR;
  const out: SampleResult[] = [];
  for (const st of school.students) {
    if (st.cls.grade !== grade) continue;
    const className = `${p.grade}${st.cls.letter}`;
    const ordinal = ordinals.get(className) as number;
    // The class of that school year, the student's lasting strength in the subject, the day's form.
    const classShift = current ? 0 : st.cls.prevEffect - st.cls.effect;
    const talent = talents.fork(`${st.code}|${p.subject}`).normal();
    const ability = st.ability + classShift + MODEL.sdTalent * talent + MODEL.sdDay * rng.normal();
    const variant: 1 | 2 = rng.chance(0.5) ? 1 : 2;
    const absent = rng.chance(ability < -1 ? absentRate * 1.6 : absentRate);
    // The journal mark follows what the student can do (their result, or the expected one when absent),
    // blurred by the teacher's view; in the «inflated» class the journal is about half a mark higher.
    const max = maxTotal(p);
    const journalOf = (points: number): number | null => {
      const bias = current && st.cls.inflated ? MODEL.inflatedBias : MODEL.journalBias;
      const sd = st.cls.name === STORY.small ? MODEL.smallJournalSd : MODEL.journalSd;
      const seen = points + max * (bias + sd * rng.normal());
      return rng.chance(noJournal) ? null : markOf(Math.round(seen), p.cuts);
    };
    const base = { student: st, code: codeIn(p, st), className, ordinal, variant };
    if (absent) {
      const journal = journalOf((expectedCompletion(p, bs, ability) / 100) * max);
      out.push({ ...base, absent: true, scores: [], total: 0, mark: null, journal });
      continue;
    }
    const { scores, total } = sitPaper(p, bs, ability, rng);
    out.push({ ...base, absent: false, scores, total, mark: markOf(total, p.cuts), journal: journalOf(total) });
  }
  return out;
}
