// Hand-made workbooks for the risk, dynamics and objectivity tests. Every number the tests expect is
// computed by hand in the comments here and next to the assertions.
import type { CellValue, Workbook } from '../../src/core/grid';

export interface RowSpec {
  code: string | number;
  cls: string;
  /** null everywhere = absent (a generic table marks absence by empty tasks). */
  scores: (number | 'X' | null)[];
  mark?: number | null;
  journal?: number | string | null;
  name?: string;
}

/** A generic results table: Код | [ФИО] | Класс | tasks… | Отметка | [Отметка по журналу]. */
export function table(tasks: string[], rows: RowSpec[], opts: { names?: boolean; journal?: boolean; marks?: boolean } = {}): CellValue[][] {
  const marks = opts.marks ?? true;
  const head: CellValue[] = [
    'Код',
    ...(opts.names ? ['ФИО'] : []),
    'Класс',
    ...tasks,
    ...(marks ? ['Отметка'] : []),
    ...(opts.journal ? ['Отметка по журналу'] : []),
  ];
  return [
    head,
    ...rows.map((r) => [
      r.code,
      ...(opts.names ? [r.name ?? null] : []),
      r.cls,
      ...r.scores,
      ...(marks ? [r.mark ?? null] : []),
      ...(opts.journal ? [r.journal ?? null] : []),
    ]),
  ];
}

export function book(sheets: Record<string, CellValue[][]>, name = 'Школа 5'): Workbook {
  return { name, grids: Object.entries(sheets).map(([n, values]) => ({ name: n, values })) };
}

// ---- risk: «Диагностика окт 2025 МА 5» → «ВПР 2026 МА 5» (same two tasks, max 20) + «ВПР 2026 РУ 5» ----
// Marks in the files follow cut-offs 3 ≥ 8, 4 ≥ 13, 5 ≥ 17 points (of 20). Completion = points × 5 %.
// Diagnostic: the month «окт» gives 15.10.2025 → school year 2025/26; the ВПР (no date) counts as
// spring 2026 → the same school year: 5А stays 5А.

export const DIAG = 'Диагностика окт 2025 МА 5';
export const VPR_MA = 'ВПР 2026 МА 5';
export const VPR_RU = 'ВПР 2026 РУ 5';
export const MA_TASKS = ['1 (10б)', '2 (10б)'];

export function riskDiag(code105 = 'Д5'): RowSpec[] {
  return [
    { code: 101, cls: '5А', scores: [7, 7], mark: 4 }, // 14 = 70 %
    { code: 102, cls: '5А', scores: [10, 10], mark: 5 }, // 20 = 100 %
    { code: 103, cls: '5А', scores: [5, 5], mark: 3 }, // 10 = 50 %
    { code: 104, cls: '5А', scores: [6, 6], mark: 3 }, // 12 = 60 %
    { code: code105, cls: '5А', scores: [5, 4], mark: 3 }, // 9 = 45 % (own code of the diagnostic)
    { code: 106, cls: '5А', scores: [3, 3], mark: 2 }, // 6 = 30 %
    { code: 107, cls: '5А', scores: [9, 9], mark: 5 }, // 18 = 90 %
  ];
}

export function riskVpr(): RowSpec[] {
  return [
    { code: 101, cls: '5А', scores: [7, 5], mark: 3 }, // 12 = 60 %: mark 4 → 3, −10 п. п.
    { code: 102, cls: '5А', scores: [9, 8], mark: 5 }, // 17 = 85 %: −15 п. п. exactly, mark 5 → 5
    { code: 103, cls: '5А', scores: [10, 'X'], mark: 3 }, // X = 0 → 10 = 50 % exactly: not «меньше 50 %»
    { code: 104, cls: '5А', scores: [4, 3], mark: 2 }, // 7 = 35 %: mark 3 → 2 and −25 п. п.
    { code: 105, cls: '5А', scores: [4, 5], mark: 3 }, // 9 = 45 %
    { code: 106, cls: '5А', scores: [null, null] }, // absent: not a participant
    { code: 107, cls: '5А', scores: [8, 8], mark: 4 }, // 16 = 80 %: mark 5 → 4 (a decline, nothing else)
    { code: 108, cls: '5А', scores: [9, 9], mark: 5 }, // 18 = 90 %: only this procedure, fine
  ];
}

