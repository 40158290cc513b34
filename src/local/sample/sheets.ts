// The sample school's sheets as plain rows, in the real layouts (see shared/reference/fis-oko):
// the ФИС ОКО Ф1 «Индивидуальные результаты» export, the ВПР «Форма сбора результатов» («Протокол»)
// with its service sheets, the school's own table of the entrance diagnostic, and the school's own
// «Классы», «Шкала отметок», «План заданий», «Классы и учителя», «Соответствие кодов», «Эталоны».

import { columnLetter } from '../../core/grid';
import { maxTotal, procedureTitle, type SampleProcedure, SCHOOL_YEAR } from './plans';
import { type SampleClass, type SampleResult, SCHOOL } from './school';

/** A formula with its cached result: what Excel stores for «Итого баллов». */
export interface FormulaValue {
  formula: string;
  result: number;
}
export type SampleCell = string | number | null | FormulaValue;

export interface SampleSheet {
  name: string;
  rows: SampleCell[][];
  /** 1-based rows to show in bold. */
  bold?: number[];
  frozenRows?: number;
  widths?: number[];
}

const taskHeader = (code: string, max: number) => `${code} (${max}б)`;

/**
 * «РУ 4 Индивидуальные результаты», as ФИС ОКО names it; last year's export, pasted beside it, is
 * renamed «РУ 4 Индивид. результаты 2025» (a sheet name holds at most 31 characters).
 */
export function f1SheetName(p: SampleProcedure): string {
  return p.schoolYear === SCHOOL_YEAR
    ? `${p.abbr} ${p.grade} Индивидуальные результаты`
    : `${p.abbr} ${p.grade} Индивид. результаты ${p.year}`;
}

/** «ВПР 2026 Математика 5 класс»: the form's own sheet is «Протокол», the subject lives in the file name. */
export function formSheetName(p: SampleProcedure): string {
  return `${p.name} ${p.year} ${p.subject} ${p.grade} класс`;
}

/** «Входная диагностика МА 5»: the school's own table. */
export function tableSheetName(p: SampleProcedure): string {
  return `${p.name} ${p.abbr} ${p.grade}`;
}

export function sheetNameOf(p: SampleProcedure): string {
  return p.kind === 'f1' ? f1SheetName(p) : p.kind === 'form' ? formSheetName(p) : tableSheetName(p);
}

/** ФИС ОКО Ф1: title rows, level row, header, one school group row, then present students only. */
export function f1Sheet(p: SampleProcedure, results: readonly SampleResult[]): SampleSheet {
  const present = results.filter((r) => !r.absent);
  const school = `${SCHOOL.name}(${SCHOOL.code})`;
  const rows: SampleCell[][] = [
    ['Индивидуальные результаты'],
    [],
    [procedureTitle(p)],
    ['Предмет:', p.subject],
    ['Максимальный первичный балл:', maxTotal(p)],
    ['Дата:', p.date ?? ''],
    [null, null, 'Уровень сложности задания', null, null, null, ...p.tasks.map((t) => t.level)],
    [
      'ОО',
      'Муниципалитет',
      'Название ОО',
      'Код участника',
      'Класс',
      'Вариант',
      ...p.tasks.map((t) => taskHeader(t.code, t.max)),
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
    ],
    [`${school} | Кол-во участников: ${present.length}`],
  ];
  for (const r of present) {
    rows.push([
      SCHOOL.code,
      SCHOOL.municipality,
      school,
      r.code,
      r.ordinal,
      r.variant,
      // The Ф1 export shows points only: a task not attempted is 0 there.
      ...r.scores.map((s) => (s === 'X' ? 0 : s)),
      r.total,
      r.mark,
      r.journal,
    ]);
  }
  return {
    name: f1SheetName(p),
    rows,
    bold: [1, 8],
    frozenRows: 8,
    widths: [11, 28, 30, 14, 7, 9, ...p.tasks.map(() => 9), 10, 9, 11],
  };
}

export const PREV_MARK_HEADER = 'Отметка за предыдущий триместр/ четверть/полугодие';

export interface FormOptions {
  /** Rows of the sheet in all, header included: empty template rows fill the rest (default 150). */
  templateRows?: number;
  /**
   * «Итого баллов» as a SUM formula with its cached result, like the real form. Off by default:
   * ExcelJS drops a cached result of 0 when it reads a file back (Cell.value copies only truthy
   * fields), so the template rows' «Итого баллов» = 0 would reach the core as empty cells; written
   * as numbers they reach it as the real file's 0 does in Google Sheets.
   */
  formulaTotals?: boolean;
}

/**
 * ВПР «Форма сбора результатов», sheet «Протокол»: header in row 1, one row per student (absent ones
 * with «отсутствовал» in «Вариант»), «Итого баллов», and empty template rows below that hold only
 * «Итого баллов» = 0.
 */
