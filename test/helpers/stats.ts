// The hand-checked fixture of the statistics tests (test/core/stats-*.test.ts) and helpers to read tabs.
import type { CellValue, Workbook } from '../../src/core/grid';
import type { SheetSpec } from '../../src/core/output/spec';
import type { runAnalysis } from '../../src/core/pipeline';
import { FORM_HEADER, grid } from './grids';

// ВПР Математика 6 класс; tasks 1 (1б, Б), 2 (2б, Б), 3 (3б, П); max 6. Scale: «3» from 2, «4» from 4, «5» from 6.
//   6А (class 1): 301: 1,2,3 = 6 → «5», journal 5 → подтвердили
//                 302: 0,1,X = 1 → «2», journal 4 → понизили, gap −2
//                 303: 1,1,0 = 2 → «3», no journal mark
//                 304: absent (journal 3) — not a participant
//   6Б (class 2): 401: 1,2,1 = 4 → «4», journal 2 → повысили, gap +2
//                 402: 0,X,X = 0 → «2», journal 2 → подтвердили
//                 403: 1,0,1 = 2 → «3», journal 3 → подтвердили (same total as 303)
//                 404: 0,2,2 = 4 → «4», journal 5 → понизили, gap −1 (same total as 401)
//                 405: 1,2,2 = 5 → «4», no journal mark
export const SHEET = 'ВПР Математика 6 класс';
export function rows(): CellValue[][] {
  return [
    FORM_HEADER,
    [301, 1, 1, 2, 3, 1, 5, 6],
    [302, 2, 0, 1, 'X', 1, 4, 1],
    [303, 1, 1, 1, 0, 1, 'нет отметки', 2],
    [304, 'отсутствовал', null, null, null, 1, 3, 0],
    [401, 1, 1, 2, 1, 2, 2, 4],
    [402, 2, 0, 'X', 'X', 2, 2, 0],
    [403, 1, 1, 0, 1, 2, 3, 2],
    [404, 2, 0, 2, 2, 2, 5, 4],
    [405, 1, 1, 2, 2, 2, 'нет отметки', 5],
  ];
}
export function workbook(extra: Record<string, CellValue[][]> = {}, scale = true): Workbook {
  const sheets: Record<string, CellValue[][]> = {
    [SHEET]: rows(),
    Классы: [
      ['Номер', 'Класс'],
      [1, '6А'],
      [2, '6Б'],
    ],
    'План заданий': [
      ['Задание', 'Макс. балл', 'Уровень', 'Умение'],
      ['1', 1, 'Б', 'Вычисления'],
      ['2', 2, 'Б', 'Вычисления'],
      ['3', 3, 'П', 'Текстовые задачи'],
    ],
    ...(scale
      ? {
          'Шкала отметок': [
            ['Предмет', 'Класс', '3', '4', '5'],
            ['Математика', 6, 2, 4, 6],
          ],
        }
      : {}),
    ...extra,
  };
  return { name: 'Школа 9', grids: Object.entries(sheets).map(([n, v]) => grid(n, v)) };
}

export function tab(run: ReturnType<typeof runAnalysis>, name: string): SheetSpec {
  const t = run.tabs.find((x) => x.name === name);
  if (!t) throw new Error(`no tab ${name}: ${run.tabs.map((x) => x.name).join(', ')}`);
  return t;
}

/** The filter values of a row (hidden columns at the right): subject, parallel, class. */
export function lead(t: SheetSpec, r: number): (string | number | null)[] {
  const f = t.filterColumns ?? {};
  return [f.subject, f.grade, f.className].map((c) => (c === undefined ? null : ((t.values[r]?.[c] as string | number | null) ?? '')));
}

/** The first row after `from` whose first cell (column A) is `first`; `row` is the whole row. */
export function rowAfter(t: SheetSpec, from: number, first: string): { r: number; row: (string | number | null)[] } {
  for (let r = from; r < t.values.length; r++) {
    if (t.values[r]?.[0] === first) return { r, row: t.values[r] as (string | number | null)[] };
  }
  throw new Error(`no row «${first}» after ${from} in ${t.name}`);
}