/** Russian: two tasks, max 10; marks 3 ≥ 4, 4 ≥ 6, 5 ≥ 8. Names present: the school's own table. */
export function riskRu(): RowSpec[] {
  return [
    { code: 104, name: 'Петров Пётр', cls: '5А', scores: [1, 2], mark: 2 }, // 3 = 30 %
    { code: 101, name: 'Иванова Анна', cls: '5А', scores: [4, 3], mark: 4 }, // 7 = 70 %
    { code: 108, name: 'Сидоров Илья', cls: '5А', scores: [5, 5], mark: 5 }, // 100 %
  ];
}

export const CODES_SHEET = 'Соответствие кодов';

export function riskBook(over: Record<string, CellValue[][] | null> = {}): Workbook {
  const sheets: Record<string, CellValue[][] | null> = {
    [DIAG]: table(MA_TASKS, riskDiag()),
    [VPR_MA]: table(MA_TASKS, riskVpr()),
    [VPR_RU]: table(['1 (5б)', '2 (5б)'], riskRu(), { names: true }),
    [CODES_SHEET]: [
      ['Лист', 'Код участника', 'Ученик'],
      [DIAG, 'Д5', '105'],
    ],
    ...over,
  };
  return book(Object.fromEntries(Object.entries(sheets).filter((e): e is [string, CellValue[][]] => e[1] !== null)));
}

// ---- objectivity: «ВПР 2026 МА 6», one task of 10 points ------------------------------------------

export const OBJ = 'ВПР 2026 МА 6';

function rows(n: number, r: Omit<RowSpec, 'code'>, from: number): RowSpec[] {
  return Array.from({ length: n }, (_, i) => ({ ...r, code: from + i }));
}

/**
 * 6А, 20 present (+1 absent with a journal mark, not a participant):
 *   9 × mark 4 / journal 3 (Повысили), 4 × mark 3 / journal 4 (Понизили), 7 × mark 4 / journal 4.
 *   Повысили 9/20 = 45 % ≥ 40 → high; Понизили 4/20 = 20 % ≥ 20 (tie) → medium.
 *   Journal 4–5: 4 + 7 = 11/20 = 55 % < 80 → no sign. One student has «X» (0 points).
 * 6Б, 12 present: all mark 3, 5 points (50 %); journal: 8 × «4», 2 × «3», 2 × «нет отметки».
 *   Both marks: 10. Понизили 8/10 = 80 % → high. Journal 4–5: 8/10 = 80 % (tie) and mean 50 % < 55 → sign.
 *   10 with journal marks = the reliability threshold (tie) → reliable.
 * 6В, 3 present: marks 4, 4, 3; journal 3, 3, 3 → Повысили 2/3 = 66,7 % → high, unreliable (3 < 10).
 */
export function objectivityRows(): RowSpec[] {
  return [
    ...rows(8, { cls: '6А', scores: [6], mark: 4, journal: 3 }, 601),
    { code: 609, cls: '6А', scores: ['X'], mark: 4, journal: 3 }, // the ninth Повысили: X = 0 points, mark as given
    ...rows(4, { cls: '6А', scores: [5], mark: 3, journal: 4 }, 610),
    ...rows(7, { cls: '6А', scores: [7], mark: 4, journal: 4 }, 614),
    { code: 699, cls: '6А', scores: [null], journal: 5 }, // absent
    ...rows(8, { cls: '6Б', scores: [5], mark: 3, journal: 4 }, 621),
    ...rows(2, { cls: '6Б', scores: [5], mark: 3, journal: 3 }, 629),
    ...rows(2, { cls: '6Б', scores: [5], mark: 3, journal: 'нет отметки' }, 631),
    { code: 641, cls: '6В', scores: [6], mark: 4, journal: 3 },
    { code: 642, cls: '6В', scores: [6], mark: 4, journal: 3 },
    { code: 643, cls: '6В', scores: [5], mark: 3, journal: 3 },
  ];
}

export const TEACHERS: CellValue[][] = [
  ['Класс', 'Предмет', 'Учитель'],
  ['6А', 'Математика', 'Иванова И. И.'],
  ['6 Б', 'математика', 'Иванова И. И.'],
  ['6В', 'Математика', 'Петров П. П.'],
];

