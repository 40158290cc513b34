// Distribution of primary scores and its peaks (docs/domain.md §6): a bin is a peak when it holds at
// least `factor` × the mean bin, at least mean + 1, and at least `minStudents` students.
// A peak counts as «at a cut-off» only when it also stands out from the score just below the cut
// (≥ `jump` × that bin): an honest bell curve whose top happens to sit on a cut-off has no such step,
// while marks pulled up to the threshold leave a gap below it. jump = 0 turns the extra test off.
import type { Procedure, Student } from '../model';
import { atLeastTimes } from './exact';

export interface Distribution {
  /** counts[score] for score 0…maxTotal (fractional totals are floored into their bin). */
  counts: number[];
  n: number;
  meanBin: number;
  peaks: number[];
  /** Peaks exactly at a cut-off (the lowest score of mark 3, 4 or 5). */
  peaksAtCuts: { score: number; mark: number; count: number; below: number }[];
}

export interface PeakRule {
  factor: number;
  minStudents: number;
  jump: number;
}

export const DEFAULT_PEAK_RULE: PeakRule = { factor: 1.5, minStudents: 2, jump: 1.5 };

export function distribution(p: Procedure, students: readonly Student[] = p.students, rule: PeakRule = DEFAULT_PEAK_RULE): Distribution {
  const bins = Math.max(0, Math.floor(p.maxTotal)) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (const s of students) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(s.total)));
    counts[b] = (counts[b] as number) + 1;
  }
  const n = students.length;
  const meanBin = n / bins;
  const peaks: number[] = [];
  counts.forEach((c, score) => {
    // Exactly, in counts: c ≥ factor × n/bins ⇔ c·bins ≥ factor·n; c ≥ n/bins + 1 ⇔ c·bins ≥ n + bins.
    if (atLeastTimes(c * bins, rule.factor, n) && c * bins >= n + bins && c >= rule.minStudents) peaks.push(score);
  });
  const peaksAtCuts: Distribution['peaksAtCuts'] = [];
  if (p.cuts) {
    p.cuts.forEach((cut, i) => {
      const count = counts[cut] as number;
      const below = cut > 0 ? (counts[cut - 1] as number) : 0;
      if (peaks.includes(cut) && atLeastTimes(count, rule.jump, below)) peaksAtCuts.push({ score: cut, mark: i + 3, count, below });
    });
  }
  return { counts, n, meanBin, peaks, peaksAtCuts };
}
