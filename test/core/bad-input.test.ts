// The corpus of refused inputs: each names the sheet, row and column, in Russian, and nothing is written.
import { describe, expect, it } from 'vitest';
import type { CellValue, Workbook } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { formatProblem } from '../../src/core/problems';
import { FORM_HEADER, formRows, formWorkbook, PLAN, SCALE, withCell } from '../helpers/grids';

const FORM = 'ВПР Математика 5 класс';

interface Case {
  name: string;
  wb: Workbook;
  code: string;
  sheet: string;
  row?: number;
  col?: number;
  /** The problem is about the file, named as a file («Файл «…»»), not as a sheet. */
  file?: boolean;
  text: string;
}

const generic = (rows: CellValue[][]): Workbook => ({
  name: 'Диагностика',
  grids: [{ name: 'Диагностика математика 6 класс', values: rows }],
});

const cases: Case[] = [
  {
    name: 'score above max',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 2, 3, 2) }),
    code: 'score-above-max',
    sheet: FORM,
    row: 2,
    col: 3,
    text: 'больше максимального (1)',
  },
  {
    name: 'negative score',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 3, 4, -1) }),
    code: 'score-negative',
    sheet: FORM,
    row: 3,
    col: 4,
    text: 'Отрицательный балл',
  },
  {
    name: 'text in a score cell',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 4, 5, 'два') }),
    code: 'score-text',
    sheet: FORM,
    row: 4,
    col: 5,
    text: '«два»',
  },
  {
    name: 'a score that is neither whole nor a half',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 4, 5, '1,3') }),
    code: 'score-fraction',
    sheet: FORM,
    row: 4,
    col: 5,
    text: 'баллы бывают целыми или с половиной',
  },
  {
    name: 'duplicate participant code',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 6, 1, 101) }),
    code: 'duplicate-code',
    sheet: FORM,
    row: 6,
    col: 1,
    text: 'первый раз — строка 2',
  },
  {
    name: 'unknown class',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 6, 6, 3) }),
    code: 'class-unknown',
    sheet: FORM,
    row: 6,
    col: 6,
    text: 'не найден на листе «Классы»',
  },
  {
    name: 'empty form (template only)',
    wb: formWorkbook({ [FORM]: [FORM_HEADER, ...Array.from({ length: 30 }, () => [null, null, null, null, null, null, null, 0])] }),
    code: 'empty-form',
    sheet: FORM,
    text: 'Форма не заполнена',
  },
  {
    name: 'results sheet with no recognisable header',
    wb: formWorkbook({
      [FORM]: [
        ['Ученик №', 'Группа', '1 (1б)', '2 (2б)'],
        [1, 'А', 1, 2],
      ],
    }),
    code: 'header-not-found',
    sheet: FORM,
    row: 1,
    text: 'строка заголовков не распознана',
  },
  {
    name: 'task codes that do not match the plan',
    wb: formWorkbook({ 'План заданий': withCell(PLAN, 4, 1, '4') }),
    code: 'plan-mismatch',
    sheet: 'План заданий',
    text: 'в плане нет заданий 3',
  },
  {
    name: 'variant missing',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 3, 2, null) }),
    code: 'variant-missing',
    sheet: FORM,
    row: 3,
    col: 2,
    text: 'Не указан вариант',
  },
  {
    name: 'variant not a number',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 3, 2, 'три') }),
    code: 'variant-bad',
    sheet: FORM,
    row: 3,
    col: 2,
    text: '«три»',
  },
  {
    name: 'class number that is not a number',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 2, 6, 'пятый') }),
    code: 'class-number-bad',
    sheet: FORM,
    row: 2,
    col: 6,
    text: 'целым числом от 1 до 50',
  },
  {
    name: 'impossible journal mark',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 2, 7, 7) }),
    code: 'mark-bad',
    sheet: FORM,
    row: 2,
    col: 7,
    text: 'Недопустимая отметка',
  },
  {
    name: 'empty score of a present student',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 2, 4, null) }),
    code: 'score-empty',
    sheet: FORM,
    row: 2,
    col: 4,
    text: 'Не заполнен балл за задание «2»',
  },
  {
    name: 'bare task code without a max score',
    wb: generic([
      ['ФИО', 'Класс', '1', '2'],
      ['Иванов Иван', '6А', 1, 0],
    ]),
    code: 'max-missing',
    sheet: 'Диагностика математика 6 класс',
    row: 1,
    col: 3,
    text: 'не указан максимальный балл',
  },
  {
    name: 'max in header disagrees with the max row',
    wb: generic([
      ['ФИО', 'Класс', '1 (2б)', '2'],
      ['Макс. балл', '', 3, 1],
      ['Иванов Иван', '6А', 1, 0],
    ]),
    code: 'max-conflict',
    sheet: 'Диагностика математика 6 класс',
    row: 2,
    col: 3,
    text: 'не совпадает со строкой «Макс. балл»',
  },
  {
    name: 'the same task twice',
    wb: generic([
      ['ФИО', 'Класс', '1 (2б)', '1 (2б)'],
      ['Иванов Иван', '6А', 1, 0],
    ]),
    code: 'duplicate-task',
    sheet: 'Диагностика математика 6 класс',
    row: 1,
    col: 4,
    text: 'встречается дважды',
  },
  {
    name: 'plan max differs from the results',
    wb: formWorkbook({ 'План заданий': withCell(PLAN, 4, 2, 4) }),
    code: 'plan-max',
    sheet: 'План заданий',
    row: 4,
    col: 2,
    text: 'в плане (4) не совпадает с результатами (3)',
  },
  {
    name: 'settings value that is not a number',
    wb: formWorkbook({
      'Настройки ОКО': [
        ['Ключ', 'Параметр', 'Значение'],
        ['deficit.basicSufficient', 'Базовое…', 'много'],
      ],
    }),
    code: 'settings-number',
    sheet: 'Настройки ОКО',
    row: 2,
    col: 3,
    text: 'нужно число',
  },
  {
    name: 'settings thresholds in the wrong order',
    wb: formWorkbook({
      'Настройки ОКО': [
        ['Ключ', 'Параметр', 'Значение'],
        ['deficit.basicUncertain', 'Базовое: на грани', 65],
      ],
    }),
    code: 'settings-order',
    sheet: 'Настройки ОКО',
    row: 2,
    col: 3,
    text: 'должно быть не больше',
  },
  {
    name: 'mark scale whose cut-offs do not grow',
    wb: formWorkbook({ 'Шкала отметок': withCell(SCALE, 2, 4, 1) }),
    code: 'scale-cut',
    sheet: 'Шкала отметок',
    row: 2,
    col: 4,
    text: 'границы должны расти',
  },
  {
    name: 'plan with an unknown level',
    wb: formWorkbook({ 'План заданий': withCell(PLAN, 2, 3, 'сложный') }),
    code: 'plan-level',
    sheet: 'План заданий',
    row: 2,
    col: 3,
    text: '«сложный» не распознан',
  },
  {
    name: 'classes sheet row without a number',
    wb: formWorkbook({
      Классы: [
        ['Номер', 'Класс'],
        [1, '5А'],
        ['два', '5Б'],
      ],
    }),
    code: 'classes-bad-row',
    sheet: 'Классы',
    row: 3,
    col: 1,
    text: 'номер класса',
  },
  {
    name: 'scores without a participant code',
    wb: formWorkbook({ [FORM]: withCell(formRows(), 3, 1, null) }),
    code: 'code-missing',
    sheet: FORM,
    row: 3,
    col: 1,
    text: 'нет кода участника',
  },
  {
    name: 'no results sheet at all',
    wb: { name: 'Пустая', grids: [{ name: 'Лист1', values: [['Привет']] }] },
    code: 'no-results',
    sheet: 'Пустая',
    file: true,
    text: 'Не найдено ни одного листа с результатами',
  },
];

