// Roadmap execution of a school, read from its roadmap tabs («Дорожная карта · …», «ДК · …»,
// src/core/roadmap): how many activities are done, in progress, not started and cancelled (archive rows
// excluded — the same count the school's «Исполнение» tab makes), the deadlines of the open ones (so
// that the district counts what is overdue on the day it looks, not on the day it read), and what the
// district's «Сроки отчётов» rows find in them.
import { cellText, type Grid, norm } from '../grid';
import type { Problem } from '../problems';
import { STATUSES } from '../roadmap/columns';
import { BLOCK_ARCHIVE } from '../roadmap/keys';
import { readRoadmapTab } from '../roadmap/tab-read';
import { S } from '../strings';
import { isRoadmapTab as isRoadmapTabName } from '../tabs';
import { cellDate, matchesActivity, type ReportItem } from './reports';
import type { ReportProgress, RoadmapProgress } from './schema';

export function isRoadmapTab(name: string): boolean {
  return isRoadmapTabName(name) || norm(name).startsWith(norm(S.tabs.roadmap));
}

export function roadmapProgress(grids: readonly Grid[], reports: readonly ReportItem[] = []): RoadmapProgress | null {
  const [todo, doing, done, cancelled] = STATUSES.map((s) => norm(s));
  const out: RoadmapProgress = {
    tabs: [],
    total: 0,
    done: 0,
    doing: 0,
    todo: 0,
    cancelled: 0,
    percent: null,
    open: [],
    openUndated: 0,
    reports: [],
  };
  const found = new Map<string, { matched: number; done: number; dates: (string | null)[] }>(
    reports.map((r) => [r.id, { matched: 0, done: 0, dates: [] }]),
  );
  for (const g of grids) {
    if (!isRoadmapTab(g.name)) continue;
    const problems: Problem[] = [];
    const tab = readRoadmapTab(g, problems);
    if (!tab) continue;
    out.tabs.push(g.name);
    for (const r of tab.rows) {
      if (tab.archiveRow !== null && r.row >= tab.archiveRow) break;
      if (r.key.startsWith('blk:') || r.key === BLOCK_ARCHIVE) continue;
      const st = norm(cellText(r.cells.status));
      if (st === cancelled) {
        out.cancelled++;
        continue;
      }
      if (st !== done && st !== doing && st !== todo) continue;
      if (st === done) out.done++;
      else if (st === doing) out.doing++;
      else out.todo++;
      if (st !== done) {
        const end = cellDate(r.cells.end);
        if (end) out.open.push(end);
        else out.openUndated++;
      }
      if (reports.length === 0) continue;
      const number = cellText(r.cells.number);
      const title = cellText(r.cells.title);
      for (const item of reports) {
        if (!matchesActivity(item, number, title)) continue;
        const f = found.get(item.id) as { matched: number; done: number; dates: (string | null)[] };
        f.matched++;
        if (st === done) {
          f.done++;
          f.dates.push(cellDate(r.cells.doneDate));
        }
      }
    }
  }
  if (out.tabs.length === 0) return null;
  out.total = out.done + out.doing + out.todo;
  out.percent = out.total > 0 ? (out.done / out.total) * 100 : null;
  out.open.sort();
  out.reports = reports.map((item): ReportProgress => {
    const f = found.get(item.id) as { matched: number; done: number; dates: (string | null)[] };
    const dated = f.dates.every((d) => d !== null) && f.dates.length > 0;
    const sorted = (f.dates as string[]).slice().sort();
    const lastDone = dated && f.done === f.matched ? (sorted[sorted.length - 1] as string) : null;
    return { id: item.id, matched: f.matched, done: f.done, lastDone };
  });
  return out;
}

/** Overdue and next deadline of a school's roadmaps on `today` (ISO). */
export function deadlinesOn(p: RoadmapProgress, today: string): { overdue: number; next: string | null } {
  let overdue = 0;
  let next: string | null = null;
  for (const d of p.open) {
    if (d < today) overdue++;
    else if (next === null) next = d;
  }
  return { overdue, next };
}
