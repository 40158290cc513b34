// Dynamics between procedures of one subject: «ВПР 2025 МА 4» → «ВПР 2026 МА 5» (different task sets,
// the same class a year later) and «Диагностика окт 2025 МА 5» → «ВПР 2026 МА 5» (the same tasks).
import { describe, expect, it } from 'vitest';
import type { ClassStep } from '../../src/core/analysis/dynamics';
import type { CellValue } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { dynamicsBook, riskBook, Y25, Y26 } from '../helpers/findings';

describe('dynamics across years with different task sets', () => {
  const run = runAnalysis(dynamicsBook());
  const d = run.findings.dynamics;

  it('compares only what is comparable, and says so', () => {
    expect(d.comparisons.map((c) => [c.from.sheet, c.to.sheet, c.sameTasks, c.sharedSkills])).toEqual([
      // «вычисления» of grade 5 matches «Вычисления» of grade 4 (case does not matter); «Геометрия» is only in grade 4.
      [Y25, Y26, false, ['Вычисления', 'Текстовые задачи']],
    ]);
    expect(d.comparisons[0]?.text).toBe(
      'разные наборы заданий: сравниваются только % выполнения работы, отметки и общие умения (2, по совпадающему тексту умения); баллы за задания не сравниваются',
    );
  });

  it('4А (2025) is 5А (2026): the share of «2» grew from 10 % to 20 % — +10 points, exactly the threshold', () => {
    const c = d.classes.find((x) => x.to.group.name === '5А') as ClassStep;
    expect(c.from.group.name).toBe('4А');
    expect(c.from.marks.percent[2]).toBe(10); // 1 of 10
    expect(c.to.marks.percent[2]).toBe(20); // 2 of 10
    expect(c.twoDelta).toBe(10);
    expect(c.negative).toBe(true);
    // 4А: 9 × 2/3 + 0 = 18 of 30 points = 60 %; 5А: 8 × 3/4 + 0 + 1/4 = 25 of 40 = 62,5 %.
    expect(c.from.group.meanCompletion).toBeCloseTo(60, 9);
    expect(c.to.group.meanCompletion).toBeCloseTo(62.5, 9);
    expect(c.linked).toBe(10);
    // «Текстовые задачи»: 4А task 2: 9 of 10 = 90 %; 5А task 2: (8 × 1 + 0 + 1) of 20 = 45 %.
    expect(c.skills.find((k) => k.skill === 'Текстовые задачи')).toEqual({ skill: 'Текстовые задачи', from: 90, to: 45 });
  });

  it('4Б → 5Б: 1/10 = 10 % → 2/11 = 18,2 %: +8,2 points, not negative', () => {
    const c = d.classes.find((x) => x.to.group.name === '5Б') as ClassStep;
    expect(c.twoDelta).toBeCloseTo(200 / 11 - 10, 9);
    expect(c.negative).toBe(false);
    // 31 is new in 5Б: 10 of 11 wrote both.
    expect(c.linked).toBe(10);
  });

  it('7В has no earlier class (grade 4 + 1 year ≠ 7): no class step', () => {
    expect(d.classes.map((c) => c.to.group.name)).toEqual(['5А', '5Б']);
  });

  it('per student: mark and completion between the two years', () => {
    const s9 = d.students.find((s) => s.to.student.code === '9');
    expect([s9?.markFrom, s9?.markTo, s9?.completionTo]).toEqual([4, 2, 0]);
    expect(s9?.completionFrom).toBeCloseTo(200 / 3, 9);
    // 20 linked students, 999 excluded (two persons).
    expect(d.students).toHaveLength(20);
  });

  it('dynamics.twoRise 11: +10 points is no longer negative', () => {
    const wb = dynamicsBook();
    wb.grids.push({
      name: 'Настройки ОКО',
      values: [
        ['Ключ', 'Параметр', 'Значение'],
        ['dynamics.twoRise', '', 11],
      ] as CellValue[][],
    });
    expect(runAnalysis(wb).findings.dynamics.classes.some((c) => c.negative)).toBe(false);
  });
});

describe('dynamics within a school year, the same tasks', () => {
  const d = runAnalysis(riskBook()).findings.dynamics;

  it('says the task sets are the same', () => {
    expect(d.comparisons.map((c) => [c.sameTasks, c.text])).toEqual([
      [true, 'одинаковый набор заданий: сравнимы баллы, % выполнения, отметки и каждое задание'],
    ]);
  });

  it('5А of October is 5А of April', () => {
    expect(
      d.classes.map((c) => [c.from.group.name, c.to.group.name, c.from.group.participants, c.to.group.participants, c.linked]),
    ).toEqual([
      // Diagnostic: 7 participants; ВПР: 7 present (106 absent), 6 of them wrote the diagnostic (108 did not;
      // «Д5» is 105 through «Соответствие кодов»).
      ['5А', '5А', 7, 7, 6],
    ]);
  });
});
