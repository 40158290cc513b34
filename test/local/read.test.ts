// The reader on inputs the corpus does not cover: tables that web systems save as «.xls» (HTML, Excel
// 2003 XML), CSV quoting and decimal commas, and what a merged title gives.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../src/local/read';
import { decodeCsv, detectSeparator, readCsv } from '../../src/local/read/csv';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('reading what web systems and old exports produce', () => {
  it('an HTML table saved as .xls', async () => {
    const r = await readWorkbookBytes(
      bytes('<html><body><table><tr><td>Код</td><td>Балл</td></tr><tr><td>101</td><td>3</td></tr></table></body></html>'),
      'выгрузка.xls',
    );
    expect(r.source.kind).toBe('html');
    expect(r.workbook.grids[0]?.values).toEqual([
      ['Код', 'Балл'],
      [101, 3],
    ]);
  });

  it('an Excel 2003 XML table', async () => {
    const xml =
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
      '<Worksheet ss:Name="Протокол"><Table><Row><Cell><Data ss:Type="String">Код</Data></Cell><Cell><Data ss:Type="Number">5</Data></Cell></Row></Table></Worksheet></Workbook>';
    const r = await readWorkbookBytes(bytes(xml), 'протокол.xls');
    expect(r.source.kind).toBe('xml2003');
    expect(r.workbook.grids).toEqual([{ name: 'Протокол', values: [['Код', 5]] }]);
  });
});

describe('csv', () => {
  it('quoted fields keep separators, quotes and line breaks; a decimal comma is a number with «;»', () => {
    const text = 'Код;Комментарий;Балл\r\n101;"по дробям; повторить";"3,5"\r\n102;"две\nстроки ""в кавычках""";007\r\n';
    expect(detectSeparator(text)).toBe(';');
    const { grid } = readCsv(bytes(text), 'файл');
    expect(grid.values).toEqual([
      ['Код', 'Комментарий', 'Балл'],
      [101, 'по дробям; повторить', 3.5],
      // «007» keeps its zeros: a code, not a number.
      [102, 'две\nстроки "в кавычках"', '007'],
    ]);
  });

  it('a comma-separated file reads «3,5» as text (the comma separates), «3.5» as a number', () => {
    const { grid, separator } = readCsv(bytes('Код,Балл,Доля\n101,"3,5",3.5\n'), 'файл');
    expect(separator).toBe(',');
    expect(grid.values[1]).toEqual([101, '3,5', 3.5]);
  });

  it('Windows-1251 when the bytes are not UTF-8', () => {
    const cp1251 = Uint8Array.from([0xca, 0xee, 0xe4, 0x3b, 0x31]); // «Код;1»
    expect(decodeCsv(cp1251)).toEqual({ text: 'Код;1', encoding: 'Windows-1251' });
  });
});
