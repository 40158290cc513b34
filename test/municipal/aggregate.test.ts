// The municipal core on hand-made schools (test/municipal/fixtures.ts), numbers worked out by hand:
//   A: 10 students; tasks 6/10 = 60 %, 10/20 = 50 %, 11/30 = 36,7 %; total 27/60 = 45 %;
//      marks 2:3, 3:3, 4:2, 5:2 → quality 40 %, success 70 %; risk (mark 2 or < 50 %): rows 6–10 → 50 %;
//      journal: lowered 7, confirmed 3 → «Понизили» 70 % (high).
//   B: 90 %, 95 %, 76,7 %; 51/60 = 85 %; quality 9/10 = 90 %; risk 0.
//   C (from the Ф1 export): 100 %, 50 %, 50 %; 35/60 = 58,3 %; quality 50 %; risk 0.
//   D (same export): 5 students, all 0 — unreliable (< 10), not evaluated for ШНОР.
//   E: 100 %, 100 %, 66,7 %; 50/60 = 83,3 %; quality 100 %.
//   District: t1 35/45 = 77,8 %, t2 59/90 = 65,6 %, t3 69/135 = 51,1 %; mean 163/270 = 60,4 %;
//   «недостаточно» in t1: D; t2: A, C, D; t3: A, C, D → t2 and t3 fall out (3 of 5 ≥ 50 %).
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import type { District } from '../../src/core/municipal/district';
import { runToEnd } from '../../src/core/municipal/job';
import { summariseUnit } from '../../src/core/municipal/school';
import { type DistrictSettings, defaultMunicipal, readDistrictSettings } from '../../src/core/municipal/settings';
import { quantile } from '../../src/core/municipal/shnor';
import { readSources } from '../../src/core/municipal/sources';
import { formatProblem } from '../../src/core/problems';
import { M } from '../../src/core/strings';
import { IDS, schoolA, sources, sourcesSheet } from './fixtures';
import { memoryHost } from './memory-host';

function books(): Map<string, Workbook | string> {
  const m = new Map<string, Workbook | string>();
  for (const s of sources()) m.set(s.id, s.error ? M.read.noAccess : { name: s.name, grids: s.grids });
  return m;
}

function run(settings: DistrictSettings = readDistrictSettings(undefined).settings): District {
  const plan = { sources: readSources({ name: 'Источники', values: sourcesSheet() }, 'spreadsheet'), settings };
  const report = runToEnd(memoryHost(books()), plan);
  expect(report.finished).toBe(true);
  return report.district as District;
}

const close = (a: number | null | undefined, b: number) => expect(a).toBeCloseTo(b, 4);

describe('«Источники»', () => {
  it('groups rows into one unit per spreadsheet and names every bad row by sheet, cell, row and column', () => {
    const s = readSources({ name: 'Источники', values: sourcesSheet() }, 'spreadsheet');
    expect(s.attributes).toEqual(['Местность']);
    expect(s.units.map((u) => [u.key, u.kind])).toEqual([
      [IDS.A, 'schools'],
      [IDS.B, 'schools'],
      [IDS.CD, 'export'],
      [IDS.E, 'schools'],
      [IDS.denied, 'schools'],
      [IDS.missing, 'schools'],
      [IDS.junk, 'schools'],
      [IDS.bad, 'schools'],
    ]);
    expect(s.attributeRows.map((r) => r.code)).toEqual(['edu000004']);
    expect(s.problems.map(formatProblem)).toEqual([
      'Лист «Источники», ячейка A11 (строка 11, столбец A): «abc» — не ссылка на Google Таблицу и не её идентификатор. Скопируйте ссылку из адресной строки таблицы школы (https://docs.google.com/spreadsheets/d/…).',
      'Лист «Источники», ячейка B12 (строка 12, столбец B): Код ОО «edu000001» повторяется (первый раз — строка 2): у каждой школы — одна строка.',
    ]);
  });

  it('reports a missing sheet, a missing header and an export listed twice', () => {
    expect(readSources(undefined, 'spreadsheet').problems.map((p) => p.code)).toEqual(['sources-missing']);
    expect(readSources({ name: 'Источники', values: [['Школа', 'Код']] }, 'spreadsheet').problems.map((p) => p.code)).toEqual([
      'sources-header',
    ]);
    const twice = readSources(
      {
        name: 'Источники',
        values: [
          ['Ссылка', 'Код ОО'],
          [IDS.CD, null],
          [IDS.CD, null],
          [IDS.CD, 'edu1'],
        ],
      },
      'spreadsheet',
    );
    expect(twice.problems.map((p) => [p.code, p.row, p.col])).toEqual([
      ['source-duplicate', 3, 1],
      ['source-mixed', 4, 1],
    ]);
    expect(twice.units).toHaveLength(1);
  });
});

