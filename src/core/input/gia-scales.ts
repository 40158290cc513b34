// «Шкалы ГИА»: ОГЭ/ГВЭ mark scales (primary score) and ЕГЭ minimum scores (test score) per subject and
// year. The sheet belongs to the user: ОКО creates it once, pre-filled for 2026 with the source named,
// and from then on only reads it. A student below the minimum «не преодолел минимальный порог» and
// counts like mark 2 in the statistics and the risk group.
import { cellText, type Grid, isEmpty, norm } from '../grid';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { asNumber } from './cells';
import { findLabelRow } from './label-row';
import { type Read, read } from './read';
import { findSubject } from './subjects';

export const GIA_SCALES_SHEET = 'Шкалы ГИА';

export interface GiaScaleRow {
  kind: 'ОГЭ' | 'ЕГЭ' | 'ГВЭ';
  subject: string;
  year: number | null;
  /** The scale's score: primary (ОГЭ, ГВЭ) or test (ЕГЭ). */
  on: 'primary' | 'test';
  /** Minimum score (mark «3», or the ЕГЭ minimum), and the lowest scores of «4» and «5» when given. */
  min: number;
  four: number | null;
  five: number | null;
  source: string;
  row: number;
}

export interface GiaScales {
  sheet: string;
  rows: GiaScaleRow[];
}

/** The sheet's columns, in order (also the header ОКО writes). */
export const GIA_COLUMNS = [
  'Экзамен',
  'Предмет',
  'Год',
  'Балл',
  'Минимальный балл («3» / порог)',
  '«4» от',
  '«5» от',
  'Источник и условия',
] as const;

interface DefaultRow {
  kind: 'ОГЭ' | 'ЕГЭ';
  subject: string;
  min: number;
  four?: number;
  five?: number;
  note?: string;
}

const EGE_SOURCE = 'Рособрнадзор: минимальные баллы ЕГЭ на 2026 год (опубликованы 20.01.2026)';
const OGE_SOURCE = 'Письмо Рособрнадзора от 25.02.2026 № 02-20: минимальные первичные баллы ОГЭ 2026';

/** Pre-filled for 2026. «4» and «5» of ОГЭ are set by each region: filled only where the scale was published with the minimum. */
const DEFAULTS: readonly DefaultRow[] = [
  {
    kind: 'ОГЭ',
    subject: 'Русский язык',
    min: 15,
    four: 26,
    five: 33,
    note: '«4» — не менее 6 баллов за грамотность (ГК1–ГК4), «5» — не менее 9',
  },
  {
    kind: 'ОГЭ',
    subject: 'Математика',
    min: 8,
    four: 15,
    five: 22,
    note: '«4» и «5» — по опубликованной шкале 2026, сверьте с решением региона; из них не менее 2 баллов за задания по геометрии',
  },
  { kind: 'ОГЭ', subject: 'Физика', min: 10 },
  { kind: 'ОГЭ', subject: 'Химия', min: 10 },
  { kind: 'ОГЭ', subject: 'Биология', min: 13 },
  { kind: 'ОГЭ', subject: 'География', min: 12 },
  { kind: 'ОГЭ', subject: 'Обществознание', min: 14 },
  { kind: 'ОГЭ', subject: 'История', min: 11 },
  { kind: 'ОГЭ', subject: 'Литература', min: 16 },
  { kind: 'ОГЭ', subject: 'Информатика', min: 5 },
  { kind: 'ОГЭ', subject: 'Английский язык', min: 29 },
  { kind: 'ОГЭ', subject: 'Немецкий язык', min: 29 },
  { kind: 'ОГЭ', subject: 'Французский язык', min: 29 },
  { kind: 'ЕГЭ', subject: 'Русский язык', min: 24, note: 'для поступления в вуз — 36' },
  { kind: 'ЕГЭ', subject: 'Математика', min: 27, note: 'профильный уровень' },
  { kind: 'ЕГЭ', subject: 'Физика', min: 36 },
  { kind: 'ЕГЭ', subject: 'Химия', min: 36 },
  { kind: 'ЕГЭ', subject: 'Биология', min: 36 },
  { kind: 'ЕГЭ', subject: 'Информатика', min: 40 },
  { kind: 'ЕГЭ', subject: 'История', min: 32 },
  { kind: 'ЕГЭ', subject: 'География', min: 37 },
  { kind: 'ЕГЭ', subject: 'Обществознание', min: 42 },
  { kind: 'ЕГЭ', subject: 'Литература', min: 32 },
  { kind: 'ЕГЭ', subject: 'Английский язык', min: 22 },
  { kind: 'ЕГЭ', subject: 'Немецкий язык', min: 22 },
  { kind: 'ЕГЭ', subject: 'Французский язык', min: 22 },
];

