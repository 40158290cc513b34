// Properties that must hold for any school: classes add up to parallels and the school, and the
// completion of a group is its points over its participants' max, whatever the data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDeficits } from '../../src/core/analysis/deficits';
import type { CellValue } from '../../src/core/grid';
import { readWorkbook } from '../../src/core/input/workbook';

const MAX = [1, 2, 3, 1];
const HEADER = ['Код участника', 'Класс', ...MAX.map((m, i) => `${i + 1} (${m}б)`)];

const studentArb = fc.record({
  grade: fc.integer({ min: 4, max: 6 }),
  letter: fc.constantFrom('А', 'Б', 'В'),
  scores: fc.tuple(...MAX.map((m) => fc.oneof(fc.integer({ min: 0, max: m }), fc.constant('X' as const)))),
});

function gridOf(students: { grade: number; letter: string; scores: (number | 'X')[] }[]): CellValue[][] {
  return [HEADER, ...students.map((s, i) => [1000 + i, `${s.grade}${s.letter}`, ...s.scores])];
}

describe('group statistics add up', () => {
  it('participants and points of classes sum to their parallel and to the school', () => {
    fc.assert(
      fc.property(fc.array(studentArb, { minLength: 1, maxLength: 60 }), (students) => {
        const data = readWorkbook({ name: 'Т', grids: [{ name: 'Диагностика математика', values: gridOf(students) }] });
        expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const proc = data.procedures[0]!;
        const a = analyseDeficits(proc, data.settings);
        const classes = a.groups.filter((g) => g.level === 'class');
        const parallels = a.groups.filter((g) => g.level === 'parallel');
        const school = a.groups.find((g) => g.level === 'school')!;
        const points = (g: (typeof a.groups)[number], i: number) =>
          ((g.completion[i] as number) / 100) * g.participants * (MAX[i] as number);

        expect(classes.reduce((s, g) => s + g.participants, 0)).toBe(students.length);
        expect(school.participants).toBe(students.length);
        for (const par of parallels) {
          const mine = classes.filter((c) => c.grade === par.grade);
          expect(mine.reduce((s, g) => s + g.participants, 0)).toBe(par.participants);
          MAX.forEach((_, i) => {
            expect(mine.reduce((s, g) => s + points(g, i), 0)).toBeCloseTo(points(par, i), 9);
          });
        }
        MAX.forEach((_, i) => {
          // Independent: the school's points on task i straight from the scores (X = 0).
          const direct = students.reduce((s, st) => s + (typeof st.scores[i] === 'number' ? (st.scores[i] as number) : 0), 0);
          expect(points(school, i)).toBeCloseTo(direct, 9);
          expect(school.completion[i]).toBeGreaterThanOrEqual(0);
          expect(school.completion[i]).toBeLessThanOrEqual(100);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a per-student deficit is exactly "fewer than half the points"', () => {
    fc.assert(
      fc.property(fc.array(studentArb, { minLength: 1, maxLength: 20 }), (students) => {
        const data = readWorkbook({ name: 'Т', grids: [{ name: 'Диагностика математика', values: gridOf(students) }] });
        const a = analyseDeficits(data.procedures[0]!, data.settings);
        a.students.forEach((st, k) => {
          const src = data.procedures[0]!.students[k]!;
          st.deficit.forEach((d, i) => {
            const v = src.scores[i];
            expect(d).toBe((typeof v === 'number' ? v : 0) < (MAX[i] as number) / 2);
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
