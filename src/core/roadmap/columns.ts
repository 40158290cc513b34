// The columns of a roadmap tab, in order. Columns are found by their header labels when a tab is
// read back, so a column the user moved or inserted does not break regeneration.
import { S } from '../strings';

export const COLUMN_IDS = [
  'number',
  'stage',
  'title',
  'participants',
  'start',
  'end',
  'responsible',
  'result',
  'format',
  'status',
  'doneDate',
  'link',
  'comment',
  'key',
  'overdue',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** What users type: kept across regenerations, matched by key. */
export const USER_COLUMNS: readonly ColumnId[] = ['status', 'doneDate', 'link', 'comment'];

/** 0-based position of each column in a tab ОКО writes. */
export const COL: Record<ColumnId, number> = Object.fromEntries(COLUMN_IDS.map((id, i) => [id, i])) as Record<ColumnId, number>;

/** The statuses of an activity, by meaning (the texts users pick from the dropdown). */
export const STATUS = {
  todo: S.roadmap.status.todo,
  doing: S.roadmap.status.doing,
  done: S.roadmap.status.done,
  cancelled: S.roadmap.status.cancelled,
} as const;
/** The same, in the dropdown's order. */
export const STATUSES = [STATUS.todo, STATUS.doing, STATUS.done, STATUS.cancelled] as const;

export function columnLabel(id: ColumnId): string {
  return S.roadmap.columns[id];
}
