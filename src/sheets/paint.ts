// Paints a SheetSpec onto a fresh, empty sheet with a number of calls that does not depend on the
// number of rows: one block range, one call per cell property over the whole block, one call for all
// conditional rules; only column-width runs, merges and charts add calls, and those are counted by
// the spec's shape, never by its rows.
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
import { widthRuns } from './widths';

/** insertSheet gives a 1000 × 26 grid; sizing from these saves two getMax* reads per tab. */
export const FRESH_ROWS = 1000;
export const FRESH_COLS = 26;
/** Sheets' default row height: charts float over rows, which must exist below their anchor. */
const ROW_PX = 21;
const DEFAULT_CHART_PX = 371;

export function paintSheet(sheet: SheetLike, spec: SheetSpec): void {
  const app = spreadsheetApp();
  const ext = specExtent(spec);
  sizeSheet(sheet, spec, ext);
  if (ext.rows > 0 && ext.cols > 0) {
    const block = sheet.getRange(1, 1, ext.rows, ext.cols);
    const rangeOf = rangeSource(sheet, block, ext, spec);
    block.setValues(valueGrid(spec.values, ext));
    const layers = buildLayers(spec, ext, () => app.newTextStyle());
    if (layers.numberFormats) block.setNumberFormats(layers.numberFormats);
    if (layers.textStyles) block.setTextStyles(layers.textStyles);
    if (layers.backgrounds) block.setBackgrounds(layers.backgrounds);
    if (layers.horizontal) block.setHorizontalAlignments(layers.horizontal);
    if (layers.wraps) block.setWraps(layers.wraps);
    if (layers.vertical) block.setVerticalAlignments(layers.vertical);
    const notes = noteGrid(spec, ext);
    if (notes) block.setNotes(notes);
    const validations = validationGrid(spec, ext, () => app.newDataValidation());
    if (validations) block.setDataValidations(validations);
    if (spec.rules?.length) sheet.setConditionalFormatRules(buildRules(spec.rules, rangeOf, () => app.newConditionalFormatRule()));
    for (const m of spec.merges ?? []) if (m.rows * m.cols > 1) rangeOf(m).merge();
    for (const c of spec.charts ?? []) sheet.insertChart(buildChart(sheet.newChart(), c, rangeOf));
  }
  if (spec.frozenRows) sheet.setFrozenRows(spec.frozenRows);
  if (spec.frozenCols) sheet.setFrozenColumns(spec.frozenCols);
  for (const run of widthRuns(spec.columnWidths)) sheet.setColumnWidths(run.start, run.count, run.px);
  if (spec.tabColor) sheet.setTabColor(spec.tabColor);
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

/**
 * Exactly as many rows as the tab needs (one call whatever the row count: grow or trim), so the
 * tab ends where its data ends; columns only grow, because long text overflows into empty columns.
 */
function sizeSheet(sheet: SheetLike, spec: SheetSpec, ext: Extent): void {
  let rows = Math.max(ext.rows, (spec.frozenRows ?? 0) + 1, 1);
  for (const c of spec.charts ?? []) rows = Math.max(rows, c.anchor.row + Math.ceil((c.height ?? DEFAULT_CHART_PX) / ROW_PX) + 1);
  if (rows > FRESH_ROWS) sheet.insertRowsAfter(FRESH_ROWS, rows - FRESH_ROWS);
  else if (rows < FRESH_ROWS) sheet.deleteRows(rows + 1, FRESH_ROWS - rows);
  const widest = Math.max(0, ...widthRuns(spec.columnWidths).map((r) => r.start + r.count - 1));
  const cols = Math.max(ext.cols, (spec.frozenCols ?? 0) + 1, widest);
  if (cols > FRESH_COLS) sheet.insertColumnsAfter(FRESH_COLS, cols - FRESH_COLS);
}
