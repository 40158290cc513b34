// Every tab the add-on generates, in one list: such tabs are never read as input, are replaced whole
// on each run, and are deleted when a run no longer produces them. A trailing * is a name prefix.
import { norm } from '../grid';
import { S } from '../strings';
import { userColumnsOf } from './user-columns';

const GENERATED: readonly string[] = [
  `${S.tabs.matrix}*`,
  S.tabs.byClass,
  S.tabs.report,
  S.tabs.markStats,
  S.tabs.distribution,
  S.tabs.tasksByMark,
  S.tabs.risk,
  S.tabs.dynamics,
  S.tabs.objectivity,
  // Roadmap feature (src/core/roadmap): see keepsUserInput / isRoadmapOwned below.
  `${S.tabs.roadmap} ·*`,
  `${S.tabs.roadmapShort} ·*`,
  S.tabs.execution,
  S.tabs.roadmapTemplate,
];

const exact = new Set<string>();
const prefixes: string[] = [];
for (const n of GENERATED) {
  if (n.endsWith('*')) prefixes.push(norm(n.slice(0, -1)));
  else exact.add(norm(n));
}

export function isGeneratedTab(name: string): boolean {
  const n = norm(name);
  return exact.has(n) || prefixes.some((p) => n.startsWith(p));
}

/** «Дорожная карта · ВПР-2026 МА 5», «ДК · …»: one roadmap tab per procedure. */
export function isRoadmapTab(name: string): boolean {
  const n = norm(name);
  return n.startsWith(norm(`${S.tabs.roadmap} ·`)) || n.startsWith(norm(`${S.tabs.roadmapShort} ·`));
}

/**
 * Generated tabs that hold what users typed: roadmap tabs (statuses, dates, links, comments), the
 * template sheet «Шаблон дорожной карты», and the analytic tabs with user columns («Группа риска»,
 * «Объективность»: notes kept by key, see user-columns.ts). Hosts MUST read these with their values
 * (the core reads them from `WorkbookData.generated`), and no run deletes them as stale.
 */
export function keepsUserInput(name: string): boolean {
  return isRoadmapTab(name) || norm(name) === norm(S.tabs.roadmapTemplate) || userColumnsOf(name) !== undefined;
}

/**
 * Tabs the roadmap command owns (roadmap tabs, the template sheet and «Исполнение»): an analysis run
 * neither replaces nor deletes them.
 */
export function isRoadmapOwned(name: string): boolean {
  return isRoadmapTab(name) || norm(name) === norm(S.tabs.roadmapTemplate) || norm(name) === norm(S.tabs.execution);
}
