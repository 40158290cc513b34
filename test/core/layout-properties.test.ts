// Property (issue 11): shuffling the rows, adding blank and notes rows after the table and renaming
// classes to lookalike spellings leave every figure unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcedureAnalysis } from '../../src/core/analysis/deficits';
import { markCounts } from '../../src/core/analysis/mark-groups';
import type { CellValue, Workbook } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { clean, spellings } from '../fixtures/layouts/layouts';

/** Every figure, by class name (sorted) and for the school. */
function figures(wb: Workbook) {
  const run = runAnalysis(wb);
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const a = run.analyses[0] as ProcedureAnalysis;
  return {
    absent: a.procedure.absent.length,
    groups: a.groups.map((g) => ({
      level: g.level,
      name: g.name,
      participants: g.participants,
      absent: g.absent,
      completion: g.completion,
      status: g.status,
      mean: g.meanCompletion,
      ...markCounts(a.procedure, g),
    })),
  };
}

/** Rows another tool or a person leaves under the table. */
const NOTES: CellValue[][] = [
  ['№', 'Проверяемые требования (умения)', 'Максимальный балл', '% выполнения'],
  [1, 'Умение выполнять арифметические действия', 2, '56,5'],
  [2, 'Решать текстовые задачи', 1, 40],
  ['Итого', null, 7, '58,3'],
  ['Средний балл', null, '4,1'],
  ['Составил: зам. директора по УВР'],
  ['Примечание: работа проведена 16.04.2026'],
];

const LOOKALIKES: Record<string, string[]> = {
  '7А': ['7А', '7A', '7 а', '7-А', '7 "А"', '7а', '7 «А»', '7a'],
  '7Б': ['7Б', '7 б', '7-Б', '7б', '7 "Б"'],
  '7В': ['7В', '7B', '7в', '7 В', '7-в', '7b'],
};

const tail = fc.record({
  blanks: fc.integer({ min: 1, max: 3 }),
  notes: fc.subarray(NOTES, { minLength: 1 }),
});

function withTail(values: CellValue[][], t: { blanks: number; notes: CellValue[][] }): CellValue[][] {
  return [...values, ...Array.from({ length: t.blanks }, () => []), ...t.notes];
}

describe('figures do not depend on row order, trailing notes or class spellings', () => {
  it('a hand-typed table: shuffled rows, notes after a blank row, lookalike class names', () => {
    const base = spellings();
    const [header, ...rows] = (base.grids[0] as { values: CellValue[][] }).values;
    const reference = figures(base);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        fc.array(fc.nat(), { minLength: rows.length, maxLength: rows.length }),
        tail,
        (shuffled, picks, t) => {
          const renamed = shuffled.map((r, i) => {
            const cls = r[1];
            if (typeof cls !== 'string') return r;
            const canonical = Object.keys(LOOKALIKES).find(
              (k) => (LOOKALIKES[k] as string[]).includes(cls) || cls.replace(/\W/g, '') === k,
            );
            const pool = LOOKALIKES[canonical ?? ''] ?? [cls];
            return [r[0] as CellValue, pool[(picks[i] as number) % pool.length] as string, ...r.slice(2)];
          });
          const wb: Workbook = {
            ...base,
            grids: [
              { name: base.grids[0]?.name as string, values: withTail([header as CellValue[], ...renamed], t) },
              ...base.grids.slice(1),
            ],
          };
          expect(figures(wb)).toEqual(reference);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('the official form: shuffled rows, template rows, then notes', () => {
    const base = clean();
    const values = base.grids[0]?.values as CellValue[][];
    const header = values[0] as CellValue[];
    const rows = values.slice(1).filter((r) => r.some((v, i) => i < r.length - 1 && v !== null));
    const reference = figures(base);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), tail, (shuffled, t) => {
        const wb: Workbook = { ...base, grids: [{ name: 'Протокол', values: withTail([header, ...shuffled], t) }, ...base.grids.slice(1)] };
        expect(figures(wb)).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
