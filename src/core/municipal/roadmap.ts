// Roadmap execution of a school, read from its «Дорожная карта — …» tabs (src/core/roadmap): the share
// of «Выполнено» among activities with a status other than «Отменено», archive rows excluded — the same
// count the school's «Исполнение» tab makes.
import { cellText, type Grid, norm } from '../grid';
import type { Problem } from '../problems';
import { STATUSES } from '../roadmap/columns';
import { BLOCK_ARCHIVE } from '../roadmap/keys';
import { readRoadmapTab } from '../roadmap/tab-read';
import { S } from '../strings';
import type { RoadmapProgress } from './schema';

export function isRoadmapTab(name: string): boolean {
  return norm(name).startsWith(norm(S.tabs.roadmap));
}

export function roadmapProgress(grids: readonly Grid[]): RoadmapProgress | null {
  const [todo, doing, done, cancelled] = STATUSES.map((s) => norm(s));
  const out: RoadmapProgress = { tabs: [], total: 0, done: 0, doing: 0, todo: 0, cancelled: 0, percent: null };
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
      if (st === done) out.done++;
      else if (st === doing) out.doing++;
      else if (st === todo) out.todo++;
      else if (st === cancelled) out.cancelled++;
    }
  }
  if (out.tabs.length === 0) return null;
  out.total = out.done + out.doing + out.todo;
  out.percent = out.total > 0 ? (out.done / out.total) * 100 : null;
  return out;
}
