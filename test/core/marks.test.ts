import { describe, expect, it } from 'vitest';
import { distribution } from '../../src/core/analysis/distribution';
import { journalGaps, journalStats, markStats } from '../../src/core/analysis/marks';
import { inferCuts, readWorkbook } from '../../src/core/input/workbook';
import type { Procedure, Student } from '../../src/core/model';
import { formWorkbook } from '../helpers/grids';

const st = (mark: number | null, journalMark: number | null, total = 0): Student => ({
  code: String(Math.random()),
  school: 'Ш',
  className: '5А',
  grade: 5,
  scores: [],
  total,
  mark,
  journalMark,
  row: 1,
});

describe('statistics of marks', () => {
  it('counts 2/3/4/5, quality and успеваемость among students with a mark', () => {
    // marks 2, 3, 3, 4, 5 and one without a mark: n = 5; quality = 2/5 = 40 %; success = 4/5 = 80 %
    const s = markStats([st(2, 3), st(3, 3), st(3, 4), st(4, null), st(5, 5), st(null, 4)]);
    expect(s.n).toBe(5);
    expect(s.counts).toEqual({ 2: 1, 3: 2, 4: 1, 5: 1 });
    expect(s.percent[3]).toBeCloseTo(40, 10);
    expect(s.quality).toBeCloseTo(40, 10);
    expect(s.success).toBeCloseTo(80, 10);
  });

  it('compares with journal marks among students who have both', () => {
    // (2,3) lowered; (3,3) confirmed; (3,4) lowered; (4,–) not counted; (5,5) confirmed; (–,4) not counted
    const j = journalStats([st(2, 3), st(3, 3), st(3, 4), st(4, null), st(5, 5), st(null, 4), st(5, 3)]);
    expect(j).toMatchObject({ n: 5, lowered: 2, confirmed: 2, raised: 1 });
    expect(j.loweredPct).toBeCloseTo(40, 10);
    expect(j.raisedPct).toBeCloseTo(20, 10);
  });

  it('lists gaps of two marks or more, both ways', () => {
    const gaps = journalGaps([st(2, 4), st(3, 4), st(5, 3), st(2, 5)], 2);
    expect(gaps.map((g) => g.gap)).toEqual([-2, 2, -3]);
  });

  it('works on the fixture: scale marks 5,2,3,4,2 vs journal 5,3,4,–,2', () => {
    const p = readWorkbook(formWorkbook()).procedures[0]!;
    expect(markStats(p.students).counts).toEqual({ 2: 2, 3: 1, 4: 1, 5: 1 });
    // 101: 5=5 confirmed; 102: 2<3 lowered; 103: 3<4 lowered; 201: no journal mark; 202: 2=2 confirmed
    expect(journalStats(p.students)).toMatchObject({ n: 4, lowered: 2, confirmed: 2, raised: 0 });
  });
});

describe('score distribution and peaks at cut-offs', () => {
  const proc = (totals: number[], cuts: [number, number, number] | null): Procedure => ({
    key: 'k',
    title: 't',
    meta: { kind: 'ВПР', year: 2026, subject: 'Математика', grade: 5, date: null },
    sheet: 's',
    layout: 'generic',
    tasks: [],
    students: totals.map((t) => st(null, null, t)),
    absent: [],
    maxTotal: 9,
    markSource: 'scale',
    cuts,
    planSource: null,
    markColumn: null,
    threshold: null,
    schools: ['Ш'],
  });

  it('finds a peak exactly at the cut-off of mark 3', () => {
    // 20 students over 10 bins: mean bin 2. Score 4 holds 6 ≥ 1.5·2 = 3 and ≥ 2 + 1 = 3 → peak.
    // Score 7 holds 3: ≥ 3 and ≥ 3 → peak too, but 7 is not a cut-off.
    const totals = [0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 5, 5, 6, 7, 7, 7, 8, 9, 2, 1];
    const d = distribution(proc(totals, [4, 6, 8]));
    expect(d.counts).toEqual([1, 2, 2, 1, 6, 2, 1, 3, 1, 1]);
    expect(d.meanBin).toBe(2);
    expect(d.peaks).toEqual([4, 7]);
    expect(d.peaksAtCuts).toEqual([{ score: 4, mark: 3, count: 6, below: 1 }]);
  });

  it('does not count the top of an honest bell curve that happens to sit on a cut-off', () => {
    // 30 students: 0,1,2,4,6,6,4,3,2,2 over scores 0–9; mean bin 3. Scores 4 and 5 (6 each) are peaks
    // (≥ 4.5 and ≥ 4), and 5 is the cut-off of «4» — but score 4 just below also holds 6: no step.
    const totals = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 9, 9];
    const d = distribution(proc(totals, [3, 5, 8]));
    expect(d.counts).toEqual([0, 1, 2, 4, 6, 6, 4, 3, 2, 2]);
    expect(d.peaks).toEqual([4, 5]);
    expect(d.peaksAtCuts).toEqual([]);
    // Without the step test (jump 0) the same bin would be reported.
    expect(distribution(proc(totals, [3, 5, 8]), undefined, { factor: 1.5, minStudents: 2, jump: 0 }).peaksAtCuts).toEqual([
      { score: 5, mark: 4, count: 6, below: 6 },
    ]);
  });

  it('needs at least two students in a bin', () => {
    // 2 students over 10 bins: mean 0.2; a bin of 1 is ≥ 0.3 and ≥ 1.2? no → no peak.
    expect(distribution(proc([4, 6], [4, 6, 8])).peaks).toEqual([]);
  });

  it('infers cut-offs from consistent file marks, and refuses inconsistent ones', () => {
    const p = proc([], null);
    p.students = [st(2, null, 3), st(3, null, 4), st(3, null, 5), st(4, null, 6), st(5, null, 8)];
    expect(inferCuts(p)).toEqual([4, 6, 8]);
    p.students.push(st(2, null, 7)); // a 2 with more points than the lowest 3, 4 and 5
    expect(inferCuts(p)).toBeNull();
  });
});
