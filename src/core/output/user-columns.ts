// Columns users type into on an analytic tab («Что сделано», «Комментарий», «Результат проверки»).
// The tab is still built fresh and replaced whole on every run; what users typed is carried over
// from the previous version of the tab (`WorkbookData.generated`) by a stable key per row:
// - the builder writes the header from column ids, with the ids in a hidden row above it, and on each
//   row its key in the «Ключ (не менять)» column;
// - `keepUserColumns` finds the columns of the old and the new tab by those ids (so a column the user
//   moved, or a label renamed since, still reads; a tab of an older version without the ids row is
//   read by the current labels), puts each key's cells back into the new row with that key, and moves
//   keys that are gone, with their text, to an «Архив заметок» block at the bottom (never dropped);
//   an archived key that comes back gets its notes back in its row;
// - an old tab without the key column (an older version of ОКО) has nothing to keep: no error.
// Hosts read these tabs with their values: `keepsUserInput` (tabs.ts) is true for every tab here.
import { type CellValue, cellText, type Grid, isEmpty, norm } from '../grid';
import { isoFromDate } from '../roadmap/dates';
import { S } from '../strings';
import { COLORS } from './builder';
import { type ColumnId, columnLabel, ID_PREFIX, type TableName } from './columns';
import type { NoteSpec, RangeFormat, SheetSpec, SpecCell } from './spec';

/** The columns of a tab users type into, by id in the tab's column table (strings/columns.ts). */
export interface UserColumns {
  table: TableName;
  /** The row key's column. */
  key: string;
  /** The columns users fill, in order. */
  user: readonly string[];
  /** Columns an archived row keeps (where the new tab has them), so it still says what it was about. */
  context: readonly string[];
  /** The column that carries the archive block's title. */
  titleAt: string;
}

/** A `UserColumns` whose ids are checked against its table. */
interface TypedUserColumns<T extends TableName> extends UserColumns {
  table: T;
  key: ColumnId<T>;
  user: readonly ColumnId<T>[];
  context: readonly ColumnId<T>[];
  titleAt: ColumnId<T>;
}

/** «Группа риска»: one row per student (key: the linked person, see `riskRowKey`). */
export const RISK_USER_COLUMNS: TypedUserColumns<'risk'> = {
  table: 'risk',
  key: 'key',
  user: ['done', 'comment'],
  context: ['school', 'className', 'code', 'name', 'subjects', 'teacher'],
  titleAt: 'code',
};

/** «Объективность», first table: one row per group × procedure (key: `objectivityRowKey`). */
export const OBJECTIVITY_USER_COLUMNS: TypedUserColumns<'objectivity'> = {
  table: 'objectivity',
  key: 'key',
  user: ['checkResult', 'comment'],
  context: ['procedure', 'group', 'kind'],
  titleAt: 'procedure',
};

const BY_TAB = new Map<string, UserColumns>([
  [norm(S.tabs.risk), RISK_USER_COLUMNS],
  [norm(S.tabs.objectivity), OBJECTIVITY_USER_COLUMNS],
]);

/** The user columns of a generated tab, or undefined when the tab has none. */
export function userColumnsOf(tab: string): UserColumns | undefined {
  return BY_TAB.get(norm(tab));
}

/** The labels of the user columns, for the tab's legend. */
export function userLabels(cols: UserColumns): string[] {
  return cols.user.map((id) => label(cols, id));
}

const label = (cols: UserColumns, id: string) => columnLabel(cols.table, id as never);

const HEADER_SCAN = 40;
const USER_HEADER_BG = '#fff2cc';
const ARCHIVE_BG = '#e6e6e6';
const USER_WIDTH = 260;
const KEY_WIDTH = 130;

interface Layout {
  /** 0-based header row. */
  header: number;
  key: number;
  /** Column of each user column (-1: not on this tab). */
  user: number[];
  /** Column of each context column found, by id. */
  context: Map<string, number>;
}

const cellKey = (v: unknown) => (typeof v === 'object' && v !== null && !(v instanceof Date) ? '' : norm(v));

