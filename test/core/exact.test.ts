// Exact at thresholds (issue 11): shares are ratios of integers and are compared with the thresholds
// exactly. In floating point 57 ÷ 100 × 100 = 56.99999999999999, so a task at exactly 57 % was
// «недостаточно»; these fixtures sit exactly on every default threshold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePercent, compareShareDifference, fraction } from '../../src/core/analysis/exact';
import type { CellValue } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { book, table } from '../helpers/findings';

describe('exact comparisons', () => {
  it('floating point gets the boundary wrong; the exact comparison does not', () => {
    expect((57 / 100) * 100 < 57).toBe(true);
    expect(comparePercent(57, 100, 57)).toBe(0);
    expect(comparePercent(57, 200, 28.5)).toBe(0);
    expect(comparePercent(56.5, 100, 57)).toBe(-1);
    expect(comparePercent(57, 100, 56.99)).toBe(1);
    expect(fraction(28.5)).toEqual([57, 2]);
    expect(fraction(0.1)).toEqual([1, 10]);
    // 5 of 6 → 14 of 15 is +10 points exactly; floating point says 9.999999999999986.
    expect((14 / 15) * 100 - (5 / 6) * 100 < 10).toBe(true);
    expect(compareShareDifference(14, 15, 5, 6, 10)).toBe(0);
  });

  it('agrees with BigInt cross-multiplication for any integers and one-decimal thresholds', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1000 }), (k, n, t10) => {
        const want = Math.sign(Number(BigInt(k) * 1000n - BigInt(t10) * BigInt(n)));
        expect(comparePercent(k, n, t10 / 10)).toBe(want);
      }),
    );
  });

  it('handles half points and huge products (BigInt path)', () => {
    expect(comparePercent(28.5, 50, 57)).toBe(0);
    expect(comparePercent(2 ** 40, 2 ** 41, 50)).toBe(0);
    expect(comparePercent(2 ** 40 - 1, 2 ** 41, 50)).toBe(-1);
  });
});

// 100 students of 7А; four 2-point tasks. Points: task 1 — 14 × 2 + 86 × 1 = 114 of 200 = 57 %;
// task 2 (П) — 57 × 1 = 57 of 200 = 28.5 %; task 3 — 20 × 2 + 80 × 1 = 120 of 200 = 60 %;
// task 4 (П) — 60 × 1 = 60 of 200 = 30 %.
function boundaryBook() {
  const rows = Array.from({ length: 100 }, (_, i) => ({
    code: 1000 + i,
    cls: '7А',
    scores: [i < 14 ? 2 : 1, i < 57 ? 1 : 0, i < 20 ? 2 : 1, i < 60 ? 1 : 0],
  }));
  const plan: CellValue[][] = [
    ['Задание', 'Макс. балл', 'Уровень'],
    ['1', 2, 'Б'],
    ['2', 2, 'П'],
    ['3', 2, 'Б'],
    ['4', 2, 'П'],
  ];
  return book({
    'ВПР 2026 Математика 7 класс': table(['1 (2б)', '2 (2б)', '3 (2б)', '4 (2б)'], rows, { marks: false }),
    'План заданий': plan,
  });
}

describe('every boundary share gets the inclusive status', () => {
  const run = runAnalysis(boundaryBook());
  const school = run.analyses[0]?.groups.find((g) => g.level === 'school');
  it('57 % and 28.5 % are «на грани», 60 % and 30 % are «достаточно»', () => {
    expect(run.ok).toBe(true);
    expect(school?.status).toEqual(['uncertain', 'uncertain', 'sufficient', 'sufficient']);
  });
  it('the percentages print as the thresholds themselves', () => {
    expect(school?.completion).toEqual([57, 28.5, 60, 30]);
  });
  it('a student with exactly half of a task’s points has no deficit on it', () => {
    // Student 1020: task 1 — 1 of 2 (half: no deficit); task 2 — 1 of 2; task 3 — 1 of 2; task 4 — 1 of 2.
    const a = run.analyses[0];
    const i = a?.procedure.students.findIndex((s) => s.code === '1020') as number;
    expect(a?.students[i]?.deficit).toEqual([false, false, false, false]);
    // Student 1099: tasks 2 and 4 — 0 of 2: deficits.
    const j = a?.procedure.students.findIndex((s) => s.code === '1099') as number;
    expect(a?.students[j]?.deficit).toEqual([false, true, false, true]);
  });
});

describe('risk and dynamics at their thresholds', () => {
  it('a score of exactly 50 % is not «меньше 50 %», and a drop of exactly 15 points is a decline', () => {
    // Max 20, risk.declinePoints = 15, risk.lowShare = 50. Student 1: 14 points (70 %) → 11 (55 %): a drop of exactly
    // 15 points (floating point: 14.999999999999993). Student 2: 10 points (50 %) twice: not low, no decline.
    const autumn = table(
      ['1 (10б)', '2 (10б)'],
      [
        { code: 1, cls: '5А', scores: [7, 7], mark: 4 },
        { code: 2, cls: '5А', scores: [5, 5], mark: 3 },
      ],
    );
    const spring = table(
      ['1 (10б)', '2 (10б)'],
      [
        { code: 1, cls: '5А', scores: [6, 5], mark: 4 },
        { code: 2, cls: '5А', scores: [5, 5], mark: 3 },
      ],
    );
    const run = runAnalysis(book({ 'Диагностика окт 2025 МА 5': autumn, 'ВПР 2026 МА 5': spring }));
    expect(run.ok).toBe(true);
    const byCode = new Map(run.findings.atRisk.map((p) => [p.code, p.reasons.map((r) => r.rule)]));
    expect(byCode.get('1')).toEqual(['decline']);
    expect(byCode.has('2')).toBe(false);
  });

  it('the share of «2» rising by exactly 10 points is negative dynamics', () => {
    // Autumn: 5 of 6 got «2» (83.3 %); spring: 14 of 15 (93.3 %): +10 points exactly.
    const rows = (n: number, twos: number) =>
      Array.from({ length: n }, (_, i) => ({ code: 100 + i, cls: '6А', scores: [i < twos ? 1 : 9], mark: i < twos ? 2 : 5 }));
    const run = runAnalysis(
      book({ 'Диагностика окт 2025 МА 6': table(['1 (10б)'], rows(6, 5)), 'ВПР 2026 МА 6': table(['1 (10б)'], rows(15, 14)) }),
    );
    expect(run.ok).toBe(true);
    const step = run.findings.dynamics.classes[0];
    expect(step?.negative).toBe(true);
  });
});
