// Finding the header row of a results table by its content: which column holds the participant code,
// the class, the variant, the marks, and which columns are tasks. Headers are matched loosely, as
// schools and other tools write them («Класс № (список формируется из листа "Классы")», «Код ученика»,
// «Вариант (часть 2)», «11.3 k1 (2б)», a «Баллы за задания» cell merged over a row of task numbers).
import { cellText, type Grid, isEmpty, norm } from '../grid';
import type { Layout } from '../model';
import { parseTaskCode, parseTaskHeader } from './task-header';

export type Role =
  | 'code'
  | 'name'
  | 'variant'
  /** The second «Вариант» column of a two-part form («Вариант (часть 2)»). */
  | 'variant2'
  | 'classNum'
  | 'className'
  | 'prevMark'
  | 'journal'
  | 'total'
  | 'mark'
  | 'testScore'
  | 'schoolCode'
  | 'schoolName'
  | 'municipality'
  /** ГИА protocol: one character per short-answer task («+-1+…»). */
  | 'shortAnswers'
  /** ГИА protocol: «score(max)» pairs of the long-answer tasks («0(2)1(2)2(3)»). */
  | 'longAnswers'
  /** ГИА protocol: the name in three columns. */
  | 'surname'
  | 'firstName'
  | 'patronymic';

