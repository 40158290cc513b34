// The stages of buildDistrict, each on a tiny district worked out by hand (default thresholds: a basic
// task is «недостаточно» under 57 %, «достаточно» from 60 %; an advanced one under 28,5 % / from 30 %;
// a task falls out in the district where at least 50 % of the schools that wrote it have «недостаточно»).
import { describe, expect, it } from 'vitest';
import {
  type DistrictSchool,
  districtProcedure,
  fallingTasks,
  groupProcedures,
  mergeSchools,
  type PooledProcedure,
  poolProcedure,
  type SourceState,
  taskUnion,
} from '../../src/core/municipal/district';
import type { ProcedureAgg, SourceRecord, TaskDef } from '../../src/core/municipal/schema';
import { readDistrictSettings } from '../../src/core/municipal/settings';
import type { SourceRow, SourcesSheet, SourceUnit } from '../../src/core/municipal/sources';
import { M } from '../../src/core/strings';

const settings = readDistrictSettings(undefined).settings;

function agg(over: Partial<ProcedureAgg>): ProcedureAgg {
  return {
    key: 'ВПР|2026|Математика|5',
    title: 'ВПР 2026 Математика 5 класс',
    kind: 'ВПР',
    year: 2026,
    subject: 'Математика',
    grade: 5,
    sheet: 'Результаты',
    tasks: [],
    participants: 0,
    reliable: true,
    markSource: 'file',
    marks: { '2': 0, '3': 0, '4': 0, '5': 0 },
    quality: null,
    success: null,
    meanCompletion: null,
    points: 0,
    completion: [],
    status: [],
    insufficient: 0,
    risk: 0,
    riskShare: null,
    journal: { n: 0, lowered: 0, confirmed: 0, raised: 0 },
    signs: [],
    region: null,
    ...over,
  };
}

function school(code: string, procedures: ProcedureAgg[]): DistrictSchool {
  return { code, name: `Школа ${code}`, cluster: 'Все школы', attrs: {}, source: 'f.xlsx', procedures, roadmap: null };
}

function row(code: string | null, attrs: Record<string, string>, ref: string | null = 'id'): SourceRow {
  return { row: 2, ref, refText: ref ?? '', code, name: null, attrs };
}

function record(label: string, status: 'ok' | 'failed', schools: { code: string; procedures: ProcedureAgg[] }[]): SourceRecord {
  return {
    key: label,
    ref: label,
    label,
    status,
    reason: null,
    notes: [],
    hash: null,
    fingerprint: '',
    runId: 'r',
    checkedAt: '',
    changedAt: '',
    changed: false,
    schools: schools.map((s) => ({ code: s.code, name: `Школа ${s.code}`, procedures: s.procedures, roadmap: null })),
  };
}

const t = (id: string, max: number, level: TaskDef['level'] = 'Б'): TaskDef => ({ id, max, level });

describe('stage 1: mergeSchools', () => {
  const unitA: SourceUnit = { key: 'a', ref: 'a', kind: 'schools', rows: [row('a1', { Местность: 'город' })] };
  const unitE: SourceUnit = { key: 'e', ref: 'e.xlsx', kind: 'export', rows: [row(null, { Местность: 'село' })] };
  const unitF: SourceUnit = { key: 'f', ref: 'f', kind: 'schools', rows: [row('F9', { Местность: 'город' })] };
  const sources: SourcesSheet = {
    sheet: 'Источники',
    units: [unitA, unitE, unitF],
    attributes: ['Местность'],
    attributeRows: [row('B2', { Местность: 'город' }, null), row('ZZ9', { Местность: 'село' }, null)],
    problems: [],
  };
  const p = agg({});
  const states: SourceState[] = [
    { unit: unitA, record: record('a', 'ok', [{ code: 'A1', procedures: [p] }]), done: true },
    {
      unit: unitE,
      record: record('e.xlsx', 'ok', [
        { code: 'C3', procedures: [p] },
        { code: 'b2', procedures: [p] },
        { code: 'a1', procedures: [p] },
      ]),
      done: true,
    },
    { unit: unitF, record: record('f', 'failed', [{ code: 'F9', procedures: [p] }]), done: true },
  ];

  it('one school per code, attributes from the row, the attribute-only row or the export; sorted by cluster, then code', () => {
    const { schools } = mergeSchools(sources, states);
    expect(schools.map((s) => [s.code, s.cluster, s.source, s.procedures.length])).toEqual([
      ['A1', 'Местность: город', 'a', 1],
      ['b2', 'Местность: город', 'e.xlsx', 1],
      ['C3', 'Местность: село', 'e.xlsx', 1],
    ]);
  });

  it('a procedure brought twice and an attribute row no school used become notes, in that order', () => {
    const { notes } = mergeSchools(sources, states);
    expect(notes).toEqual([M.read.duplicateSchool('a1', p.title, 'a'), M.sources.attrUnused('ZZ9')]);
  });
});

describe('stage 2: groupProcedures', () => {
  it('groups by key in procedure order (kind, year, grade, subject), rows in the schools’ order', () => {
    const m5 = agg({});
    const m4 = agg({ key: 'ВПР|2026|Математика|4', grade: 4 });
    const oge = agg({ key: 'ОГЭ|2026|Математика|9', kind: 'ОГЭ', grade: 9 });
    const groups = groupProcedures([school('A', [oge, m5]), school('B', [m5, m4])]);
    expect(groups.map((g) => [g.first.key, g.rows.map((r) => r.school.code)])).toEqual([
      ['ВПР|2026|Математика|4', ['B']],
      ['ВПР|2026|Математика|5', ['A', 'B']],
      ['ОГЭ|2026|Математика|9', ['A']],
    ]);
  });
});

