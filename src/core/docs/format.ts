// Numbers and lists as a завуч writes them: decimal comma, one decimal, «—» for «no value»,
// a real minus sign, percentage points signed. Every renderer prints cells through `formatValue`.
import type { NumberFormat } from './spec';

const MINUS = '\u2212';

/** 57.25 → «57,3»; 60 → «60,0» (a column of percents keeps one decimal so it lines up). */
export function fixed1(x: number): string {
  const r = Math.round(x * 10) / 10;
  const s = Math.abs(r).toFixed(1).replace('.', ',');
  return r < 0 ? `${MINUS}${s}` : s;
}

export function formatNumber(x: number, f: NumberFormat): string {
  if (!Number.isFinite(x)) return '—';
  switch (f) {
    case 'int':
      return String(Math.round(x)).replace('-', MINUS);
    case 'pct':
    case 'num':
      return fixed1(x);
    case 'pp': {
      const r = Math.round(x * 10) / 10;
      return r > 0 ? `+${fixed1(r)}` : r === 0 ? '0,0' : fixed1(r);
    }
  }
}

export function formatValue(v: string | number | null, f: NumberFormat | undefined): string {
  if (v === null) return '—';
  if (typeof v === 'number') return formatNumber(v, f ?? (Number.isInteger(v) ? 'int' : 'num'));
  return v;
}

/** «57,3 %». */
export const pct = (x: number): string => (Number.isFinite(x) ? `${fixed1(x)} %` : '—');

/** «20.04.2026» from ISO. */
export function ruDateOf(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** «1, 3, 9.1» — task codes as written in the results. */
export const joinIds = (ids: readonly string[]): string => ids.join(', ');

/** Characters XML 1.0 cannot hold (and Google's import drops): removed from every text. */
export function cleanText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A percent of integers, exact: k of n. */
export const share = (k: number, n: number): number => (n > 0 ? (k / n) * 100 : Number.NaN);