/**
 * Where the key, user and context columns are. A tab this version wrote carries the column ids in a
 * hidden row above the header («oko:key», «oko:done»): they move with their columns and do not
 * change when a label is renamed. A tab of an older version has no such row: its header is the first
 * row (within the first rows) with the key's label and at least one user column's label.
 */
function layoutOf(rows: readonly (readonly unknown[])[], cols: UserColumns): Layout | null {
  const scan = Math.min(rows.length, HEADER_SCAN);
  const byIds = (r: number): Layout | null => {
    const cells = (rows[r] ?? []).map(cellKey);
    const at = (id: string) => cells.indexOf(norm(`${ID_PREFIX}${id}`));
    const key = at(cols.key);
    if (key < 0) return null;
    const context = new Map<string, number>();
    for (const id of cols.context) if (at(id) >= 0) context.set(id, at(id));
    return { header: r + 1, key, user: cols.user.map(at), context };
  };
  const byLabels = (r: number): Layout | null => {
    const labels = (rows[r] ?? []).map(cellKey);
    const at = (id: string) => labels.indexOf(norm(label(cols, id)));
    const key = at(cols.key);
    const user = cols.user.map(at);
    if (key < 0 || user.every((c) => c < 0)) return null;
    const context = new Map<string, number>();
    for (const id of cols.context) if (at(id) >= 0) context.set(id, at(id));
    return { header: r, key, user, context };
  };
  for (let r = 0; r < scan; r++) {
    const l = byIds(r);
    if (l) return l;
  }
  for (let r = 0; r < scan; r++) {
    const l = byLabels(r);
    if (l) return l;
  }
  return null;
}

/** What one key held on the old tab. */
export interface KeptRow {
  key: string;
  /** Cells of the user columns, in `UserColumns.user` order (null: empty). */
  user: CellValue[];
  /** What the row was about, by context column id. */
  context: Map<string, CellValue>;
}

const rawText = (v: CellValue): string => (v instanceof Date ? isoFromDate(v) : String(v));

/**
 * Reads what users typed into the old tab, by key, in the tab's order (the archive block included).
 * Rows without a key or with nothing typed are skipped; a key found twice (a copied row) keeps the
 * text of both. An old tab without the key column gives nothing.
 */
export function readUserColumns(old: Grid | undefined, cols: UserColumns): Map<string, KeptRow> {
  const out = new Map<string, KeptRow>();
  const l = old ? layoutOf(old.values, cols) : null;
  if (!old || !l) return out;
  const keyLabel = norm(label(cols, cols.key));
  for (const row of old.values.slice(l.header + 1)) {
    const key = cellText(row[l.key]);
    if (key === '' || norm(key) === keyLabel) continue;
    const user = l.user.map((c) => (c < 0 || isEmpty(row[c]) ? null : (row[c] as CellValue)));
    if (user.every((v) => v === null)) continue;
    const prev = out.get(key);
    if (prev) {
      prev.user = prev.user.map((a, i) => {
        const b = user[i] ?? null;
        if (a === null || b === null) return a ?? b;
        return rawText(a) === rawText(b) ? a : `${rawText(a)}\n${rawText(b)}`;
      });
      continue;
    }
    const context = new Map<string, CellValue>();
    for (const [label, c] of l.context) if (!isEmpty(row[c])) context.set(label, row[c] as CellValue);
    out.set(key, { key, user, context });
  }
  return out;
}

function specValue(v: CellValue): SpecCell {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : { date: isoFromDate(v) };
  return v;
}

function put(values: SpecCell[][], r: number, c: number, v: SpecCell): void {
  while (values.length <= r) values.push([]);
  const row = values[r] as SpecCell[];
  while (row.length < c) row.push(null);
  row[c] = v;
}

/**
 * Puts what users typed into the previous version of the tab (`old`, as the host read it) back into
 * the freshly built `spec`, by key; keys that are gone go to the «Архив заметок» block at the bottom.
 * Also marks the user columns (header colour, wrap, widths) and explains the key column in a note.
 * Keys repeated in `spec` get «#2», «#3»… so that every row has its own.
 */
