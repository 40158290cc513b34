import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../src/core/roadmap/template-schema';
import raw from '../../src/core/roadmap/templates/municipal-low-results.json';

describe('municipal-low-results template (seed 004, прил. 2 к приказу № 81о/д от 27.04.2020)', () => {
  const tpl = templateSchema.parse(raw);
  const activities = tpl.sections.flatMap((s) => s.activities);
  const find = (section: string, title: string) =>
    tpl.sections.find((s) => s.number === section)?.activities.find((a) => a.title.startsWith(title));

  it('has the id, scope, title and source', () => {
    expect(tpl.id).toBe('municipal-low-results');
    expect(tpl.scope).toBe('municipality');
    expect(tpl.title).toBe('Дорожная карта по реализации муниципальной программы по сопровождению школ с низкими результатами');
    expect(tpl.source).toContain('№ 81о/д от 27 апреля 2020 г.');
  });

  // Counted by hand in /work/shared/seeds/004_fc088c5c2a1b5efa.txt (two columns only:
  // «Наименование мероприятия | Сроки»). Each row = a title paragraph with its own deadline;
  // sub-bullets («-…», «На 1 этапе…», «В дальнейшем-…») stay inside the row; the sub-headings
  // «На уровне комитета образования:» / «На уровне образовательных учреждений:» are not rows.
  // Section 1 «Аналитико-прогностические мероприятия»: 1.1–1.8 (8).
  // Section 2 «Нормативно-правовое обеспечение»: 2.1, 2.2, «1.4» (sic), 2.3, 2.4, 2.5 (6).
  // Section 3 «Организационные мероприятия»: 14 numbered rows (3.1, 3.2, 3.3, 3.5, 3.6, 3.7, 3.8,
  // 3.25, 3.9, 3.10, 3.17, 3.15, «4.4», 3.17 again, 3.18, 3.26 = 16) + 10 unnumbered rows = 26.
  // Section 4 (unnumbered heading «2021 г.- выявление эффективности…»): 1, one unnumbered row,
  // 2, 4, 5, 6, 7 (7). Total 8 + 6 + 26 + 7 = 47.
  it('has the section and activity counts of the source', () => {
    expect(tpl.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4']);
    expect(tpl.sections.map((s) => s.title)).toEqual([
      'Аналитико-прогностические мероприятия',
      'Нормативно-правовое обеспечение',
      'Организационные мероприятия',
      '2021 г.- выявление эффективности и корректировка программы, переход к работе по данному направлению в штатном режиме',
    ]);
    expect(tpl.sections.map((s) => s.activities.length)).toEqual([8, 6, 26, 7]);
    expect(activities).toHaveLength(47);
    expect(tpl.sections[1]?.activities.map((a) => a.number)).toEqual(['2.1', '2.2', '1.4', '2.3', '2.4', '2.5']);
    expect(tpl.sections[3]?.activities.map((a) => a.number)).toEqual(['1', '1а', '2', '4', '5', '6', '7']);
    // 16 printed numbers + 10 restored (lettered) numbers in section 3
    const s3 = tpl.sections[2]?.activities.map((a) => a.number) ?? [];
    expect(s3.filter((n) => /^\d+\.\d+$/.test(n))).toHaveLength(16);
    expect(s3.filter((n) => /[а-я]$/.test(n))).toHaveLength(10);
  });

  it('has no responsible/result columns (the source has none)', () => {
    for (const a of activities) {
      expect(a.responsible).toBeUndefined();
      expect(a.result).toBeUndefined();
      expect(a.participants).toBeUndefined();
    }
  });

  it('matches spot checks against the source', () => {
    expect(find('1', 'Анализ рейтинга школ')?.deadline).toBe('октябрь-ноябрь');
    expect(find('1', 'Определение муниципального координатора')?.title).toContain('школ с низкими результатами');
    expect(find('1', 'Определение муниципального координатора')?.deadline).toBe('январь');
    const a15 = find('1', 'Проектирование работы с педагогами');
    expect(a15?.number).toBe('1.5');
    expect(a15?.deadline).toBe('Март- апрель; сентябрь-декабрь');
    expect(a15?.title).toContain('\nНа 1 этапе реализации программы:\n- диагностика');
    expect(find('1', 'Разработка модели муниципальной сети')?.deadline).toBe('апрель');
    expect(find('2', 'Разработка или актуализация муниципальной программы')?.number).toBe('1.4');
    expect(find('2', 'Разработка или актуализация муниципальной программы')?.deadline).toBe('март');
    expect(find('3', 'Оказание методической помощи')?.deadline).toBe('март-апрель');
    expect(find('3', 'Разработка методических рекомендаций по корректировке')?.deadline).toBe('июнь-август');
    expect(find('3', 'Направление педагогов школ')?.number).toBe('4.4');
    expect(find('3', 'Направление педагогов школ')?.deadline).toBe('апрель, далее в течении года');
    expect(find('3', 'Разработка плана мероприятий по включению')?.deadline).toBe('август');
    expect(find('3', 'Проведение комплексного анализа деятельности')?.deadline).toBe('февраль');
    expect(find('4', 'Сбор, обработка и анализ информации')?.deadline).toBe('январь-май');
    expect(find('4', 'Мониторинг результатов ОГЭ, ЕГЭ, ГВЭ')?.deadline).toBe('сентябрь-октябрь');
    expect(find('4', 'Анализ результатов итогового сочинения')?.deadline).toBe('декабрь');
  });

  it('uses the distinct deadline phrases of the source; only one row has none', () => {
    const deadlines = new Set(activities.map((a) => a.deadline).filter((d) => d !== undefined));
    // 19 phrases in the source; «Март- апрель» and «сентябрь-декабрь» share row 1.5
    expect(deadlines.size).toBe(18);
    expect(activities.filter((a) => a.deadline === 'В течении года')).toHaveLength(9);
    const noDeadline = activities.filter((a) => a.deadline === undefined);
    expect(noDeadline.map((a) => a.number)).toEqual(['3.9в']);
    expect(noDeadline[0]?.uncertain).toBeTruthy();
  });

  it('flags restored numbers, numbering slips and unclear deadlines as uncertain', () => {
    const flagged = activities.filter((a) => a.uncertain).map((a) => a.number);
    expect(flagged).toEqual([
      '1.5',
      '1.4',
      '3.8а',
      '3.25',
      '3.9а',
      '3.9б',
      '3.9в',
      '3.10',
      '3.17',
      '3.17а',
      '3.17б',
      '3.15а',
      '4.4',
      '3.17',
      '3.18а',
      '3.18б',
      '3.18в',
      '1а',
    ]);
    expect(tpl.sections[3]?.uncertain).toBeTruthy();
  });

  it('fixes the typo «тезультатами» and keeps no extraction artefacts', () => {
    for (const a of activities) {
      expect(a.title).not.toMatch(/тезультат|[ \t]{2}|\n\n|плана- |научно- |ОГЭ,ЕГЭ/u);
    }
  });
});