describe('stage 3: taskUnion', () => {
  it('first definition wins, later ones fill a missing level or skill; another maximum is a conflict', () => {
    const u = taskUnion([
      agg({ tasks: [t('1', 1), t('2', 2, null)] }),
      agg({ tasks: [{ ...t('2', 2, 'П'), skill: 'Дроби' }, t('1', 2), t('3', 1)] }),
    ]);
    expect(u.tasks).toEqual([t('1', 1), { ...t('2', 2, 'П'), skill: 'Дроби' }, t('3', 1)]);
    expect([...u.index]).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
    ]);
    expect(u.conflicts).toEqual(['1']);
  });
});

// A (20 students): task 1 50 %, task 2 70 %, mean 60 % of 3 points. B (10): 90 %, 40 %, mean 50 % of 3.
// C (10): task 1 40 %, task 3 70 %, mean 40 % of 2. Task 2 is advanced (level from B's definition).
//   task 1: (0,5·20 + 0,9·10 + 0,4·10) / 40 = 23/40 = 57,5 % → «частично»; A and C «недостаточно» (2 of 3)
//   task 2: (0,7·20·2 + 0,4·10·2) / (30·2) = 36/60 = 60 % → «достаточно»; B at 40 % is «достаточно» as П
//   task 3: C alone, 70 %; mean: (0,6·20·3 + 0,5·10·3 + 0,4·10·2) / (60 + 30 + 20) = 59/110 = 53,6 %
function tiny() {
  const a = agg({ tasks: [t('1', 1), t('2', 2, null)], completion: [50, 70], participants: 20, meanCompletion: 60 });
  const b = agg({ tasks: [t('1', 1), t('2', 2, 'П')], completion: [90, 40], participants: 10, meanCompletion: 50 });
  const c = agg({ tasks: [t('1', 1), t('3', 1)], completion: [40, 70], participants: 10, meanCompletion: 40 });
  const rows = [
    { school: school('A', [a]), agg: a },
    { school: school('B', [b]), agg: b },
    { school: school('C', [c]), agg: c },
  ];
  return { first: a, rows };
}

describe('stage 4: poolProcedure', () => {
  const group = tiny();
  const { tasks, index } = taskUnion(group.rows.map((r) => r.agg));
  const pooled = poolProcedure(group.rows, tasks, index, settings);

  it('pools completion by points and participants, not as a mean of the schools’ figures', () => {
    expect(pooled.participants).toBe(40);
    expect(pooled.completion[0]).toBeCloseTo(57.5, 9);
    expect(pooled.completion[1]).toBeCloseTo(60, 9);
    expect(pooled.completion[2]).toBeCloseTo(70, 9);
    expect(pooled.meanCompletion).toBeCloseTo((59 / 110) * 100, 9);
    expect(pooled.status).toEqual(['uncertain', 'sufficient', 'sufficient']);
  });

  it('aligns each school with the union and rates it with the union’s level', () => {
    expect(pooled.rows.map((r) => r.completion)).toEqual([
      [50, 70, null],
      [90, 40, null],
      [40, null, 70],
    ]);
    expect(pooled.rows.map((r) => r.status)).toEqual([
      ['insufficient', 'sufficient', 'none'],
      ['sufficient', 'sufficient', 'none'],
      ['insufficient', 'none', 'sufficient'],
    ]);
    expect(pooled.schoolsWithTask).toEqual([3, 2, 1]);
    expect(pooled.insufficientSchools).toEqual([2, 0, 0]);
    expect(pooled.codes).toEqual([['A', 'C'], [], []]);
  });
});

describe('stage 5: fallingTasks', () => {
  const task = t('1', 1);
  const pooled = (insufficient: number, schools: number): PooledProcedure => ({
    rows: [],
    participants: 0,
    meanCompletion: null,
    completion: [42],
    status: ['insufficient'],
    insufficientSchools: [insufficient],
    schoolsWithTask: [schools],
    codes: [['A']],
  });

  it('a task falls out at the share exactly, not below it', () => {
    // 57 of 100 is 56.99999999999999 in floats: still «at 57 %».
    expect(fallingTasks([task], pooled(57, 100), 57)).toEqual([
      { index: 0, task, insufficient: 57, schools: 100, share: (57 / 100) * 100, completion: 42, codes: ['A'] },
    ]);
    expect(fallingTasks([task], pooled(56, 100), 57)).toEqual([]);
    expect(fallingTasks([task], pooled(0, 0), 1)).toEqual([]);
  });

  it('on the tiny district: task 1 (2 of 3 schools) falls out at 50 %, not at 70 %', () => {
    const group = tiny();
    const p = districtProcedure(group, settings, []);
    expect(p.falls.map((f) => [f.task.id, f.insufficient, f.schools, f.codes])).toEqual([['1', 2, 3, ['A', 'C']]]);
    const strict = { ...settings, municipal: { ...settings.municipal, 'district.fallShare': 70 } };
    expect(districtProcedure(group, strict, []).falls).toEqual([]);
  });
});
