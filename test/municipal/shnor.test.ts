// ШНОР that tells schools apart, support planned per school, schools' roadmaps followed and the effect
// of measures — on the synthetic district of 30 schools (test/municipal/district30.ts, every number
// below worked out by hand from its tables).
import { describe, expect, it } from 'vitest';
import type { Grid, Workbook } from '../../src/core/grid';
import type { District } from '../../src/core/municipal/district';
import { supportKey } from '../../src/core/municipal/district-roadmap';
import { comparePct, compareRatios } from '../../src/core/municipal/exact';
import { type JobPlan, runToEnd } from '../../src/core/municipal/job';
import { readDistrictRegions } from '../../src/core/municipal/regions';
import { readReportSheet } from '../../src/core/municipal/reports';
import { type DistrictSettings, defaultMunicipal, readDistrictSettings } from '../../src/core/municipal/settings';
import { listedSchools } from '../../src/core/municipal/shnor';
import { readSources } from '../../src/core/municipal/sources';
import { supportPlan } from '../../src/core/municipal/support';
import type { SheetSpec } from '../../src/core/output/spec';
import { COL } from '../../src/core/roadmap/columns';
import { M } from '../../src/core/strings';
import {
  type District30School,
  district30,
  id30,
  ordinary,
  PROFILES,
  reportsSheet,
  schoolWorkbook,
  sources30,
  WORKS,
  workGrid,
} from './district30';
import { type MemoryHost, memoryHost } from './memory-host';

const SCHOOLS = district30();
const by = (role: District30School['role']) => SCHOOLS.filter((s) => s.role === role).map((s) => s.code);
const W1 = SCHOOLS[0] as District30School;

function settingsWith(m: Partial<DistrictSettings['municipal']> = {}): DistrictSettings {
  const s = readDistrictSettings(undefined).settings;
  return { ...s, municipal: { ...defaultMunicipal(), ...m } };
}

function plan(settings = settingsWith(), schools = SCHOOLS): JobPlan {
  return {
    sources: readSources({ name: 'Источники', values: sources30(schools) }, 'spreadsheet'),
    settings,
    reports: readReportSheet({ name: M.reports.sheet, values: reportsSheet() }).items,
  };
}

function books(schools = SCHOOLS): Map<string, Workbook> {
  return new Map(schools.map((s) => [id30(s), schoolWorkbook(s)]));
}

function run(settings = settingsWith(), host: MemoryHost = memoryHost(books())): { d: District; host: MemoryHost } {
  // A new run id per collection: the job names a run by its start time.
  host.clock += 60_000;
  const r = runToEnd(host, plan(settings));
  expect(r.finished).toBe(true);
  return { d: r.district as District, host };
}

const tab = (host: MemoryHost, name: string) => host.tabs.find((t) => t.name === name) as SheetSpec;
const rowOf = (spec: SheetSpec, code: string, col = 1) => spec.values.find((r) => r[col] === code) as unknown[];

describe('exact comparisons at thresholds', () => {
  it('57 of 100 is not below 57 % (floating point says 56,99999999999999)', () => {
    expect((57 / 100) * 100 < 57).toBe(true);
    expect(comparePct(57, 100, 57)).toBe(0);
    expect(comparePct(2, 3, 66.666667)).toBe(-1);
    expect(comparePct(1, 3, 33.333333)).toBe(1);
    expect(comparePct(7, 20, 35)).toBe(0);
    expect(compareRatios(129, 200, 258, 400)).toBe(0);
    expect(compareRatios(72, 200, 129, 200)).toBe(-1);
  });

  it('a share exactly at a threshold: quality 60 % (12 of 20) is not below 60; risk 25 % (5 of 20) is at 25', () => {
    const { d } = run(settingsWith({ 'shnor.quality': 60, 'shnor.riskShare': 25, 'shnor.bottomQuartile': 0 }));
    const ord = d.shnor.schools.find((s) => s.code === 'edu300006');
    expect(ord?.criteria.map((c) => [c.criterion, c.hits.length])).toEqual([['riskShare', 3]]);
    expect(ord?.criteria[0]?.hits[0]?.detail).toBe('в группе риска 25 % участников (5 из 20) ≥ 25 %');
  });
});

