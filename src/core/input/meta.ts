// Procedure metadata (kind, year, subject, grade, date) from title rows, sheet names, file names.
import { cellText } from '../grid';
import type { Procedure, ProcedureMeta } from '../model';
import { findSubject } from './subjects';

// Abbreviations must stand alone («ВПР», not «ВПРО»); word stems only need a word start.
const KINDS: [RegExp, string][] = [
  [/(^|[^а-яё])впр($|[^а-яё])/i, 'ВПР'],
  [/(^|[^а-яё])огэ($|[^а-яё])/i, 'ОГЭ'],
  [/(^|[^а-яё])егэ($|[^а-яё])/i, 'ЕГЭ'],
  [/(^|[^а-яё])гвэ($|[^а-яё])/i, 'ГВЭ'],
  [/(^|[^а-яё])нико($|[^а-яё])/i, 'НИКО'],
  [/(^|[^а-яё])др[- ]?10($|[^0-9])/i, 'ДР-10'],
  [/(^|[^а-яё])рдр($|[^а-яё])/i, 'РДР'],
  [/(^|[^а-яё])входн[а-яё]*\s+диагност/i, 'Входная диагностика'],
  [/(^|[^а-яё])диагност/i, 'Диагностика'],
  [/(^|[^а-яё])входн/i, 'Входная КР'],
  [/(^|[^а-яё])контрольн/i, 'КР'],
];

/** The subject of a procedure whose title, sheet name and file name name none. */
export const UNKNOWN_SUBJECT = 'Предмет не указан';

export interface PartialMeta {
  kind?: string;
  year?: number;
  subject?: string;
  grade?: number;
  date?: string;
}

/** A title names its procedure when it states the subject or the grade (a year or a kind alone does not). */
export function describesProcedure(meta: PartialMeta): boolean {
  return meta.subject !== undefined || meta.grade !== undefined;
}

/**
 * The procedures a title found beside them (a benchmark block, a plan report) is about: those that agree
 * with every part the title states (a procedure with no known grade or year is not ruled out by one);
 * a title that names none is about the workbook's only procedure, if it has just one.
 */
export function proceduresFitting(meta: PartialMeta, procedures: readonly Procedure[]): Procedure[] {
  if (!describesProcedure(meta)) return procedures.length === 1 ? [...procedures] : [];
  return procedures.filter((p) => {
    if (meta.subject !== undefined && meta.subject !== p.meta.subject) return false;
    if (meta.grade !== undefined && p.meta.grade !== null && meta.grade !== p.meta.grade) return false;
    if (meta.year !== undefined && p.meta.year !== null && meta.year !== p.meta.year) return false;
    if (meta.kind !== undefined && meta.kind !== p.meta.kind) return false;
    return true;
  });
}

