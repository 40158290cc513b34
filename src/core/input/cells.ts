// Cell values as people type them: numbers stored as text, decimal commas, Cyrillic «Х» or lowercase
// «x» for «не приступал», the many ways to write «отсутствовал», «нет отметки».
import { cellText, isEmpty, norm } from '../grid';

/** A number from a cell: 5, «5», «1,5», « 12 » (non-breaking spaces too). Null when not a number. */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = cellText(v).replace(/\s+/g, '').replace(',', '.');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Lower-case text without a trailing dot: «Отс.» → «отс». */
function word(v: unknown): string {
  return norm(v).replace(/\.$/, '').trim();
}

const ABSENT = new Set([
  'отсутствовал',
  'отсутствовала',
  'отсутствовал(а)',
  'отсутствует',
  'отс',
  'н',
  'нб',
  'н/я',
  'неявка',
  'не явился',
  'не явилась',
  'не был',
  'не была',
  'не был(а)',
  'не писал',
  'не писала',
]);

/** «отсутствовал», «отс.», «н», «не был»…: the participant did not sit the work. */
export function isAbsentMarker(v: unknown): boolean {
  return typeof v === 'string' && ABSENT.has(word(v));
}

/** «X» (Latin or Cyrillic, any case): present, did not attempt the task; 0 points. */
export function isXMark(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = word(v);
  return t === 'x' || t === 'х';
}

const NO_MARK = new Set(['нет отметки', 'нет', '-', '—', '–', 'н/а', 'нет оценки', 'без отметки']);

/** «нет отметки» and its kin: no mark, not an error. */
export function isNoMark(v: unknown): boolean {
  return isEmpty(v) || NO_MARK.has(word(v));
}

export type ScoreCell =
  | { kind: 'points'; value: number }
  | { kind: 'x' }
  | { kind: 'absent' }
  | { kind: 'empty' }
  /** A number out of range or not a whole or half point. */
  | { kind: 'bad-number'; value: number; reason: 'negative' | 'above-max' | 'fraction' }
  | { kind: 'text'; text: string };

/** Points are whole or half: «1,5» is a score, «1,3» is a typo. */
function isHalfStep(n: number): boolean {
  return Number.isInteger(n * 2);
}

/** One task cell read against the task's maximum. */
export function readScoreCell(v: unknown, max: number): ScoreCell {
  if (typeof v === 'number') return pointsOf(v, max);
  if (isEmpty(v)) return { kind: 'empty' };
  if (isXMark(v)) return { kind: 'x' };
  if (isAbsentMarker(v)) return { kind: 'absent' };
  const n = asNumber(v);
  if (n === null) return { kind: 'text', text: cellText(v) };
  return pointsOf(n, max);
}

function pointsOf(n: number, max: number): ScoreCell {
  if (!Number.isFinite(n)) return { kind: 'text', text: String(n) };
  if (n < 0) return { kind: 'bad-number', value: n, reason: 'negative' };
  if (n > max) return { kind: 'bad-number', value: n, reason: 'above-max' };
  if (!isHalfStep(n)) return { kind: 'bad-number', value: n, reason: 'fraction' };
  return { kind: 'points', value: n };
}

/** A mark 2–5 from a cell: a number or a number stored as text. Null for «нет отметки»; undefined when impossible. */
export function readMarkCell(v: unknown): number | null | undefined {
  if (isNoMark(v)) return null;
  const n = asNumber(v);
  if (n !== null && Number.isInteger(n) && n >= 2 && n <= 5) return n;
  return undefined;
}
