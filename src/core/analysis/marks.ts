// Statistics of marks and the comparison with journal marks (docs/domain.md §4), per group.
// Percentages are of the participants who have the marks compared, as ФИС ОКО reports them.
import type { Student } from '../model';

export type Mark = 2 | 3 | 4 | 5;
export const MARKS: readonly Mark[] = [2, 3, 4, 5];

export interface MarkStats {
  /** Participants with a mark for the procedure. */
  n: number;
  counts: Record<Mark, number>;
  percent: Record<Mark, number>;
  /** «Качество»: share of 4 and 5, %. */
  quality: number;
  /** «Успеваемость»: share of 3, 4 and 5, %. */
  success: number;
}

export interface JournalStats {
  /** Participants who have both the procedure mark and a journal mark. */
  n: number;
  lowered: number;
  confirmed: number;
  raised: number;
  loweredPct: number;
  confirmedPct: number;
  raisedPct: number;
}

/** One correctly rounded division: a share equal to a threshold prints as the threshold. */
const pct = (k: number, n: number) => (n > 0 ? (k * 100) / n : Number.NaN);

export function markStats(students: readonly Student[]): MarkStats {
  const counts: Record<Mark, number> = { 2: 0, 3: 0, 4: 0, 5: 0 };
  let n = 0;
  for (const s of students) {
    if (s.mark === null) continue;
    counts[s.mark as Mark]++;
    n++;
  }
  return {
    n,
    counts,
    percent: { 2: pct(counts[2], n), 3: pct(counts[3], n), 4: pct(counts[4], n), 5: pct(counts[5], n) },
    quality: pct(counts[4] + counts[5], n),
    success: pct(counts[3] + counts[4] + counts[5], n),
  };
}

/** Понизили: mark < journal; Подтвердили: equal; Повысили: mark > journal. */
export function journalStats(students: readonly Student[]): JournalStats {
  let lowered = 0;
  let confirmed = 0;
  let raised = 0;
  for (const s of students) {
    if (s.mark === null || s.journalMark === null) continue;
    if (s.mark < s.journalMark) lowered++;
    else if (s.mark > s.journalMark) raised++;
    else confirmed++;
  }
  const n = lowered + confirmed + raised;
  return { n, lowered, confirmed, raised, loweredPct: pct(lowered, n), confirmedPct: pct(confirmed, n), raisedPct: pct(raised, n) };
}

export interface JournalGap {
  student: Student;
  mark: number;
  journalMark: number;
  /** mark − journal mark: negative when the procedure is lower. */
  gap: number;
}

/** Students whose procedure mark and journal mark differ by `minGap` or more. */
export function journalGaps(students: readonly Student[], minGap: number): JournalGap[] {
  const out: JournalGap[] = [];
  for (const s of students) {
    if (s.mark === null || s.journalMark === null) continue;
    const gap = s.mark - s.journalMark;
    if (Math.abs(gap) >= minGap) out.push({ student: s, mark: s.mark, journalMark: s.journalMark, gap });
  }
  return out;
}
