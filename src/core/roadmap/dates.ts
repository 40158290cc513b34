// Calendar dates as ISO strings ('YYYY-MM-DD'): no time, no time zone, so the same day everywhere.
// The academic year runs from 1 September to 31 August (docs/domain.md §8).

export interface AcademicYear {
  /** The calendar year in which the academic year starts: 2025 for 2025/2026. */
  start: number;
  /** «2025/2026». */
  label: string;
  /** 1 September of `start`. */
  from: string;
  /** 31 August of `start + 1`. */
  to: string;
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y as number, m as number, d as number];
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthEnd(y: number, m: number): string {
  return iso(y, m, daysInMonth(y, m));
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Same day n months later; a day the target month lacks becomes its last day (31 May + 1 → 30 June). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** «15.05.2026». */
export function ruDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** A Date as read from a host (ExcelJS: UTC midnight; Sheets adapter: UTC noon) → its calendar day. */
export function isoFromDate(d: Date): string {
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** «2025» → 2025/2026; also «2025/2026», «2025-2026», «2025/26». Null when not a year. */
export function parseAcademicYear(text: string | number): AcademicYear | null {
  const t = String(text).trim();
  const m = /^(\d{4})(?:\s*[/–—-]\s*(\d{2}|\d{4}))?$/.exec(t);
  if (!m) return null;
  const start = Number(m[1]);
  if (start < 2000 || start > 2100) return null;
  if (m[2]) {
    const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (end !== start + 1) return null;
  }
  return academicYear(start);
}

export function academicYear(start: number): AcademicYear {
  return { start, label: `${start}/${start + 1}`, from: iso(start, 9, 1), to: iso(start + 1, 8, 31) };
}

/** The calendar year a month falls in within an academic year: September–December → start, January–August → start + 1. */
export function yearOfMonth(ay: AcademicYear, month: number): number {
  return month >= 9 ? ay.start : ay.start + 1;
}

/** The academic year (its start) a dated month belongs to. */
export function academicStartOf(month: number, year: number): number {
  return month >= 9 ? year : year - 1;
}

/**
 * The school year a roadmap is for when the user names none, from the date the results came: results of
 * autumn and winter (September–March) are acted on in the same school year; results of spring and
 * summer (April–August: ВПР, ГИА) in the school year that starts next September. So a roadmap made
 * right after a spring ВПР is not dated in a year that is nearly over.
 */
export function defaultAcademicYear(resultsDate: string): number {
  const [y, m] = parts(resultsDate);
  if (m >= 9) return y;
  return m >= 4 ? y : y - 1;
}
