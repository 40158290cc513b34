// writeSpec renders every part of a SheetSpec into the sheet, and user text is never run as a formula.
import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../src/core/output/spec';
import { deleteStale, ensureSpec, writeSpec } from '../../src/sheets/write';
import type { FakeChart, FakeRange, FakeSheet } from '../fakes';
import { fakeGas } from './setup';

function richSpec(): SheetSpec {
  return {
    name: 'Отчёт ОКО',
    values: [
      ['Отчёт'],
      ['Класс', 'Код', 'Балл', 'Дата', 'Сумма'],
      ['5А', '00123', 7, { date: '2026-04-15' }, { formula: '=SUM(C3:C4)' }],
      ['5Б', '00124', 3, null, { formula: 'C3*2' }],
      [true, 1.5, Number.NaN, '', '2026-04-15'],
    ],
    formats: [
      { range: { row: 0, col: 0, rows: 1, cols: 5 }, bold: true, background: '#c9d7ee' },
      { range: { row: 1, col: 0, rows: 1, cols: 5 }, italic: true, fontColor: '#777777', align: 'center' },
      { range: { row: 2, col: 2, rows: 2, cols: 1 }, numberFormat: '0.0', bold: true },
      { range: { row: 4, col: 0, rows: 1, cols: 2 }, wrap: true },
      // bold: false never un-bolds (as in the xlsx renderer)
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, bold: false, fontColor: '#a61b1b' },
    ],
    columnWidths: { 0: 110, 1: 110, 2: 46, 3: 46, 5: 90 },
    frozenRows: 2,
    frozenCols: 1,
    merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
    rules: [
      { range: { row: 2, col: 2, rows: 2, cols: 1 }, formula: '=C3<5', background: '#f4c7c3', fontColor: '#a61b1b', bold: true },
      { range: { row: 2, col: 2, rows: 2, cols: 1 }, formula: '=C3>=5', background: '#c8e6c9' },
    ],
    validations: [{ range: { row: 2, col: 0, rows: 2, cols: 1 }, list: ['5А', '5Б'], allowInvalid: false }],
    notes: [{ row: 1, col: 2, text: 'Макс. 10' }],
    charts: [{ type: 'bar', title: 'Баллы', data: { row: 1, col: 1, rows: 3, cols: 2 }, anchor: { row: 6, col: 0 }, stacked: true }],
    tabColor: '#ff0000',
  };
}

const cell = (sheet: FakeSheet, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c = sheet.peek(Number(m[2]), col);
  if (!c) throw new Error(`empty ${a1}`);
  return c;
};

