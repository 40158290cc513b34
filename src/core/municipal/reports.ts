// «Сроки отчётов»: what the municipality asks schools to have done, and by when (one row each), checked
// against the schools' own roadmaps. A row names the roadmap activity by its number («1.1») or by
// words of its title («анализ результатов ВПР»; the «Что сдать» text when the column is empty). The
// match is made when a school is read (the activity titles never leave the school); only the counts
// and the completion date travel to the district, where they are compared with the deadline.
import { type CellValue, cellText, type Grid, isEmpty, norm } from '../grid';
import { type Problem, problem } from '../problems';
import { isoFromDate, ruDate } from '../roadmap/dates';
import { keyText } from '../roadmap/keys';
import { M } from '../strings';
import { textHash } from './hash';

export interface ReportItem {
  /** Stable across deadline changes: what + how it is matched. */
  id: string;
  /** 1-based row of «Сроки отчётов». */
  row: number;
  what: string;
  /** Activity number or words, as written ('' → words of `what`). */
  match: string;
  /** ISO date. */
  due: string;
}

export interface ReportSheet {
  items: ReportItem[];
  problems: Problem[];
}

const WHAT = new Set(['что сдать', 'отчёт', 'отчет', 'что', 'что представить', 'документ', 'наименование']);
const DUE = new Set(['срок', 'срок сдачи', 'до', 'дата', 'срок представления']);
const MATCH = new Set(['мероприятие', 'пункт дорожной карты', '№ мероприятия', 'номер мероприятия', 'мероприятие дорожной карты']);
const HEADER_SCAN = 10;

const label = (v: unknown) => norm(v).replace(/[:]/g, '').trim();

/** A date cell (Date, «15.05.2026», «2026-05-15») as ISO; null when it is not one. */
export function cellDate(v: CellValue | undefined): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromDate(v);
  const t = cellText(v);
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function valid(y: number, mo: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return isoFromDate(dt);
}

export function readReportSheet(grid: Grid | undefined): ReportSheet {
  const out: ReportSheet = { items: [], problems: [] };
  if (!grid) return out;
  let header = -1;
  let cols = { what: -1, due: -1, match: -1 };
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN) && header < 0; r++) {
    const labels = (grid.values[r] ?? []).map(label);
    const what = labels.findIndex((l) => WHAT.has(l));
    const due = labels.findIndex((l) => DUE.has(l));
    if (what < 0 || due < 0) continue;
    header = r;
    cols = { what, due, match: labels.findIndex((l) => MATCH.has(l)) };
  }
  if (header < 0) {
    if (grid.values.some((row) => row.some((v) => !isEmpty(v))))
      out.problems.push(problem('warning', 'reports-header', grid.name, M.reports.header));
    return out;
  }
  const seen = new Map<string, number>();
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (row.every(isEmpty)) continue;
    const rowNo = r + 1;
    const what = cellText(row[cols.what]);
    const match = cols.match >= 0 ? cellText(row[cols.match]) : '';
    if (!what && !match) {
      out.problems.push(problem('warning', 'reports-what', grid.name, M.reports.noWhat, rowNo, cols.what + 1));
      continue;
    }
    const due = cellDate(row[cols.due] as CellValue);
    if (!due) {
      out.problems.push(problem('warning', 'reports-due', grid.name, M.reports.badDue(cellText(row[cols.due])), rowNo, cols.due + 1));
      continue;
    }
    const id = `r${textHash(`${keyText(what)}|${keyText(match)}`).slice(0, 10)}`;
    const first = seen.get(id);
    if (first !== undefined) {
      out.problems.push(problem('warning', 'reports-duplicate', grid.name, M.reports.duplicate(first), rowNo, cols.what + 1));
      continue;
    }
    seen.set(id, rowNo);
    out.items.push({ id, row: rowNo, what, match, due });
  }
  return out;
}

const NUMBER = /^\d+(\.\d+)*[а-яa-z]?\.?$/i;

/** Word stems of a match text: words of 3+ letters; long words lose their ending (падежи). */
function stems(text: string): string[] {
  return keyText(text)
    .split(' ')
    .filter((w) => w.length >= 3)
    .map((w) => (w.length >= 6 ? w.slice(0, w.length - 2) : w));
}

/** Does a roadmap activity (its № and title) answer a report row? */
export function matchesActivity(item: Pick<ReportItem, 'what' | 'match'>, number: string, title: string): boolean {
  const spec = item.match || item.what;
  const n = cellText(number).replace(/\.$/, '');
  if (NUMBER.test(spec.trim())) {
    const want = spec.trim().replace(/\.$/, '').toLowerCase();
    // «1.1 (2/3)»: the second of three dated occurrences of 1.1.
    return n.toLowerCase() === want || n.toLowerCase().startsWith(`${want} (`);
  }
  const words = keyText(title).split(' ');
  const need = stems(spec);
  return need.length > 0 && need.every((s) => words.some((w) => w.startsWith(s)));
}

/** The fingerprint part: a change of what is matched re-reads the schools' roadmaps. */
export function reportsFingerprint(items: readonly ReportItem[]): string {
  return items.map((i) => i.id).join(',');
}

export type ReportState = 'onTime' | 'late' | 'doneUndated' | 'overdue' | 'pending' | 'noActivity' | 'noRoadmap';

export interface ReportCheck {
  state: ReportState;
  text: string;
}

/** One school × one report row, on `today` (ISO). */
export function checkReport(
  item: ReportItem,
  progress: { matched: number; done: number; lastDone: string | null } | null,
  hasRoadmap: boolean,
  today: string,
): ReportCheck {
  const t = M.reports.state;
  if (!hasRoadmap) return { state: 'noRoadmap', text: t.noRoadmap };
  if (!progress || progress.matched === 0) return { state: 'noActivity', text: t.noActivity };
  const { matched, done, lastDone } = progress;
  if (done === matched) {
    if (lastDone === null) return { state: 'doneUndated', text: t.doneUndated };
    return lastDone <= item.due ? { state: 'onTime', text: t.onTime(ruDate(lastDone)) } : { state: 'late', text: t.late(ruDate(lastDone)) };
  }
  return item.due < today ? { state: 'overdue', text: t.overdue(done, matched) } : { state: 'pending', text: t.pending(done, matched) };
}