/** Reads what a free text says about the procedure; absent parts stay undefined. */
export function metaFromText(text: string): PartialMeta {
  const t = cellText(text);
  const out: PartialMeta = {};
  const lower = t.toLowerCase();
  for (const [re, kind] of KINDS) {
    if (re.test(lower)) {
      out.kind = kind;
      break;
    }
  }
  const year = /(?:^|\D)(20\d{2})(?:\D|$)/.exec(t);
  if (year) out.year = Number(year[1]);
  const grade = /(?:^|\D)(\d{1,2})\s*(?:-?й\s*)?(?:класс|кл\.?)/i.exec(t);
  if (grade) out.grade = Number(grade[1]);
  else {
    // ФИС ОКО sheet names: «РУ 4 Индивидуальные результаты», «ВПР МА 5».
    for (const m of t.matchAll(/(?:^|[^А-ЯЁа-яё])([А-ЯЁ]{2,3})\s+(\d{1,2})(?!\d)/g)) {
      if (findSubject(`${m[1]} ${m[2]}`)) {
        out.grade = Number(m[2]);
        break;
      }
    }
  }
  const subject = findSubject(t);
  if (subject) out.subject = subject.name;
  const date = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(t);
  if (date) out.date = isoDate(Number(date[3]), Number(date[2]), Number(date[1]));
  return out;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A cell holding a date: a Date, an ISO string or «20.04.2026». */
export function dateFromCell(v: unknown): string | undefined {
  // Hosts hand dates over as UTC (ExcelJS: midnight UTC; the Sheets reader: noon UTC), so UTC getters
  // give the calendar day the user sees, whatever the machine's time zone.
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  const t = cellText(v);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (ru) return isoDate(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** Earlier sources win: title rows, then the sheet name, then the file name. */
export function mergeMeta(...parts: PartialMeta[]): ProcedureMeta {
  const pick = <K extends keyof PartialMeta>(k: K): PartialMeta[K] => {
    for (const p of parts) if (p[k] !== undefined) return p[k];
    return undefined;
  };
  const date = pick('date');
  return {
    kind: pick('kind') ?? 'Процедура',
    year: pick('year') ?? (date ? Number(date.slice(0, 4)) : null),
    subject: pick('subject') ?? UNKNOWN_SUBJECT,
    grade: pick('grade') ?? null,
    date: date ?? null,
  };
}

export function procedureTitle(m: ProcedureMeta): string {
  const parts = [m.kind];
  if (m.year) parts.push(String(m.year));
  parts.push(m.subject);
  if (m.grade) parts.push(`${m.grade} класс`);
  return parts.join(' ').replace(/\s+/g, ' ');
}

export function procedureKey(m: ProcedureMeta, sheet: string): string {
  const base = [m.kind, m.year ?? '', m.subject, m.grade ?? '', m.date ?? '']
    .map((x) => String(x).toLowerCase().replace(/\s+/g, '-'))
    .join('|');
  // Two sheets with the same metadata are still two procedures.
  return m.subject === UNKNOWN_SUBJECT ? `${base}|${sheet.toLowerCase()}` : base;
}

// ---- the title block above a results table ---------------------------------------------------------

export interface TitleRows {
  meta: PartialMeta;
  /** «Максимальный первичный балл: 24». */
  maxTotal: number | null;
  /** «Школа: …» or «ОО: …». */
  school: string | null;
}

/** A number in a title cell («24», «24,0»). */
function titleNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = cellText(v).replace(/\s+/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * Reads the rows above the header, however many: «ВПР 2026 Русский язык 4 класс», «Предмет: …»,
 * «Максимальный первичный балл: …», «Дата: …», «Класс: …», «Школа: …».
 */
export function readTitleRows(values: readonly (readonly unknown[])[], headerTop: number): TitleRows {
  const meta: PartialMeta = {};
  let maxTotal: number | null = null;
  let school: string | null = null;
  for (let r = 0; r < headerTop; r++) {
    const row = values[r] ?? [];
    const cells = row.map(cellText).filter((t) => t !== '');
    if (cells.length === 0) continue;
    const label = cellText(cells[0]).toLowerCase().replace(/ё/g, 'е').replace(/:$/, '');
    const firstAt = row.findIndex((v) => cellText(v) !== '');
    const value = row.slice(firstAt + 1).find((v) => cellText(v) !== '');
    if (label === 'предмет' && value !== undefined) {
      const t = cellText(value);
      meta.subject = findSubject(t)?.name ?? t;
    } else if (label.startsWith('максимальный первичный балл') || label.startsWith('макс')) {
      maxTotal = titleNumber(value);
    } else if (label === 'дата' || label === 'дата проведения') {
      const d = dateFromCell(value);
      if (d) meta.date = d;
    } else if (label === 'класс' || label === 'параллель') {
      const g = Number.parseInt(cellText(value), 10);
      if (Number.isFinite(g)) meta.grade = g;
    } else if (label === 'школа' || label === 'оо' || label === 'образовательная организация') {
      if (value !== undefined) school = cellText(value);
    } else {
      const m = metaFromText(cells.join(' '));
      for (const k of Object.keys(m) as (keyof PartialMeta)[]) if (meta[k] === undefined) (meta as Record<string, unknown>)[k] = m[k];
    }
  }
  return { meta, maxTotal, school };
}
