// Roadmap test helpers: write a roadmap as a host would (SheetSpec → Grid), edit it like a user
// (by key, by row), and regenerate over it.
import type { CellValue, Grid, Workbook } from '../../src/core/grid';
import { COL, type ColumnId } from '../../src/core/roadmap/columns';
import { type RoadmapExtras, type RoadmapRequest, type RoadmapResult, runRoadmap, specToGrid } from '../../src/core/roadmap/run';
import { formRows, formWorkbook } from '../helpers/grids';

export const REQ: RoadmapRequest = {
  template: 'region-model-roadmap',
  year: 2026,
  procedure: 'ВПР, математика, 5 класс',
  resultsDate: '2026-05-15',
  today: '2026-11-23',
};

/** Header is row 4 (1-based); data starts on row 5. */
export const FIRST_DATA = 4;

export function baseWorkbook(): Workbook {
  return formWorkbook();
}

/** The workbook with the result's tabs written over it (replacing tabs of the same name, new ones appended). */
export function written(wb: Workbook, r: RoadmapResult): Workbook {
  if (!r.ok) throw new Error(`roadmap refused: ${r.problems.map((p) => p.message).join('; ')}`);
  const grids = [...wb.grids];
  for (const spec of r.tabs) {
    const g = specToGrid(spec);
    const i = grids.findIndex((x) => x.name === g.name);
    if (i >= 0) grids[i] = g;
    else grids.push(g);
  }
  return { name: wb.name, grids };
}

/**
 * No at-risk or objectivity rows unless a test hands some in: the hand-counted expectations of these
 * tests cover the template and the deficit rows. test/roadmap/findings-wiring.test.ts checks the rows
 * the analysis's own findings add when nothing is handed in.
 */
export const NO_FINDINGS: RoadmapExtras = { atRisk: [], objectivity: [] };

export function generate(
  wb: Workbook,
  req: Partial<RoadmapRequest> = {},
  extras: RoadmapExtras = NO_FINDINGS,
): { wb: Workbook; r: RoadmapResult } {
  const r = runRoadmap(wb, { ...REQ, ...req }, extras);
  return { wb: r.ok ? written(wb, r) : wb, r };
}

export function tab(wb: Workbook, name: string): Grid {
  const g = wb.grids.find((x) => x.name === name);
  if (!g) throw new Error(`no tab ${name}`);
  return g;
}

export function replaceTab(wb: Workbook, g: Grid): Workbook {
  return { name: wb.name, grids: wb.grids.map((x) => (x.name === g.name ? g : x)) };
}

export function copyGrid(g: Grid): Grid {
  return { name: g.name, values: g.values.map((r) => [...r]) };
}

export function rowIndexOfKey(g: Grid, key: string): number {
  const i = g.values.findIndex((r) => r[COL.key] === key);
  if (i < 0) throw new Error(`no row with key ${key}`);
  return i;
}

export function cell(g: Grid, key: string, col: ColumnId): CellValue {
  return g.values[rowIndexOfKey(g, key)]?.[COL[col]] ?? null;
}

/** Types into the user columns of the row with `key`. */
export function type(g: Grid, key: string, values: Partial<Record<ColumnId, CellValue>>): Grid {
  const out = copyGrid(g);
  const row = out.values[rowIndexOfKey(out, key)] as CellValue[];
  for (const [id, v] of Object.entries(values)) {
    while (row.length <= COL[id as ColumnId]) row.push(null);
    row[COL[id as ColumnId]] = v;
  }
  return out;
}

/** Keys of the rows, top to bottom (empty for rows without a key). */
export function keys(g: Grid): string[] {
  return g.values.slice(FIRST_DATA).map((r) => String(r[COL.key] ?? ''));
}

/** A row as a user would type it, no key. */
export function manualRow(title: string, status: string, comment = ''): CellValue[] {
  const r: CellValue[] = new Array(COL.comment + 1).fill(null);
  r[COL.title] = title;
  r[COL.status] = status;
  if (comment) r[COL.comment] = comment;
  return r;
}

export function rowOf(g: Grid, title: string): CellValue[] | undefined {
  return g.values.find((r) => r[COL.title] === title);
}

export const FORM_SHEET = 'ВПР Математика 5 класс';

/** 5Б (rows 6 and 7 of the form) with full marks: the class has no deficits any more. */
export function class5BFixed(): CellValue[][] {
  return formRows().map((r, i) => (i === 5 || i === 6 ? [r[0] ?? null, 1, 1, 2, 3, 2, r[6] ?? null, 6] : r));
}

export function withResults(wb: Workbook, values: CellValue[][]): Workbook {
  return { name: wb.name, grids: wb.grids.map((g) => (g.name === FORM_SHEET ? { name: g.name, values } : g)) };
}
