// A Grid is what every host hands the core: a sheet's name and its values as plain arrays.
// Sheets gives '' for empty cells, ExcelJS gives null/undefined: both are "empty" here.

export type CellValue = string | number | boolean | Date | null;

export interface Grid {
  name: string;
  values: CellValue[][];
}

export interface Workbook {
  /** File or spreadsheet name: it may carry the subject and grade («Форма сбора … Математика 5 класс»). */
  name: string;
  grids: Grid[];
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Cell text with runs of whitespace (incl. non-breaking spaces) collapsed, trimmed. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Case- and ё-insensitive form for comparing header labels. */
export function norm(v: unknown): string {
  return cellText(v).toLowerCase().replace(/ё/g, 'е');
}

/** 1-based column number → letters (1 → A, 28 → AB), as users see it. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B7" for a 1-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rowCount(grid: Grid): number {
  return grid.values.length;
}
