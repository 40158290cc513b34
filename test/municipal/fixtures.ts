// Hand-made schools for the municipal tests, one procedure each («ВПР 2026 Математика 5 класс»,
// tasks 1 (1б), 2 (2б), 3 (3б), no plan: basic thresholds 60 / 57 %). The numbers each school gives
// are worked out by hand in aggregate.test.ts. Tables carry an ФИО column with (fictional) names:
// none of them may reach any municipal output.
import type { CellValue, Grid, Workbook } from '../../src/core/grid';

export const TITLE = 'ВПР 2026 Математика 5 класс';
const HEADER = ['ФИО', 'Класс', '1 (1б)', '2 (2б)', '3 (3б)', 'Отметка', 'Отметка по журналу'];

type Row = [number, number, number, number, number | null];

/** [t1, t2, t3, mark, journal] per student; names are made up from the school letter and the row. */
function table(letter: string, rows: Row[], cls = '5А'): CellValue[][] {
  return [HEADER, ...rows.map(([a, b, c, mark, journal], i) => [studentName(letter, i), cls, a, b, c, mark, journal])];
}

const SURNAMES = [
  'Иванов',
  'Петрова',
  'Сидоренко',
  'Кузнецова',
  'Смирнов',
  'Волкова',
  'Зайцев',
  'Морозова',
  'Лебедев',
  'Соколова',
  'Новиков',
  'Фёдорова',
];
const FIRST = { А: 'Аркадий', Б: 'Борислава', В: 'Всеволод', Г: 'Глафира', Д: 'Добрыня', Е: 'Евдокия', Ж: 'Жанна', И: 'Ипполит' } as Record<
  string,
  string
>;

