// Distribution of primary scores and its peaks (DOMAIN.md §6): a bin is a peak when it holds at
// least `peakFactor` × the mean bin, at least mean + 1, and at least `peakMin` students.
import type { Procedure, Student } from '../model';

export interface Distribution {
  /** counts[score] for score 0…maxTotal (fractional totals are floored into their bin). */
  counts: number[];
  n: number;
  meanBin: number;
  peaks: number[];
  /** Peaks exactly at a cut-off (the lowest score of mark 3, 4 or 5). */
  peaksAtCuts: { score: number; mark: number; count: number }[];
}

export interface PeakRule {
  factor: number;
  minStudents: number;
}

export const DEFAULT_PEAK_RULE: PeakRule = { factor: 1.5, minStudents: 2 };

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
    if (c >= rule.factor * meanBin && c >= meanBin + 1 && c >= rule.minStudents) peaks.push(score);
  });
  const peaksAtCuts: Distribution['peaksAtCuts'] = [];
  if (p.cuts) {
    p.cuts.forEach((cut, i) => {
      if (peaks.includes(cut)) peaksAtCuts.push({ score: cut, mark: i + 3, count: counts[cut] as number });
    });
  }
  return { counts, n, meanBin, peaks, peaksAtCuts };
}