/** The rows ОКО writes into a new «Шкалы ГИА» sheet. */
export function defaultGiaRows(): (string | number | null)[][] {
  return DEFAULTS.map((d) => [
    d.kind,
    d.subject,
    2026,
    d.kind === 'ЕГЭ' ? 'тестовый' : 'первичный',
    d.min,
    d.four ?? null,
    d.five ?? null,
    [d.kind === 'ЕГЭ' ? EGE_SOURCE : OGE_SOURCE, d.note].filter(Boolean).join('; '),
  ]);
}

const COLS: Record<string, (h: string) => boolean> = {
  kind: (h) => h === 'экзамен' || h === 'процедура',
  subject: (h) => h === 'предмет',
  year: (h) => h === 'год',
  on: (h) => h === 'балл' || h === 'шкала',
  min: (h) => h.startsWith('минимальный') || h === '3' || h === '«3» от',
  four: (h) => /(^|[^0-9])4([^0-9]|$)/.test(h),
  five: (h) => /(^|[^0-9])5([^0-9]|$)/.test(h),
  source: (h) => h.startsWith('источник'),
};

export function readGiaScales(grid: Grid): Read<GiaScales> {
  const problems: Problem[] = [];
  const rows: GiaScaleRow[] = [];
  const h = findLabelRow(grid, COLS, ['kind', 'subject', 'min']);
  if (!h) {
    problems.push(problem('error', 'gia-scales-header', grid.name, S.giaScales.headerMissing));
    return read({ sheet: grid.name, rows }, problems);
  }
  const at = (row: readonly unknown[], k: string) => (h.cols[k] === undefined ? undefined : row[h.cols[k] as number]);
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (row.every(isEmpty)) continue;
    const kindText = norm(at(row, 'kind'));
    const kind = kindText.includes('огэ') ? 'ОГЭ' : kindText.includes('егэ') ? 'ЕГЭ' : kindText.includes('гвэ') ? 'ГВЭ' : null;
    if (!kind) {
      problems.push(
        problem('error', 'gia-scales-kind', grid.name, S.giaScales.kind(cellText(at(row, 'kind'))), r + 1, (h.cols.kind as number) + 1),
      );
      continue;
    }
    const subjectText = cellText(at(row, 'subject'));
    const min = asNumber(at(row, 'min'));
    if (min === null || min < 0) {
      problems.push(problem('error', 'gia-scales-min', grid.name, S.giaScales.min, r + 1, (h.cols.min as number) + 1));
      continue;
    }
    const four = asNumber(at(row, 'four'));
    const five = asNumber(at(row, 'five'));
    if ((four !== null && four <= min) || (five !== null && (five <= (four ?? min) || four === null))) {
      problems.push(problem('error', 'gia-scales-order', grid.name, S.giaScales.order, r + 1, (h.cols.four ?? h.cols.min ?? 0) + 1));
      continue;
    }
    const onText = norm(at(row, 'on'));
    const year = asNumber(at(row, 'year'));
    rows.push({
      kind,
      subject: findSubject(subjectText)?.name ?? subjectText,
      year: year !== null && Number.isInteger(year) ? year : null,
      on: onText.startsWith('тест') || (onText === '' && kind === 'ЕГЭ') ? 'test' : 'primary',
      min,
      four,
      five,
      source: cellText(at(row, 'source')),
      row: r + 1,
    });
  }
  return read({ sheet: grid.name, rows }, problems);
}

/** The row for a procedure: same exam and subject, the procedure's year when the sheet has it, else the latest. */
export function giaRowFor(scales: GiaScales | null, kind: string, subject: string, year: number | null): GiaScaleRow | null {
  const rows = (scales?.rows ?? []).filter((r) => r.kind === kind && r.subject === subject);
  if (rows.length === 0) return null;
  return rows.find((r) => r.year === year) ?? [...rows].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0] ?? null;
}
