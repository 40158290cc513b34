// SpecCell → the value handed to Range.setValues. Sheets parses every string it is given as if a
// user had typed it, so text must be protected: a formula sign would run, «00123» would lose its
// zeros, «2026-04-15» or «1/2» would become a date. A leading apostrophe makes Sheets store the rest
// as literal text and hide the apostrophe.
import { inertText, isDate, isFormula, type SpecCell } from '../core/output/spec';

/** Strings Sheets may read as a number, date, time, percent or amount («(5)» is −5): digits and punctuation only. */
const LOOKS_NUMERIC = /^[\s\d.,:/%$€₽+()-]*\d[\s\d.,:/%$€₽+()-]*$/;
const LOOKS_SCIENTIFIC = /^\s*[+-]?\d+([.,]\d+)?e[+-]?\d+\s*$/i;
const LOOKS_BOOLEAN = /^\s*(true|false|истина|ложь)\s*$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type SheetsValue = string | number | boolean;

/** Text stored exactly as given. A leading apostrophe of the text itself is kept by doubling it. */
export function sheetsText(s: string): string {
  if (s.startsWith("'") || LOOKS_NUMERIC.test(s) || LOOKS_SCIENTIFIC.test(s) || LOOKS_BOOLEAN.test(s)) return `'${s}`;
  return inertText(s);
}

export function sheetsValue(v: SpecCell | undefined): SheetsValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : sheetsText(v);
  // Sheets cannot hold NaN or ±Infinity; an empty cell is the honest rendering of "no number".
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isFormula(v)) return v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
  // An ISO date string is parsed by Sheets into a date value in every locale.
  if (isDate(v)) return ISO_DATE.test(v.date) ? v.date : sheetsText(v.date);
  return '';
}

export const DATE_FORMAT = 'dd.mm.yyyy';

/** The whole block's values, every row padded to the block width. */
export function valueGrid(values: readonly (readonly SpecCell[])[], ext: { rows: number; cols: number }): SheetsValue[][] {
  const out: SheetsValue[][] = new Array(ext.rows);
  for (let r = 0; r < ext.rows; r++) {
    const src = values[r] ?? [];
    const row: SheetsValue[] = new Array(ext.cols);
    for (let c = 0; c < ext.cols; c++) row[c] = sheetsValue(src[c]);
    out[r] = row;
  }
  return out;
}
