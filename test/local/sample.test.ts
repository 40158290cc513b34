import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import type { Procedure } from '../../src/core/model';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { buildSampleSchool, buildSampleWorkbook, STORY, teacherOf } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';

/** Writes the workbook to .xlsx bytes and reads it back, as the CLI does. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return workbookGrids(back, 'sample-school');
}

/** This spring's ВПР, in sheet order. */
const SPRING_2026 = [
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
/** Then the earlier ones: last year's ВПР of today's 5th graders and the October diagnostics. */
const EXPECTED_PROCEDURES = [
  ...SPRING_2026,
  'ВПР 2025 Математика 4 класс',
  'Входная диагностика 2025 Математика 5 класс',
  'Входная диагностика 2025 Математика 7 класс',
];
const LAST_YEAR_SHEET = 'МА 4 Индивид. результаты 2025';
const DIAGNOSTIC_5 = 'Входная диагностика МА 5';

const isSpring = (p: Procedure) => SPRING_2026.includes(p.title);

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
    // One matrix per procedure, plus «Дефициты по классам», the three statistics tabs and the other summary tabs.
    expect(run.tabs.filter((t) => t.name.startsWith('Матрица дефицитов'))).toHaveLength(EXPECTED_PROCEDURES.length);
    // Every tab name is its own (ВПР 2025 and ВПР 2026 Математика 4 must not share a cut-off name).
    expect(new Set(run.tabs.map((t) => t.name)).size).toBe(run.tabs.length);
    expect(run.tabs.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'Дефициты по классам',
        'Статистика отметок',
        'Распределение баллов',
        'Задания по отметкам',
        'Группа риска',
        'Динамика',
        'Объективность',
      ]),
    );
    const kinds = Object.fromEntries(run.data.sheets.map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({
      Классы: 'classes',
      'Шкала отметок': 'scale',
      'План заданий': 'plan',
      'Классы и учителя': 'teachers',
      'Соответствие кодов': 'codes',
      Эталоны: 'benchmarks',
      Служебный: 'service',
      'Порядковый номер класса': 'service',
    });
  });

  it('has 300–500 students in 5 parallels of 3 classes, codes unique per procedure', () => {
    const { info } = buildSampleSchool(1);
    expect(info.students).toBeGreaterThanOrEqual(300);
    expect(info.students).toBeLessThanOrEqual(500);
    expect(info.procedures).toBe(EXPECTED_PROCEDURES.length);
    expect(info.current).toBe(EXPECTED_PROCEDURES.length - 1); // all but last year's ВПР
    const spring = run.data.procedures.filter(isSpring);
    expect(new Set(spring.map((p) => p.meta.grade))).toEqual(new Set([4, 5, 6, 7, 8]));
    const classes = new Set(spring.flatMap((p) => [...p.students, ...p.absent].map((s) => s.className)));
    expect(classes.size).toBe(15);
    for (const p of run.data.procedures) {
      const codes = [...p.students, ...p.absent].map((s) => s.code);
      expect(new Set(codes).size, p.title).toBe(codes.length);
    }
    // Every student of a grade sits (or is absent) in each spring procedure of that grade.
    const byGrade = new Map<number, Set<string>>();
    for (const p of spring) {
      const set = byGrade.get(p.meta.grade as number) ?? new Set<string>();
      for (const s of [...p.students, ...p.absent]) set.add(s.code);
      byGrade.set(p.meta.grade as number, set);
    }
    const seen = [...byGrade.values()].reduce((n, s) => n + s.size, 0);
    expect(seen).toBeLessThanOrEqual(info.students);
    expect(seen).toBeGreaterThan(info.students * 0.97);
    expect(run.data.procedures[0]?.students[0]?.code).toMatch(/^400\d\d$/);
    // Linked across procedures (by code, and through «Соответствие кодов»), the writers are this year's
    // students and nobody else: last year's codes 40001… do not make extra persons.
    const persons = run.findings.links.persons;
    expect(persons.length).toBeLessThanOrEqual(info.students);
    expect(persons.length).toBeGreaterThan(info.students * 0.97);
    for (const person of persons)
      expect(
        person.entries.some((e) => isSpring(e.proc)),
        person.id,
      ).toBe(true);
  });

  it('uses the three layouts, with absent students, «X» and journal marks', () => {
    const layouts = run.data.procedures.map((p) => p.layout);
    expect(layouts.slice(0, 2)).toEqual(['fis-f1', 'fis-f1']);
    expect(layouts.slice(2, SPRING_2026.length).every((l) => l === 'vpr-form')).toBe(true);
    expect(layouts.slice(SPRING_2026.length)).toEqual(['fis-f1', 'generic', 'generic']);
    const forms = run.data.procedures.filter((p) => p.layout === 'vpr-form');
    const absent = forms.reduce((n, p) => n + p.absent.length, 0);
    const present = forms.reduce((n, p) => n + p.students.length, 0);
    expect(absent / (absent + present)).toBeGreaterThan(0.02);
    expect(absent / (absent + present)).toBeLessThan(0.07);
    expect(forms.some((p) => p.students.some((s) => s.scores.includes('X')))).toBe(true);
    const tables = run.data.procedures.filter((p) => p.layout === 'generic');
    for (const p of run.data.procedures) {
      expect(
        p.students.every((s) => s.mark !== null),
        p.title,
      ).toBe(true);
      // The school's diagnostic table has no journal column; the ВПР sheets have it.
      if (p.layout === 'generic') expect(p.students.every((s) => s.journalMark === null)).toBe(true);
      else expect(p.students.filter((s) => s.journalMark !== null).length).toBeGreaterThan(p.students.length * 0.9);
    }
    const f1 = run.data.procedures.filter((p) => p.layout === 'fis-f1');
    expect(f1.map((p) => p.markSource)).toEqual(['file', 'file', 'file']);
    expect([...forms, ...tables].every((p) => p.markSource === 'scale' && p.planSource === 'sheet')).toBe(true);
    expect(f1.map((p) => p.planSource)).toEqual([
      'catalog:vpr-russian-4-2026',
      'catalog:vpr-mathematics-4-2026',
      'catalog:vpr-mathematics-4-2026',
    ]);
    // Cut-offs are known everywhere (inferred from the Ф1 marks, else «Шкала отметок»): peaks can be checked.
    expect(run.data.procedures.every((p) => p.cuts !== null)).toBe(true);
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

    // Last year's Ф1 export, pasted under its own sheet name: the same layout, the 2025 title and date.
    const old = gridOf(grids, LAST_YEAR_SHEET);
    expect(old.slice(0, 6)).toEqual([
      ['Индивидуальные результаты'],
      [],
      ['ВПР 2025 Математика 4 класс'],
      ['Предмет:', 'Математика'],
      ['Максимальный первичный балл:', 18],
      ['Дата:', '23.04.2025'],
    ]);
    expect(old[7]?.slice(0, 6)).toEqual(f1[7]?.slice(0, 6));
    // The school's own diagnostic table: a title, the date, then the header.
    const diag = gridOf(grids, DIAGNOSTIC_5);
    expect(diag.slice(0, 2)).toEqual([['Входная диагностика Математика 5 класс'], ['Дата:', '14.10.2025']]);
    expect(diag[3]?.slice(0, 3)).toEqual(['Код участника', 'Класс', '1 (1б)']);
    expect(diag[3]?.slice(-1)).toEqual(['Итого баллов']);
  });

  it('reads the same with «Итого баллов» as formulas with cached results', async () => {
    const withFormulas = runAnalysis(await roundTrip(buildSampleWorkbook(1, { formulaTotals: true })));
    expect(withFormulas.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(withFormulas.summary.procedures).toEqual(run.summary.procedures);
  });

  it('flags the small class as unreliable, and only it', () => {
    for (const p of run.summary.procedures.filter((x) => SPRING_2026.includes(x.title))) {
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
    let inflated = 0;
    // Every procedure with journal marks (the diagnostic table has none).
    for (const p of run.data.procedures.filter((x) => x.students.some((s) => s.journalMark !== null))) {
      for (const cls of new Set(p.students.map((s) => s.className))) {
        if (cls === STORY.inflated) {
          expect(above(p, cls), p.title).toBeGreaterThanOrEqual(0.4);
          inflated++;
        } else expect(above(p, cls), `${p.title}: ${cls}`).toBeLessThan(0.4);
      }
    }
    expect(inflated).toBe(2); // Русский язык and Математика 5
  });

  it('is calibrated like a real school: «2», quality, completion and the at-risk group', () => {
    // Over this spring's ВПР (participations): the ranges the sample is calibrated to (school.ts).
    const spring = run.analyses.filter((a) => isSpring(a.procedure));
    const marks = spring.flatMap((a) => a.procedure.students.map((s) => s.mark as number));
    const share = (pred: (m: number) => boolean) => (marks.filter(pred).length / marks.length) * 100;
    const completions = spring.flatMap((a) => a.students.map((s) => s.completion));
    const mean = completions.reduce((a, b) => a + b, 0) / completions.length;
    expect(share((m) => m === 2)).toBeGreaterThanOrEqual(10);
    expect(share((m) => m === 2)).toBeLessThanOrEqual(15);
    expect(share((m) => m >= 4)).toBeGreaterThanOrEqual(30);
    expect(share((m) => m >= 4)).toBeLessThanOrEqual(45);
    expect(mean).toBeGreaterThanOrEqual(55);
    expect(mean).toBeLessThanOrEqual(65);
    // Every mark occurs in every spring procedure of the school (so no scale is degenerate).
    for (const a of spring) expect(new Set(a.procedure.students.map((s) => s.mark)), a.procedure.title).toEqual(new Set([2, 3, 4, 5]));
    // The at-risk group: roughly 10–20 % of the students (the default rules include any fall of a mark
    // between two procedures, which adds a few 5th and 7th graders on top of the «2» and «< 50 %» ones).
    const { info } = buildSampleSchool(1);
    expect(run.findings.atRisk.length / info.students).toBeGreaterThanOrEqual(0.1);
    expect(run.findings.atRisk.length / info.students).toBeLessThanOrEqual(0.22);
  });

  it('has «Эталоны» for the two grade-4 papers: Russia, the region and the municipality beside the school', () => {
    const byTitle = new Map([...run.data.benchmarks.byProcedure].map(([p, b]) => [p.title, b]));
    expect([...byTitle.keys()].sort()).toEqual(['ВПР 2026 Математика 4 класс', 'ВПР 2026 Русский язык 4 класс']);
    for (const [title, b] of byTitle) {
      const p = run.data.procedures.find((x) => x.title === title) as Procedure;
      expect(
        b.marks.map((r) => r.group),
        title,
      ).toEqual(['Вся выборка', 'Энская область', 'Энский муниципальный район(reg77_m012)']);
      expect(b.journal.map((r) => r.group)).toEqual(['Энская область', 'Энский муниципальный район(reg77_m012)']);
      expect(b.tasks).toHaveLength(3);
      for (const r of b.marks) expect(Object.values(r.percent).reduce((x, y) => x + y, 0)).toBeCloseTo(100, 6);
      // Every task of the paper has a completion % for each level, and Russia does at least as well as the region.
      for (const r of b.tasks) expect([...r.completion.keys()]).toEqual(p.tasks.map((t) => t.id));
      const [russia, region] = b.tasks;
      const avg = (r: typeof russia) => [...(r?.completion.values() ?? [])].reduce((x, y) => x + y, 0) / p.tasks.length;
      expect(avg(russia)).toBeGreaterThan(avg(region));
    }
    // The tables start in column A; each row's subject and parallel are in the hidden filter columns.
    const marks = run.tabs.find((t) => t.name === S.tabs.markStats)!;
    const f = marks.filterColumns!;
    expect(marks.values.filter((r) => r[0] === S.stats.marksBenchmarkHeading).map((r) => [r[f.subject!], r[f.grade!]])).toEqual([
      ['Русский язык', 4],
      ['Математика', 4],
    ]);
    expect(marks.values.filter((r) => r[0] === S.stats.journalBenchmarkHeading)).toHaveLength(2);
    const tasksTab = run.tabs.find((t) => t.name === 'Задания по отметкам')?.values ?? [];
    expect(tasksTab.filter((r) => r[0] === 'ОО − Энская область, п.п.')).toHaveLength(2);
  });

  it('names a teacher for every class and subject of this year, in «Классы и учителя»', () => {
    const rows = gridOf(grids, 'Классы и учителя');
    expect(rows[0]).toEqual(['Класс', 'Предмет', 'Учитель']);
    const spring = run.data.procedures.filter(isSpring);
    const pairs = new Set(spring.flatMap((p) => p.students.map((s) => `${s.className}|${p.meta.subject}`)));
    expect(new Set(rows.slice(1).map((r) => `${r[0]}|${r[1]}`))).toEqual(pairs);
    for (const r of rows.slice(1)) {
      expect(r[2]).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ]\. [А-ЯЁ]\.$/);
      expect(teacherOf(r[0] as string, r[1] as string)).toBe(r[2]);
    }
    // Grade 4: one primary teacher for both subjects.
    expect(teacherOf('4А', 'Русский язык')).toBe(teacherOf('4А', 'Математика'));
  });

  it("maps last year's codes and 5В's diagnostic codes to this year's in «Соответствие кодов»", () => {
    const rows = gridOf(grids, 'Соответствие кодов');
    expect(rows[0]).toEqual(['Лист', 'Код участника', 'Ученик']);
    const old = run.data.procedures.find((p) => p.sheet === LAST_YEAR_SHEET) as Procedure;
    const diag = run.data.procedures.find((p) => p.sheet === DIAGNOSTIC_5) as Procedure;
    // Every present student of last year's ВПР, and every 5В student of the diagnostic, has a row.
    const ownCodes = diag.students.filter((s) => s.className === STORY.ownCodes);
    expect(rows.length - 1).toBe(old.students.length + ownCodes.length);
    expect(run.findings.links.mapped).toBe(rows.length - 1);
    expect(run.problems.some((p) => p.code === 'codes-used')).toBe(true);
    // 5В wrote journal numbers 1, 2, 3… in the diagnostic; the other classes this year's ВПР codes.
    expect(ownCodes.every((s) => /^\d{1,2}$/.test(s.code))).toBe(true);
    expect(diag.students.filter((s) => s.className !== STORY.ownCodes).every((s) => /^50\d{3}$/.test(s.code))).toBe(true);
    // Linked: each mapped diagnostic row is the same person as a 5В row of this spring's ВПР Математика 5.
    const ma5 = run.data.procedures.find((p) => p.title === 'ВПР 2026 Математика 5 класс') as Procedure;
    const links = run.findings.links;
    let linked = 0;
    for (const s of ownCodes) {
      const person = links.personOf.get(s);
      const spring = person?.entries.find((e) => e.proc === ma5);
      if (spring) {
        expect(spring.student.className).toBe(STORY.ownCodes);
        linked++;
      }
    }
    expect(linked).toBeGreaterThan(ownCodes.length * 0.9);
    // Last year's 4А–4В are today's 5А–5В.
    for (const s of old.students) {
      const classes = links.personOf.get(s)?.entries.map((e) => e.student.className) ?? [];
      expect(classes[0]).toBe(s.className);
      expect(
        classes.slice(1).every((c) => c === `5${s.className.slice(1)}`),
        `${s.code}: ${classes}`,
      ).toBe(true);
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
      expect(r.data.benchmarks.byProcedure.size).toBe(2);
    }
  });
});
