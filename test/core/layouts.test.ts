// Real layouts in, honest results out (issue 11). One school's ВПР results (test/fixtures/layouts/
// school.json) in every layout and spelling ОКО accepts; each gives the same figures as the clean form,
// and the clean form's figures are checked by hand below.
import { describe, expect, it } from 'vitest';
import type { ProcedureAnalysis } from '../../src/core/analysis/deficits';
import { markCounts } from '../../src/core/analysis/mark-groups';
import { runAnalysis } from '../../src/core/pipeline';
import { formatProblem } from '../../src/core/problems';
import {
  ABSENT,
  CORPUS,
  className,
  clean,
  f1,
  headers,
  markOf,
  PRESENT,
  SCHOOL,
  spellings,
  total,
  trailingBlock,
  typed,
} from '../fixtures/layouts/layouts';

interface GroupFigures {
  participants: number;
  completion: string[];
  mean: string;
  status: string[];
  marks: ReturnType<typeof markCounts>['marks'];
  journal: ReturnType<typeof markCounts>['journal'];
}

const r6 = (x: number) => x.toFixed(6);

/** Every figure of the analysis, by class and for the school (whatever the school is called in the file). */
function figures(a: ProcedureAnalysis): Record<string, GroupFigures> {
  const out: Record<string, GroupFigures> = {};
  const school = a.groups.find((g) => g.level === 'school')?.school;
  for (const g of a.groups) {
    if (g.school !== school) continue;
    const key = g.level === 'school' ? '(школа)' : g.name;
    const c = markCounts(a.procedure, g);
    out[key] = {
      participants: g.participants,
      completion: g.completion.map(r6),
      mean: r6(g.meanCompletion),
      status: g.status,
      marks: c.marks,
      journal: c.journal,
    };
  }
  return out;
}

