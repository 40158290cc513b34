// No student name leaves a school. The aggregates hold no per-student data at all; this guard covers
// the free text that does leave (reasons, notes, sheet and procedure names): every value found in an
// ФИО-like column of the school's sheets — and each word of it — is replaced by «…» in that text.
import { cellText, norm, type Workbook } from '../grid';

const NAME_HEADERS = new Set([
  'фио',
  'ф и о',
  'фамилия имя',
  'фамилия, имя',
  'фамилия и имя',
  'фамилия имя отчество',
  'фамилия, имя, отчество',
  'фамилия',
  'имя',
  'отчество',
  'ученик',
  'учащийся',
  'обучающийся',
  'участник',
  'фио ученика',
  'фио обучающегося',
  'фио участника',
]);

const SCAN_ROWS = 40;
const MIN_TOKEN = 3;

function headerLabel(v: unknown): string {
  return norm(v).replace(/[.:]/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface NameGuard {
  /** How many distinct words were collected. */
  readonly size: number;
  scrub(text: string): string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Collects every value under an ФИО-like header (first 40 rows scanned for it) in every sheet. */
export function nameGuard(wb: Workbook): NameGuard {
  const words = new Set<string>();
  for (const g of wb.grids) {
    const cols = new Map<number, number>();
    for (let r = 0; r < Math.min(g.values.length, SCAN_ROWS); r++) {
      (g.values[r] ?? []).forEach((v, c) => {
        if (!cols.has(c) && NAME_HEADERS.has(headerLabel(v))) cols.set(c, r);
      });
    }
    for (const [c, r0] of cols) {
      for (let r = r0 + 1; r < g.values.length; r++) {
        const t = cellText(g.values[r]?.[c]);
        if (!/\p{L}/u.test(t)) continue;
        words.add(t);
        for (const w of t.split(/[\s.,;()«»"]+/)) if (w.length >= MIN_TOKEN && /\p{L}/u.test(w)) words.add(w);
      }
    }
  }
  if (words.size === 0) return { size: 0, scrub: (t) => t };
  const list = [...words].sort((a, b) => b.length - a.length).map(escapeRe);
  // Whole words only (Cyrillic-aware), case-insensitive: «Иванов» goes, «Ивановка» stays.
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { size: words.size, scrub: (t) => (t ? t.replace(re, '…') : t) };
}

/** Applies the guard to every string inside a JSON-like value (returns a new value). */
export function scrubDeep<T>(value: T, guard: NameGuard): T {
  if (guard.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return guard.scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
