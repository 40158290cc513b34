import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../src/core/roadmap/template-schema';
import tpl from '../../src/core/roadmap/templates/school-complex-analysis.json';

describe('school-complex-analysis template (школьная дорожная карта, seed 000)', () => {
  const parsed = templateSchema.parse(tpl);
  const byNumber = new Map(parsed.sections.flatMap((s) => s.activities.map((a) => [a.number, a] as const)));

  it('has the id, scope, goal and source', () => {
    expect(parsed.id).toBe('school-complex-analysis');
    expect(parsed.scope).toBe('school');
    expect(parsed.goal?.startsWith('консолидация и эффективное использование ресурсов')).toBe(true);
    expect(parsed.source).toContain('seed 000');
    expect(parsed.notes.length).toBeGreaterThan(0);
  });

  // Посчитано вручную по /work/shared/seeds/000_c11e035989a80c7d.txt:
  // разделы — строки «1. Организационные мероприятия» … «5. Меры и управленческие решения…» (5);
  // мероприятия — по напечатанным номерам: раздел 1 — 1.1–1.9 (9); раздел 2 — 2.1, 2.1.1, 2.1.2,
  // 2.2, 2.3, 2.4 (6; ненумерованный фрагмент «Проведение школьных родительских собраний…» после
  // разрыва страницы отнесён к 2.1.1); раздел 3 — 3.1–3.6, 3.8, 3.9, 3.10 (9; пункта 3.7 в
  // источнике нет); раздел 4 — 4.1, 4.1.1–4.1.3, 4.2, 4.2.1–4.2.3 (8, включая групповые строки
  // 4.1 и 4.2); раздел 5 — 5.1–5.4 (4). Всего 9 + 6 + 9 + 8 + 4 = 36.
  // Задачи и показатели — по нумерации 1., 2., … под «Задачи:» и «Показатели:» каждого раздела:
  // задачи 5, 4, 6, 2, 4; показатели 4, 3, 4, 3, 2.
  it('has the section, activity, task and indicator counts of the source', () => {
    expect(parsed.sections).toHaveLength(5);
    expect(parsed.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(parsed.sections.map((s) => s.title)).toEqual([
      'Организационные мероприятия',
      'Методическое сопровождение',
      'Мониторинг и контроль',
      'Информационно-аналитическое обеспечение',
      'Меры и управленческие решения, направленные на совершенствование работы по комплексному анализу оценочных процедур',
    ]);
    expect(parsed.sections.map((s) => s.activities.length)).toEqual([9, 6, 9, 8, 4]);
    expect(parsed.sections.map((s) => s.tasks.length)).toEqual([5, 4, 6, 2, 4]);
    expect(parsed.sections.map((s) => s.indicators.length)).toEqual([4, 3, 4, 3, 2]);
    expect(parsed.sections.reduce((n, s) => n + s.activities.length, 0)).toBe(36);
    expect(byNumber.size).toBe(36);
  });

  it('keeps activity numbers as printed, including the gap at 3.7', () => {
    expect(parsed.sections[2]!.activities.map((a) => a.number)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.8', '3.9', '3.10']);
    expect(byNumber.has('3.7')).toBe(false);
    expect(parsed.sections[3]!.activities.map((a) => a.number)).toEqual([
      '4.1',
      '4.1.1',
      '4.1.2',
      '4.1.3',
      '4.2',
      '4.2.1',
      '4.2.2',
      '4.2.3',
    ]);
    for (const s of parsed.sections) {
      for (const a of s.activities) expect(a.number.startsWith(`${s.number}.`)).toBe(true);
    }
  });

  it('spot-checks restored rows', () => {
    const first = byNumber.get('1.1');
    expect(first?.title.startsWith('Проведение совещания «Основные подходы к формированию графика')).toBe(true);
    expect(first?.responsible).toBe('Администрация ОУ');
    expect(first?.deadline).toBe('Август');
    expect(first?.levels).toEqual(['НШ', 'ОШ', 'СШ']);

    expect(byNumber.get('1.3')?.levels).toEqual(['ОШ', 'СШ']);
    expect(byNumber.get('1.4')?.deadline).toBe('Октябрь - ноябрь');
    expect(byNumber.get('1.9')?.deadline).toBe('Февраль, май, октябрь');
    expect(byNumber.get('2.4')?.levels).toBeUndefined();
    expect(byNumber.get('2.4')?.responsible).toBe('Руководители школьных методических объединений');
    expect(byNumber.get('3.10')?.deadline).toBe('По графику в течение года');
    expect(byNumber.get('4.2.1')?.deadline).toBe('В соответствии с графиком проведения ВПР');
    expect(byNumber.get('4.2.2')?.levels).toEqual(['ОШ']);
    expect(byNumber.get('4.2.3')?.levels).toEqual(['СШ']);
    expect(byNumber.get('5.4')?.deadline).toBe('июнь');
    expect(parsed.sections[0]!.indicators[0]).toBe(
      '100% выполнение мероприятий, включенных в «дорожную карту» комплексного анализа оценочных процедур.',
    );
  });

  it('has group rows without responsible or deadline', () => {
    for (const n of ['2.1', '4.1', '4.2']) {
      expect(byNumber.get(n)?.responsible).toBeUndefined();
      expect(byNumber.get(n)?.deadline).toBeUndefined();
    }
  });

  it('strips level tags from titles and marks the uncertain rows', () => {
    for (const a of byNumber.values()) expect(a.title).not.toMatch(/\((?:НШ|ОШ|СШ)[,\s)]/);
    expect([...byNumber.values()].filter((a) => a.uncertain).map((a) => a.number)).toEqual(['1.7', '2.1.1', '3.1']);
    expect(parsed.sections[2]!.uncertain).toContain('3.7');
  });
});
