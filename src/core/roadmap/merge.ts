// Regeneration that keeps people's work. The new rows come from the template and the analysis; what
// users typed in the old tab (status, completion date, link, comment, and any column they added) is
// carried over by stable key. Nothing typed is ever dropped:
// - a generated row that is no longer generated (the template or the analysis changed) moves to the
//   «Архив» block with everything it had;
// - a row without a key (added by hand) stays right below the keyed row it followed; when that row is
//   gone, or the hand-made row sat in the archive, it goes to the «Добавлено вручную» block;
// - an archived row whose key is generated again comes back to its place with its marks.
import type { CellValue } from '../grid';
import { STATUS, USER_COLUMNS } from './columns';
import { BLOCK_ARCHIVE, BLOCK_MANUAL, keyKind } from './keys';
import type { PlannedRow } from './plan';
import type { RoadmapTabRead, TabRow } from './tab-read';

export type OutKind = PlannedRow['kind'] | 'block' | 'manual' | 'archived';

export type UserCells = Partial<Record<'status' | 'doneDate' | 'link' | 'comment', CellValue>>;

export interface OutRow {
  kind: OutKind;
  key: string;
  /** Generated rows. */
  planned?: PlannedRow;
  /** Manual and archived rows: the row as it was in the old tab. */
  old?: TabRow;
  /** Block title rows: which block. */
  block?: 'manual' | 'archive';
  user: UserCells;
  /** Cells of columns the user added, by label. */
  extra: Record<string, CellValue>;
  /** A generated row that had no counterpart in the old tab. */
  isNew: boolean;
}

export interface MergeStats {
  /** Generated rows that got the user's marks back (anything beyond the default «Не начато»). */
  kept: number;
  /** Activity rows new in this generation. */
  fresh: number;
  archived: number;
  manual: number;
  /** Archived rows that came back. */
  restored: number;
}

export interface MergeResult {
  rows: OutRow[];
  extraLabels: string[];
  stats: MergeStats;
}

function userCells(row: TabRow | undefined): UserCells {
  const out: UserCells = {};
  if (!row) return out;
  for (const id of USER_COLUMNS) {
    const v = row.cells[id];
    if (v !== undefined && v !== null && v !== '') out[id as keyof UserCells] = v;
  }
  return out;
}

function hasUserInput(row: TabRow): boolean {
  return Object.keys(userCells(row)).length > 0 || Object.keys(row.extra).length > 0;
}

export function mergeRoadmap(plan: readonly PlannedRow[], old: RoadmapTabRead | null): MergeResult {
  const stats: MergeStats = { kept: 0, fresh: 0, archived: 0, manual: 0, restored: 0 };
  const oldRows = old?.rows ?? [];
  const byKey = new Map(oldRows.filter((r) => r.key !== '').map((r) => [r.key, r] as const));
  const planKeys = new Set(plan.map((p) => p.key));
  const archiveFrom = old?.archiveRow ?? Number.POSITIVE_INFINITY;

  // Hand-made rows, grouped by the keyed row they follow; orphans go to the «Добавлено вручную» block.
  const anchored = new Map<string, TabRow[]>();
  const orphans: TabRow[] = [];
  let anchor: string | null = null;
  for (const r of oldRows) {
    if (r.key !== '') {
      anchor = r.key;
      continue;
    }
    const usable = anchor !== null && r.row < archiveFrom && planKeys.has(anchor);
    if (usable) anchored.set(anchor as string, [...(anchored.get(anchor as string) ?? []), r]);
    else orphans.push(r);
  }

  const rows: OutRow[] = [];
  const manualRow = (r: TabRow): OutRow => {
    stats.manual++;
    return { kind: 'manual', key: '', old: r, user: userCells(r), extra: r.extra, isNew: false };
  };
  for (const p of plan) {
    const prev = byKey.get(p.key);
    const user = userCells(prev);
    if (!prev && p.kind === 'activity') user.status = STATUS.todo;
    if (prev && Object.entries(user).some(([k, v]) => k !== 'status' || v !== STATUS.todo)) stats.kept++;
    if (prev && prev.row > archiveFrom) stats.restored++;
    if (!prev && p.kind === 'activity') stats.fresh++;
    rows.push({ kind: p.kind, key: p.key, planned: p, user, extra: prev?.extra ?? {}, isNew: !prev });
    for (const m of anchored.get(p.key) ?? []) rows.push(manualRow(m));
  }

  const archived: OutRow[] = [];
  for (const r of oldRows) {
    if (r.key === '' || planKeys.has(r.key)) continue;
    const kind = keyKind(r.key);
    if (kind === 'blk') continue;
    // Section, tasks and indicator rows hold nothing of the user's unless they typed into them.
    if ((kind === 'sec' || kind === 'tsk' || kind === 'ind') && !hasUserInput(r)) continue;
    stats.archived++;
    archived.push({ kind: 'archived', key: r.key, old: r, user: userCells(r), extra: r.extra, isNew: false });
  }

  if (orphans.length > 0) {
    rows.push({ kind: 'block', key: BLOCK_MANUAL, block: 'manual', user: {}, extra: {}, isNew: false });
    for (const r of orphans) rows.push(manualRow(r));
  }
  if (archived.length > 0) {
    rows.push({ kind: 'block', key: BLOCK_ARCHIVE, block: 'archive', user: {}, extra: {}, isNew: false });
    rows.push(...archived);
  }
  return { rows, extraLabels: old?.extraLabels ?? [], stats };
}
