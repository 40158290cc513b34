// The weekly e-mail digest (optional, off by default): per responsible, what is overdue, what is due
// in the coming days and what is in progress, read from the roadmap tabs as they are now. The core
// builds the texts; sending them (MailApp) and the weekly trigger (ScriptApp) belong to the Apps
// Script side, see docs/roadmap.md.
import { type CellValue, cellText, norm } from '../grid';
import { S } from '../strings';
import { STATUS } from './columns';
import { addDays, isoFromDate, parts, ruDate } from './dates';
import type { RoadmapTabRead } from './tab-read';

export interface DigestItem {
  tab: string;
  row: number;
  number: string;
  title: string;
  /** ISO; null when the deadline is text. */
  end: string | null;
  status: string;
}

export interface DigestEntry {
  responsible: string;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
  inProgress: DigestItem[];
  subject: string;
  text: string;
}

const { doing: DOING, done: DONE, cancelled: CANCELLED } = STATUS;

/** The Monday of the week that contains `today` (ISO dates): the digest is sent at most once a week per address. */
export function weekStart(today: string): string {
  const [y, m, d] = parts(today);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(today, -weekday);
}

function dateOf(v: CellValue | undefined): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return null;
}

/**
 * Digest entries for every responsible with something to report, from the active part of the
 * roadmap tabs (the archive is skipped). Responsibles are grouped by the exact text of the cell.
 */
export function buildDigest(tabs: readonly RoadmapTabRead[], today: string, horizonDays = 7): DigestEntry[] {
  const soon = addDays(today, horizonDays);
  const by = new Map<string, { overdue: DigestItem[]; dueSoon: DigestItem[]; inProgress: DigestItem[] }>();
  for (const t of tabs) {
    for (const r of t.rows) {
      if (t.archiveRow !== null && r.row >= t.archiveRow) continue;
      const status = cellText(r.cells.status);
      if (status === '' || norm(status) === norm(DONE) || norm(status) === norm(CANCELLED)) continue;
      const who = cellText(r.cells.responsible) || S.execution.digestNoResponsible;
      const item: DigestItem = {
        tab: t.name,
        row: r.row,
        number: cellText(r.cells.number),
        title: cellText(r.cells.title),
        end: dateOf(r.cells.end),
        status,
      };
      const e = by.get(who) ?? { overdue: [], dueSoon: [], inProgress: [] };
      if (item.end !== null && item.end < today) e.overdue.push(item);
      else if (item.end !== null && item.end <= soon) e.dueSoon.push(item);
      else if (norm(status) === norm(DOING)) e.inProgress.push(item);
      else continue;
      by.set(who, e);
    }
  }
  const line = (i: DigestItem) => S.execution.digestItem(i.tab, i.number, i.title, i.end ? ruDate(i.end) : null, i.status, i.row);
  return [...by]
    .sort((a, b) => a[0].localeCompare(b[0], 'ru'))
    .map(([responsible, e]) => {
      const parts = [S.execution.digestHello(responsible, ruDate(today))];
      if (e.overdue.length) parts.push('', S.execution.digestOverdue(e.overdue.length), ...e.overdue.map(line));
      if (e.dueSoon.length) parts.push('', S.execution.digestSoon(e.dueSoon.length, horizonDays), ...e.dueSoon.map(line));
      if (e.inProgress.length) parts.push('', S.execution.digestDoing(e.inProgress.length), ...e.inProgress.map(line));
      parts.push('', S.execution.digestFooter);
      return { responsible, ...e, subject: S.execution.digestSubject(ruDate(today)), text: parts.join('\n') };
    });
}