/** Header text for matching: lower case, ё → е, without parentheses, quotes, dots and colons. */
export function headerLabel(v: unknown): string {
  return norm(v)
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/["«»“”]/g, '')
    .replace(/[.:]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

type Roles = Partial<Record<Role, number>>;

const ROLE_LABELS: [Role, (h: string, raw: string, roles: Roles) => boolean][] = [
  ['shortAnswers', (h) => /^(задания|часть|ответы на задания|результаты заданий) с кратким ответом$/.test(h) || h === 'краткие ответы'],
  [
    'longAnswers',
    (h) =>
      /^(задания|часть|ответы на задания|результаты заданий|баллы за задания) с развернутым ответом$/.test(h) || h === 'развернутые ответы',
  ],
  ['surname', (h) => h === 'фамилия'],
  ['firstName', (h) => h === 'имя'],
  ['patronymic', (h) => h === 'отчество'],
  [
    'code',
    (h) => ['код участника', 'код', 'код ученика', 'код обучающегося', 'код уч', 'код работы', 'идентификатор участника'].includes(h),
  ],
  [
    'name',
    (h) =>
      [
        'фио',
        'ф и о',
        'фио участника',
        'фио ученика',
        'фио обучающегося',
        'фамилия имя',
        'фамилия, имя',
        'фамилия и имя',
        'фамилия имя отчество',
        'фамилия, имя, отчество',
        'ученик',
        'обучающийся',
        'участник',
      ].includes(h),
  ],
  ['variant2', (h, raw) => /^(номер )?вариант/.test(h) && /част[ьи]\s*2|2\s*-?\s*я?\s*част|ч\s*2/.test(raw)],
  ['variant', (h) => h === 'вариант' || h === 'номер варианта' || h === '№ варианта'],
  ['classNum', (h) => ['порядковый номер класса', 'номер класса', 'класс №', '№ класса', 'номер класса по списку'].includes(h)],
  ['className', (h) => h === 'класс' || h === 'класс/группа' || h === 'класс (буква)'],
  ['prevMark', (h) => /^(отметка|оценка) за (предыдущ|четверт|триместр|полугод)/.test(h)],
  ['journal', (h) => /^(отметка|оценка) по журналу$/.test(h) || h === 'журнальная отметка' || h === 'отметка в журнале'],
  [
    'total',
    (h) => ['итого баллов', 'итого', 'первичный балл', 'сумма баллов', 'сумма', 'всего баллов', 'балл', 'итоговый балл'].includes(h),
  ],
  // In an ЕГЭ protocol «Балл» after «Первичный балл» is the test score.
  [
    'testScore',
    (h, _raw, roles) => h === 'тестовый балл' || h === 'балл по 100-балльной шкале' || (h === 'балл' && roles.total !== undefined),
  ],
  ['mark', (h) => ['отметка', 'оценка', 'отметка за работу', 'оценка за работу', 'отметка по пятибалльной шкале'].includes(h)],
  ['schoolCode', (h) => h === 'оо' || h === 'код оо'],
  ['schoolName', (h) => h === 'название оо' || h === 'школа' || h === 'образовательная организация' || h === 'наименование оо'],
  ['municipality', (h) => h === 'муниципалитет' || h === 'мо'],
];

/** Service columns of a РЦОИ protocol: known, not used, not worth a note. */
const SERVICE_COLUMNS = new Set([
  'код мсу',
  'код ппэ',
  'аудитория',
  'серия',
  'номер',
  'серия документа',
  'номер документа',
  'id',
  '№',
  '№ п/п',
  'код ато',
]);

/** Labels of a group cell merged over task columns: not a column of its own. */
const TASK_GROUP = /^(баллы? за задани|задани[ея]|номер задания|№ задания|первичные баллы за задания|баллы)$/;

export interface TaskCol {
  col: number;
  id: string;
  max: number | null;
}

export interface HeaderInfo {
  /** 0-based row of the header (its last row when the header spans two). */
  row: number;
  /** 0-based first row of the header. */
  top: number;
  roles: Partial<Record<Role, number>>;
  tasks: TaskCol[];
  /** Columns with a header ОКО does not use. */
  ignored: { col: number; text: string }[];
}

/** Title blocks can be tall (a logo, instructions, several schools): search this far for the header. */
const SCAN_ROWS = 200;

function roleOf(v: unknown, roles: Partial<Record<Role, number>>): Role | null {
  const raw = norm(v);
  const h = headerLabel(v);
  if (!h) return null;
  const found = ROLE_LABELS.find(([k, test]) => roles[k] === undefined && test(h, raw, roles));
  if (found) return found[0];
  // A second «Вариант» without a part number: the second part of a two-part form.
  if (roles.variant !== undefined && roles.variant2 === undefined && (h === 'вариант' || h === 'номер варианта')) return 'variant2';
  return null;
}

/** Reads one header row, or two rows together (a merged «Баллы за задания» over task numbers). */
function scanHeader(values: Grid['values'], top: number, height: 1 | 2): HeaderInfo {
  const rowA = values[top] ?? [];
  const rowB = height === 2 ? (values[top + 1] ?? []) : [];
  const roles: Partial<Record<Role, number>> = {};
  const tasks: TaskCol[] = [];
  const ignored: { col: number; text: string }[] = [];
  const width = Math.max(rowA.length, rowB.length);
  for (let c = 0; c < width; c++) {
    const cells = height === 2 ? [rowB[c], rowA[c]] : [rowA[c]];
    const withMax = cells.map((v) => parseTaskHeader(v)).find((t) => t !== null);
    if (withMax) {
      tasks.push({ col: c, id: withMax.id, max: withMax.max });
      continue;
    }
    let role: Role | null = null;
    for (const v of [...cells].reverse()) {
      role = isEmpty(v) ? null : roleOf(v, roles);
      if (role) break;
    }
    if (role) {
      roles[role] = c;
      continue;
    }
    // In a two-row header a bare number is a task only in the lower row (the upper holds group labels).
    const code = parseTaskCode(cells[0]);
    if (code) {
      tasks.push({ col: c, id: code, max: null });
      continue;
    }
    const texts = cells.filter((v) => !isEmpty(v)).map((v) => cellText(v));
    const meaningful = texts.filter((t) => !TASK_GROUP.test(headerLabel(t)) && !SERVICE_COLUMNS.has(headerLabel(t)));
    if (meaningful.length > 0) ignored.push({ col: c, text: meaningful.reverse().join(' ') });
  }
  return { row: top + height - 1, top, roles, tasks, ignored };
}

function hasAnswerStrings(h: HeaderInfo): boolean {
  return h.roles.shortAnswers !== undefined || h.roles.longAnswers !== undefined;
}

function complete(h: HeaderInfo): boolean {
  const hasId = h.roles.code !== undefined || h.roles.name !== undefined || h.roles.surname !== undefined;
  const hasClass = h.roles.classNum !== undefined || h.roles.className !== undefined;
  return hasId && hasClass && (h.tasks.length > 0 || hasAnswerStrings(h));
}

/** Text of a sheet that marks it as meant to hold results, even when its header is broken. */
function looksLikeResults(values: Grid['values']): boolean {
  let taskHeaders = 0;
  for (let r = 0; r < Math.min(values.length, SCAN_ROWS); r++) {
    for (const v of values[r] ?? []) {
      if (parseTaskHeader(v)) taskHeaders++;
      const h = headerLabel(v);
      if (h === 'код участника' || h === 'первичный балл' || h === 'итого баллов' || /с (кратким|развернутым) ответом$/.test(h))
        return true;
    }
  }
  return taskHeaders >= 2;
}

export type HeaderSearch =
  | { kind: 'found'; header: HeaderInfo; layout: Layout }
  | { kind: 'broken'; missing: string[]; row: number }
  | { kind: 'none' };

function layoutOf(h: HeaderInfo): Layout {
  if (hasAnswerStrings(h)) return 'gia-protocol';
  if (h.roles.variant !== undefined && h.roles.classNum !== undefined) return 'vpr-form';
  if (h.roles.schoolName !== undefined || h.roles.schoolCode !== undefined) return 'fis-f1';
  return 'generic';
}

export function findResultsHeader(grid: Grid): HeaderSearch {
  const values = grid.values;
  let best: { header: HeaderInfo; missing: string[] } | null = null;
  const limit = Math.min(values.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const h = scanHeader(values, r, 1);
    if (complete(h)) return { kind: 'found', header: h, layout: layoutOf(h) };
    // A header over two rows, when neither row is a header alone.
    if (r + 1 < values.length && !complete(scanHeader(values, r + 1, 1))) {
      const two = scanHeader(values, r, 2);
      const hasTasksBelow = two.tasks.some((t) => !isEmpty(values[r + 1]?.[t.col]));
      if (complete(two) && hasTasksBelow) return { kind: 'found', header: two, layout: layoutOf(two) };
    }
    const missing: string[] = [];
    if (h.roles.code === undefined && h.roles.name === undefined && h.roles.surname === undefined) missing.push('Код участника');
    if (h.roles.classNum === undefined && h.roles.className === undefined) missing.push('Класс');
    if (h.tasks.length === 0 && !hasAnswerStrings(h)) missing.push('задания, например «1 (2б)»');
    if (missing.length < 3 && (!best || missing.length < best.missing.length)) best = { header: h, missing };
  }
  if (!looksLikeResults(values)) return { kind: 'none' };
  if (best) return { kind: 'broken', missing: best.missing, row: best.header.row + 1 };
  return { kind: 'broken', missing: ['Код участника', 'Класс', 'задания'], row: 0 };
}
