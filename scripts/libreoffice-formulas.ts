// Computes the formulas HyperFormula cannot (the at-risk highlight rule needs INDIRECT) with a real
// spreadsheet, LibreOffice Calc, and commits what it computed: `npm run formulas:libreoffice`.
// Needs `soffice` (Debian: apt-get install libreoffice-calc-nogui). Run it again whenever the rule's
// formula changes: test/formulas/highlight.test.ts fails until the committed formulas match ОКО's.
//
// How: the case (test/formulas/libreoffice/highlight-case.ts) is written as .xlsx with formulas and
// no cached values; LibreOffice opens it with «recalculate on load: always» (a throw-away profile)
// and saves it again; the values it wrote are read back and stored with the formulas.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { highlightCase } from '../test/formulas/libreoffice/highlight-case';

const OUT = join(import.meta.dirname, '..', 'test', 'formulas', 'libreoffice', 'highlight.json');

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function colLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

async function main(): Promise<void> {
  const { sheets, checks } = highlightCase();
  const dir = mkdtempSync(join(tmpdir(), 'oko-lo-'));
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getRow(r + 1).getCell(c + 1);
        if (typeof v === 'object' && !(v instanceof Date) && 'formula' in v) cell.value = { formula: v.formula.replace(/^=/, '') };
        else cell.value = v as ExcelJS.CellValue;
      });
    });
  }
  const input = join(dir, 'case.xlsx');
  await wb.xlsx.writeFile(input);

  const profile = join(dir, 'profile');
  execFileSync('mkdir', ['-p', join(profile, 'user')]);
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  const outDir = join(dir, 'out');
  const version = execFileSync('soffice', ['--version']).toString().trim();
  execFileSync('soffice', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--calc',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    outDir,
    input,
  ]);
  const file = readdirSync(outDir).find((f) => f.endsWith('.xlsx'));
  if (!file) throw new Error('LibreOffice wrote nothing');
  // The saved cells are read from the sheet XML itself: ExcelJS drops a cached FALSE.
  const xmlOf = (sheet: string) => {
    const i = sheets.findIndex((s) => s.name === sheet);
    return execFileSync('unzip', ['-p', join(outDir, file), `xl/worksheets/sheet${i + 1}.xml`]).toString();
  };
  const unxml = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const computed = checks.map((c) => {
    const ref = `${colLetter(c.col)}${c.row}`;
    const m = new RegExp(`<c r="${ref}"([^>]*)>(?:<f[^>]*>([^<]*)</f>)?<v>([^<]*)</v>`).exec(xmlOf(c.sheet));
    const type = /t="(\w+)"/.exec(m?.[1] ?? '')?.[1];
    const raw = m?.[3] ?? null;
    const value = raw === null ? null : type === 'b' ? raw === '1' : type === 'e' || type === 'str' ? unxml(raw) : Number(raw);
    return { ...c, savedFormula: m?.[2] === undefined ? null : unxml(m[2]), value };
  });
  writeFileSync(OUT, `${JSON.stringify({ engine: version, checks: computed }, null, 2)}\n`);
  process.stdout.write(`${version}: ${computed.length} formulas computed → ${OUT}\n`);
}

void main();
