// The call budget: writing a generated tab costs a fixed number of document calls, whether the
// results sheet has 100 rows or 10 000.
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { applyPlan } from '../../src/core/write/apply';
import { readSpreadsheet } from '../../src/sheets/read';
import { writeSpec } from '../../src/sheets/write';
import { sheetsWriter } from '../../src/sheets/writer';
import type { FakeGas } from '../fakes';
import { bigProtocol } from './fixtures';
import { fakeGas } from './setup';

/**
 * Document calls allowed per generated tab when it replaces an older one during a run — in place,
 * keeping the tab's sheet (src/sheets/write.ts). The matrix tab measures 35:
 * - the new version built aside (10): insertSheet, deleteRows (size), getRange (block), setValues,
 *   setNumberFormats, setTextStyles, setBackgrounds, setHorizontalAlignments, setWraps and
 *   setVerticalAlignments (the wrapped header);
 * - the old tab emptied (10): getMaxRows, getMaxColumns, getRange (all), breakApart,
 *   clearDataValidations, clear, clearNotes, getCharts, getFilter, showSheet;
 * - sized and dressed (14): setFrozenRows, setFrozenColumns, setColumnWidths (reset + 3 runs),
 *   showColumns (what the old version hid), getRange ×2 (block + rule range), copyTo, setNotes,
 *   setConditionalFormatRules, hideColumns (the filter columns), setTabColor;
 * - and the temporary tab deleted (1).
 * «Объективность» is the dearest (39): more width runs, and its hidden row of column ids (hideRows,
 * showRows). Replacing the tab by a new sheet took 18 calls, but broke every formula and link pointing at it.
 */
const TAB_BUDGET = 40;

interface Measured {
  tab: string;
  rows: number;
  calls: number;
  methods: Record<string, number>;
}

/** Runs the analysis twice (the second run replaces tabs), measuring each tab of the second run. */
function measure(students: number): Measured[] {
  const gas: FakeGas = fakeGas('Форма сбора результатов ВПР Математика 5 класс');
  gas.ss.addSheet('Протокол', bigProtocol(students));
  const first = readSpreadsheet(gas.ss);
  applyPlan(sheetsWriter(gas.ss, first), runAnalysis(first.workbook).write);

  const read = readSpreadsheet(gas.ss);
  const run = runAnalysis(read.workbook);
  expect(run.ok).toBe(true);
  const out: Measured[] = [];
  for (const spec of run.tabs) {
    gas.log.reset();
    writeSpec(gas.ss, spec, read.tabs);
    out.push({ tab: spec.name, rows: spec.values.length, calls: gas.log.docCalls, methods: gas.log.byMethod('doc') });
  }
  return out;
}

function sizing(methods: Record<string, number>): Record<string, number> {
  const { 'Sheet.insertRowsAfter': grow = 0, 'Sheet.deleteRows': trim = 0, ...rest } = methods;
  return { ...rest, 'size rows': grow + trim };
}

describe('call budget per generated tab', () => {
  it('is the same for 100 and 10 000 students, and within budget', () => {
    const small = measure(100);
    const big = measure(10_000);
    expect(big.map((m) => m.tab)).toEqual(small.map((m) => m.tab));
    // The matrix really is big: one row per student.
    expect(big[0]?.rows).toBeGreaterThan(10_000);
    for (const [i, s] of small.entries()) {
      const b = big[i] as Measured;
      expect(b.calls, `${s.tab}: ${JSON.stringify(b.methods)}`).toBe(s.calls);
      // Same calls, except that a big tab grows the fresh sheet where a small one trims it.
      expect(sizing(b.methods)).toEqual(sizing(s.methods));
      expect(s.calls, `${s.tab}: ${JSON.stringify(s.methods)}`).toBeLessThanOrEqual(TAB_BUDGET);
      // Never per cell or per row.
      for (const m of ['Range.setValues', 'Range.setNumberFormats', 'Range.setTextStyles', 'Range.setBackgrounds'] as const) {
        expect(s.methods[m] ?? 0).toBeLessThanOrEqual(1);
      }
    }
    // Keep the measurement visible in the test output: it is what the budget is about.
    console.log(small.map((m) => `${m.tab}: ${m.calls} calls ${JSON.stringify(m.methods)}`).join('\n'));
    // Two full runs over 10 000 students: seconds on a shared machine. What is checked is the call count, not the time.
  }, 60_000);

  it('reads each input sheet and each tab users type into with exactly one getValues, and no other generated tab', () => {
    const gas = fakeGas('Форма сбора результатов ВПР Математика 5 класс');
    gas.ss.addSheet('Протокол', bigProtocol(2000));
    gas.ss.addSheet('Заметки', [['что-то']]);
    const first = readSpreadsheet(gas.ss);
    const run1 = runAnalysis(first.workbook);
    const run1Tabs = run1.tabs.length;
    applyPlan(sheetsWriter(gas.ss, first), run1.write);
    gas.log.reset();
    const read = readSpreadsheet(gas.ss);
    // Input: «Протокол», «Заметки» and the settings the first run created; of the generated tabs, only
    // «Группа риска» and «Объективность» (their user columns are kept by key), the others are skipped.
    const tabs = gas.ss.tabNames().length;
    expect(tabs).toBe(3 + run1Tabs);
    const readTabs = 3 + 2;
    expect(gas.log.count('Range.getValues')).toBe(readTabs);
    expect(gas.log.count('Sheet.getDataRange')).toBe(readTabs);
    // getSheets + getName per tab + (getDataRange + getValues) per sheet read + the spreadsheet's name.
    expect(gas.log.docCalls).toBe(1 + tabs + readTabs * 2 + 1);
    expect(read.workbook.grids.find((g) => g.name === 'Протокол')?.values).toHaveLength(2001);
    const withValues = read.workbook.grids.filter((g) => g.values.length > 0).map((g) => g.name);
    expect(withValues.sort()).toEqual(['Заметки', 'Настройки ОКО', 'Объективность', 'Протокол', 'Группа риска'].sort());
  });
});
