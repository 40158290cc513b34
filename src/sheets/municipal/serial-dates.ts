// The Sheets API reader asks for UNFORMATTED_VALUE and SERIAL_NUMBER: numbers exactly as stored, and
// dates as day numbers since 30 December 1899 — never a text formatted for the school's locale
// («4/20/2026» in a US-locale spreadsheet would not read as a date). A serial is just a number, so it
// becomes a date only where the core expects one: the «Дата:» line above a results table, and the
// date columns of a roadmap tab («Начало», «Срок», «Дата выполнения»). Scores stay numbers.
import type { CellValue, Grid } from '../../core/grid';
import { cellText, norm } from '../../core/grid';
import { isRoadmapTab } from '../../core/municipal/roadmap';
import { findRoadmapHeader } from '../../core/roadmap/tab-read';

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
/** 1 January 1990 … 31 December 2099: a number outside is not taken for a date. */
const MIN_SERIAL = 32_874;
const MAX_SERIAL = 73_415;
const DATE_LABELS = new Set(['дата', 'дата проведения', 'дата работы']);
const META_ROWS = 12;

/** A serial day number → its calendar day at noon UTC (the same day in every time zone, as ../dates.ts). */
export function serialToDate(serial: number): Date {
  const day = Math.floor(serial);
  const d = new Date(EPOCH + day * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12));
}

function asDate(v: CellValue): CellValue {
  return typeof v === 'number' && v >= MIN_SERIAL && v <= MAX_SERIAL ? serialToDate(v) : v;
}

/** Converts the serials of a grid read through the API where dates belong; returns the same grid. */
export function datesFromSerials(grid: Grid): Grid {
  const rows = grid.values as CellValue[][];
  if (isRoadmapTab(grid.name)) {
    const header = findRoadmapHeader(grid);
    if (header) {
      const cols = (['start', 'end', 'doneDate'] as const).map((id) => header.columns[id]).filter((c): c is number => c !== undefined);
      for (let r = header.row; r < rows.length; r++) {
        const row = rows[r] as CellValue[];
        for (const c of cols) if (c < row.length) row[c] = asDate(row[c] as CellValue);
      }
    }
    return grid;
  }
  for (let r = 0; r < Math.min(rows.length, META_ROWS); r++) {
    const row = rows[r] as CellValue[];
    const at = row.findIndex((v) => DATE_LABELS.has(norm(cellText(v)).replace(/:$/, '')));
    if (at < 0) continue;
    const next = row.findIndex((v, i) => i > at && v !== null && v !== '');
    if (next > at) row[next] = asDate(row[next] as CellValue);
  }
  return grid;
}