export function keepUserColumns(spec: SheetSpec, cols: UserColumns, old: Grid | undefined): SheetSpec {
  const l = layoutOf(spec.values, cols);
  if (!l) throw new Error(`«${spec.name}»: no header row with the column «${cols.key}»`);
  const kept = readUserColumns(old, cols);
  const values = spec.values.map((r) => [...r]);
  const formats: RangeFormat[] = [...(spec.formats ?? [])];
  const notes: NoteSpec[] = [...(spec.notes ?? [])];
  const userCols = l.user.filter((c) => c >= 0);
  const fill = (r: number, user: readonly CellValue[]) => {
    l.user.forEach((c, i) => {
      const v = user[i] ?? null;
      if (c >= 0 && v !== null) put(values, r, c, specValue(v));
    });
  };

  const seen = new Map<string, number>();
  let first = -1;
  let last = -1;
  for (let r = l.header + 1; r < values.length; r++) {
    const raw = values[r]?.[l.key];
    if (typeof raw !== 'string' || raw === '') continue;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    const key = n === 1 ? raw : `${raw}#${n}`;
    if (n > 1) put(values, r, l.key, key);
    if (first < 0) first = r;
    last = r;
    const prev = kept.get(key);
    if (!prev) continue;
    kept.delete(key);
    fill(r, prev.user);
  }

  for (const c of userCols) formats.push({ range: { row: l.header, col: c, rows: 1, cols: 1 }, bold: true, background: USER_HEADER_BG });
  formats.push({ range: { row: l.header, col: l.key, rows: 1, cols: 1 }, bold: true, background: COLORS.headerBg });
  notes.push({ row: l.header, col: l.key, text: S.notes.keyNote });
  if (first >= 0) {
    for (const c of userCols) formats.push({ range: { row: first, col: c, rows: last - first + 1, cols: 1 }, wrap: true });
    formats.push({ range: { row: first, col: l.key, rows: last - first + 1, cols: 1 }, fontColor: COLORS.muted });
  }

  if (kept.size > 0) {
    const width = Math.max(...values.map((r) => r.length));
    const titleCol = l.context.get(cols.titleAt) ?? 0;
    const title = values.length + 1;
    put(values, title, titleCol, S.notes.archive);
    formats.push({ range: { row: title, col: 0, rows: 1, cols: width }, bold: true, background: ARCHIVE_BG });
    const head = title + 1;
    for (const [id, c] of l.context) put(values, head, c, label(cols, id));
    put(values, head, l.key, label(cols, cols.key));
    cols.user.forEach((id, i) => {
      const c = l.user[i] as number;
      if (c >= 0) put(values, head, c, label(cols, id));
    });
    formats.push({ range: { row: head, col: 0, rows: 1, cols: width }, bold: true, background: COLORS.headerBg });
    let r = head + 1;
    for (const row of kept.values()) {
      for (const [id, c] of l.context) {
        const v = row.context.get(id);
        if (v !== undefined) put(values, r, c, specValue(v));
      }
      put(values, r, l.key, row.key);
      fill(r, row.user);
      r++;
    }
    const rows = r - head - 1;
    formats.push({ range: { row: head + 1, col: 0, rows, cols: width }, fontColor: COLORS.muted });
    for (const c of userCols) formats.push({ range: { row: head + 1, col: c, rows, cols: 1 }, wrap: true });
  }

  const columnWidths = { ...(spec.columnWidths ?? {}) };
  for (const c of userCols) columnWidths[c] ??= USER_WIDTH;
  columnWidths[l.key] ??= KEY_WIDTH;
  return { ...spec, values, formats, notes, columnWidths };
}

/** A freshly built tab with what users typed into its previous version (among `generated`) put back. */
export function withUserInput(spec: SheetSpec, generated: readonly Grid[]): SheetSpec {
  const cols = userColumnsOf(spec.name);
  if (!cols) return spec;
  return keepUserColumns(
    spec,
    cols,
    generated.find((g) => norm(g.name) === norm(spec.name)),
  );
}