describe('aggregation of hand-checked schools', () => {
  const d = run();
  const school = (code: string) => d.schools.find((s) => s.code === code);
  const proc = (code: string) => school(code)?.procedures[0];

  it('takes every school once: codes from «Источники», the export split into its schools', () => {
    expect(d.schools.map((s) => [s.cluster, s.code, s.name])).toEqual([
      ['Местность: город', 'edu000001', 'МБОУ «СОШ № 1»'],
      ['Местность: город', 'edu000002', 'МБОУ «Гимназия № 2»'],
      ['Местность: город', 'edu000005', 'МБОУ «СОШ № 5»'],
      ['Местность: село', 'edu000003', 'МБОУ «ООШ с. Берёзовка»'],
      ['Местность: село', 'edu000004', 'МБОУ «НОШ д. Ивняки»'],
    ]);
    expect(d.procedures.map((p) => p.title)).toEqual(['ВПР 2026 Математика 5 класс']);
  });

  it('school A: marks, quality, completion, insufficient tasks, risk group, journal and objectivity', () => {
    const a = proc('edu000001');
    expect(a?.participants).toBe(10);
    expect(a?.marks).toEqual({ 2: 3, 3: 3, 4: 2, 5: 2 });
    close(a?.quality, 40);
    close(a?.success, 70);
    close(a?.meanCompletion, 45);
    close(a?.completion[0], 60);
    close(a?.completion[1], 50);
    close(a?.completion[2], 36.666667);
    expect(a?.status).toEqual(['sufficient', 'insufficient', 'insufficient']);
    expect(a?.insufficient).toBe(2);
    expect(a?.risk).toBe(5);
    close(a?.riskShare, 50);
    expect(a?.journal).toEqual({ n: 10, lowered: 7, confirmed: 3, raised: 0 });
    expect(a?.signs.map((s) => [s.rule, s.level])).toEqual([['lowered', 'high']]);
    expect(a?.signs[0]?.text).toContain('Понизили 70 % (7 из 10)');
  });

  it('schools B, C, D, E', () => {
    close(proc('edu000002')?.meanCompletion, 85);
    close(proc('edu000002')?.quality, 90);
    expect(proc('edu000002')?.insufficient).toBe(0);
    const c = proc('edu000003');
    close(c?.meanCompletion, 58.333333);
    close(c?.quality, 50);
    expect(c?.completion).toEqual([100, 50, 50]);
    expect(c?.risk).toBe(0);
    const dd = proc('edu000004');
    expect(dd?.participants).toBe(5);
    expect(dd?.reliable).toBe(false);
    expect(dd?.marks).toEqual({ 2: 5, 3: 0, 4: 0, 5: 0 });
    close(dd?.riskShare, 100);
    close(proc('edu000005')?.meanCompletion, 83.333333);
  });

  it('district: pooled completion, schools with «недостаточно», tasks that fall out and where', () => {
    const p = d.procedures[0];
    expect(p?.participants).toBe(45);
    close(p?.completion[0] ?? null, 77.777778);
    close(p?.completion[1] ?? null, 65.555556);
    close(p?.completion[2] ?? null, 51.111111);
    close(p?.meanCompletion ?? null, 60.37037);
    expect(p?.insufficientSchools).toEqual([1, 3, 3]);
    expect(p?.falls.map((f) => [f.task.id, f.insufficient, f.schools, f.codes])).toEqual([
      ['2', 3, 5, ['edu000001', 'edu000003', 'edu000004']],
      ['3', 3, 5, ['edu000001', 'edu000003', 'edu000004']],
    ]);
  });

  it('every failed source has its reason; data errors do not repeat a student name', () => {
    const reason = (id: string) => d.sources.find((s) => s.unit.key === id)?.record?.reason;
    expect(reason(IDS.denied)).toBe(M.read.noAccess);
    expect(reason(IDS.missing)).toBe('нет такой таблицы');
    expect(reason(IDS.junk)).toBe(M.read.noResults);
    const bad = reason(IDS.bad) ?? '';
    expect(bad).toMatch(
      /^в данных ошибок: 2 .*Первая: Лист «ВПР 2026 Математика 5 класс», ячейка A3 \(строка 3, столбец A\): Код участника «…» повторяется/,
    );
    expect(bad).not.toMatch(/Ипполит|Иванов/);
  });
});

