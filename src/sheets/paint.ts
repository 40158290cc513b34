// Paints a SheetSpec with a number of calls that does not depend on the number of rows: one block
// range, one call per cell property over the whole block, one call for all conditional rules; only
// column-width runs, merges and charts add calls, and those are counted by the spec's shape, never
// by its rows. Two parts: the cells (what a range copy carries) and the dressing (what it does not),
// so that a kept tab can take a new version's cells by copy and be dressed in place (write.ts).
import { a1 } from '../core/grid';
import type { Rect, SheetSpec } from '../core/output/spec';
import { noteGrid, validationGrid } from './annotations';
import { valueGrid } from './cells';
import { buildChart } from './charts';
import { type Extent, specExtent } from './extent';
import { spreadsheetApp } from './gas';
import { buildLayers } from './layers';
import { buildRules } from './rules';
import type { RangeLike, SheetLike } from './surface';
import { indexRuns, widthRuns } from './widths';

/** insertSheet gives a 1000 × 26 grid; sizing from these saves two getMax* reads per tab. */
export const FRESH_ROWS = 1000;
export const FRESH_COLS = 26;
/** Sheets' default row height: charts float over rows, which must exist below their anchor. */
const ROW_PX = 21;
const DEFAULT_CHART_PX = 371;

export function paintSheet(sheet: SheetLike, spec: SheetSpec): void {
  const ext = specExtent(spec);
  sizeSheet(sheet, spec, ext, { rows: FRESH_ROWS, cols: FRESH_COLS });
  const rangeOf = paintCells(sheet, spec, ext);
  dressSheet(sheet, spec, ext, rangeOf, true);
}

/**
 * What a range copy carries (Google's «PASTE_NORMAL»: values, formulas, formats and merges): the
 * values and every per-cell format over one block, then the merges. Returns the range source the
 * rest of the painting uses.
 */
export function paintCells(sheet: SheetLike, spec: SheetSpec, ext: Extent): (r: Rect) => RangeLike {
  const rangeOf = rangesOn(sheet, spec, ext);
  if (ext.rows === 0 || ext.cols === 0) return rangeOf;
  const app = spreadsheetApp();
  const block = rangeOf({ row: 0, col: 0, rows: ext.rows, cols: ext.cols });
  block.setValues(valueGrid(spec.values, ext));
  const layers = buildLayers(spec, ext, () => app.newTextStyle());
  if (layers.numberFormats) block.setNumberFormats(layers.numberFormats);
  if (layers.textStyles) block.setTextStyles(layers.textStyles);
  if (layers.backgrounds) block.setBackgrounds(layers.backgrounds);
  if (layers.horizontal) block.setHorizontalAlignments(layers.horizontal);
  if (layers.wraps) block.setWraps(layers.wraps);
  if (layers.vertical) block.setVerticalAlignments(layers.vertical);
  for (const m of spec.merges ?? []) if (m.rows * m.cols > 1) rangeOf(m).merge();
  return rangeOf;
}

/**
 * Everything of a tab a range copy does not carry: notes, dropdowns, conditional rules, charts,
 * frozen rows and columns, widths, hidden columns and rows, the tab colour. On a fresh sheet (`fresh`) only what the spec
 * sets is written; on a kept sheet every setting is written, so nothing of the old tab remains.
 */
export function dressSheet(
  sheet: SheetLike,
  spec: SheetSpec,
  ext: Extent,
  rangeOf: (r: Rect) => RangeLike,
  fresh: boolean,
  /** false: frozen panes are already set (a kept tab sets them before its rows are trimmed). */
  panes = true,
): void {
  const app = spreadsheetApp();
  if (ext.rows > 0 && ext.cols > 0) {
    const block = rangeOf({ row: 0, col: 0, rows: ext.rows, cols: ext.cols });
    const notes = noteGrid(spec, ext);
    if (notes) block.setNotes(notes);
    const validations = validationGrid(spec, ext, () => app.newDataValidation());
    if (validations) block.setDataValidations(validations);
  }
  const rules = ext.rows > 0 && ext.cols > 0 ? (spec.rules ?? []) : [];
  if (rules.length || !fresh) sheet.setConditionalFormatRules(buildRules(rules, rangeOf, () => app.newConditionalFormatRule()));
  if (ext.rows > 0 && ext.cols > 0) for (const c of spec.charts ?? []) sheet.insertChart(buildChart(sheet.newChart(), c, rangeOf));
  if (panes && (spec.frozenRows || !fresh)) sheet.setFrozenRows(spec.frozenRows ?? 0);
  if (panes && (spec.frozenCols || !fresh)) sheet.setFrozenColumns(spec.frozenCols ?? 0);
  for (const run of widthRuns(spec.columnWidths)) sheet.setColumnWidths(run.start, run.count, run.px);
  for (const run of indexRuns(spec.hiddenColumns)) sheet.hideColumns(run.start, run.count);
  for (const run of indexRuns(spec.hiddenRows)) sheet.hideRows(run.start, run.count);
  if (spec.tabColor || !fresh) sheet.setTabColor(spec.tabColor ?? null);
}

