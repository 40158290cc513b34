// Properties of the statistics of marks for any school: class counts add up to their parallel and to
// the school, and the completion of the mark groups adds up to the completion of all participants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseDeficits } from '../../src/core/analysis/deficits';
import { completionByMark, markCounts, marksByGroup } from '../../src/core/analysis/mark-groups';
import type { CellValue } from '../../src/core/grid';
import { readWorkbook } from '../../src/core/input/workbook';

const MAX = [1, 2, 3];
const HEADER = ['Код участника', 'Класс', ...MAX.map((m, i) => `${i + 1} (${m}б)`), 'Отметка', 'Отметка по журналу'];
const markArb = fc.oneof(fc.integer({ min: 2, max: 5 }), fc.constant(null));

const studentArb = fc.record({
  grade: fc.integer({ min: 5, max: 7 }),
  letter: fc.constantFrom('А', 'Б', 'В'),
  scores: fc.tuple(...MAX.map((m) => fc.oneof(fc.integer({ min: 0, max: m }), fc.constant('X' as const)))),
  mark: markArb,
  journal: markArb,
});
type Gen = { grade: number; letter: string; scores: (number | 'X')[]; mark: number | null; journal: number | null };

function gridOf(students: Gen[]): CellValue[][] {
  return [HEADER, ...students.map((s, i) => [1000 + i, `${s.grade}${s.letter}`, ...s.scores, s.mark, s.journal ?? 'нет отметки'])];
}

function analyse(students: Gen[]) {
  const data = readWorkbook({ name: 'Т', grids: [{ name: 'Диагностика математика', values: gridOf(students) }] });
  expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return analyseDeficits(data.procedures[0]!, data.settings);
}

const KEYS = ['2', '3', '4', '5'] as const;
const J = ['lowered', 'confirmed', 'raised'] as const;

describe('marks add up across groups', () => {
  it('class mark and journal counts sum to their parallel and to the school', () => {
    fc.assert(
      fc.property(fc.array(studentArb, { minLength: 1, maxLength: 60 }), (students) => {
        const a = analyse(students);
        const p = a.procedure;
        const counts = new Map(a.groups.map((g) => [g, markCounts(p, g)]));
        const classes = a.groups.filter((g) => g.level === 'class');
        const school = a.groups.find((g) => g.level === 'school')!;
        const sum = (gs: typeof classes, pick: (c: ReturnType<typeof markCounts>) => number) =>
          gs.reduce((s, g) => s + pick(counts.get(g)!), 0);
        for (const par of a.groups.filter((g) => g.level === 'parallel')) {
          const mine = classes.filter((c) => c.grade === par.grade);
          for (const k of KEYS) expect(sum(mine, (c) => c.marks[k])).toBe(counts.get(par)!.marks[k]);
          for (const k of J) expect(sum(mine, (c) => c.journal[k])).toBe(counts.get(par)!.journal[k]);
        }
        for (const k of KEYS) {
          expect(sum(classes, (c) => c.marks[k])).toBe(counts.get(school)!.marks[k]);
          // Independent: straight from the generated rows.
          expect(counts.get(school)!.marks[k]).toBe(students.filter((s) => String(s.mark) === k).length);
        }
        const both = students.filter((s) => s.mark !== null && s.journal !== null);
        expect(counts.get(school)!.journal).toEqual({
          lowered: both.filter((s) => (s.mark as number) < (s.journal as number)).length,
          confirmed: both.filter((s) => s.mark === s.journal).length,
          raised: both.filter((s) => (s.mark as number) > (s.journal as number)).length,
        });
        // Percentages of a group with marks add up to 100; quality ≤ успеваемость.
        for (const { marks } of marksByGroup(a)) {
          if (marks.n === 0) continue;
          expect(marks.percent[2] + marks.percent[3] + marks.percent[4] + marks.percent[5]).toBeCloseTo(100, 9);
          expect(marks.quality).toBeLessThanOrEqual(marks.success + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('points of the mark groups add up to the points of the students with a mark', () => {
    fc.assert(
      fc.property(fc.array(studentArb, { minLength: 1, maxLength: 40 }), (students) => {
        const a = analyse(students);
        const groups = completionByMark(a.procedure);
        MAX.forEach((max, i) => {
          const fromGroups = groups.reduce((s, g) => s + (g.n > 0 ? ((g.completion[i] as number) / 100) * g.n * max : 0), 0);
          const direct = students
            .filter((s) => s.mark !== null)
            .reduce((s, st) => s + (typeof st.scores[i] === 'number' ? (st.scores[i] as number) : 0), 0);
          expect(fromGroups).toBeCloseTo(direct, 9);
        });
        expect(groups.reduce((s, g) => s + g.n, 0)).toBe(students.filter((s) => s.mark !== null).length);
      }),
      { numRuns: 100 },
    );
  });
});
