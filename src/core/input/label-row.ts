// The header row of a small sheet the user keeps by hand («План заданий», «Шкала отметок», «Шкалы ГИА»,
// «Соответствие кодов», «Классы и учителя»):
// found by its labels, wherever the user put it among the first rows (a title or a note may come first).
import { type Grid, norm } from '../grid';

/** How far down a hand-kept sheet's header may be. */
const SEARCH_ROWS = 20;

/**
 * The first row among the first 20 where every `required` column has a label its test accepts (labels
 * compared lower-case, without dots and colons: «Ученик:» is «ученик»); each column id takes the first
 * matching cell, left to right. Optional columns found on that row are returned too. Null: no such row.
 */
export function findLabelRow(
  grid: Grid,
  tests: Readonly<Record<string, (label: string) => boolean>>,
  required: readonly string[],
): { row: number; cols: Record<string, number> } | null {
  for (let r = 0; r < Math.min(grid.values.length, SEARCH_ROWS); r++) {
    const found: Record<string, number> = {};
    (grid.values[r] ?? []).forEach((v, c) => {
      const h = norm(v).replace(/[.:]/g, '').trim();
      for (const [k, test] of Object.entries(tests)) if (found[k] === undefined && h && test(h)) found[k] = c;
    });
    if (required.every((k) => found[k] !== undefined)) return { row: r, cols: found };
  }
  return null;
}
