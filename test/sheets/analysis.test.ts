// A whole analysis through the adapter: the user's own sheets keep their values, formatting and
// places; generated tabs are replaced, stale ones deleted, the settings tab created once.
import { describe, expect, it } from 'vitest';
import { isOkoHighlightFormula } from '../../src/core/output/highlight';
import { S } from '../../src/core/strings';
import { analyseAndWrite } from '../../src/server/analyze';
import { menuAnalyze, menuSettings } from '../../src/server/handlers';
import type { FakeCell, FakeSheet } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

const STATS = [S.tabs.markStats, S.tabs.distribution, S.tabs.tasksByMark];
/** At-risk students, dynamics, objectivity (src/core/output/{risk,dynamics,objectivity}.ts). */
const FINDINGS = [S.tabs.risk, S.tabs.dynamics, S.tabs.objectivity];

/** Every stored cell, comparable by value (styles compared by content, not identity). */
function cells(sheet: FakeSheet): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r <= sheet.maxRows; r++) {
    for (let c = 1; c <= sheet.maxCols; c++) {
      const cell: FakeCell | undefined = sheet.peek(r, c);
      if (cell) out.push({ r, c, ...cell, textStyle: cell.textStyle ? { ...cell.textStyle } : null });
    }
  }
  return out;
}

function sheetState(sheet: FakeSheet) {
  return {
    cells: cells(sheet),
    size: [sheet.maxRows, sheet.maxCols],
    frozen: [sheet.frozenRows, sheet.frozenCols],
    widths: [...sheet.columnWidths],
    // The user's own conditional rules; the add-on's at-risk highlight (test/sheets/highlights.test.ts) is added after them.
    rules: sheet.rules.filter((r) => !isOkoHighlightFormula(r.formula)).length,
    tabColor: sheet.tabColor,
  };
}

describe('an analysis run', () => {
  it("leaves the user's sheets exactly as they were", () => {
    const gas = fakeGas();
    const protocol = gas.ss.addSheet('Протокол', smallProtocol());
    const c = protocol.cellAt(1, 1);
    c.background = '#ffff00';
    c.note = 'заголовок';
    protocol.frozenRows = 1;
    protocol.columnWidths.set(1, 150);
    const notes = gas.ss.addSheet('Мои заметки', [['=СУММ(1;2)', '+7', '2026-04-15', "'текст"]]);
    notes.cellAt(1, 2).formula = '=1+6';
    const before = [sheetState(protocol), sheetState(notes)];

    analyseAndWrite(gas.ss);
    analyseAndWrite(gas.ss);

    expect(gas.ss.tab('Протокол')).toBe(protocol);
    expect(gas.ss.tab('Мои заметки')).toBe(notes);
    expect([sheetState(protocol), sheetState(notes)]).toEqual(before);
    expect(gas.ss.tabNames().slice(0, 2)).toEqual(['Протокол', 'Мои заметки']);
  });

  it('replaces generated tabs in place, keeps the settings tab, deletes stale tabs', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    analyseAndWrite(gas.ss);
    const names = gas.ss.tabNames();
    // The generated tabs follow the data; the settings tab, created when missing, comes after them (in .xlsx too).
    expect(names).toEqual(['Протокол', 'Матрица дефицитов · МА 4', S.tabs.byClass, ...STATS, ...FINDINGS, S.tabs.settings]);

    // The user edits a setting and moves a generated tab; an old run left a matrix this run won't make.
    const settings = gas.ss.tab(S.tabs.settings);
    settings.cellAt(2, 2).value = 70;
    gas.ss.addSheet('Матрица дефицитов · РУ 4', [['устарело']]);

    const { report } = analyseAndWrite(gas.ss);
    expect(report).toEqual({
      written: ['Матрица дефицитов · МА 4', S.tabs.byClass, ...STATS, ...FINDINGS],
      created: [],
      deleted: ['Матрица дефицитов · РУ 4'],
      highlights: { removed: 1, added: 1, sheets: ['Протокол'] },
      documents: [],
    });
    expect(gas.ss.tab(S.tabs.settings)).toBe(settings);
    expect(settings.peek(2, 2)?.value).toBe(70);
    expect(gas.ss.tabNames()).toEqual(names);
  });

  it('menu: writes nothing and alerts with sheet, row and column when the data has errors', () => {
    const gas = fakeGas();
    const rows = smallProtocol();
    (rows[4] as unknown[])[3] = 5; // task 2 is worth 1 point: row 5, column D
    gas.ss.addSheet('Протокол', rows);
    gas.log.reset();
    menuAnalyze();
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
    expect(gas.log.count('Spreadsheet.insertSheet')).toBe(0);
    expect(gas.ui.alerts).toHaveLength(1);
    expect(gas.ui.alerts[0]?.title).toBe(S.menu.errorsTitle);
    expect(gas.ui.alerts[0]?.prompt).toContain('Лист «Протокол», ячейка D5 (строка 5, столбец D)');
    expect(gas.lockService.lock.held).toBe(false);
  });

  it('menu: a successful run toasts a short summary', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    menuAnalyze();
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.ss.toasts[0]?.msg).toMatch(/^Готово\. Работ: 1, участников: 4, вкладок обновлено: 8\./);
  });

  it('menu: settings are created with defaults once, then only opened', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    menuSettings();
    const settings = gas.ss.tab(S.tabs.settings);
    // «Параметр | Значение | Пояснение | Ключ»: the Russian name first, the service key last.
    expect(settings.peek(2, 1)?.value).toBe('Базовое задание: «достаточно» от, %');
    expect(settings.peek(2, 2)?.value).toBe(60);
    expect(settings.peek(2, 4)?.value).toBe('deficit.basicSufficient');
    expect(gas.ss.active?.sheet).toBe(settings);
    settings.cellAt(2, 2).value = 65;
    gas.ss.activate(gas.ss.tab('Протокол'), 'A1');
    menuSettings();
    expect(gas.ss.tab(S.tabs.settings)).toBe(settings);
    expect(settings.peek(2, 2)?.value).toBe(65);
    expect(gas.ss.active?.sheet).toBe(settings);
  });
});
