// The lossless writer on hand-made packages: what it changes in workbook.xml (sheet-scoped names and the
// active tab follow their sheets when a stale tab is removed; calcChain goes when it names a replaced
// sheet), namespace-prefixed parts, notes, hidden tabs, and re-runs that add nothing.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../src/core/output/spec';
import { aggregateFolder } from '../../src/local/commands/aggregate';
import { Package } from '../../src/local/package/opc';
import type { WritePlan } from '../../src/local/package/plan';
import { readWorkbookPart, workbookPath } from '../../src/local/package/workbook-part';
import { writePackage } from '../../src/local/package/write';
import { writeZip } from '../../src/local/package/zip';
import { readWorkbookBytes } from '../../src/local/read';

const enc = new TextEncoder();
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheet = (p: string, cells: string) =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${cells}</${p}sheetData></${p}worksheet>`;

/** A package as another program might write it: three sheets, names, an active tab, a calcChain. */
function book(prefix = ''): Uint8Array {
  const p = prefix;
  const wb =
    `<?xml version="1.0"?><${p}workbook xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RT}">` +
    `<${p}bookViews><${p}workbookView activeTab="2"/></${p}bookViews><${p}sheets>` +
    `<${p}sheet name="Данные" sheetId="1" r:id="rId1"/><${p}sheet name="Дефициты по классам" sheetId="7" r:id="rId2"/><${p}sheet name="Итоги" sheetId="3" r:id="rId3"/></${p}sheets>` +
    `<${p}definedNames><${p}definedName name="_xlnm.Print_Area" localSheetId="0">Данные!$A$1:$B$2</${p}definedName>` +
    `<${p}definedName name="Стар" localSheetId="1">'Дефициты по классам'!$A$1</${p}definedName>` +
    `<${p}definedName name="_xlnm.Print_Area" localSheetId="2">Итоги!$A$1:$C$3</${p}definedName><${p}definedName name="Всё">Данные!$A:$B</${p}definedName></${p}definedNames>` +
    `<${p}calcPr calcId="191029"/></${p}workbook>`;
  const rels =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${RT}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RT}/worksheet" Target="worksheets/sheet2.xml"/>` +
    `<Relationship Id="rId3" Type="${RT}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="${RT}/calcChain" Target="calcChain.xml"/></Relationships>`;
  const types =
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`;
  return writeZip([
    { name: '[Content_Types].xml', data: enc.encode(types) },
    {
      name: '_rels/.rels',
      data: enc.encode(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RT}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/workbook.xml', data: enc.encode(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: enc.encode(rels) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: enc.encode(
        sheet(
          p,
          `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Код</${p}t></${p}is></${p}c><${p}c r="B1"><${p}v>5</${p}v></${p}c></${p}row>`,
        ),
      ),
    },
    {
      name: 'xl/worksheets/sheet2.xml',
      data: enc.encode(sheet(p, `<${p}row r="1"><${p}c r="A1"><${p}f>1+1</${p}f><${p}v>2</${p}v></${p}c></${p}row>`)),
    },
    { name: 'xl/worksheets/sheet3.xml', data: enc.encode(sheet(p, `<${p}row r="2"><${p}c r="C2"><${p}v>7</${p}v></${p}c></${p}row>`)) },
    {
      name: 'xl/calcChain.xml',
      data: enc.encode(
        '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="7"/></calcChain>',
      ),
    },
  ]);
}

const TAB: SheetSpec = {
  name: 'Группа риска',
  values: [['Заголовок'], ['многострочный\nтекст в ячейке', 3, { date: '2026-05-15' }, { formula: '=B2*2' }]],
  notes: [{ row: 0, col: 0, text: 'Пояснение' }],
  formats: [{ range: { row: 0, col: 0, rows: 1, cols: 4 }, bold: true, background: '#dde7f0' }],
  columnWidths: { 0: 140 },
};
const plan = (over: Partial<WritePlan> = {}): WritePlan => ({ replace: [TAB], ensure: [], remove: [], highlights: null, ...over });

describe('the package writer', { timeout: 30_000 }, () => {
  it('removing a stale tab moves sheet-scoped names and the active tab with their sheets, and drops a calcChain that named it', () => {
    const out = writePackage(new Package(book()), plan({ remove: ['Дефициты по классам'] }));
    const pkg = new Package(out.bytes);
    const wb = readWorkbookPart(pkg, workbookPath(pkg) as string);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Данные', 'Итоги', 'Группа риска']);
    expect(wb.xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Данные!$A$1:$B$2</definedName>');
    expect(wb.xml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">Итоги!$A$1:$C$3</definedName>');
    expect(wb.xml).not.toContain('Стар');
    expect(wb.xml).toContain('<definedName name="Всё">Данные!$A:$B</definedName>');
    expect(wb.xml).toContain('activeTab="1"');
    expect(pkg.has('xl/worksheets/sheet2.xml')).toBe(false);
    expect(pkg.has('xl/calcChain.xml')).toBe(false);
    expect(pkg.text('[Content_Types].xml')).not.toContain('calcChain');
    expect(wb.xml).toContain('fullCalcOnLoad="1"');
    expect(out.report).toMatchObject({ written: ['Группа риска'], removed: ['Дефициты по классам'] });
  });

  it('writes a tab that reads back: values, dates, formulas, wrap with row height, a note with its VML', async () => {
    const out = writePackage(new Package(book()), plan());
    const back = await readWorkbookBytes(out.bytes, 'книга.xlsx');
    const g = back.workbook.grids.find((x) => x.name === 'Группа риска');
    // The formula has no cached value yet (Excel computes it on open): an empty trailing cell.
    expect(g?.values).toEqual([['Заголовок'], ['многострочный\nтекст в ячейке', 3, new Date(Date.UTC(2026, 4, 15))]]);
    const pkg = new Package(out.bytes);
    const part = readWorkbookPart(pkg, 'xl/workbook.xml').sheets.find((s) => s.name === 'Группа риска')?.part as string;
    const xml = pkg.text(part) as string;
    expect(xml).toMatch(/<row r="2" ht="30" customHeight="1">/);
    expect(xml).toContain('<f>B2*2</f>');
    expect(xml).toContain('<legacyDrawing r:id="rId2"/>');
    const rels = pkg.rels(part);
    expect(rels.map((r) => r.type.split('/').pop())).toEqual(['comments', 'vmlDrawing']);
    expect(pkg.text(rels[0]?.part as string)).toContain('Пояснение');
    expect(pkg.text('[Content_Types].xml')).toContain('Extension="vml"');
  });

  it('a second run replaces the tab in place: same parts, same styles, same bytes', () => {
    const once = writePackage(new Package(book()), plan());
    const twice = writePackage(new Package(once.bytes), plan());
    const a = new Package(once.bytes);
    const b = new Package(twice.bytes);
    for (const e of a.entries) expect(b.text(e.name), e.name).toBe(a.text(e.name));
    expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
    expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
  });

  it('keeps a namespace prefix (x:worksheet, x:workbook) on what it adds', async () => {
    const out = writePackage(new Package(book('x:')), plan({ ensure: [{ name: 'Настройки ОКО', values: [['a']], hidden: true }] }));
    const pkg = new Package(out.bytes);
    const wb = pkg.text('xl/workbook.xml') as string;
    expect(wb).toMatch(
      /<x:sheet name="Группа риска" sheetId="8" r:id="rId6"\/><x:sheet name="Настройки ОКО" sheetId="9" r:id="rId7" state="hidden"\/><\/x:sheets>/,
    );
    const back = await readWorkbookBytes(out.bytes, 'x.xlsx');
    expect(back.workbook.grids.map((g) => g.name)).toEqual(['Данные', 'Дефициты по классам', 'Итоги', 'Группа риска', 'Настройки ОКО']);
    expect(back.workbook.grids[0]?.values).toEqual([['Код', 5]]);
  });
});

describe('oko aggregate with unreadable school files', { timeout: 60_000 }, () => {
  it('lists each with the reason and carries on with the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oko-agg-'));
    const corpus = join(__dirname, '..', 'corpus', 'files');
    copyFileSync(join(corpus, 'openpyxl-plain.xlsx'), join(dir, 'Школа 1.xlsx'));
    copyFileSync(join(corpus, 'libreoffice-plain.ods'), join(dir, 'Школа 2.ods'));
    copyFileSync(join(corpus, 'encrypted-password.xlsx'), join(dir, 'Школа 3.xlsx'));
    copyFileSync(join(corpus, 'broken-bitflip.xlsx'), join(dir, 'Школа 4.xlsx'));
    writeFileSync(join(dir, 'Школа 5.xlsx'), '');
    const { report } = await aggregateFolder(dir, { out: join(dir, 'район.xlsx') });
    expect(report.total).toBe(5);
    expect(report.failed).toBe(3);
    const reasons = Object.fromEntries(report.district.sources.map((s) => [s.unit.ref, s.record?.reason ?? 'ok']));
    expect(reasons['Школа 1.xlsx']).toBe('ok');
    expect(reasons['Школа 2.ods']).toBe('ok');
    expect(reasons['Школа 3.xlsx']).toMatch(/^Файл «Школа 3\.xlsx» защищён паролем/);
    expect(reasons['Школа 4.xlsx']).toMatch(/^Файл «Школа 4\.xlsx» повреждён/);
    expect(reasons['Школа 5.xlsx']).toMatch(/^Файл «Школа 5\.xlsx» пустой/);
    expect(readdirSync(dir)).toContain('район.xlsx');
  });
});

describe('where the output goes', () => {
  it('beside the input, never over it; a macro book stays .xlsm, other formats become .xlsx', async () => {
    const { defaultOutput } = await import('../../src/local/output');
    const pkg = new Package(book());
    expect(
      defaultOutput('школа/книга.xlsx', 'oko', { kind: 'xlsx', pkg, part: readWorkbookPart(pkg, 'xl/workbook.xml'), macros: false }),
    ).toBe('школа/книга.oko.xlsx');
    expect(defaultOutput('книга.xlsm', 'oko', { kind: 'xlsx', pkg, part: readWorkbookPart(pkg, 'xl/workbook.xml'), macros: true })).toBe(
      'книга.oko.xlsm',
    );
    expect(defaultOutput('выгрузка.csv', 'oko', { kind: 'csv' })).toBe('выгрузка.oko.xlsx');
    expect(defaultOutput('старая.XLS', 'roadmap', { kind: 'xls' })).toBe('старая.roadmap.xlsx');
  });
});