export function objectivityBook(over: Record<string, CellValue[][] | null> = {}): Workbook {
  const sheets: Record<string, CellValue[][] | null> = {
    [OBJ]: table(['1 (10б)'], objectivityRows(), { journal: true }),
    'Классы и учителя': TEACHERS,
    ...over,
  };
  return book(Object.fromEntries(Object.entries(sheets).filter((e): e is [string, CellValue[][]] => e[1] !== null)));
}

/**
 * Peaks: «ВПР 2026 БИ 7», one task of 10 points, marks by «Шкала отметок» (3 ≥ 4, 4 ≥ 7, 5 ≥ 9),
 * 55 students in 7А (28) and 7Б (27), no journal column. Bins 0…10 (11), mean bin 55 / 11 = 5.
 * A peak needs ≥ 1,5 × 5 = 7,5, ≥ 5 + 1 = 6 and ≥ 2 students → 8 or more.
 * Counts by score: 0:3 1:3 2:4 3:3 4:12 5:4 6:4 7:8 8:4 9:7 10:3 (= 55).
 * Peaks: 4 (12) and 7 (8, just at the rule) — both cut-offs → «3» and «4», two cuts → high.
 * Score 9 (cut of «5») has 7 < 7,5 → not a peak. Classes (28, 27) are under 50: not checked.
 */
export function peaksBook(): Workbook {
  const counts = [3, 3, 4, 3, 12, 4, 4, 8, 4, 7, 3];
  const list: RowSpec[] = [];
  let code = 700;
  counts.forEach((n, score) => {
    for (let i = 0; i < n; i++) list.push({ code: ++code, cls: code % 2 === 0 ? '7А' : '7Б', scores: [score] });
  });
  return book({
    'ВПР 2026 БИ 7': table(['1 (10б)'], list, { marks: false }),
    'Шкала отметок': [
      ['Предмет', 'Класс', '3', '4', '5'],
      ['Биология', 7, 4, 7, 9],
    ],
  });
}

// ---- dynamics across years: «ВПР 2025 МА 4» (4А, 4Б) → «ВПР 2026 МА 5» (5А, 5Б) -------------------
// Different task sets (3 tasks of 1 point; 2 tasks of 2 points); plans give shared skills.
// 4А → 5А: share of «2» 1/10 = 10 % → 2/10 = 20 %: +10 п. п. = the threshold → negative dynamics.
// 4Б → 5Б: 1/10 = 10 % → 2/11 = 18,2 %: +8,2 п. п. → no.

export const Y25 = 'ВПР 2025 МА 4';
export const Y26 = 'ВПР 2026 МА 5';

export function dynamicsBook(): Workbook {
  const y25: RowSpec[] = [
    ...rows(9, { cls: '4А', scores: [1, 1, 0], mark: 4 }, 1),
    { code: 10, cls: '4А', scores: [0, 0, 0], mark: 2 },
    ...rows(9, { cls: '4Б', scores: [1, 1, 1], mark: 5 }, 21),
    { code: 30, cls: '4Б', scores: [0, 0, 0], mark: 2 },
    { code: 999, cls: '4В', scores: [1, 1, 1], mark: 5 }, // reused later by another student (see 999 below)
  ];
  const y26: RowSpec[] = [
    ...rows(8, { cls: '5А', scores: [2, 1], mark: 4 }, 1),
    { code: 9, cls: '5А', scores: [0, 0], mark: 2 }, // was 4 with 2/3 points
    { code: 10, cls: '5А', scores: [0, 1], mark: 2 },
    ...rows(9, { cls: '5Б', scores: [2, 2], mark: 5 }, 21),
    { code: 30, cls: '5Б', scores: [0, 0], mark: 2 },
    { code: 31, cls: '5Б', scores: [0, 0], mark: 2 }, // new in the class
    { code: 999, cls: '7В', scores: [2, 2], mark: 5 }, // grade 4 → 7 in one year: not the same student
  ];
  return book({
    [Y25]: table(['1 (1б)', '2 (1б)', '3 (1б)'], y25),
    [Y26]: table(['1 (2б)', '2 (2б)'], y26),
    'План заданий': [
      ['Класс', 'Задание', 'Макс. балл', 'Уровень', 'Умение'],
      [4, '1', 1, 'Б', 'Вычисления'],
      [4, '2', 1, 'Б', 'Текстовые задачи'],
      [4, '3', 1, 'П', 'Геометрия'],
      [5, '1', 2, 'Б', 'вычисления'],
      [5, '2', 2, 'Б', 'Текстовые задачи'],
    ],
  });
}
