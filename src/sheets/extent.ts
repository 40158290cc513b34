// The rectangle a spec occupies: its values and everything placed by range. Every per-cell layer is
// written over this one block, so formats or notes reaching past the last value still land.
import { type Rect, type SheetSpec, specWidth } from '../core/output/spec';

export interface Extent {
  rows: number;
  cols: number;
}

export function specExtent(spec: SheetSpec): Extent {
  let rows = spec.values.length;
  let cols = specWidth(spec);
  const cover = (r: Rect) => {
    if (r.rows <= 0 || r.cols <= 0) return;
    rows = Math.max(rows, r.row + r.rows);
    cols = Math.max(cols, r.col + r.cols);
  };
  for (const f of spec.formats ?? []) cover(f.range);
  for (const v of spec.validations ?? []) cover(v.range);
  for (const r of spec.rules ?? []) cover(r.range);
  for (const m of spec.merges ?? []) cover(m);
  for (const n of spec.notes ?? []) cover({ row: n.row, col: n.col, rows: 1, cols: 1 });
  for (const c of spec.charts ?? []) {
    cover(c.data);
    cover({ row: c.anchor.row, col: c.anchor.col, rows: 1, cols: 1 });
  }
  return { rows, cols };
}

/** Calls `fn` for each cell of `r` clipped to the extent, with the cell's flat index. */
export function eachCell(r: Rect, ext: Extent, fn: (i: number) => void): void {
  const r1 = Math.min(r.row + r.rows, ext.rows);
  const c1 = Math.min(r.col + r.cols, ext.cols);
  for (let row = Math.max(0, r.row); row < r1; row++) {
    for (let col = Math.max(0, r.col); col < c1; col++) fn(row * ext.cols + col);
  }
}

/** A flat per-cell array as the 2-D array Range setters take. */
export function toGrid<T>(flat: readonly T[], ext: Extent): T[][] {
  const out: T[][] = new Array(ext.rows);
  for (let r = 0; r < ext.rows; r++) out[r] = flat.slice(r * ext.cols, (r + 1) * ext.cols);
  return out;
}
