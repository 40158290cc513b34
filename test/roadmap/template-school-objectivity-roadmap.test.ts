import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../src/core/roadmap/template-schema';
import raw from '../../src/core/roadmap/templates/school-objectivity-roadmap.json';

describe('school-objectivity-roadmap template (МАОУ «СОШ № 7» г. Стерлитамак, приказ № 386/О от 31.08.2023)', () => {
  const tpl = templateSchema.parse(raw);
  const activities = tpl.sections.flatMap((s) => s.activities);
  const byNumber = new Map(activities.map((a) => [a.number, a] as const));

  it('has the id, scope, title, source and year of the school plan', () => {
    expect(tpl.id).toBe('school-objectivity-roadmap');
    expect(tpl.scope).toBe('school');
    expect(tpl.sourceYear).toBe('2023-2024');
    expect(tpl.title).toBe(
      'План мероприятий («дорожная карта») по повышению объективности оценивания образовательных результатов на 2023-2024 учебный год',
    );
    expect(tpl.source).toContain('СОШ № 7');
    expect(tpl.source).toContain('Стерлитамак');
    expect(tpl.source).toContain('386/О');
    expect(tpl.notes.length).toBeGreaterThan(0);
  });

  // Counted by hand in /work/shared/seeds/003_f4ce2a2d560018f7.txt (a garbled OCR scan in which
  // every page is recognised several times as growing "slices" of the same rows). Each distinct
  // activity was counted once, using the fullest slice (lines 49–50 for sections 2–4, lines 101–104
  // for section 6) and the single-pass text elsewhere:
  //   1: 1.1–1.3, «1.5» being a misread 1.3 (3);
  //   2: 2.1–2.5; the row «2 1 | A FILA 2022 | 4 2022» is a garbled copy of 2.4 (5);
  //   3: «Посещение уроков…», «Собеседование…», «Составление индивидуальных маршрутов…» (3) —
  //      the next row («Работа с учителями по повышению объективности оценивания…») spans all three
  //      columns, so it is the heading of section 4, not an activity;
  //   4: «Обеспечение … ФГОС», «Изучение нормативной документации…», then printed 4.4–4.10
  //      (7 rows; «Разъяснительная работа по проведению ГИА» sits inside printed 4.6 without a
  //      number, deadline or responsible and is kept in that row) — 2 + 7 = 9;
  //   5: 5.1–5.4 (4); 6: 6.1–6.4 printed, plus «Проверка работ членами МО» and the cut-off
  //      «Анализ соответствия оценки за четверть…» (6); 7: 7.1–7.2 (2); 8: 8.1–8.2 (2);
  //   9: 9.1–9.6 (6); 10: 10.1–10.3 (3); 11: 11.1–11.2 (2).
  // Total 3 + 5 + 3 + 9 + 4 + 6 + 2 + 2 + 6 + 3 + 2 = 45.
  it('has the section and activity counts established by hand', () => {
    expect(tpl.sections).toHaveLength(11);
    expect(tpl.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(tpl.sections.map((s) => s.activities.length)).toEqual([3, 5, 3, 9, 4, 6, 2, 2, 6, 3, 2]);
    expect(activities).toHaveLength(45);
    expect(byNumber.size).toBe(45);
  });

  it('keeps the printed numbers: 1, 2, … within each section, and 4.4–4.10 after 4.2 as the source prints them', () => {
    for (const s of tpl.sections) {
      for (const a of s.activities) {
        expect(a.number.startsWith(`${s.number}.`)).toBe(true);
      }
      const printed =
        s.number === '4'
          ? ['4.1', '4.2', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10']
          : s.activities.map((_, i) => `${s.number}.${i + 1}`);
      expect(s.activities.map((a) => a.number)).toEqual(printed);
    }
    expect(byNumber.get('4.4')?.title).toMatch(/^Активное внедрение/);
    expect(byNumber.get('4.10')?.title).toBe('Обновление банка ФОС. Разработка КИМ');
  });

  it('dates 3.2 «Август» and 3.3 «Сентябрь» as the source does', () => {
    expect(byNumber.get('3.2')?.deadline).toBe('Август');
    expect(byNumber.get('3.3')?.deadline).toBe('Сентябрь');
  });

  it('gives no section-level tasks or indicators (the source has none)', () => {
    for (const s of tpl.sections) {
      expect(s.tasks).toEqual([]);
      expect(s.indicators).toEqual([]);
    }
  });

  it('matches spot checks against the source', () => {
    expect(tpl.sections[1]?.title).toBe('Мониторинг качества образования');
    expect(tpl.sections[4]?.title).toBe('Работа с обучающимися');
    expect(byNumber.get('1.1')?.responsible).toBe('Администрация');
    expect(byNumber.get('2.1')?.deadline).toBe('Август 2023');
    expect(byNumber.get('2.2')?.title).toBe('Анализ результатов ВПР');
    expect(byNumber.get('2.2')?.deadline).toBe('Сентябрь – октябрь 2023');
    expect(byNumber.get('2.5')?.deadline).toBe('По графику');
    expect(byNumber.get('4.2')?.deadline).toBe('Ноябрь 2023 – март 2024');
    expect(byNumber.get('4.7')?.deadline).toBe('В течение года по плану ВШК');
    expect(byNumber.get('4.8')?.deadline).toBe('В течение года по графику ИМЦ и РЦОИ');
    expect(byNumber.get('6.1')?.deadline).toBe('Сентябрь 2023, май 2024, август 2024');
    expect(byNumber.get('9.2')?.responsible).toBe('Классные руководители');
    expect(byNumber.get('9.5')?.deadline).toBe('Во время проведения ВПР по графику');
    expect(byNumber.get('11.2')?.deadline).toBe('В конце четверти');
  });

  it('omits unreadable deadlines and flags them', () => {
    const noDeadline = activities.filter((a) => a.deadline === undefined).map((a) => a.number);
    expect(noDeadline).toEqual(['1.2', '1.3', '6.6']);
    for (const n of noDeadline) expect(byNumber.get(n)?.uncertain).toBeTruthy();
    const deadlines = new Set(activities.map((a) => a.deadline).filter((d) => d !== undefined));
    expect(deadlines.size).toBe(23);
  });

  it('flags the reconstructed rows and section titles as uncertain', () => {
    expect(activities.filter((a) => a.uncertain).map((a) => a.number)).toEqual([
      '1.2',
      '1.3',
      '2.4',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.4',
      '4.5',
      '4.6',
      '4.10',
      '5.1',
      '6.2',
      '6.5',
      '6.6',
      '7.1',
      '7.2',
      '8.2',
      '9.1',
      '10.3',
      '11.2',
    ]);
    expect(tpl.sections.filter((s) => s.uncertain).map((s) => s.number)).toEqual(['1', '2', '3', '4', '7', '9', '10', '11']);
  });
});
