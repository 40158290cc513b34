import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import type { Procedure } from '../../src/core/model';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { buildSampleSchool, buildSampleWorkbook, STORY } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';

/** Writes the workbook to .xlsx bytes and reads it back, as the CLI does. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return workbookGrids(back, 'sample-school');
}

const EXPECTED_PROCEDURES = [
  'ВПР 2026 Русский язык 4 класс',
  'ВПР 2026 Математика 4 класс',
  'ВПР 2026 Русский язык 5 класс',
  'ВПР 2026 Математика 5 класс',
  'ВПР 2026 Русский язык 6 класс',
  'ВПР 2026 Математика 6 класс',
  'ВПР 2026 Русский язык 7 класс',
  'ВПР 2026 Математика 7 класс',
  'ВПР 2026 Русский язык 8 класс',
  'ВПР 2026 Математика 8 класс',
  'ВПР 2026 История 6 класс',
  'ВПР 2026 Биология 7 класс',
];

const gridOf = (wb: Workbook, name: string) => {
  const g = wb.grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g.values;
};

const ofClass = (p: Procedure, cls: string) => p.students.filter((s) => s.className === cls);

describe('sample school', () => {
  let grids: Workbook;
  let run: AnalysisRun;
  beforeAll(async () => {
    grids = await roundTrip(buildSampleWorkbook(1));
    run = runAnalysis(grids);
  });

  it('is deterministic: the same seed gives the same cells, another seed other cells', () => {
    const a = workbookGrids(buildSampleWorkbook(1), 'x');
    const b = workbookGrids(buildSampleWorkbook(1), 'x');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(workbookGrids(buildSampleWorkbook(2), 'x'))).not.toBe(JSON.stringify(a));
    expect(buildSampleSchool(1).info).toEqual(buildSampleSchool(1).info);
  });

  it('reads back with no errors or warnings and finds every procedure', () => {
    expect(run.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(run.ok).toBe(true);
    expect(run.data.procedures.map((p) => p.title)).toEqual(EXPECTED_PROCEDURES);
    // One matrix per procedure, plus «Дефициты по классам».
    expect(run.tabs).toHaveLength(EXPECTED_PROCEDURES.length + 1);
    const kinds = Object.fromEntries(run.data.sheets.map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({
      Классы: 'classes',
      'Шкала отметок': 'scale',
      'План заданий': 'plan',
      Служебный: 'service',
      'Порядковый номер класса': 'service',
    });
  });

  it('has 300–500 students in 5 parallels of 3 classes, codes unique per procedure', () => {
    const { info } = buildSampleSchool(1);
    expect(info.students).toBeGreaterThanOrEqual(300);
    expect(info.students).toBeLessThanOrEqual(500);
    expect(new Set(run.data.procedures.map((p) => p.meta.grade))).toEqual(new Set([4, 5, 6, 7, 8]));
    const classes = new Set(run.data.procedures.flatMap((p) => [...p.students, ...p.absent].map((s) => s.className)));
    expect(classes.size).toBe(15);
    // Every student of a grade sits (or is absent) in each procedure of that grade.
    const byGrade = new Map<number, Set<string>>();
    for (const p of run.data.procedures) {
      const codes = [...p.students, ...p.absent].map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
      const set = byGrade.get(p.meta.grade as number) ?? new Set<string>();
      for (const c of codes) set.add(c);
      byGrade.set(p.meta.grade as number, set);
    }
    const seen = [...byGrade.values()].reduce((n, s) => n + s.size, 0);
    expect(seen).toBeLessThanOrEqual(info.students);
    expect(seen).toBeGreaterThan(info.students * 0.97);
    expect(run.data.procedures[0]?.students[0]?.code).toMatch(/^400\d\d$/);
  });

  it('uses both layouts, with absent students, «X» and journal marks', () => {
    const layouts = run.data.procedures.map((p) => p.layout);
    expect(layouts.slice(0, 2)).toEqual(['fis-f1', 'fis-f1']);
    expect(layouts.slice(2).every((l) => l === 'vpr-form')).toBe(true);
    const forms = run.data.procedures.filter((p) => p.layout === 'vpr-form');
    const absent = forms.reduce((n, p) => n + p.absent.length, 0);
    const present = forms.reduce((n, p) => n + p.students.length, 0);
    expect(absent / (absent + present)).toBeGreaterThan(0.02);
    expect(absent / (absent + present)).toBeLessThan(0.07);
    expect(forms.some((p) => p.students.some((s) => s.scores.includes('X')))).toBe(true);
    for (const p of run.data.procedures) {
      expect(p.students.filter((s) => s.journalMark !== null).length).toBeGreaterThan(p.students.length * 0.9);
      expect(p.students.every((s) => s.mark !== null)).toBe(true);
    }
    expect(run.data.procedures.slice(0, 2).map((p) => p.markSource)).toEqual(['file', 'file']);
    expect(forms.every((p) => p.markSource === 'scale' && p.planSource === 'sheet')).toBe(true);
    expect(run.data.procedures.slice(0, 2).map((p) => p.planSource)).toEqual([
      'catalog:vpr-russian-4-2026',
      'catalog:vpr-mathematics-4-2026',
    ]);
    const all = forms.flatMap((p) => gridOf(grids, p.sheet).flat());
    expect(all).toContain('нет отметки');
    expect(all).toContain('отсутствовал');
  });

  it('writes the Ф1 export and the form exactly in their real layouts', () => {
    const f1 = gridOf(grids, 'РУ 4 Индивидуальные результаты');
    expect(f1[0]).toEqual(['Индивидуальные результаты']);
    expect(f1[2]).toEqual(['ВПР 2026 Русский язык 4 класс']);
    expect(f1[3]).toEqual(['Предмет:', 'Русский язык']);
    expect(f1[4]).toEqual(['Максимальный первичный балл:', 24]);
    expect(f1[5]).toEqual(['Дата:', '20.04.2026']);
    expect(f1[6]?.slice(0, 7)).toEqual([null, null, 'Уровень сложности задания', null, null, null, 'Б']);
    expect(f1[7]).toEqual([
      'ОО',
      'Муниципалитет',
      'Название ОО',
      'Код участника',
      'Класс',
      'Вариант',
      ...['1 (2б)', '2 (1б)', '3 (2б)', '4 (3б)', '5 (2б)', '6 (1б)', '7 (1б)', '8 (2б)'],
      ...['9.1 (1б)', '9.2 (2б)', '10.1 (1б)', '10.2 (2б)', '11 (1б)', '12.1 (2б)', '12.2 (1б)'],
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
    ]);
    const ru4 = run.data.procedures[0] as Procedure;
    expect(f1[8]).toEqual([`МБОУ «СОШ № 7»(edu000007) | Кол-во участников: ${ru4.students.length}`]);
    expect(ru4.tasks.map((t) => t.level).join('')).toBe('ББББББББППППБББ');

    const form = gridOf(grids, 'ВПР 2026 Математика 5 класс');
    expect(form[0]?.slice(0, 3)).toEqual(['Код участника', 'Вариант', '1 (1б)']);
    expect(form[0]?.slice(-3)).toEqual(['Порядковый номер класса', 'Отметка за предыдущий триместр/ четверть/полугодие', 'Итого баллов']);
    // Trailing template rows hold only «Итого баллов» = 0; the reader ignores them.
    const last = form[form.length - 1] as unknown[];
    expect(last.filter((v) => v !== null)).toEqual([0]);
    const ma5 = run.data.procedures.find((p) => p.title === 'ВПР 2026 Математика 5 класс') as Procedure;
    expect(ma5.students.length + ma5.absent.length).toBeLessThan(form.length - 20);
    const ru5 = run.data.procedures.find((p) => p.title === 'ВПР 2026 Русский язык 5 класс') as Procedure;
    expect(ru5.tasks.slice(0, 3).map((t) => t.id)).toEqual(['1К1', '1К2', '1К3']);
  });

  it('reads the same with «Итого баллов» as formulas with cached results', async () => {
    const withFormulas = runAnalysis(await roundTrip(buildSampleWorkbook(1, { formulaTotals: true })));
    expect(withFormulas.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(withFormulas.summary.procedures).toEqual(run.summary.procedures);
  });

  it('flags the small class as unreliable, and only it', () => {
    for (const p of run.summary.procedures) {
      for (const c of p.classes) {
        expect(c.reliable, `${p.title}: ${c.name}`).toBe(c.name !== STORY.small);
        if (c.name === STORY.small) expect(c.participants).toBeLessThan(10);
      }
    }
    const small = run.summary.procedures.filter((p) => p.classes.some((c) => c.name === STORY.small));
    expect(small.map((p) => p.title)).toEqual(['ВПР 2026 Русский язык 8 класс', 'ВПР 2026 Математика 8 класс']);
  });

  it('has a strong and a weak class, and tasks below the deficit thresholds', () => {
    for (const a of run.analyses) {
      const school = a.groups.find((g) => g.level === 'school');
      const insufficient = school?.status.filter((s) => s === 'insufficient').length ?? 0;
      expect(insufficient, a.procedure.title).toBeGreaterThanOrEqual(1);
      expect(insufficient, a.procedure.title).toBeLessThanOrEqual(6);
      const classes = a.groups.filter((g) => g.level === 'class');
      const best = classes.reduce((x, y) => (y.meanCompletion > x.meanCompletion ? y : x));
      const worst = classes.reduce((x, y) => (y.meanCompletion < x.meanCompletion ? y : x));
      if (a.procedure.meta.grade === 6) expect(best.name).toBe(STORY.strong);
      if (a.procedure.meta.grade === 7) expect(worst.name).toBe(STORY.weak);
    }
  });

  it('has one class whose journal marks are clearly inflated', () => {
    const above = (p: Procedure, cls: string) => {
      const both = ofClass(p, cls).filter((s) => s.mark !== null && s.journalMark !== null);
      return both.filter((s) => (s.journalMark as number) > (s.mark as number)).length / both.length;
    };
    for (const p of run.data.procedures) {
      for (const cls of new Set(p.students.map((s) => s.className))) {
        if (cls === STORY.inflated) expect(above(p, cls), p.title).toBeGreaterThanOrEqual(0.4);
        else expect(above(p, cls), `${p.title}: ${cls}`).toBeLessThan(0.4);
      }
    }
  });

  it('works for other seeds too', () => {
    for (const seed of [2, 3, 7]) {
      const { info } = buildSampleSchool(seed);
      expect(info.students).toBeGreaterThanOrEqual(300);
      expect(info.students).toBeLessThanOrEqual(500);
      const r = runAnalysis(workbookGrids(buildSampleWorkbook(seed), 'sample'));
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.data.procedures).toHaveLength(EXPECTED_PROCEDURES.length);
    }
  });
});
