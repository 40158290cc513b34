// Writes the synthetic school (bench/synthetic.ts) as a real .xlsx with ExcelJS's streaming writer — a
// file made by another program, as schools' files are:
//   tsx bench/local/make-input.ts <scores> <out.xlsx>
import ExcelJS from 'exceljs';
import { syntheticWorkbook } from '../synthetic';

async function main(): Promise<void> {
  const scores = Number(process.argv[2]);
  const out = process.argv[3] as string;
  const tasks = 20;
  const wb = syntheticWorkbook({ students: Math.round(scores / tasks), tasks });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true });
  for (const g of wb.grids) {
    const ws = writer.addWorksheet(g.name);
    for (const row of g.values) ws.addRow(row.map((v) => (v === null ? undefined : v))).commit();
    ws.commit();
  }
  await writer.commit();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
