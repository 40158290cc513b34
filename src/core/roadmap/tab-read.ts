// Reads a roadmap tab back (as the host read it into a Grid): its header, its rows with their keys
// and what users typed. Used to merge a regeneration, to build the dashboard over every roadmap tab
// and for the e-mail digest.
import { type CellValue, cellText, columnLetter, type Grid, isEmpty, norm } from '../grid';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { COLUMN_IDS, type ColumnId, columnLabel, STATUSES } from './columns';
import { BLOCK_ARCHIVE, isValidKey } from './keys';

export interface TabRow {
  /** 1-based row as the user sees it. */
  row: number;
  /** '' for a row without a key (added by hand). */
  key: string;
  cells: Partial<Record<ColumnId, CellValue>>;
  /** Cells of columns the user added, by their header label. */
  extra: Record<string, CellValue>;
}

export interface RoadmapTabRead {
  name: string;
  /** 1-based. */
  headerRow: number;
  /** 0-based column of each label found. */
  columns: Partial<Record<ColumnId, number>>;
  /** Non-empty rows below the header, in order. */
  rows: TabRow[];
  /** 1-based row of the «Архив» block title; null when the tab has no archive. */
  archiveRow: number | null;
  /** 1-based last non-empty row. */
  lastRow: number;
  /** Labels of columns the user added (kept on regeneration, to the right of ОКО's columns). */
  extraLabels: string[];
}

const HEADER_SCAN = 30;
/** Columns whose content is not "what the row says": the key and the overdue helper formula. */
const TECHNICAL: ReadonlySet<ColumnId> = new Set(['key', 'overdue']);

export function findRoadmapHeader(grid: Grid): { row: number; columns: Partial<Record<ColumnId, number>> } | null {
  const want = new Map(COLUMN_IDS.map((id) => [norm(columnLabel(id)), id] as const));
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN); r++) {
    const row = grid.values[r] ?? [];
    const labels = row.map((v) => norm(v));
    if (!labels.includes(norm(columnLabel('title'))) || !labels.includes(norm(columnLabel('status')))) continue;
    const columns: Partial<Record<ColumnId, number>> = {};
    labels.forEach((l, c) => {
      const id = want.get(l);
      if (id !== undefined && columns[id] === undefined) columns[id] = c;
    });
    return { row: r + 1, columns };
  }
  return null;
}

/**
 * Reads a roadmap tab. Problems that make it unsafe to regenerate (no header, no key column, a
 * damaged or repeated key, every key gone) are errors; null is returned when the tab cannot be read.
 */
export function readRoadmapTab(grid: Grid, problems: Problem[]): RoadmapTabRead | null {
  const header = findRoadmapHeader(grid);
  if (!header) {
    problems.push(problem('error', 'roadmap-header', grid.name, S.roadmap.headerMissing));
    return null;
  }
  const keyCol = header.columns.key;
  if (keyCol === undefined) {
    problems.push(problem('error', 'roadmap-key-column', grid.name, S.roadmap.keyColumnMissing, header.row));
    return null;
  }
  const rows: TabRow[] = [];
  const seen = new Map<string, number>();
  let bad = false;
  let archiveRow: number | null = null;
  let lastRow = header.row;
  const statuses = new Set(STATUSES.map((s) => norm(s)));
  // Columns the user added: a label in the header row, or content below it in a column without one.
  const known = new Set(Object.values(header.columns));
  const headerValues = grid.values[header.row - 1] ?? [];
  const width = Math.max(0, ...grid.values.slice(header.row - 1).map((r) => r.length));
  const extraCols: { col: number; label: string }[] = [];
  for (let c = 0; c < width; c++) {
    if (known.has(c)) continue;
    const used = !isEmpty(headerValues[c]) || grid.values.slice(header.row).some((r) => !isEmpty(r[c]));
    if (!used) continue;
    const base = cellText(headerValues[c]) || S.roadmap.columnAt(columnLetter(c + 1));
    let label = base;
    for (let i = 2; extraCols.some((x) => x.label === label); i++) label = `${base} (${i})`;
    extraCols.push({ col: c, label });
  }
  for (let r = header.row; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    const cells: Partial<Record<ColumnId, CellValue>> = {};
    let content = false;
    for (const id of COLUMN_IDS) {
      const c = header.columns[id];
      if (c === undefined) continue;
      const v = values[c];
      if (isEmpty(v)) continue;
      cells[id] = v as CellValue;
      if (!TECHNICAL.has(id)) content = true;
    }
    const extra: Record<string, CellValue> = {};
    for (const x of extraCols) {
      const v = values[x.col];
      if (isEmpty(v)) continue;
      extra[x.label] = v as CellValue;
      content = true;
    }
    const key = cellText(values[keyCol]);
    if (!content && key === '') continue;
    const rowNo = r + 1;
    lastRow = rowNo;
    if (key !== '') {
      if (!isValidKey(key)) {
        problems.push(problem('error', 'roadmap-key-bad', grid.name, S.roadmap.keyBad(key), rowNo, keyCol + 1));
        bad = true;
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(problem('error', 'roadmap-key-duplicate', grid.name, S.roadmap.keyDuplicate(key, first), rowNo, keyCol + 1));
        bad = true;
        continue;
      }
      seen.set(key, rowNo);
      if (key === BLOCK_ARCHIVE) archiveRow = rowNo;
    }
    const status = cells.status;
    if (status !== undefined && !statuses.has(norm(status))) {
      problems.push(
        problem(
          'warning',
          'roadmap-status-unknown',
          grid.name,
          S.roadmap.statusUnknown(cellText(status)),
          rowNo,
          (header.columns.status as number) + 1,
        ),
      );
    }
    rows.push({ row: rowNo, key, cells, extra });
  }
  if (bad) return null;
  if (rows.length > 0 && seen.size === 0) {
    problems.push(problem('error', 'roadmap-keys-missing', grid.name, S.roadmap.keysMissing(rows.length), header.row, keyCol + 1));
    return null;
  }
  return {
    name: grid.name,
    headerRow: header.row,
    columns: header.columns,
    rows,
    archiveRow,
    lastRow,
    extraLabels: extraCols.map((x) => x.label),
  };
}