describe('ШНОР with the default criteria on the synthetic district', () => {
  const { d, host } = run();
  const school = (code: string) => d.shnor.schools.find((s) => s.code === code);

  it('lists exactly the three weak schools, each by four criteria in all three external works', () => {
    expect(listedSchools(d.shnor).map((s) => s.code)).toEqual(by('weak'));
    for (const code of by('weak')) {
      const s = school(code);
      expect(s?.evaluated).toBe(3);
      expect(s?.criteria.map((c) => [c.criterion, c.hits.length, c.of, c.reason])).toEqual([
        ['quality', 3, 3, 'share'],
        ['meanCompletion', 3, 3, 'share'],
        ['riskShare', 3, 3, 'share'],
        ['bottomQuartile', 3, 3, 'share'],
      ]);
    }
    expect(d.shnor.clusters).toEqual([
      { name: 'Местность: город', schools: 15, flagged: 1 },
      { name: 'Местность: село', schools: 15, flagged: 2 },
    ]);
  });

  it('every flag carries its numbers (hand-checked for W1, ВПР 2026 Математика 5 класс)', () => {
    const hits = (school(W1.code)?.criteria ?? []).map((c) => c.hits.find((h) => h.procedure === WORKS[0])?.detail);
    // quality 3 of 20; mean 72 of 200 points; risk 14 of 20; город has 14 evaluated schools for the work
    // (T has 6 participants): W1 and B (weak in this work) 36 %, below W1 nobody; median 65,5 %.
    expect(hits).toEqual([
      '«4» и «5» — 15 % (3 из 20) < 40 %',
      'среднее выполнение 36 % < 50 %',
      'в группе риска 70 % участников (14 из 20) ≥ 35 %',
      'среднее выполнение 36 % — в нижней четверти кластера: ниже — 0 из 14 школ, медиана кластера 65,5 %',
    ]);
  });

  it('one weak work flags that work, never the school; a school in the bottom quarter alone is not listed', () => {
    const b = school(by('oneBadWork')[0] as string);
    expect(b?.listed).toBe(false);
    expect(b?.criteria.map((c) => [c.criterion, c.hits.length, c.counted])).toEqual([
      ['quality', 1, false],
      ['meanCompletion', 1, false],
      ['riskShare', 1, false],
      ['bottomQuartile', 3, true],
    ]);
    // Ordinary v = 0 schools of город: below them only W1 (and B in ВПР МА 5) — bottom quarter, nothing else.
    const low = school('edu300006');
    expect(low?.counted).toEqual(['bottomQuartile']);
    expect(low?.listed).toBe(false);
    expect(school('edu300007')?.criteria).toEqual([]);
  });

  it('marks the school with too few participants instead of flagging it, and lists its works as not evaluated', () => {
    expect(d.shnor.tooFew).toEqual([
      { cluster: 'Местность: город', code: 'edu300005', name: 'МБОУ «Школа № 5»', works: 3, participants: 6 },
    ]);
    expect(d.shnor.notEvaluated.filter((x) => x.code === 'edu300005').map((x) => x.participants)).toEqual([6, 6, 6]);
    expect(school('edu300005')).toBeUndefined();
  });

  it('lists schools with stably high results (both partners and both strong schools), by cluster and code', () => {
    expect(d.shnor.stableHigh.map((x) => [x.code, x.high, x.of])).toEqual([
      [by('partner')[0], 3, 3],
      [by('strong')[0], 3, 3],
      [by('partner')[1], 3, 3],
      [by('strong')[1], 3, 3],
    ]);
  });

  it('the ШНОР tab: criteria with their works and numbers, a partner, no ranking', () => {
    const spec = tab(host, M.tabs.shnor);
    const text = spec.values.flat().join('\n');
    expect(text).toContain(M.notRanking);
    expect(text).not.toMatch(/место|рейтинг школ|лучш/i);
    const first = rowOf(spec, W1.code, 0);
    expect(first.slice(0, 7)).toEqual([W1.code, W1.name, M.shnor.criterion.quality, 'да', 3, 3, 100]);
    expect(String(first[7])).toContain('ВПР 2026 Математика 5 класс: «4» и «5» — 15 % (3 из 20) < 40 %');
    expect(String(first[8])).toMatch(/^МБОУ «Школа № 2» \(edu300002\): задание 8 \(/);
    expect(text).toContain(M.shnor.notListedTitle(2));
    expect(text).toContain(M.shnor.tooFewTitle);
  });
});

describe('internal diagnostics and the configurable rule', () => {
  it('internal diagnostics are left out by default; counted, they flag nearly every school', () => {
    const loose = { 'shnor.minProcedures': 1, 'shnor.persistShare': 25, 'shnor.minCriteria': 1 };
    const external = run(settingsWith(loose)).d;
    const all = run(settingsWith({ ...loose, 'shnor.external': 0 })).d;
    expect(external.shnor.schools.every((s) => s.evaluated === 3)).toBe(true);
    expect(all.shnor.schools.every((s) => s.evaluated === 4)).toBe(true);
    // With the weak entrance diagnostic counted, every evaluated school has quality < 40 % in one of 4 works.
    expect(listedSchools(all.shnor)).toHaveLength(29);
    expect(listedSchools(external.shnor).length).toBeLessThan(15);
  });

  it('one criterion is enough when shnor.minCriteria = 1: the lowest ordinary schools join the list', () => {
    const { d } = run(settingsWith({ 'shnor.minCriteria': 1 }));
    expect(listedSchools(d.shnor).map((s) => s.code)).toEqual([
      'edu300001',
      'edu300004',
      'edu300006',
      'edu300010',
      'edu300014',
      'edu300016',
      'edu300017',
      'edu300020',
      'edu300024',
      'edu300028',
    ]);
  });

  it('two years running: one work a year, the criterion held in both years, counts', () => {
    const two = (title: string) => workGrid(title, PROFILES.weak as never);
    const s: District30School = { ...W1, code: 'edu399999', name: 'Малокомплектная', works: [] };
    const bookOf = (titles: string[]): Workbook => ({ name: 'Малокомплектная', grids: titles.map(two) });
    const host = memoryHost(new Map([[id30(s), bookOf(['ВПР 2025 Математика 4 класс', 'ВПР 2026 Математика 5 класс'])]]));
    const p = { ...plan(settingsWith(), [s]), reports: [] };
    const d = runToEnd(host, p).district as District;
    const only = d.shnor.schools[0];
    expect(only?.criteria.map((c) => [c.criterion, c.hits.length, c.of, c.reason, c.years])).toEqual([
      ['quality', 2, 2, 'share', null],
      ['meanCompletion', 2, 2, 'share', null],
      ['riskShare', 2, 2, 'share', null],
    ]);
    const strict = runToEnd(memoryHost(host.books), { ...p, settings: settingsWith({ 'shnor.minProcedures': 3 }) }).district as District;
    expect(strict.shnor.schools[0]?.criteria.map((c) => [c.reason, c.years])).toEqual([
      ['years', [2025, 2026]],
      ['years', [2025, 2026]],
      ['years', [2025, 2026]],
    ]);
    expect(strict.shnor.schools[0]?.listed).toBe(true);
  });
});

describe("below the region (from a school's «Эталоны»)", () => {
  it('flags a work whose mean completion is 10 points or more below the region, with the numbers', () => {
    // Region «Энская область»: tasks 90 90 90 90 90 80 80 60 60 40 → 770 / 10 = 77 %; the school 64,5 %.
    const etalony: Grid = {
      name: 'Эталоны',
      values: [
        ['Выполнение заданий'],
        [WORKS[0]],
        ['Группы участников', 'Кол-во ОО', 'Кол-во участников', ...Array.from({ length: 10 }, (_, i) => `${i + 1}`)],
        ['Вся выборка', 1000, 90000, 80, 80, 80, 80, 80, 70, 70, 50, 50, 30],
        ['Энская область', 50, 5000, 90, 90, 90, 90, 90, 80, 80, 60, 60, 40],
        ['Энский район(reg77_m012)', 30, 600, 85, 85, 85, 85, 85, 75, 75, 55, 55, 35],
      ],
    };
    const s: District30School = { ...W1, code: 'edu388888', name: 'Школа с эталонами', works: [ordinary(0), ordinary(0), ordinary(0)] };
    const wb = schoolWorkbook(s);
    const host = memoryHost(new Map([[id30(s), { ...wb, grids: [...wb.grids, etalony] }]]));
    const d = runToEnd(host, { ...plan(settingsWith(), [s]), reports: [] }).district as District;
    const work = d.schools[0]?.procedures.find((p) => p.title === WORKS[0]);
    expect(work?.region).toEqual({ group: 'Энская область', quality: null, meanCompletion: 77 });
    const flag = d.shnor.flags.find((f) => f.criterion === 'belowRegion');
    expect(flag?.detail).toBe('среднее выполнение 64,5 % — ниже региона (Энская область: 77 %) на 12,5 п. (порог — 10 п.)');
    expect(d.shnor.flags.filter((f) => f.criterion === 'belowRegion')).toHaveLength(1);
  });
});

describe("below the region (from the district's «Эталоны»)", () => {
  it("applies the region to every school's work; exactly 10 points below is flagged, 9,5 is not; one work alone lists nobody", () => {
    // Region «Энская область» for ВПР 2026 Математика 5 класс: 770 / 10 = 77 %. Ordinary v = 2: 66,5 % (10,5 below,
    // flagged); v = 3: 67,5 % (9,5 below, not). Flagged: W1, B, ordinary v ≤ 2 of город (8) and село (9), W2, W3 → 21.
    const regions = readDistrictRegions({
      name: 'Эталоны',
      values: [
        ['Выполнение заданий'],
        [WORKS[0]],
        ['Группы участников', 'Кол-во ОО', 'Кол-во участников', ...Array.from({ length: 10 }, (_, i) => `${i + 1}`)],
        ['Энская область', 50, 5000, 90, 90, 90, 90, 90, 80, 80, 60, 60, 40],
      ],
    });
    const p = { ...plan(), regions };
    const host = memoryHost(books());
    const d = runToEnd(host, p).district as District;
    const flags = d.shnor.flags.filter((f) => f.criterion === 'belowRegion');
    expect(flags).toHaveLength(21);
    expect(flags.every((f) => f.procedure === WORKS[0])).toBe(true);
    expect(flags.map((f) => f.code)).not.toContain('edu300009'); // ordinary v = 3
    expect(flags.find((f) => f.code === 'edu300008')?.detail).toBe(
      'среднее выполнение 66,5 % — ниже региона (Энская область: 77 %) на 10,5 п. (порог — 10 п.)',
    );
    // The criterion could be checked in one work only: it counts for nobody (2 works needed), the list is unchanged.
    expect(listedSchools(d.shnor).map((s) => s.code)).toEqual(by('weak'));
  });
});

describe('support planned per listed school', () => {
  const { d, host } = run();
  const plan0 = supportPlan(d, settingsWith());

  it("suggests a partner of the same cluster strong exactly on the school's weakest tasks, with the numbers", () => {
    const w1 = plan0.schools.find((s) => s.school.code === W1.code);
    // W1 has 0 % on tasks 8, 9, 10 of every work; the partner profile has 100 % there, the strong school
    // (higher overall) 100 / 80 / 50 % — the partner wins on these tasks.
    expect(w1?.weak.map((t) => [t.task, t.own])).toEqual([
      ['8', 0],
      ['8', 0],
      ['8', 0],
      ['9', 0],
      ['9', 0],
    ]);
    expect(w1?.partner?.code).toBe(by('partner')[0]);
    expect(w1?.partner?.tasks.map((t) => t.theirs)).toEqual([100, 100, 100, 100, 100]);
    for (const code of by('weak').slice(1)) expect(plan0.schools.find((s) => s.school.code === code)?.partner?.code).toBe(by('partner')[1]);
  });

  it("the district roadmap has support rows for each listed school under seed 004's activities, with its reasons", () => {
    const rm = host.tabs.find((t) => t.name.startsWith('Дорожная карта · ШНОР')) as SheetSpec;
    expect(rm.name).toBe('Дорожная карта · ШНОР 2026–2027');
    const rows = rm.values.filter((r) => String(r[COL.key]).startsWith('act:sup-'));
    const keys = rows.map((r) => r[COL.key]);
    for (const code of by('weak'))
      for (const kind of ['coordinator', 'diagnostics', 'plan', 'partner'] as const) expect(keys).toContain(supportKey(kind, code));
    for (const code of [...by('partner'), ...by('strong')]) expect(keys).toContain(supportKey('experience', code));
    expect(rows).toHaveLength(3 * 4 + 4);
    const row = (key: string) => rows.find((r) => r[COL.key] === key) as unknown[];
    const coord = row(supportKey('coordinator', W1.code));
    expect(coord[COL.number]).toBe('1.4.1');
    expect(String(coord[COL.title])).toContain(
      'Основания: качество — в 3 из 3 работ (ВПР 2026 Математика 5 класс: «4» и «5» — 15 % (3 из 20) < 40 %',
    );
    expect(coord[COL.status]).toBe('Не начато');
    expect(String(row(supportKey('partner', W1.code))[COL.title])).toMatch(
      /предлагаемая школа-партнёр МБОУ «Школа № 2» \(edu300002\): задание 8 \(ВПР 2026 [^)]+\): 0 % — у партнёра 100 %/,
    );
    expect(row(supportKey('plan', W1.code))[COL.number]).toBe('3.2.1');
    expect(row(supportKey('experience', by('partner')[0] as string))[COL.number]).toBe('3.25.1');
  });
});

