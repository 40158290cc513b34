// Reading a generated tab as the ШМО filter leaves it (the fake's native filter), for the filter tests
// here and in test/browser: which rows of the table stay in view, with the lead columns by name.
import type { FakeSheet } from '../fakes';

export interface TableRow {
  /** 1-based row of the sheet. */
  row: number;
  cells: string[];
  hidden: boolean;
}

export interface FilteredTable {
  /** Column index (0-based) of each header label of the filter's header row. */
  col: (label: string) => number;
  /** Every row below the header, hidden or not. */
  rows: TableRow[];
  /** The cell of `label`'s column. */
  at: (r: TableRow, label: string) => string;
}

export function filteredTable(sheet: FakeSheet): FilteredTable {
  const filter = sheet.filter;
  if (!filter) throw new Error(`«${sheet.title}» has no filter`);
  const values = sheet.snapshot().map((r) => r.map((v) => String(v)));
  const header = values[filter.row - 1] ?? [];
  const col = (label: string) => {
    const c = header.indexOf(label);
    if (c < 0) throw new Error(`«${sheet.title}»: no column «${label}» in the header row ${filter.row}`);
    return c;
  };
  const rows = values.slice(filter.row).map((cells, i) => {
    const row = filter.row + 1 + i;
    return { row, cells, hidden: filter.hides(row) };
  });
  return { col, rows, at: (r, label) => r.cells[col(label)] ?? '' };
}

/** «Математика, Русский язык» → ['Математика', 'Русский язык']. */
export const listed = (v: string) =>
  v
    .split(/[,;+]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Checks a tab filtered by one subject: every row of another subject is hidden, every row of the
 * subject stays, and rows without a subject (titles, blank rows) stay. Returns how many rows of each.
 */
export function expectOnlySubject(sheet: FakeSheet, subject: string): { shown: number; hidden: number } {
  const t = filteredTable(sheet);
  let shown = 0;
  let hidden = 0;
  for (const r of t.rows) {
    const v = t.at(r, 'Предмет');
    const ok = v === '' || v === 'Предмет' || listed(v).includes(subject);
    if (r.hidden === ok) throw new Error(`«${sheet.title}» row ${r.row} («${v}»): ${r.hidden ? 'hidden' : 'shown'}`);
    if (v !== '' && v !== 'Предмет') {
      if (ok) shown++;
      else hidden++;
    }
  }
  return { shown, hidden };
}

/**
 * Checks a tab filtered by one class: rows of other classes are hidden; the class's rows stay, and so
 * do the rows of its parallel without a class (titles, parallel and school rows); other parallels go.
 * Returns the shown rows, for the caller's own checks.
 */
export function expectOnlyClass(sheet: FakeSheet, cls: string, grade: number): TableRow[] {
  const t = filteredTable(sheet);
  for (const r of t.rows) {
    const c = t.at(r, 'Класс');
    const g = t.at(r, 'Параллель');
    if (c === 'Класс' || (c === '' && g === '')) {
      if (r.hidden) throw new Error(`«${sheet.title}» row ${r.row}: a header, title or blank row is hidden`);
      continue;
    }
    const inGrade = listed(g).includes(String(grade));
    const ok = inGrade && (c === '' || listed(c).includes(cls));
    if (r.hidden === ok)
      throw new Error(`«${sheet.title}» row ${r.row} (класс «${c}», параллель «${g}»): ${r.hidden ? 'hidden' : 'shown'}`);
  }
  return t.rows.filter((r) => !r.hidden);
}