/** The ranges a spec's painting needs on `sheet`: the block first (one getRange), the rest on demand. */
export function rangesOn(sheet: SheetLike, spec: SheetSpec, ext: Extent): (r: Rect) => RangeLike {
  if (ext.rows === 0 || ext.cols === 0) return (r) => sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols);
  return rangeSource(sheet, sheet.getRange(1, 1, ext.rows, ext.cols), ext, spec);
}

/** Below this many extra ranges, one getRange each is as cheap as fetching them as a list. */
const RANGE_LIST_FROM = 3;

/**
 * Ranges for rules, merges and charts. They are all known up front, so many of them come from one
 * getRangeList instead of one getRange each: the count stays flat however many procedures a tab has.
 */
function rangeSource(sheet: SheetLike, block: RangeLike, ext: Extent, spec: SheetSpec): (r: Rect) => RangeLike {
  const key = (r: Rect) => `${r.row},${r.col},${r.rows},${r.cols}`;
  const isBlock = (r: Rect) => r.row === 0 && r.col === 0 && r.rows === ext.rows && r.cols === ext.cols;
  const wanted = new Map<string, Rect>();
  const want = (r: Rect) => {
    if (r.rows > 0 && r.cols > 0 && !isBlock(r)) wanted.set(key(r), r);
  };
  for (const r of spec.rules ?? []) want(r.range);
  for (const m of spec.merges ?? []) if (m.rows * m.cols > 1) want(m);
  for (const c of spec.charts ?? []) want(c.data);

  const ranges = new Map<string, RangeLike>();
  if (wanted.size >= RANGE_LIST_FROM) {
    const rects = [...wanted.values()];
    const list = sheet.getRangeList(rects.map(rangeA1)).getRanges();
    rects.forEach((r, i) => {
      const range = list[i];
      if (range) ranges.set(key(r), range);
    });
  }
  return (r) => {
    if (isBlock(r)) return block;
    let range = ranges.get(key(r));
    if (!range) ranges.set(key(r), (range = sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols)));
    return range;
  };
}

function rangeA1(r: Rect): string {
  return `${a1(r.row + 1, r.col + 1)}:${a1(r.row + r.rows, r.col + r.cols)}`;
}

/** The grid a tab needs: rows down to its last row (or below its charts), columns to its widest. */
export function neededSize(spec: SheetSpec, ext: Extent): Extent {
  let rows = Math.max(ext.rows, (spec.frozenRows ?? 0) + 1, 1);
  for (const c of spec.charts ?? []) rows = Math.max(rows, c.anchor.row + Math.ceil((c.height ?? DEFAULT_CHART_PX) / ROW_PX) + 1);
  const widest = Math.max(0, ...widthRuns(spec.columnWidths).map((r) => r.start + r.count - 1));
  const hidden = Math.max(0, ...(spec.hiddenColumns ?? []).map((c) => c + 1));
  for (const r of spec.hiddenRows ?? []) rows = Math.max(rows, r + 1);
  return { rows, cols: Math.max(ext.cols, (spec.frozenCols ?? 0) + 1, widest, hidden) };
}

/**
 * Exactly as many rows as the tab needs (one call whatever the row count: grow or trim), so the
 * tab ends where its data ends; columns only grow, because long text overflows into empty columns.
 * `now` is the sheet's current grid (a fresh one is 1000 × 26).
 */
export function sizeSheet(sheet: SheetLike, spec: SheetSpec, ext: Extent, now: Extent): void {
  const { rows, cols } = neededSize(spec, ext);
  if (rows > now.rows) sheet.insertRowsAfter(now.rows, rows - now.rows);
  else if (rows < now.rows) sheet.deleteRows(rows + 1, now.rows - rows);
  if (cols > now.cols) sheet.insertColumnsAfter(now.cols, cols - now.cols);
}
