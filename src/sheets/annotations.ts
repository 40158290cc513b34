// Notes and dropdown validations as whole-block grids, so each is one Range call however many
// cells carry them. Later entries win on the same cell, as in the xlsx renderer.
import type { SheetSpec } from '../core/output/spec';
import { type Extent, eachCell, toGrid } from './extent';
import type { DataValidationLike, ValidationBuilderLike } from './surface';

export function noteGrid(spec: SheetSpec, ext: Extent): string[][] | null {
  if (!spec.notes?.length) return null;
  const flat: string[] = new Array(ext.rows * ext.cols).fill('');
  for (const n of spec.notes) eachCell({ row: n.row, col: n.col, rows: 1, cols: 1 }, ext, (i) => (flat[i] = n.text));
  return toGrid(flat, ext);
}

export function validationGrid(
  spec: SheetSpec,
  ext: Extent,
  newDataValidation: () => ValidationBuilderLike,
): (DataValidationLike | null)[][] | null {
  if (!spec.validations?.length) return null;
  const flat: (DataValidationLike | null)[] = new Array(ext.rows * ext.cols).fill(null);
  for (const v of spec.validations) {
    // One rule object per validation, shared by all its cells: builders are not free in Apps Script.
    const rule = newDataValidation()
      .requireValueInList([...v.list], true)
      .setAllowInvalid(v.allowInvalid)
      .build();
    eachCell(v.range, ext, (i) => (flat[i] = rule));
  }
  return toGrid(flat, ext);
}