describe('roadmap execution', () => {
  it('is the share of «Выполнено» among activities not cancelled, archive rows excluded', () => {
    const roadmap = {
      name: 'Дорожная карта — ВПР 2026 Математика 5 класс',
      values: [
        ['Дорожная карта — ВПР 2026 Математика 5 класс'],
        ['№', 'Этап', 'Мероприятие', 'Срок', 'Статус', 'Ключ'],
        ['1', 'Аналитический', 'Анализ результатов', '2026-05-15', 'Выполнено', 'act:a1'],
        ['2', 'Аналитический', 'Педсовет', '2026-05-30', 'Выполнено', 'act:a2'],
        ['3', 'Организационный', 'Изменения в рабочие программы', '2026-06-15', 'В работе', 'act:a3'],
        ['4', 'Обучающий', 'ИОМ', '2026-09-01', 'Не начато', 'act:a4'],
        ['5', 'Обучающий', 'Семинар', '2026-10-01', 'Отменено', 'act:a5'],
        ['', 'Архив — мероприятия, которых больше нет в шаблоне', '', '', '', 'blk:archive'],
        ['6', 'Старое', 'Старое мероприятие', '2025-10-01', 'Не начато', 'act:a6'],
      ],
    };
    const unit = {
      key: 'k',
      ref: 'k',
      kind: 'schools' as const,
      rows: [{ row: 2, ref: 'k', refText: 'k', code: 'edu1', name: 'Школа', attrs: {} }],
    };
    const out = summariseUnit(unit, { name: 'Школа', grids: [schoolA(), roadmap] }, readDistrictSettings(undefined).settings);
    // Open: «В работе» due 15.06 and «Не начато» due 01.09; the cancelled and the archived rows are not counted.
    expect(out.schools[0]?.roadmap).toEqual({
      tabs: [roadmap.name],
      total: 4,
      done: 2,
      doing: 1,
      todo: 1,
      cancelled: 1,
      percent: 50,
      open: ['2026-06-15', '2026-09-01'],
      openUndated: 0,
      reports: [],
    });
    expect(out.schools[0]?.procedures).toHaveLength(1);
  });
});

describe('ШНОР within clusters', () => {
  it('flags each work by fixed thresholds with the numbers; one work never lists a school; small works are not evaluated', () => {
    const d = run();
    expect(d.shnor.flags.map((f) => [f.cluster, f.code, f.criterion, Math.round(f.value * 10) / 10, f.threshold, f.clusterMedian])).toEqual(
      [
        ['Местность: город', 'edu000001', 'meanCompletion', 45, 50, expect.closeTo(83.333333, 4)],
        ['Местность: город', 'edu000001', 'riskShare', 50, 35, 0],
      ],
    );
    expect(d.shnor.flags[0]?.detail).toBe('среднее выполнение 45 % < 50 %');
    expect(d.shnor.flags[1]?.detail).toBe('в группе риска 50 % участников (5 из 10) ≥ 35 %');
    // School A has one work: a criterion needs 2 works (or two years running) to count.
    expect(d.shnor.schools.find((x) => x.code === 'edu000001')?.listed).toBe(false);
    expect(d.shnor.notEvaluated.map((x) => [x.code, x.participants])).toEqual([['edu000004', 5]]);
    expect(d.shnor.tooFew.map((x) => [x.code, x.participants])).toEqual([['edu000004', 5]]);
    expect(d.shnor.clusters).toEqual([
      { name: 'Местность: город', schools: 3, flagged: 0 },
      { name: 'Местность: село', schools: 2, flagged: 0 },
    ]);
    // With one work enough (K = 1), A is listed by its two criteria.
    const settings = readDistrictSettings(undefined).settings;
    const loose = run({ ...settings, municipal: { ...defaultMunicipal(), 'shnor.minProcedures': 1 } });
    expect(loose.shnor.schools.filter((x) => x.listed).map((x) => [x.code, x.counted])).toEqual([
      ['edu000001', ['meanCompletion', 'riskShare']],
    ]);
  });

  it('the bottom quartile compares a school only with its own cluster', () => {
    const settings = readDistrictSettings(undefined).settings;
    const d = run({ ...settings, municipal: { ...defaultMunicipal(), 'shnor.quartileMinSchools': 3 } });
    const q = d.shnor.flags.filter((f) => f.criterion === 'bottomQuartile');
    // город: means 45, 83,3, 85 — A has none below it (0 · 4 < 3) and two above (2 · 2 ≥ 3); median 83,3.
    // село: one evaluated school.
    expect(q.map((f) => f.code)).toEqual(['edu000001']);
    expect(q[0]?.threshold).toBeCloseTo(83.333333, 4);
    expect(q[0]?.detail).toBe('среднее выполнение 45 % — в нижней четверти кластера: ниже — 0 из 3 школ, медиана кластера 83,3 %');
  });

  it('a threshold of 0 switches its criterion off; quality flags below the threshold', () => {
    const settings = readDistrictSettings(undefined).settings;
    const d = run({
      ...settings,
      municipal: { ...defaultMunicipal(), 'shnor.riskShare': 0, 'shnor.meanCompletion': 0, 'shnor.quality': 45 },
    });
    expect(d.shnor.flags.map((f) => [f.code, f.criterion, f.detail])).toEqual([
      ['edu000001', 'quality', '«4» и «5» — 40 % (4 из 10) < 45 %'],
    ]);
  });

  it('quantile is the linear (type 7) one', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([10], 0.25)).toBe(10);
  });
});
