import { describe, expect, it } from 'vitest';
import { analyseDeficits, taskStatus } from '../../src/core/analysis/deficits';
import { readWorkbook } from '../../src/core/input/workbook';
import { defaultSettings } from '../../src/core/settings';
import { formWorkbook } from '../helpers/grids';

// Hand computation for the fixture in test/helpers/grids.ts (max 1, 2, 3; levels Б, Б, П):
//   5А (101: 1,2,3; 102: 0,1,X; 103: 1,0,1; 104 absent — not a participant)
//     task 1: (1+0+1)/(3·1) = 66.67 % → Б ≥ 60 → sufficient
//     task 2: (2+1+0)/(3·2) = 50 %    → Б < 57 → insufficient
//     task 3: (3+0+1)/(3·3) = 44.44 % → П ≥ 30 → sufficient
//     all:    (6+1+2)/(3·6) = 50 %
//   5Б (201: 0,2,2; 202: 1,X,0)
//     task 1: 1/2 = 50 %; task 2: 2/4 = 50 %; task 3: 2/6 = 33.33 %; all: 5/12 = 41.67 %
//   parallel = school (5 participants)
//     task 1: 3/5 = 60 % (sufficient, exactly at the threshold); task 2: 5/10 = 50 %; task 3: 6/15 = 40 %; all: 14/30 = 46.67 %
describe('deficit analysis on the hand-checked form fixture', () => {
  const data = readWorkbook(formWorkbook());
  const proc = data.procedures[0]!;
  const a = analyseDeficits(proc, data.settings);
  const byName = new Map(a.groups.map((g) => [`${g.level}:${g.name}`, g]));

  it('reads the procedure without errors', () => {
    expect(data.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(proc.title).toBe('ВПР Математика 5 класс');
    expect(proc.students.map((s) => s.code)).toEqual(['101', '102', '103', '201', '202']);
    expect(proc.absent.map((s) => s.code)).toEqual(['104']);
  });

  it('orders groups class, class, parallel, school', () => {
    expect(a.groups.map((g) => `${g.level}:${g.name}`)).toEqual(['class:5А', 'class:5Б', 'parallel:5 классы', 'school:Школа']);
  });

  it('computes completion per class, parallel and school', () => {
    const c5a = byName.get('class:5А')!;
    expect(c5a.participants).toBe(3);
    expect(c5a.completion[0]).toBeCloseTo(200 / 3, 10);
    expect(c5a.completion[1]).toBeCloseTo(50, 10);
    expect(c5a.completion[2]).toBeCloseTo(400 / 9, 10);
    expect(c5a.meanCompletion).toBeCloseTo(50, 10);
    const c5b = byName.get('class:5Б')!;
    expect(c5b.completion[0]).toBe(50);
    expect(c5b.completion[1]).toBe(50);
    expect(c5b.completion[2]).toBeCloseTo(100 / 3, 10);
    expect(c5b.meanCompletion).toBeCloseTo(500 / 12, 10);
    const school = byName.get('school:Школа')!;
    expect(school.participants).toBe(5);
    expect(school.completion[0]).toBeCloseTo(60, 10);
    expect(school.completion[1]).toBeCloseTo(50, 10);
    expect(school.completion[2]).toBeCloseTo(40, 10);
    expect(school.meanCompletion).toBeCloseTo(1400 / 30, 10);
  });

  it('assigns level-dependent statuses', () => {
    expect(byName.get('class:5А')!.status).toEqual(['sufficient', 'insufficient', 'sufficient']);
    expect(byName.get('class:5Б')!.status).toEqual(['insufficient', 'insufficient', 'sufficient']);
    expect(byName.get('school:Школа')!.status).toEqual(['sufficient', 'insufficient', 'sufficient']);
  });

  it('flags groups under 10 participants as unreliable', () => {
    expect(a.groups.every((g) => !g.reliable)).toBe(true);
  });

  it('marks per-student deficits below half the points (X counts as 0)', () => {
    // 101: none; 102: task 1 (0<0.5), task 3 (X); 103: task 2 (0<1), task 3 (1<1.5); 201: task 1; 202: task 2 (X), task 3
    expect(a.students.map((s) => s.deficit)).toEqual([
      [false, false, false],
      [true, false, true],
      [false, true, true],
      [true, false, false],
      [false, true, true],
    ]);
    expect(a.students.map((s) => s.deficitCount)).toEqual([0, 2, 2, 1, 2]);
    expect(a.students[0]!.completion).toBeCloseTo(100, 10);
  });

  it('computes marks from the scale sheet (3 from 2, 4 from 4, 5 from 6)', () => {
    expect(proc.markSource).toBe('scale');
    expect(proc.students.map((s) => s.mark)).toEqual([5, 2, 3, 4, 2]);
    expect(proc.students.map((s) => s.journalMark)).toEqual([5, 3, 4, null, 2]);
  });

  it('rolls tasks up to skills and finds systemic deficits', () => {
    // «Вычисления» = tasks 1, 2. 5Б: both insufficient → 2 of 2 > 50 % → systemic.
    // 5А: task 2 only → 1 of 2 = 50 %, not more than half → not systemic.
    const calc = a.skills.find((s) => s.skill === 'Вычисления')!;
    expect(calc.tasks).toEqual([0, 1]);
    expect(calc.systemic).toEqual([false, true, false, false]);
    // 5А: (2 + 3) points of (3 · 3) = 55.56 %
    expect(calc.completion[0]).toBeCloseTo(500 / 9, 10);
  });
});

describe('task status thresholds (ФИОКО 2026 defaults)', () => {
  const s = defaultSettings();
  const basic = { id: '1', max: 1, level: 'Б' as const };
  const adv = { id: '2', max: 1, level: 'П' as const };
  const unknown = { id: '3', max: 1, level: null };
  it.each([
    [basic, 60, 'sufficient'],
    [basic, 59.99, 'uncertain'],
    [basic, 57, 'uncertain'],
    [basic, 56.99, 'insufficient'],
    [adv, 30, 'sufficient'],
    [adv, 29.99, 'uncertain'],
    [adv, 28.5, 'uncertain'],
    [adv, 28.49, 'insufficient'],
    [unknown, 58, 'uncertain'],
    [basic, Number.NaN, 'none'],
  ])('%o at %d %% → %s', (task, pct, status) => {
    expect(taskStatus(pct, task, s)).toBe(status);
  });
});
