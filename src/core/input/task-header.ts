// Task columns: «1 (5б)», «4К1 (3б)», «12.1 (1б)» carry the code and the max score; plain codes
// («1», «9.2», «Задание 3») need a «Макс. балл» row.
import { cellText } from '../grid';

/** «Задание», «Зад.», «№», «Задание №» before the code. */
const PREFIX = String.raw`(?:(?:задание|зад\.?)\s*)?(?:№\s*)?`;
const CODE = String.raw`(\d{1,2}(?:[.,]\d{1,2})*(?:\s*[КкKk]\s*\d{1,2})?(?:\s*[а-е])?)`;
const WITH_MAX = new RegExp(String.raw`^${PREFIX}${CODE}\s*\(\s*(?:макс\.?\s*)?(\d{1,3}(?:[.,]\d+)?)\s*(?:б|балл[а-я]*)?\.?\s*\)$`, 'i');
const CODE_ONLY = new RegExp(`^${PREFIX}${CODE}$`, 'i');

/** Canonical task code: «4 к 1» → «4К1», «9,1» → «9.1». */
export function normalizeTaskCode(code: string): string {
  return code.replace(/\s+/g, '').replace(/,/g, '.').replace(/[кKk]/g, 'К');
}

export function parseTaskHeader(v: unknown): { id: string; max: number } | null {
  const t = cellText(v);
  const m = WITH_MAX.exec(t);
  if (!m) return null;
  return { id: normalizeTaskCode(m[1] as string), max: Number((m[2] as string).replace(',', '.')) };
}

/** A bare task code (the max comes from elsewhere). Numbers from the sheet count too. */
export function parseTaskCode(v: unknown): string | null {
  if (typeof v === 'number') return v > 0 && v < 100 ? String(v) : null;
  const m = CODE_ONLY.exec(cellText(v));
  return m ? normalizeTaskCode(m[1] as string) : null;
}