describe("schools' roadmaps followed (today 20.05.2026)", () => {
  const { host } = run();

  it('«Исполнение»: done, in progress, not started, overdue and the next deadline equal the hand count', () => {
    const ex = tab(host, M.tabs.execution);
    expect(rowOf(ex, W1.code)).toEqual([
      'Местность: город',
      W1.code,
      W1.name,
      'да',
      1,
      6,
      2,
      1,
      3,
      2,
      1,
      { date: '2026-05-31' },
      (2 / 6) * 100,
    ]);
    expect(rowOf(ex, 'edu300003').slice(4)).toEqual([1, 2, 2, 0, 0, 0, 0, '', 100]);
    expect(ex.values.flat()).toContain(M.execution.summary(1, 30));
  });

  it('«Сводная по школам» shows the same counts on every row of the school (its four works)', () => {
    const sum = tab(host, M.tabs.summary);
    const rows = sum.values.filter((r) => r[1] === W1.code);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.slice(16, 22)).toEqual([2, 1, 3, 2, { date: '2026-05-31' }, (2 / 6) * 100]);
  });

  it('«Сроки отчётов» checked against what schools did: on time, late, overdue, not yet due, no activity, no roadmap', () => {
    const ex = tab(host, M.tabs.execution);
    const reports = ex.values.filter((r) => r[1] === W1.code)[1] as unknown[];
    expect(reports.slice(3)).toEqual([
      '✔ в срок (28.04.2026)',
      '⚠ с опозданием (15.05.2026)',
      '✖ просрочено: выполнено 0 из 1',
      '… срок не наступил: выполнено 0 из 1',
    ]);
    const s1 = ex.values.filter((r) => r[1] === 'edu300003')[1] as unknown[];
    expect(s1.slice(3)).toEqual([
      '✔ в срок (28.04.2026)',
      '⚠ с опозданием (15.05.2026)',
      M.reports.state.noActivity,
      M.reports.state.noActivity,
    ]);
    expect((ex.values.filter((r) => r[1] === 'edu300007')[1] as unknown[]).slice(3)).toEqual(Array(4).fill(M.reports.state.noRoadmap));
  });
});

