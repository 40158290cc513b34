import { describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../src/core/grid';
import { formatProblem } from '../../src/core/problems';
import { builtInTemplates, findTemplate, listTemplates } from '../../src/core/roadmap/library';
import { specToGrid } from '../../src/core/roadmap/run';
import { buildTemplateSheet, readTemplateSheet, TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '../../src/core/roadmap/template-sheet';
import { baseWorkbook, generate } from './helpers';

describe('the template library', () => {
  it('lists the five seed templates with their counts (seed 001 has 20 activities: item 17 is missing in the source)', () => {
    expect(listTemplates().map((t) => [t.id, t.scope, t.sections, t.activities, t.tasks, t.indicators])).toEqual([
      ['school-complex-analysis', 'school', 5, 36, 21, 16],
      ['school-objectivity-plan', 'school', 5, 20, 0, 0],
      ['region-model-roadmap', 'region', 5, 23, 0, 0],
      ['school-objectivity-roadmap', 'school', 11, 45, 0, 0],
      ['municipal-low-results', 'municipality', 4, 47, 0, 0],
    ]);
    for (const t of listTemplates()) expect(t.title.length).toBeGreaterThan(10);
  });

  it('finds templates by id only', () => {
    expect(findTemplate('region-model-roadmap')?.sections).toHaveLength(5);
    expect(findTemplate(' region-model-roadmap ')?.id).toBe('region-model-roadmap');
    expect(findTemplate('нет-такого')).toBeUndefined();
  });
});

describe('«Шаблон дорожной карты»: the editable copy of a template', () => {
  it('round-trips every built-in template through the flat sheet', () => {
    for (const tpl of builtInTemplates()) {
      const spec = buildTemplateSheet(tpl);
      expect(spec.name).toBe(TEMPLATE_SHEET);
      expect(spec.values[3]).toEqual([...TEMPLATE_COLUMNS]);
      const back = readTemplateSheet(specToGrid(spec));
      expect(back.problems, tpl.id).toEqual([]);
      const t = back.template!;
      expect(t.title).toBe(tpl.title);
      expect(t.sourceYear).toBe(tpl.sourceYear);
      expect(t.timeline).toBe(tpl.timeline);
      expect(t.sections.map((s) => [s.number, s.title, s.tasks, s.indicators])).toEqual(
        tpl.sections.map((s) => [s.number, s.title, s.tasks, s.indicators]),
      );
      const strip = (a: Record<string, unknown>) => {
        const { uncertain: _u, ...rest } = a;
        return rest;
      };
      expect(t.sections.flatMap((s) => s.activities)).toEqual(tpl.sections.flatMap((s) => s.activities.map(strip)));
    }
  });

  const sheet = (rows: CellValue[][]): Grid => ({
    name: TEMPLATE_SHEET,
    values: [['Мой шаблон'], [], [...TEMPLATE_COLUMNS], ...rows],
  });

  it('reads a hand-made sheet: sections continue down, numbers are filled in, levels are checked', () => {
    const r = readTemplateSheet(
      sheet([
        [
          '1. Анализ',
          'Задача 1\nЗадача 2',
          '100% выполнение мероприятий',
          '',
          'Анализ ВПР',
          'Учителя',
          'Завуч',
          'в течение 2 недель',
          '',
          '',
          'ОШ, СШ',
        ],
        ['', '', '', '', 'Педсовет', '', 'Директор', 'После завершения аналитического этапа'],
        [],
        ['2. Работа с учениками', '', '', '2.7', 'ИОМ', '', '', 'в течение месяца', '', '', 'нш'],
      ]),
    );
    expect(r.problems).toEqual([]);
    const t = r.template!;
    expect(t.title).toBe('Мой шаблон');
    expect(t.sections.map((s) => s.title)).toEqual(['Анализ', 'Работа с учениками']);
    expect(t.sections[0]?.tasks).toEqual(['Задача 1', 'Задача 2']);
    expect(t.sections[0]?.activities.map((a) => a.number)).toEqual(['1.1', '1.2']);
    expect(t.sections[0]?.activities[0]?.levels).toEqual(['ОШ', 'СШ']);
    expect(t.sections[1]?.activities[0]).toMatchObject({ number: '2.7', title: 'ИОМ', levels: ['НШ'] });
  });

  it('names sheet, row and column of every bad row, and generates nothing from it', () => {
    const bad = sheet([
      ['', '', '', '1', 'Мероприятие без раздела'],
      ['1. Раздел', '', '', '', 'Хорошее', '', '', '', '', '', 'ОШ'],
      ['', '', '', '1.2', '', 'Учителя', 'Завуч'],
      ['', '', '', '', 'С плохим уровнем', '', '', '', '', '', 'ОШ, старшие'],
      ['2. Пустой раздел'],
    ]);
    const r = readTemplateSheet(bad);
    expect(r.template).toBeUndefined();
    expect(r.problems.map(formatProblem)).toEqual([
      'Лист «Шаблон дорожной карты», ячейка A4 (строка 4, столбец A): Не указан раздел: в первой строке мероприятий заполните «Раздел» (например, «1. Аналитический этап»).',
      'Лист «Шаблон дорожной карты», ячейка E6 (строка 6, столбец E): Не указано мероприятие: заполните «Мероприятие» или очистите строку целиком.',
      'Лист «Шаблон дорожной карты», ячейка K7 (строка 7, столбец K): Уровень «старшие» не распознан: допустимы НШ, ОШ, СШ через запятую (пусто — все уровни).',
      'Лист «Шаблон дорожной карты», ячейка A8 (строка 8, столбец A): В разделе «Пустой раздел» нет ни одного мероприятия.',
    ]);
    const wb = baseWorkbook();
    const { r: res } = generate({ ...wb, grids: [...wb.grids, bad] }, { template: 'лист' });
    expect(res.ok).toBe(false);
    expect(res.tabs).toEqual([]);
    expect(res.problems.filter((p) => p.severity === 'error').map((p) => p.row)).toEqual([4, 6, 7, 8]);
  });

  it('says what is missing when the header row is gone, or the sheet itself', () => {
    const r = readTemplateSheet({ name: TEMPLATE_SHEET, values: [['Раздел', '№', 'Название']] });
    expect(r.problems.map((p) => p.message)).toEqual([
      'Не найдена строка заголовков шаблона: нужны столбцы «Мероприятие» (полный набор: Раздел | Задачи | Показатели | № | Мероприятие | Участники | Ответственный | Срок | Результат | Формат документа | Уровни).',
    ]);
    const { r: res } = generate(baseWorkbook(), { template: 'лист' });
    expect(res.ok).toBe(false);
    expect(res.problems.find((p) => p.severity === 'error')?.message).toMatch(/^Листа «Шаблон дорожной карты» нет/);
  });

  it('generates from the sheet like from the built-in template', () => {
    const wb = baseWorkbook();
    const sheetGrid = specToGrid(buildTemplateSheet(findTemplate('region-model-roadmap')!));
    const fromSheet = generate({ ...wb, grids: [...wb.grids, sheetGrid] }, { template: 'лист' }).r;
    const builtIn = generate(wb).r;
    expect(fromSheet.ok).toBe(true);
    const data = (r: typeof fromSheet) => r.tabs[0]!.values.slice(4);
    expect(data(fromSheet)).toEqual(data(builtIn));
  });

  it('refuses an unknown template with the short names to choose from, no internal ids, against the form field', () => {
    const { r } = generate(baseWorkbook(), { template: 'moya-karta' });
    expect(r.ok).toBe(false);
    const error = r.problems.find((p) => p.severity === 'error')!;
    expect(error.field).toBe('Шаблон');
    expect(error.message).toBe(
      'Шаблон «moya-karta» не найден. Выберите один из встроенных («Комплексный анализ результатов оценочных процедур (школа)», «План по объективности оценивания (школа)», «Примерная дорожная карта по результатам ОКО (регион)», «Дорожная карта по объективности оценивания (школа)», «Сопровождение школ с низкими результатами (муниципалитет)») или «Шаблон дорожной карты (лист)».',
    );
    for (const t of builtInTemplates()) expect(error.message).not.toContain(t.id);
  });

  it('gives every built-in template a short name for the picker (the full titles run up to 244 characters)', () => {
    for (const t of builtInTemplates()) {
      expect(t.shortTitle, t.id).toBeDefined();
      expect((t.shortTitle as string).length, t.id).toBeLessThanOrEqual(60);
    }
    expect(Math.max(...builtInTemplates().map((t) => t.title.length))).toBe(244);
  });

  it('shows no internal id in the roadmap tab: the template is named by its title', () => {
    const { r } = generate(baseWorkbook());
    const meta = String(r.tabs[0]!.values[1]![0]);
    expect(meta).toContain('Шаблон: «Примерный план мероприятий');
    expect(meta).not.toContain('region-model-roadmap');
  });
});
