import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Workbook } from '../../src/core/grid';

export function tempDir(prefix = 'oko-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes Grids as an .xlsx, the way a user's file would hold them. */
export async function writeWorkbookXlsx(path: string, wb: Workbook): Promise<void> {
  const out = new ExcelJS.Workbook();
  for (const g of wb.grids) {
    const ws = out.addWorksheet(g.name);
    g.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== '') ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }
  await out.xlsx.writeFile(path);
}