describe('writeSpec', () => {
  it('writes values as Sheets should store them', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const sheet = writeSpec(gas.ss, richSpec()) as FakeSheet;
    expect(sheet.title).toBe('Отчёт ОКО');
    expect(cell(sheet, 'A1').value).toBe('Отчёт');
    // Codes keep their zeros, numbers stay numbers.
    expect(cell(sheet, 'B3').value).toBe('00123');
    expect(cell(sheet, 'C3').value).toBe(7);
    // A DateCell becomes a date with the dd.mm.yyyy format; an ISO-looking string stays text.
    expect((cell(sheet, 'D3').value as Date).toISOString().slice(0, 10)).toBe('2026-04-15');
    expect(cell(sheet, 'D3').numberFormat).toBe('dd.mm.yyyy');
    expect(cell(sheet, 'E5').value).toBe('2026-04-15');
    // Formulas only from FormulaCell, with the '=' added when missing.
    expect(cell(sheet, 'E3').formula).toBe('=SUM(C3:C4)');
    expect(cell(sheet, 'E4').formula).toBe('=C3*2');
    expect(cell(sheet, 'A5').value).toBe(true);
    expect(cell(sheet, 'B5').value).toBe(1.5);
    // NaN cannot live in a cell: it is written empty.
    expect(cell(sheet, 'C5').value).toBe('');
  });

  it('stores text from user data as text, never as a formula or a number', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const texts = [
      '=HYPERLINK("http://evil.example","клик")',
      '+7',
      '-1',
      '@x',
      "'quoted",
      '1/2',
      '15.04.2026',
      '12%',
      'TRUE',
      '0042',
      ' 5 ',
    ];
    const sheet = writeSpec(gas.ss, { name: 'Отчёт ОКО', values: texts.map((t) => [t]) }) as FakeSheet;
    texts.forEach((t, i) => {
      const c = sheet.peek(i + 1, 1);
      expect(c?.formula, t).toBeNull();
      expect(c?.value, t).toBe(t);
    });
  });

  it('applies formats as one grid per property, later formats adding to earlier ones', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const sheet = writeSpec(gas.ss, richSpec()) as FakeSheet;
    expect(cell(sheet, 'A1').textStyle).toMatchObject({ bold: true, color: '#a61b1b' });
    expect(cell(sheet, 'B1').textStyle).toMatchObject({ bold: true, italic: null, color: null });
    expect(cell(sheet, 'A1').background).toBe('#c9d7ee');
    expect(cell(sheet, 'A2').textStyle).toMatchObject({ bold: null, italic: true, color: '#777777' });
    expect(cell(sheet, 'A2').horizontal).toBe('center');
    expect(cell(sheet, 'C3').numberFormat).toBe('0.0');
    expect(cell(sheet, 'C4').numberFormat).toBe('0.0');
    expect(cell(sheet, 'B3').numberFormat).toBe('General');
    expect(cell(sheet, 'A5').wrap).toBe(true);
    expect(cell(sheet, 'A5').vertical).toBe('top');
    expect(cell(sheet, 'C5').wrap).toBe(false);
    expect(cell(sheet, 'C5').vertical).toBeNull();
    expect(cell(sheet, 'C2').note).toBe('Макс. 10');
    expect(cell(sheet, 'C3').note).toBe('');
    // Cells with the same look share one TextStyle object (builders cost time in Apps Script).
    expect(cell(sheet, 'C1').textStyle).toBe(cell(sheet, 'D1').textStyle);
  });

  it('writes rules, validations, freezes, widths, merges, chart and tab colour', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const sheet = writeSpec(gas.ss, richSpec()) as FakeSheet;
    expect(sheet.rules.map((r) => [r.formula, r.background, r.fontColor, r.bold])).toEqual([
      ['=C3<5', '#f4c7c3', '#a61b1b', true],
      ['=C3>=5', '#c8e6c9', null, null],
    ]);
    expect(sheet.rules.map((r) => (r.ranges[0] as FakeRange).a1)).toEqual(['C3:C4', 'C3:C4']);
    expect(cell(sheet, 'A3').validation).toMatchObject({ list: ['5А', '5Б'], showDropdown: true, allowInvalid: false });
    expect(cell(sheet, 'A3').validation).toBe(cell(sheet, 'A4').validation);
    expect(sheet.peek(5, 1)?.validation ?? null).toBeNull();
    expect([sheet.frozenRows, sheet.frozenCols]).toEqual([2, 1]);
    expect(Object.fromEntries(sheet.columnWidths)).toEqual({ 1: 110, 2: 110, 3: 46, 4: 46, 6: 90 });
    expect(gas.log.count('Sheet.setColumnWidths')).toBe(3);
    expect(sheet.merges).toEqual(['A1:C1']);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: 'bar',
      numHeaders: 1,
      position: { row: 7, col: 1, x: 0, y: 0 },
      options: { title: 'Баллы', isStacked: true },
    });
    expect((sheet.charts[0] as FakeChart).ranges.map((r) => (r as FakeRange).a1)).toEqual(['B2:C4']);
    expect(sheet.tabColor).toBe('#ff0000');
  });

  it('fetches many rule ranges with one getRangeList', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const rules = [0, 1, 2, 3].map((i) => ({
      range: { row: i, col: 1, rows: 1, cols: 2 },
      formula: `=B${i + 1}>0`,
      background: '#c8e6c9',
    }));
    const sheet = writeSpec(gas.ss, { name: 'Отчёт ОКО', values: [[1, 2, 3]], rules }) as FakeSheet;
    expect(gas.log.count('Sheet.getRangeList')).toBe(1);
    expect(gas.log.count('Sheet.getRange')).toBe(1);
    expect(sheet.rules.map((r) => (r.ranges[0] as FakeRange).a1)).toEqual(['B1:C1', 'B2:C2', 'B3:C3', 'B4:C4']);
  });

  it('replaces an existing tab at its position and leaves no temporary tab', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    gas.ss.addSheet('Отчёт ОКО', [['старое']]);
    gas.ss.addSheet('Заметки', [['моё']]);
    writeSpec(gas.ss, richSpec());
    expect(gas.ss.tabNames()).toEqual(['Протокол', 'Отчёт ОКО', 'Заметки']);
    expect(gas.ss.tab('Отчёт ОКО').peek(1, 1)?.value).toBe('Отчёт');
  });

  it('sizes the tab to its rows (trimming or growing) so the number of calls does not depend on them', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const small = writeSpec(gas.ss, { name: 'Отчёт ОКО', values: [['a']] }) as FakeSheet;
    expect(small.maxRows).toBe(1);
    const big = writeSpec(gas.ss, { name: 'Отчёт ОКО', values: Array.from({ length: 1500 }, (_, i) => [i]) }) as FakeSheet;
    expect(big.maxRows).toBe(1500);
    expect(big.peek(1500, 1)?.value).toBe(1499);
    const wide = writeSpec(gas.ss, { name: 'Отчёт ОКО', values: [['a']], columnWidths: { 29: 80 } }) as FakeSheet;
    expect(wide.maxCols).toBe(30);
    expect(wide.columnWidths.get(30)).toBe(80);
  });

  it('ensureSpec creates a tab only when missing; deleteStale deletes what exists', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', [['x']]);
    const mine = gas.ss.addSheet('Настройки ОКО', [['моё']]);
    expect(ensureSpec(gas.ss, { name: 'Настройки ОКО', values: [['новое']] })).toBeNull();
    expect(mine.peek(1, 1)?.value).toBe('моё');
    expect(ensureSpec(gas.ss, { name: 'Отчёт ОКО', values: [['новое']] })).not.toBeNull();
    expect(deleteStale(gas.ss, ['Отчёт ОКО', 'Нет такого'])).toEqual(['Отчёт ОКО']);
    expect(gas.ss.tabNames()).toEqual(['Протокол', 'Настройки ОКО']);
  });
});