describe('bad input is refused with a place and a Russian message; nothing is written', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$name', (c) => {
    const run = runAnalysis(c.wb);
    expect(run.ok).toBe(false);
    expect(run.tabs).toEqual([]);
    const errors = run.problems.filter((p) => p.severity === 'error');
    const hit = errors.find((p) => p.code === c.code);
    expect(hit, `expected ${c.code}, got ${JSON.stringify(errors)}`).toBeDefined();
    expect(hit!.sheet).toBe(c.sheet);
    if (c.row !== undefined) expect(hit!.row).toBe(c.row);
    if (c.col !== undefined) expect(hit!.col).toBe(c.col);
    expect(hit!.message).toContain(c.text);
    const text = formatProblem(hit!);
    expect(text).toContain(c.file ? `Файл «${c.sheet}»` : `Лист «${c.sheet}»`);
    if (c.row !== undefined && c.col !== undefined) expect(text).toMatch(/ячейка [A-Z]+\d+ \(строка \d+, столбец [A-Z]+\)/);
  });

  it('names the cell in the users’ terms: D3 for row 3, column 4', () => {
    const run = runAnalysis(formWorkbook({ [FORM]: withCell(formRows(), 3, 4, 9) }));
    const p = run.problems.find((x) => x.code === 'score-above-max')!;
    expect(formatProblem(p)).toBe(
      'Лист «ВПР Математика 5 класс», ячейка D3 (строка 3, столбец D): Балл 9 за задание «2» больше максимального (2).',
    );
  });

  it('reports every bad cell, not just the first', () => {
    let rows = withCell(formRows(), 2, 3, 5);
    rows = withCell(rows, 6, 5, 'ноль');
    const run = runAnalysis(formWorkbook({ [FORM]: rows }));
    expect(run.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.col])).toEqual([
      [2, 3],
      [6, 5],
    ]);
  });
});