function analyse(make: () => ReturnType<typeof clean>) {
  const run = runAnalysis(make());
  expect(run.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  expect(run.ok).toBe(true);
  return run;
}

describe('the clean form, checked by hand', () => {
  const run = analyse(clean);
  const a = run.analyses[0] as ProcedureAnalysis;
  const f = figures(a);

  it('reads 12 participants and 2 absent (one of 7А, one whose row names no class)', () => {
    expect(a.procedure.students).toHaveLength(12);
    expect(a.procedure.absent.map((s) => [s.code, s.className])).toEqual([
      ['706', '7А'],
      ['790', ''],
    ]);
    expect(a.groups.map((g) => [g.name, g.absent])).toEqual([
      ['7А', 1],
      ['7Б', 0],
      ['7В', 0],
      ['7 классы', 1],
      ['Школа', 2],
    ]);
  });

  it('computes completion per class and school as ФИС ОКО does', () => {
    // 7А: task 1: 1+1+0+1+1 = 4 of 5 → 80 %; task 2: 2+1+2+0+2 = 7 of 10 → 70 %; task 3: 3 of 5 → 60 %;
    // 4К1: 2+1+X+0+1 = 4 of 10 → 40 %; 4К2: 3 of 5 → 60 %; work: 21 of 35 → 60 %.
    expect(f['7А']?.completion).toEqual(['80.000000', '70.000000', '60.000000', '40.000000', '60.000000']);
    expect(f['7А']?.mean).toBe('60.000000');
    // 7Б: 3/4, 4/8, 2/4 (X = 0), 4/8, 2/4 → 75, 50, 50, 50, 50 %; work 15 of 28.
    expect(f['7Б']?.completion).toEqual(['75.000000', '50.000000', '50.000000', '50.000000', '50.000000']);
    expect(f['7Б']?.mean).toBe(r6((15 * 100) / 28));
    // School: 9/12, 14/24, 7/12, 12/24, 7/12; work 49 of 84 = 58,33 %.
    expect(f['(школа)']?.completion).toEqual(['75.000000', r6(1400 / 24), r6(700 / 12), '50.000000', r6(700 / 12)]);
    expect(f['(школа)']?.mean).toBe(r6(4900 / 84));
    // Basic level (no plan): ≥ 60 sufficient, 57–60 uncertain, < 57 insufficient; 58,33 % is «на грани».
    expect(f['(школа)']?.status).toEqual(['sufficient', 'uncertain', 'uncertain', 'insufficient', 'uncertain']);
    // 7А task 3 at exactly 60 % is sufficient; 4К1 at 40 % is not.
    expect(f['7А']?.status).toEqual(['sufficient', 'sufficient', 'sufficient', 'insufficient', 'sufficient']);
  });

  it('computes marks from the scale (3 ≥ 3, 4 ≥ 5, 5 ≥ 7) and compares them with the previous marks', () => {
    // Totals 7,3,4,1,6 | 6,2,4,3 | 7,1,5 → «2»: 704, 712, 722; «3»: 702, 703, 713, 714; «4»: 705, 711, 723; «5»: 701, 721.
    expect(f['(школа)']?.marks).toEqual({ 2: 3, 3: 4, 4: 3, 5: 2 });
    // Journal (the previous term's mark): 714 has none. Lowered: 702 (3 < 4), 704 (2 < 3), 711 (4 < 5), 712 (2 < 3),
    // 722 (2 < 3); confirmed: 701, 703, 705, 713, 721, 723; raised: none.
    expect(f['(школа)']?.journal).toEqual({ lowered: 5, confirmed: 6, raised: 0 });
  });

  it('agrees with an independent computation straight from the fixture data', () => {
    for (const cls of SCHOOL.classes) {
      const mine = PRESENT.filter((s) => s.class === cls.number);
      const completion = SCHOOL.tasks.map((t, i) => {
        const pts = mine.reduce((a, s) => a + (typeof s.scores?.[i] === 'number' ? (s.scores[i] as number) : 0), 0);
        return r6((pts * 100) / (mine.length * t.max));
      });
      expect(f[cls.name]?.completion, cls.name).toEqual(completion);
      const marks = { 2: 0, 3: 0, 4: 0, 5: 0 } as Record<2 | 3 | 4 | 5, number>;
      for (const s of mine) marks[markOf(total(s)) as 2 | 3 | 4 | 5]++;
      expect(f[cls.name]?.marks).toEqual(marks);
    }
    expect(ABSENT).toHaveLength(2);
  });
});

describe('every variant of one school gives the numbers of the clean form', () => {
  const reference = figures(analyse(clean).analyses[0] as ProcedureAnalysis);
  it.each(Object.keys(CORPUS))('%s', (name) => {
    const run = analyse(CORPUS[name] as () => ReturnType<typeof clean>);
    expect(run.analyses).toHaveLength(1);
    expect(figures(run.analyses[0] as ProcedureAnalysis)).toEqual(reference);
    expect(run.analyses[0]?.procedure.meta).toMatchObject({ kind: 'ВПР', year: 2026, subject: 'Математика', grade: 7 });
  });
  it('and the layouts that list absent students count them the same way', () => {
    for (const name of ['clean', 'headers', 'twoRowHeader', 'trailingBlock', 'spellings', 'typed', 'twoPart']) {
      const a = analyse(CORPUS[name] as () => ReturnType<typeof clean>).analyses[0] as ProcedureAnalysis;
      expect(
        a.groups.map((g) => g.absent),
        name,
      ).toEqual([1, 0, 0, 1, 2]);
    }
  });
});

describe('what each variant says about itself', () => {
  const notes = (run: ReturnType<typeof runAnalysis>, code: string) => run.problems.filter((p) => p.code === code);

  it('extra columns are named in one note', () => {
    const [n] = notes(runAnalysis(headers()), 'column-ignored');
    expect(n?.severity).toBe('info');
    expect(n?.message).toBe('Столбцы «Пол», «Примечание» не относятся к результатам и не используются.');
  });

  it('the end of the table: the rows left out are named, the participant below a blank row is read', () => {
    const run = runAnalysis(trailingBlock());
    const [n] = notes(run, 'table-end');
    expect(n?.severity).toBe('info');
    // Header (1) + 701…722 and 790 (rows 2–14) + 3 template rows + a blank + 723 (row 19) + 2 blanks → the tool's block from row 22.
    expect(n?.message).toContain('строки 22–26');
    expect(run.data.procedures[0]?.students.find((s) => s.code === '723')?.row).toBe(19);
  });

  it('class spellings are merged into one class, and the note lists them', () => {
    const run = runAnalysis(spellings());
    const [n] = notes(run, 'classes-merged');
    expect(n?.message).toContain('«7A», «7 а», «7-А», «7 "А"», «7а» → «7А»');
    expect(n?.message).toContain('«7B», «7в», «7 В» → «7В»');
    expect(new Set(run.data.procedures[0]?.students.map((s) => s.className))).toEqual(new Set(['7А', '7Б', '7В']));
  });

  it('values as people type them read without a note', () => {
    const run = runAnalysis(typed());
    expect(run.problems.filter((p) => p.severity !== 'info' && p.code !== 'no-levels')).toEqual([]);
    const st = run.data.procedures[0]?.students.find((s) => s.code === '703');
    expect(st?.scores).toEqual([0, 2, 1, 'X', 1]);
  });

  it('Ф1 «Отметка» formulas without saved values: recomputed from the scale, the column named', () => {
    const run = runAnalysis(f1({ formulas: true, scale: true }));
    expect(run.data.procedures[0]?.markSource).toBe('scale');
    expect(notes(run, 'marks-from-scale')[0]?.message).toContain('Столбец «Отметка» (столбец M) пуст');
  });

  it('…or, without a scale, a warning naming the column, and the checks that need marks say «не проверено»', () => {
    const run = runAnalysis(f1({ formulas: true }));
    expect(run.ok).toBe(true);
    const [w] = notes(run, 'mark-column-empty');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('«Отметка» (столбец M)');
    // Never silent zeros: nobody has a mark.
    expect(run.data.procedures[0]?.students.every((s) => s.mark === null)).toBe(true);
    expect(run.summary.procedures[0]?.checks.marks).toContain('«Отметка» (M) пуст');
    // The journal marks are there, so objectivity still has a rule to apply (high journal marks at low completion).
    expect(run.summary.procedures[0]?.checks.objectivity).toBeNull();
  });

  it('a Ф1 export with several schools keeps each school apart', () => {
    const run = analyse(() => f1({ otherSchool: true, merged: true }));
    const p = run.data.procedures[0];
    expect(p?.schools).toEqual(['МБОУ «СОШ № 12»(edu000012)', 'МБОУ «СОШ № 40»(edu000040)']);
    expect(run.analyses[0]?.groups.filter((g) => g.level === 'school').map((g) => g.participants)).toEqual([12, 4]);
  });

  it('without a «Классы» sheet class numbers read «класс 1», never a bare «1»', () => {
    const wb = clean();
    wb.grids = wb.grids.filter((g) => g.name !== 'Классы');
    const run = runAnalysis(wb);
    expect(run.analyses[0]?.groups.filter((g) => g.level === 'class').map((g) => g.name)).toEqual(['класс 1', 'класс 2', 'класс 3']);
    expect(notes(run, 'classes-by-number')).toHaveLength(1);
    // The grade comes from the title, since «класс 1» carries none.
    expect(run.data.procedures[0]?.meta.grade).toBe(7);
  });
});

describe('honest results', () => {
  it('a sheet with no subject or grade anywhere gets warnings naming the sheet and what to add, counted in the summary', () => {
    const form = clean().grids[0]?.values ?? [];
    const run = runAnalysis({ name: 'Результаты', grids: [{ name: 'Лист1', values: form }] });
    const codes = run.problems.filter((p) => p.severity === 'warning').map((p) => p.code);
    expect(codes).toContain('subject-unknown');
    expect(codes).toContain('grade-unknown');
    const subject = run.problems.find((p) => p.code === 'subject-unknown');
    expect(formatProblem(subject!)).toMatch(/^Лист «Лист1»: Предмет работы не определён.*«ВПР 2026 Математика 5 класс»/);
    expect(run.summary.warnings).toBeGreaterThanOrEqual(2);
  });

  it('no marks and no journal marks: objectivity is «не проверено», never «не найдено», in the summary, the tab and the JSON', async () => {
    const values = spellings().grids[0]?.values.map((r) => r.slice(0, -1)) ?? [];
    const run = runAnalysis({ name: 'Школа', grids: [{ name: 'ВПР 2026 Математика 7 класс', values }] });
    expect(run.ok).toBe(true);
    const check = run.summary.checks.find((c) => c.id === 'objectivity');
    expect(check?.done).toEqual([]);
    expect(check?.notDone[0]?.reason).toContain('нет ни отметок за работу, ни отметок по журналу');
    const tab = run.tabs.find((t) => t.name === 'Объективность');
    const text = tab?.values.flat().filter((v) => typeof v === 'string') as string[];
    expect(text.some((t) => t.startsWith('не проверено: нет ни отметок'))).toBe(true);
    expect(text).not.toContain('Признаков не найдено.');
    const { exportJson } = await import('../../src/core/pipeline');
    const json = exportJson(run, 'Школа');
    expect(json.procedures[0]?.notChecked.marks).toBeDefined();
    expect(json.procedures[0]?.groups.every((g) => g.marks === null && g.journal === null)).toBe(true);
  });

  it('«Не найдено ни одного листа» names the file as a file', () => {
    const run = runAnalysis({ name: 'Отчёт.xlsx', grids: [{ name: 'Лист1', values: [['Привет']] }] });
    const p = run.problems.find((x) => x.code === 'no-results');
    expect(formatProblem(p!)).toMatch(/^Файл «Отчёт\.xlsx»: Не найдено ни одного листа/);
  });
});

describe('class names', () => {
  it('class numbers from the fixture map to the names of «Классы»', () => {
    expect([1, 2, 3, null].map(className)).toEqual(['7А', '7Б', '7В', '']);
  });
});
