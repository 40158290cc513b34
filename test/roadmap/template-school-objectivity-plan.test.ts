import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../src/core/roadmap/template-schema';
import raw from '../../src/core/roadmap/templates/school-objectivity-plan.json';

describe('school-objectivity-plan template (seed 001, школьный план по объективности оценивания)', () => {
  const tpl = templateSchema.parse(raw);
  const activities = tpl.sections.flatMap((s) => s.activities);
  const byNumber = new Map(activities.map((a) => [a.number, a] as const));

  it('has the id, scope, title and source', () => {
    expect(tpl.id).toBe('school-objectivity-plan');
    expect(tpl.scope).toBe('school');
    expect(tpl.title).toBe('План работы по обеспечению объективности оценивания образовательных результатов обучающихся');
    expect(tpl.source).toContain('seed 001');
  });

  // Counted by hand in /work/shared/seeds/001_8d2b3a57b91d7391.txt: the five group rows
  // («Нормативно-правовое обеспечение», «Мониторинг образовательных результатов обучающихся»,
  // «Работа с педагогами», «Работа с обучающимися», «Работа с родителями») open the groups; every
  // line starting with a number «N.» opens one activity. Group 1: 1–3 (3); group 2: 4–7 (4);
  // group 3: 8–14 (7); group 4: 15, 16, 18, 19 (4 — there is NO item 17 in the text: «16.» is
  // followed directly by «18.»); group 5: 20–21 (2). Total 3 + 4 + 7 + 4 + 2 = 20, numbered 1–21
  // without 17. The missing row was not invented.
  it('has the group and activity counts of the source', () => {
    expect(tpl.sections).toHaveLength(5);
    expect(tpl.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(tpl.sections.map((s) => s.title)).toEqual([
      'Нормативно-правовое обеспечение',
      'Мониторинг образовательных результатов обучающихся',
      'Работа с педагогами',
      'Работа с обучающимися',
      'Работа с родителями',
    ]);
    expect(tpl.sections.map((s) => s.activities.length)).toEqual([3, 4, 7, 4, 2]);
    expect(activities).toHaveLength(20);
    expect(byNumber.size).toBe(20);
    const expected = Array.from({ length: 21 }, (_, i) => String(i + 1)).filter((n) => n !== '17');
    expect(activities.map((a) => a.number)).toEqual(expected);
    expect(tpl.sections[3]?.uncertain).toMatch(/17/);
  });

  it('matches spot checks against the source', () => {
    expect(byNumber.get('1')?.deadline).toBe('В течение года');
    expect(byNumber.get('1')?.responsible).toBe('Директор');
    expect(byNumber.get('4')?.deadline).toBe('В течение года (по четвертям, полугодиям)');
    expect(byNumber.get('6')?.deadline).toBe('В течение года после проведения процедур');
    expect(byNumber.get('6')?.responsible).toBe('Заместитель директора по УВР, руководители ШМО, учителя-предметники');
    expect(byNumber.get('9')?.deadline).toBe('По плану проведения педсоветов');
    expect(byNumber.get('9')?.responsible).toBe('заместитель директора по УВР');
    expect(byNumber.get('12')?.responsible).toBe('Заместитель директора по УР, руководители ШМО');
    expect(byNumber.get('13')?.title).toBe('Экспертиза качества школьных контрольно-измерительных материалов');
    expect(byNumber.get('16')?.deadline).toBe('По плану проведения дополнительных занятий с учащимися');
    expect(byNumber.get('16')?.responsible).toBe('Учителя-предметники');
    expect(byNumber.get('19')?.deadline).toBe('При проведении оценочных процедур');
    expect(byNumber.get('21')?.responsible).toBe('Зам. директора по УВР, отв. за сайт');
  });

  it('uses the 6 distinct deadline phrases of the source; only item 5 has none and is flagged', () => {
    const deadlines = new Set(activities.map((a) => a.deadline).filter((d) => d !== undefined));
    expect(deadlines.size).toBe(6);
    expect(activities.filter((a) => a.deadline === undefined).map((a) => a.number)).toEqual(['5']);
    expect(activities.filter((a) => a.uncertain).map((a) => a.number)).toEqual(['5']);
    for (const a of activities) expect(a.responsible).toBeTruthy();
  });

  it('has no scan noise or broken hyphenation left in the text', () => {
    for (const a of activities) {
      for (const text of [a.title, a.deadline ?? '', a.responsible ?? '']) {
        expect(text).not.toMatch(/[&■']|\.\.\.|- |\s{2}|\n/);
      }
    }
  });
});