export function studentName(letter: string, i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${letter === 'А' ? '' : `-${letter}`} ${FIRST[letter] ?? 'Пётр'}`;
}

/** Every student name the fixtures use (for the privacy assertions). */
export function allStudentNames(): string[] {
  const out: string[] = [];
  for (const letter of Object.keys(FIRST)) for (let i = 0; i < 12; i++) out.push(studentName(letter, i));
  return out;
}

/** School A: mean 45 %, quality 40 %, risk 50 %, tasks 60 / 50 / 36,7 %; «Понизили» 70 %. */
export function schoolA(): Grid {
  return {
    name: TITLE,
    values: table('А', [
      [1, 2, 3, 5, 5],
      [1, 2, 2, 5, 5],
      [1, 1, 2, 4, 5],
      [1, 1, 1, 4, 5],
      [0, 2, 1, 3, 4],
      [1, 0, 1, 3, 4],
      [0, 1, 1, 3, 4],
      [1, 0, 0, 2, 3],
      [0, 1, 0, 2, 3],
      [0, 0, 0, 2, 2],
    ]),
  };
}

/** School B: mean 85 %, quality 90 %, tasks 90 / 95 / 76,7 %. */
export function schoolB(): Grid {
  const rows: Row[] = [];
  for (let i = 0; i < 4; i++) rows.push([1, 2, 3, 5, 5]);
  for (let i = 0; i < 4; i++) rows.push([1, 2, 2, 4, 4]);
  rows.push([1, 1, 2, 4, 4], [0, 2, 1, 3, 3]);
  return { name: TITLE, values: table('Б', rows) };
}

/** School E: mean 83,3 %, quality 100 %, tasks 100 / 100 / 66,7 %. */
export function schoolE(): Grid {
  const rows: Row[] = [];
  for (let i = 0; i < 10; i++) rows.push([1, 2, 2, 4, 4]);
  return { name: TITLE, values: table('Е', rows) };
}

/** A ФИС ОКО Ф1 municipal export with two schools: C (10 students, mean 58,3 %) and D (5 students, all 0). */
export function exportCD(): Grid {
  const head = [
    'ОО',
    'Муниципалитет',
    'Название ОО',
    'Код участника',
    'Класс',
    'Вариант',
    '1 (1б)',
    '2 (2б)',
    '3 (3б)',
    'Первичный балл',
    'Отметка',
    'Отметка по журналу',
  ];
  const rows: CellValue[][] = [
    ['Индивидуальные результаты'],
    [],
    [TITLE],
    ['Предмет:', 'Математика'],
    ['Максимальный первичный балл:', 6],
    ['Дата:', '21.04.2026'],
    [null, null, 'Уровень сложности задания', null, null, null, 'Б', 'Б', 'Б'],
    head,
    ['МБОУ «ООШ с. Берёзовка»(edu000003) | Кол-во участников: 10'],
  ];
  for (let i = 0; i < 10; i++) {
    const [a, b, c] = i < 5 ? [1, 1, 2] : [1, 1, 1];
    rows.push([
      'edu000003',
      'Энский район',
      'МБОУ «ООШ с. Берёзовка»(edu000003)',
      3001 + i,
      1,
      1,
      a,
      b,
      c,
      a + b + c,
      i < 5 ? 4 : 3,
      i < 5 ? 4 : 3,
    ]);
  }
  rows.push(['МБОУ «НОШ д. Ивняки»(edu000004) | Кол-во участников: 5']);
  for (let i = 0; i < 5; i++) rows.push(['edu000004', 'Энский район', 'МБОУ «НОШ д. Ивняки»(edu000004)', 4001 + i, 1, 1, 0, 0, 0, 0, 2, 3]);
  return { name: 'МА 5 Индивидуальные результаты', values: rows };
}

/** Bad data: a name repeats without a code column (the message would name the student) and a score is too high. */
export function schoolBad(): Grid {
  return {
    name: TITLE,
    values: [
      HEADER,
      [studentName('И', 0), '5А', 1, 2, 3, 5, 5],
      [studentName('И', 0), '5А', 1, 2, 2, 5, 5],
      [studentName('И', 1), '5А', 1, 7, 2, 5, 5],
    ],
  };
}

/** A spreadsheet with nothing the core recognises. */
export function junk(): Grid {
  return { name: 'Лист1', values: [['Список дел'], ['купить мел']] };
}

export interface SourceDef {
  id: string;
  name: string;
  grids: Grid[];
  /** What openById throws instead of opening. */
  error?: string;
}

export const IDS = {
  A: '1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  B: '1BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
  CD: '1CDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCDCD',
  E: '1EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE',
  denied: '1DENIEDDENIEDDENIEDDENIEDDENIEDDENIEDDENIED',
  missing: '1MISSINGMISSINGMISSINGMISSINGMISSINGMISSIN',
  junk: '1JUNKJUNKJUNKJUNKJUNKJUNKJUNKJUNKJUNKJUNKJU',
  bad: '1BADBADBADBADBADBADBADBADBADBADBADBADBADBAD',
} as const;

export function sources(): SourceDef[] {
  return [
    { id: IDS.A, name: 'Школа А', grids: [schoolA()] },
    { id: IDS.B, name: 'Школа Б', grids: [schoolB()] },
    { id: IDS.CD, name: 'Выгрузка ФИС ОКО — район', grids: [exportCD()] },
    { id: IDS.E, name: 'Школа Е', grids: [schoolE()] },
    { id: IDS.denied, name: 'Закрытая', grids: [], error: 'You do not have permission to access the requested document.' },
    { id: IDS.junk, name: 'Не то', grids: [junk()] },
    { id: IDS.bad, name: 'С ошибками', grids: [schoolBad()] },
  ];
}

const url = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

/** «Источники»: five schools with codes, the export (no code) with attribute rows, broken ones, bad rows. */
export function sourcesSheet(): CellValue[][] {
  return [
    ['Таблица', 'Код ОО', 'Школа', 'Местность'],
    [url(IDS.A), 'edu000001', 'МБОУ «СОШ № 1»', 'город'],
    [IDS.B, 'edu000002', 'МБОУ «Гимназия № 2»', 'город'],
    [url(IDS.CD), null, null, 'село'],
    ['', 'edu000004', null, 'село'],
    [url(IDS.E), 'edu000005', 'МБОУ «СОШ № 5»', 'город'],
    [url(IDS.denied), 'edu000006', 'МБОУ «СОШ № 6»', 'город'],
    [url(IDS.missing), 'edu000007', 'МБОУ «СОШ № 7»', 'село'],
    [url(IDS.junk), 'edu000008', 'МБОУ «СОШ № 8»', 'село'],
    [url(IDS.bad), 'edu000009', 'МБОУ «СОШ № 9»', 'город'],
    ['abc', 'edu000010', 'МБОУ «СОШ № 10»', 'город'],
    [url(IDS.E), 'edu000001', 'Повтор кода', 'город'],
  ];
}

/** The same schools as one Workbook each (the local runner's files). */
export function workbooks(): { file: string; wb: Workbook }[] {
  return sources()
    .filter((s) => !s.error)
    .map((s) => ({ file: `${s.name}.xlsx`, wb: { name: s.name, grids: s.grids } }));
}
