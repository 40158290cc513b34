// Small hand-made workbooks in the real layouts, for tests.
import type { CellValue, Grid, Workbook } from '../../src/core/grid';

export const FORM_HEADER = [
  'Код участника',
  'Вариант',
  '1 (1б)',
  '2 (2б)',
  '3 (3б)',
  'Порядковый номер класса',
  'Отметка за предыдущий триместр/ четверть/полугодие',
  'Итого баллов',
];

/**
 * ВПР Математика 5 класс, форма сбора. Hand-checked numbers are in test/core/analysis.test.ts.
 * Class 1 = 5А: 101, 102, 103 present, 104 absent; class 2 = 5Б: 201, 202.
 */
export function formRows(): CellValue[][] {
  return [
    FORM_HEADER,
    [101, 1, 1, 2, 3, 1, 5, 6],
    [102, 2, 0, 1, 'X', 1, 3, 1],
    [103, 1, 1, 0, 1, 1, 4, 2],
    [104, 'отсутствовал', null, null, null, 1, 4, 0],
    [201, 1, 0, 2, 2, 2, 'нет отметки', 4],
    [202, 2, 1, 'X', 0, 2, 2, 1],
    // empty template rows: only «Итого баллов» = 0
    [null, null, null, null, null, null, null, 0],
    [null, null, null, null, null, null, null, 0],
  ];
}

export function grid(name: string, values: CellValue[][]): Grid {
  return { name, values };
}

export const CLASSES: CellValue[][] = [
  ['Номер', 'Класс'],
  [1, '5А'],
  [2, '5Б'],
];

export const PLAN: CellValue[][] = [
  ['Задание', 'Макс. балл', 'Уровень', 'Умение'],
  ['1', 1, 'Б', 'Вычисления'],
  ['2', 2, 'Б', 'Вычисления'],
  ['3', 3, 'П', 'Текстовые задачи'],
];

export const SCALE: CellValue[][] = [
  ['Предмет', 'Класс', '3', '4', '5'],
  ['Математика', 5, 2, 4, 6],
];

export function formWorkbook(over: Partial<Record<string, CellValue[][] | null>> = {}): Workbook {
  const sheets: Record<string, CellValue[][] | null> = {
    'ВПР Математика 5 класс': formRows(),
    Классы: CLASSES,
    'План заданий': PLAN,
    'Шкала отметок': SCALE,
    ...over,
  };
  return {
    name: 'Школа 7',
    grids: Object.entries(sheets)
      .filter((e): e is [string, CellValue[][]] => e[1] !== null)
      .map(([n, v]) => grid(n, v)),
  };
}

/** Replace one cell (1-based row/col as the user sees them) in a copy of the rows. */
export function withCell(rows: CellValue[][], row: number, col: number, value: CellValue): CellValue[][] {
  const copy = rows.map((r) => [...r]);
  const r = copy[row - 1] as CellValue[];
  while (r.length < col) r.push(null);
  r[col - 1] = value;
  return copy;
}
