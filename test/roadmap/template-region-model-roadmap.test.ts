import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../src/core/roadmap/template-schema';
import raw from '../../src/core/roadmap/templates/region-model-roadmap.json';

describe('region-model-roadmap template (Минобрнауки РС(Я), приказ от 26.03.2021 № 01-03/441, прил. 2)', () => {
  const tpl = templateSchema.parse(raw);
  const byNumber = new Map(tpl.sections.flatMap((s) => s.activities.map((a) => [a.number, a] as const)));

  it('has the id, scope and title of the model plan', () => {
    expect(tpl.id).toBe('region-model-roadmap');
    expect(tpl.scope).toBe('region');
    expect(tpl.title.startsWith('Примерный план мероприятий («дорожная карта»)')).toBe(true);
    expect(tpl.source).toContain('01-03/441');
  });

  // Counted by hand in /work/shared/seeds/002_e83d4b4bef3ecfd1.txt, lines 244–316: the stage rows
  // «1. Аналитический этап» … «5. Рефлексивный этап» (all other cells empty) open the stages; every
  // other non-empty table row that is not a repeated «№ п/п | Наименование мероприятия | …» header
  // is one activity. Stage 1: 1.1–1.4 (4); stage 2: 2.1–2.8 and «2.9» printed without a dot (9);
  // stage 3: a row numbered only «.» (= 3.1), then 3.2–3.4 (4); stage 4: a row with an empty number
  // cell (= 4.1), then 4.2–4.5 (5); stage 5: 5.1 (1). Total 4 + 9 + 4 + 5 + 1 = 23.
  it('has the stage and activity counts of the source', () => {
    expect(tpl.sections).toHaveLength(5);
    expect(tpl.sections.map((s) => s.title)).toEqual([
      'Аналитический этап',
      'Организационно-методический этап',
      'Обучающий этап',
      'Оценочный этап',
      'Рефлексивный этап',
    ]);
    expect(tpl.sections.map((s) => s.activities.length)).toEqual([4, 9, 4, 5, 1]);
    expect(tpl.sections.reduce((n, s) => n + s.activities.length, 0)).toBe(23);
    expect(byNumber.size).toBe(23);
  });

  it('keeps numbers as printed, without a trailing dot', () => {
    for (const s of tpl.sections) {
      for (const a of s.activities) {
        expect(a.number).toMatch(new RegExp(`^${s.number}\\.\\d+$`));
      }
    }
    expect(tpl.sections[1]?.activities.map((a) => a.number)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9']);
  });

  it('gives no stage-level tasks or indicators (the source has none)', () => {
    for (const s of tpl.sections) {
      expect(s.tasks).toEqual([]);
      expect(s.indicators).toEqual([]);
    }
  });

  it('matches spot checks against the source', () => {
    expect(byNumber.get('1.1')?.deadline).toBe('После получения результатов в течение 2 недель');
    expect(byNumber.get('1.1')?.documentFormat).toBe('Аналитическая справка');
    expect(byNumber.get('1.3')?.deadline).toBe('После получения результатов в течение 3 недель');
    expect(byNumber.get('2.1')?.deadline).toBe('После завершения аналитического этапа');
    expect(byNumber.get('2.1')?.documentFormat).toBe('Протокол заседания Педсовета и Управляющего совета, Приказ руководителя ОО');
    expect(byNumber.get('2.9')?.deadline).toBe('В соответствии с решением Педсовета и Управляющего совета');
    expect(byNumber.get('3.4')?.deadline).toBe('В соответствии с планом');
    expect(byNumber.get('4.1')?.deadline).toBe('ежегодно, до 1 октября, а также в соответствии с решением Педсовета');
    expect(byNumber.get('4.2')?.deadline).toBe('Поурочно');
    expect(byNumber.get('4.5')?.documentFormat).toBe('Аналитический отчет');
    expect(byNumber.get('5.1')?.deadline).toBe('ежегодно: - до 25 декабря; - до конца учебного года');
    expect(byNumber.get('5.1')?.title).not.toMatch(/<\/?p>/);
  });

  it('uses exactly the 12 distinct deadline phrases of the source', () => {
    const deadlines = new Set(tpl.sections.flatMap((s) => s.activities.map((a) => a.deadline)));
    expect(deadlines.has(undefined)).toBe(false);
    expect(deadlines.size).toBe(12);
  });

  it('flags the rows with restored numbers or cut-off cells as uncertain', () => {
    const flagged = [...byNumber.values()].filter((a) => a.uncertain).map((a) => a.number);
    expect(flagged).toEqual(['2.2', '2.3', '2.4', '2.6', '2.7', '3.1', '3.3', '4.1']);
  });
});
