// Filled forms written by other programs (issue 11 «Done when»): openpyxl's files keep formulas without
// cached values («Итого баллов», «Первичный балл», «Отметка»), a merged Ф1 school row, another tool's
// class header and summary block; LibreOffice's copy is recalculated. Each is read from the .xlsx and its
// completion per class and school must equal an independent computation from the fixture's data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { formatProblem } from '../../src/core/problems';
import { readXlsx } from '../../src/local/xlsx';
import { OGE_ROWS, rowPoints } from '../fixtures/layouts/gia';
import { markOf, PRESENT, SCHOOL, total } from '../fixtures/layouts/layouts';

const DIR = join(import.meta.dirname, '../fixtures/layouts');
/** Named as the real download is: the file name carries the subject and grade. */
const FORM = 'Форма сбора результатов Математика 7 класс ВПР 2026.xlsx';
const FORM_LO = 'Форма сбора результатов Математика 7 класс ВПР 2026 (LibreOffice).xlsx';

/** Straight from school.json: completion % per class name and for the school, and the marks. */
function independent() {
  const groups = new Map<string, typeof PRESENT>();
  for (const c of SCHOOL.classes)
    groups.set(
      c.name,
      PRESENT.filter((s) => s.class === c.number),
    );
  groups.set('(школа)', PRESENT);
  const out = new Map<string, { n: number; completion: number[]; marks: number[] }>();
  for (const [name, list] of groups) {
    const completion = SCHOOL.tasks.map((t, i) => {
      let pts = 0;
      for (const s of list) {
        const v = s.scores?.[i];
        if (typeof v === 'number') pts += v;
      }
      return (pts / (list.length * t.max)) * 100;
    });
    const marks = [2, 3, 4, 5].map((m) => list.filter((s) => markOf(total(s)) === m).length);
    out.set(name, { n: list.length, completion, marks });
  }
  return out;
}

async function read(file: string) {
  const { data } = await readXlsx(join(DIR, file));
  const run = runAnalysis(data);
  expect(run.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  return run;
}

describe('.xlsx files written by other programs', () => {
  const want = independent();
  it.each([FORM, FORM_LO, 'f1-merged.xlsx'])('%s: completion and marks equal the independent computation', async (file) => {
    const run = await read(file);
    const a = run.analyses[0];
    expect(a?.procedure.meta).toMatchObject({ subject: 'Математика', grade: 7, year: 2026, kind: 'ВПР' });
    for (const g of a?.groups ?? []) {
      if (g.level === 'parallel') continue;
      const w = want.get(g.level === 'school' ? '(школа)' : g.name);
      expect(w, g.name).toBeDefined();
      expect(g.participants).toBe(w?.n);
      g.completion.forEach((c, i) => {
        expect(c, `${g.name} ${SCHOOL.tasks[i]?.id}`).toBeCloseTo(w?.completion[i] as number, 9);
      });
      const st = a?.procedure.students.filter((s) => g.members.includes(a.procedure.students.indexOf(s)));
      expect(
        [2, 3, 4, 5].map((m) => st?.filter((s) => s.mark === m).length),
        g.name,
      ).toEqual(w?.marks);
    }
  });

  it('the other tool’s form: absent rows without a class count at the school, its summary block is left out with a note', async () => {
    const run = await read(FORM);
    const p = run.data.procedures[0];
    expect(p?.absent.map((s) => [s.code, s.className])).toEqual([
      ['706', '7А'],
      ['790', ''],
    ]);
    expect(run.problems.find((x) => x.code === 'table-end')?.message).toMatch(/строки \d+–\d+ ниже пустой строки/);
    // «Итого баллов» formulas without values: a note, not 14 mismatch warnings.
    expect(run.problems.filter((x) => x.code === 'total-mismatch')).toEqual([]);
    expect(run.problems.find((x) => x.code === 'total-column-empty')?.message).toContain('«Итого баллов»');
  });

  it('the Ф1 with formulas without values: marks recomputed from the scale, the column named', async () => {
    const run = await read('f1-merged.xlsx');
    expect(run.data.procedures[0]?.markSource).toBe('scale');
    expect(run.problems.find((x) => x.code === 'marks-from-scale')?.message).toContain('«Отметка»');
    expect(run.data.procedures[0]?.schools).toEqual([SCHOOL.school]);
  });
});

describe('an ОГЭ protocol written by another program', () => {
  it('gives the completion and marks of the independent computation from its strings', async () => {
    const run = await read('ОГЭ 2026 Математика протокол.xlsx');
    const p = run.data.procedures[0];
    expect(p?.layout).toBe('gia-protocol');
    expect(p?.meta).toMatchObject({ kind: 'ОГЭ', subject: 'Математика', grade: 9 });
    const maxes = [1, 1, 2, 1, 1, 2, 2];
    for (const g of run.analyses[0]?.groups ?? []) {
      const rows = g.level === 'class' ? OGE_ROWS.filter((r) => r.cls === g.name) : OGE_ROWS;
      const pts = rows.map(rowPoints);
      g.completion.forEach((c, i) => {
        expect(c, `${g.name} ${i + 1}`).toBeCloseTo(
          (pts.reduce((a, x) => a + (x[i] as number), 0) * 100) / (rows.length * (maxes[i] as number)),
          9,
        );
      });
    }
    expect(p?.students.map((s) => s.mark)).toEqual(OGE_ROWS.map((r) => r.mark));
    expect(p?.students.filter((s) => s.belowThreshold).length).toBe(2);
  });
});
