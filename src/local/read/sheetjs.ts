// .xls (BIFF), .ods, .xlsb, HTML and Excel-2003 XML tables through SheetJS (@e965/xlsx, the current
// SheetJS build on the npm registry). Loaded only when such a file comes, so the CLI starts fast.
import type * as XLSXTypes from '@e965/xlsx';
import type { CellValue, Grid } from '../../core/grid';

let lib: typeof XLSXTypes | undefined;
export async function loadSheetjs(): Promise<typeof XLSXTypes> {
  if (!lib) {
    const m = (await import('@e965/xlsx')) as typeof XLSXTypes & { default?: typeof XLSXTypes };
    lib = typeof m.read === 'function' ? m : (m.default as typeof XLSXTypes);
  }
  return lib;
}
const sheetjs = (): typeof XLSXTypes => {
  if (!lib) throw new Error('SheetJS not loaded');
  return lib;
};

const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

function value(cell: XLSXTypes.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && typeof cell.z === 'string' && sheetjs().SSF.is_date(cell.z)) return excelDate(v, date1904);
      return v;
    }
    case 's':
      return cell.v === undefined ? null : String(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'd': {
      const d = cell.v as Date;
      // SheetJS builds dates in local time: take the wall-clock fields as UTC, as the .xlsx reader does.
      return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
    }
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return null;
  }
}

/** Grids of a workbook SheetJS can open; throws SheetJS's own error when it cannot. */
export async function readWithSheetjs(bytes: Uint8Array): Promise<Grid[]> {
  const X = await loadSheetjs();
  // SheetJS prints remarks about number formats to the console: not for our users' eyes.
  const { error, warn, log } = console;
  let wb: XLSXTypes.WorkBook;
  try {
    console.error = console.warn = console.log = () => {};
    wb = X.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellHTML: false, cellFormula: false, cellStyles: false });
  } finally {
    Object.assign(console, { error, warn, log });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as XLSXTypes.WorkSheet & { '!data'?: XLSXTypes.CellObject[][] };
    const data = ws['!data'] ?? [];
    const values: CellValue[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      const out: CellValue[] = [];
      if (row) for (let c = 0; c < row.length; c++) out.push(value(row[c], date1904));
      values.push(out);
    }
    // Merged ranges read their top-left value in every cell, as the .xlsx reader gives them.
    for (const m of ws['!merges'] ?? []) {
      const v = values[m.s.r]?.[m.s.c];
      if (v === null || v === undefined || (m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1) > 20_000) continue;
      for (let r = m.s.r; r <= m.e.r; r++) {
        values[r] ??= [];
        const row = values[r] as CellValue[];
        for (let c = m.s.c; c <= m.e.c; c++) row[c] = v;
      }
    }
    for (let r = 0; r < values.length; r++) {
      const row = values[r] ?? [];
      values[r] = row;
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    }
    while (values.length > 0 && (values[values.length - 1] as CellValue[]).length === 0) values.pop();
    return { name, values };
  });
}

/** Names of the streams in an OLE compound file (.xls, encrypted .xlsx, .doc …). */
export async function cfbStreams(bytes: Uint8Array): Promise<string[]> {
  const X = (await loadSheetjs()) as unknown as { CFB: { read: (b: Uint8Array, o: { type: string }) => { FullPaths: string[] } } };
  const cfb = X.CFB.read(bytes, { type: 'buffer' });
  return cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
}
