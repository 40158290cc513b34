// A write that fails at any call leaves the previous tab exactly as it was and no temporary tab.
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { applyPlan } from '../../src/core/write/apply';
import { SheetWriteError } from '../../src/sheets/errors';
import { readSpreadsheet } from '../../src/sheets/read';
import { writeSpec } from '../../src/sheets/write';
import { sheetsWriter } from '../../src/sheets/writer';
import type { FakeGas, FakeSheet } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

const TAB = 'Дефициты по классам';

function withOldTab(): { gas: FakeGas; old: FakeSheet; before: unknown[][] } {
  const gas = fakeGas();
  gas.ss.addSheet('Протокол', smallProtocol());
  const read = readSpreadsheet(gas.ss);
  applyPlan(sheetsWriter(gas.ss, read), runAnalysis(read.workbook).write);
  const old = gas.ss.tab(TAB);
  return { gas, old, before: old.snapshot() };
}

function newSpec(gas: FakeGas) {
  const spec = runAnalysis(readSpreadsheet(gas.ss).workbook).tabs.find((t) => t.name === TAB);
  if (!spec) throw new Error('no spec');
  return { ...spec, values: [['Новое содержимое'], ...spec.values.slice(1)] };
}

describe('a failed write', () => {
  it('keeps the old tab and removes the temporary one, whichever call fails before the swap', () => {
    // Count the calls of a successful write, then fail each of them in turn.
    const probe = withOldTab();
    const spec = newSpec(probe.gas);
    probe.gas.log.reset();
    writeSpec(probe.gas.ss, spec);
    const calls = probe.gas.log.byMethod('doc');
    const total = probe.gas.log.docCalls;
    // The swap is the last two calls: deleteSheet(old), then setName(new).
    expect(calls['Spreadsheet.deleteSheet']).toBe(1);

    for (let n = 1; n <= total - 1; n++) {
      const { gas, old, before } = withOldTab();
      const tabsBefore = gas.ss.tabNames();
      const next = newSpec(gas);
      gas.log.reset();
      gas.log.failOnDocCall(n);
      let error: unknown = null;
      try {
        writeSpec(gas.ss, next);
      } catch (e) {
        error = e;
      }
      expect(error, `call ${n}`).toBeInstanceOf(SheetWriteError);
      expect((error as Error).message).toMatch(/^Не удалось записать вкладку «Дефициты по классам»: .*Прежняя вкладка сохранена\.$/);
      expect(gas.ss.tabNames(), `call ${n}`).toEqual(tabsBefore);
      expect(gas.ss.tab(TAB)).toBe(old);
      expect(old.deleted).toBe(false);
      expect(old.snapshot(), `call ${n}`).toEqual(before);
    }
  });

  it('after the old tab is deleted, keeps the complete new tab; the next run tidies its name', () => {
    const { gas } = withOldTab();
    const spec = newSpec(gas);
    gas.log.reset();
    writeSpec(gas.ss, spec);
    const total = gas.log.docCalls;

    const again = withOldTab();
    const next = newSpec(again.gas);
    again.gas.log.reset();
    again.gas.log.failOnDocCall(total); // setName, after deleteSheet(old)
    expect(() => writeSpec(again.gas.ss, next)).toThrow(/записана, но осталась под временным именем/);
    const leftover = again.gas.ss.tabNames().find((n) => n.startsWith('~ОКО~'));
    expect(leftover).toBeDefined();
    expect(again.gas.ss.tab(leftover as string).peek(1, 1)?.value).toBe('Новое содержимое');

    // The leftover is not read as input, and the next run deletes it and writes the tab properly.
    const read = readSpreadsheet(again.gas.ss);
    expect(read.workbook.grids.map((g) => g.name)).not.toContain(leftover);
    applyPlan(sheetsWriter(again.gas.ss, read), runAnalysis(read.workbook).write);
    expect(again.gas.ss.tabNames().some((n) => n.startsWith('~ОКО~'))).toBe(false);
    expect(again.gas.ss.tabNames()).toContain(TAB);
  });
});
