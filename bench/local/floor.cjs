// The I/O floor: a plain ExcelJS read-and-write of the same workbook, no analysis.
//   node bench/local/floor.cjs <in.xlsx> <out.xlsx>
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  await wb.xlsx.writeFile(process.argv[3]);
})().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exitCode = 1;
});
