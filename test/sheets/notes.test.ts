// Notes typed into «Группа риска» and «Объективность» in Google Sheets survive the next run: the host
// reads these two tabs with their values (keepsUserInput), the core puts the notes back by row key, and
// the tabs are still replaced whole.
import { describe, expect, it } from 'vitest';
import { S } from '../../src/core/strings';
import { analyseAndWrite } from '../../src/server/analyze';
import { runStepAndWrite } from '../../src/server/steps';
import type { FakeGas, FakeSheet } from '../fakes';
import { riskBook } from '../helpers/findings';
import { fakeGas } from './setup';

const KEY = 'Ключ (не менять)';

function school(): FakeGas {
  const gas = fakeGas('Школа 5');
  for (const g of riskBook().grids)
    gas.ss.addSheet(
      g.name,
      g.values.map((r) => r.map((v) => v ?? '')),
    );
  return gas;
}

/** 1-based header row (the one with the key column) and a label's 1-based column there. */
function header(sheet: FakeSheet): { row: number; col: (label: string) => number } {
  const values = sheet.snapshot();
  const r = values.findIndex((row) => row.includes(KEY));
  expect(r, sheet.title).toBeGreaterThanOrEqual(0);
  const labels = values[r] as unknown[];
  return {
    row: r + 1,
    col: (label) => {
      const c = labels.indexOf(label);
      if (c < 0) throw new Error(`«${sheet.title}»: no column «${label}»`);
      return c + 1;
    },
  };
}

/** 1-based row whose `label` cell holds `value`, below the header. */
function rowWhere(sheet: FakeSheet, label: string, value: unknown): number {
  const h = header(sheet);
  const r = sheet.snapshot().findIndex((row, i) => i >= h.row && row[h.col(label) - 1] === value);
  if (r < 0) throw new Error(`«${sheet.title}»: no row with «${label}» = ${String(value)}`);
  return r + 1;
}

const cell = (sheet: FakeSheet, row: number, label: string) => sheet.peek(row, header(sheet).col(label))?.value ?? '';

describe('notes on «Группа риска» and «Объективность» in Google Sheets', () => {
  it('typed with setValues, they are kept by the analysis run, by the steps, and again', () => {
    const gas = school();
    analyseAndWrite(gas.ss);
    const risk = gas.ss.tab(S.tabs.risk);
    const obj = gas.ss.tab(S.tabs.objectivity);
    // The user types two cells of 104's row, and a check result of the first group on «Объективность».
    const h = header(risk);
    risk.getRange(rowWhere(risk, 'Код', '104'), h.col('Что сделано'), 1, 2).setValues([['Беседа с родителями', 'ИОМ до 20.05']]);
    const o = header(obj);
    const groupKey = String(obj.peek(o.row + 1, o.col(KEY))?.value);
    expect(groupKey).toMatch(/^диагностика\|2025\|математика\|5\|.*\|class\|5а$/);
    obj.getRange(o.row + 1, o.col('Результат проверки'), 1, 2).setValues([['Подтвердилось', 'Протокол ШМО №4']]);

    analyseAndWrite(gas.ss);
    const risk2 = gas.ss.tab(S.tabs.risk);
    const obj2 = gas.ss.tab(S.tabs.objectivity);
    // Rewritten whole in the same sheet (links to it keep working), with the notes in the same students' and groups' rows.
    expect(risk2).toBe(risk);
    expect(obj2).toBe(obj);
    const r104 = rowWhere(risk2, 'Код', '104');
    expect(cell(risk2, r104, 'Что сделано')).toBe('Беседа с родителями');
    expect(cell(risk2, r104, 'Комментарий')).toBe('ИОМ до 20.05');
    expect(cell(risk2, r104, KEY)).toBe('104');
    const g = rowWhere(obj2, KEY, groupKey);
    expect(cell(obj2, g, 'Результат проверки')).toBe('Подтвердилось');
    expect(cell(obj2, g, 'Комментарий')).toBe('Протокол ШМО №4');
    // Column P of «Группа риска» is still the highlight list the user's sheets' rules look up, hidden with the key.
    expect(risk2.peek(h.row, 16)?.value).toBe('Служебный список для подсветки (лист|код), не связан со строкой');
    expect(risk2.hiddenColumns.has(16)).toBe(true);
    expect(risk2.hiddenColumns.has(h.col(KEY))).toBe(true);
    expect(risk2.hiddenColumns.has(h.col('Что сделано'))).toBe(false);

    // The sidebar's steps write the same tabs from the same reading: the notes stay.
    runStepAndWrite(gas.ss, 'risk');
    runStepAndWrite(gas.ss, 'objectivity');
    const risk3 = gas.ss.tab(S.tabs.risk);
    const obj3 = gas.ss.tab(S.tabs.objectivity);
    expect(cell(risk3, rowWhere(risk3, 'Код', '104'), 'Комментарий')).toBe('ИОМ до 20.05');
    expect(cell(obj3, rowWhere(obj3, KEY, groupKey), 'Результат проверки')).toBe('Подтвердилось');
    // Nobody else got the notes, and nothing was archived.
    expect(
      risk3
        .snapshot()
        .flat()
        .filter((v) => v === 'ИОМ до 20.05'),
    ).toHaveLength(1);
    expect(risk3.snapshot().flat()).not.toContain(S.notes.archive);
  });
});