describe('the effect of measures for the previous list', () => {
  it('the next collection with new data compares the previous list with now, beside the support rows and their statuses', () => {
    const host = memoryHost(books());
    run(settingsWith(), host);
    expect(host.history.rounds).toHaveLength(1);
    expect(tab(host, M.tabs.shnor).values.flat()).toContain(M.effect.none);

    // The coordinator marks W1's coordinator row done; a re-run of the same data changes nothing in the history.
    const rm = host.written.get('Дорожная карта · ШНОР 2026–2027') as SheetSpec;
    const at = rm.values.findIndex((r) => r[COL.key] === supportKey('coordinator', W1.code));
    (rm.values[at] as unknown[])[COL.status] = 'Выполнено';
    run(settingsWith(), host);
    expect(host.history.rounds).toHaveLength(1);

    // A year later W1 writes as an ordinary school (v = 0): out of the list.
    host.books.set(id30(W1), schoolWorkbook({ ...W1, works: [ordinary(0), ordinary(0), ordinary(0)] }));
    host.date = '2027-05-20';
    run(settingsWith(), host);
    expect(host.history.rounds.map((r) => [r.at, r.listed.length])).toEqual([
      ['2026-05-20', 3],
      ['2027-05-20', 2],
    ]);
    const shnor = tab(host, M.tabs.shnor);
    const row = shnor.values.find((r) => r[1] === W1.code && (r[3] === M.effect.no || r[3] === M.effect.yes)) as unknown[];
    expect(row.slice(3)).toEqual([
      M.effect.no,
      'качество 3/3; среднее выполнение 3/3; группа риска 3/3; нижняя четверть кластера 3/3',
      'нижняя четверть кластера 3/3',
      '15 → 60 (+45)',
      '36 → 64,5 (+28,5)',
      '70 → 25 (−45)',
      expect.stringContaining('1.4.1: Выполнено'),
    ]);
    expect(String(row[9])).toContain('3.7.1: Не начато');
    // Last year's support rows keep their statuses: W1 left the list, its rows are in the archive of last year's tab.
    const last = host.written.get('Дорожная карта · ШНОР 2026–2027') as SheetSpec;
    expect(last.values.find((r) => r[COL.key] === supportKey('coordinator', W1.code))?.[COL.status]).toBe('Выполнено');
  });
});