export function formSheet(p: SampleProcedure, results: readonly SampleResult[], opts: FormOptions = {}): SampleSheet {
  const n = p.tasks.length;
  const firstTask = columnLetter(3);
  const lastTask = columnLetter(2 + n);
  const total = (row: number, result: number): SampleCell =>
    opts.formulaTotals ? { formula: `SUM(${firstTask}${row}:${lastTask}${row})`, result } : result;
  const rows: SampleCell[][] = [
    [
      'Код участника',
      'Вариант',
      ...p.tasks.map((t) => taskHeader(t.code, t.max)),
      'Порядковый номер класса',
      PREV_MARK_HEADER,
      'Итого баллов',
    ],
  ];
  for (const r of results) {
    const rowNo = rows.length + 1;
    const journal = r.journal ?? 'нет отметки';
    if (r.absent) {
      rows.push([r.code, 'отсутствовал', ...p.tasks.map(() => null), r.ordinal, journal, total(rowNo, 0)]);
    } else {
      rows.push([r.code, r.variant, ...r.scores, r.ordinal, journal, total(rowNo, r.total)]);
    }
  }
  while (rows.length < Math.max(opts.templateRows ?? 150, results.length + 20)) {
    const row: SampleCell[] = new Array(n + 5).fill(null);
    row[n + 4] = total(rows.length + 1, 0);
    rows.push(row);
  }
  return { name: formSheetName(p), rows, bold: [1], frozenRows: 1, widths: [14, 13, ...p.tasks.map(() => 9), 14, 22, 10] };
}

/**
 * The school's own table of a diagnostic: a title, «Дата:», then «Код участника | Класс | tasks |
 * Итого баллов», present students only (the teacher did not list the absent ones). No marks and no
 * journal: the marks come from «Шкала отметок».
 */
export function tableSheet(p: SampleProcedure, results: readonly SampleResult[]): SampleSheet {
  const rows: SampleCell[][] = [
    [`${p.name} ${p.subject} ${p.grade} класс`],
    ['Дата:', p.date ?? ''],
    [],
    ['Код участника', 'Класс', ...p.tasks.map((t) => taskHeader(t.code, t.max)), 'Итого баллов'],
  ];
  for (const r of results) if (!r.absent) rows.push([r.code, r.className, ...r.scores, r.total]);
  return { name: tableSheetName(p), rows, bold: [1, 4], frozenRows: 4, widths: [14, 8, ...p.tasks.map(() => 9), 10] };
}

/** «Служебный»: the dropdown lists of the form, exactly as in the real file. */
export function serviceSheet(): SampleSheet {
  return {
    name: 'Служебный',
    rows: [
      [1, 5, 5, 5, 3, 5],
      [2, 4, 4, 4, 2, 4],
      ['отсутствовал', 3, 3, 3, 1, 3],
      [null, 2, 2, 2, 0, 2],
      [null, 1, 1, 1, 'X', 'нет отметки'],
      [null, 0, 0, 0],
      [null, 'X', 'X', 'X'],
    ],
  };
}

/** «Порядковый номер класса»: 1…50 in column A. */
export function classNumbersSheet(): SampleSheet {
  return { name: 'Порядковый номер класса', rows: Array.from({ length: 50 }, (_, i) => [i + 1]) };
}

/** «Классы»: the school's ordinal numbers → class names. */
export function classesSheet(classes: readonly SampleClass[]): SampleSheet {
  return {
    name: 'Классы',
    rows: [['Номер', 'Класс'], ...classes.map((c) => [c.ordinal, c.name])],
    bold: [1],
    frozenRows: 1,
    widths: [9, 9],
  };
}

/** «Шкала отметок»: minimum primary score for 3, 4, 5 of each procedure whose sheet carries no mark. */
export function scaleSheet(procs: readonly SampleProcedure[]): SampleSheet {
  return {
    name: 'Шкала отметок',
    rows: [
      ['Процедура', 'Предмет', 'Класс', 'Макс. балл', 3, 4, 5],
      ...procs.map((p) => [p.name, p.subject, p.grade, maxTotal(p), p.cuts[0], p.cuts[1], p.cuts[2]]),
    ],
    bold: [1],
    frozenRows: 1,
    widths: [20, 16, 7, 11, 6, 6, 6],
  };
}

/** «План заданий»: level, skill and section of every task of the form procedures. */
export function planSheet(procs: readonly SampleProcedure[]): SampleSheet {
  const rows: SampleCell[][] = [['Предмет', 'Класс', 'Задание', 'Макс. балл', 'Уровень', 'Умение', 'Раздел']];
  for (const p of procs) {
    for (const t of p.tasks) {
      // Whole task numbers are typed as numbers, criteria and parts («1К1», «9.1») as text.
      rows.push([p.subject, p.grade, /^\d+$/.test(t.code) ? Number(t.code) : t.code, t.max, t.level, t.skill ?? null, t.section ?? null]);
    }
  }
  return { name: 'План заданий', rows, bold: [1], frozenRows: 1, widths: [16, 7, 9, 11, 9, 70, 34] };
}
