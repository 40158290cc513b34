// How Sheets stores what setValues is given: strings are parsed as if typed by a user. The fake is
// deliberately strict: an unescaped string a user could not type as text (= + - @ …) becomes a
// formula, a numeric-looking string a number, a date-looking one a date — so tests catch every
// string the adapter forgot to protect.

export type StoredValue = string | number | boolean | Date;

export interface Parsed {
  value: StoredValue;
  formula: string | null;
}

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;
const PERCENT = /^[+-]?\d+([.,]\d+)?%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})(\/(\d{2,4}))?$/;

export function isDateValue(v: unknown): v is Date {
  // Dates may come from another realm (the bundle runs in node:vm).
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function parseInput(v: unknown): Parsed {
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  if (isDateValue(v)) return { value: new Date(v.getTime()), formula: null };
  if (typeof v !== 'string') return { value: String(v), formula: null };
  if (v === '') return { value: '', formula: null };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null };
  if (v.startsWith('=')) return { value: '', formula: v };
  const t = v.trim();
  if (NUMBER.test(t)) return { value: Number(t.replace(',', '.')), formula: null };
  if (PERCENT.test(t)) return { value: Number(t.slice(0, -1).replace(',', '.')) / 100, formula: null };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: null };
  let m = ISO_DATE.exec(t);
  if (m) return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), formula: null };
  m = RU_DATE.exec(t);
  if (m) return { value: new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))), formula: null };
  m = SLASH_DATE.exec(t);
  if (m) return { value: new Date(Date.UTC(m[4] ? Number(m[4]) : 2026, Number(m[2]) - 1, Number(m[1]))), formula: null };
  // Sheets reads a leading + or - as the start of a formula, and @ as a mention/function sign.
  if (/^[+\-@]/.test(v)) return { value: '', formula: v };
  return { value: v, formula: null };
}
