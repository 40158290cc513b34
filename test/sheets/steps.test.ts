// Steps of the sidebar: each writes only its own tabs, all of them or none.
import { describe, expect, it } from 'vitest';
import { S } from '../../src/core/strings';
import { availableSteps, needsForm, runStepAndWrite, stepOfTab } from '../../src/server/steps';
import { SheetWriteError } from '../../src/sheets/errors';
import { readSpreadsheet } from '../../src/sheets/read';
import { TabDirectory } from '../../src/sheets/tabs';
import { replaceTabs } from '../../src/sheets/write';
import type { FakeGas } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

const MATRIX = 'Матрица дефицитов · МА 4';

function analysed(): FakeGas {
  const gas = fakeGas();
  gas.ss.addSheet('Протокол', smallProtocol());
  // The roadmap step runs with its form (test/sheets/roadmap.test.ts), not through runStep.
  for (const step of availableSteps()) if (!needsForm(step)) runStepAndWrite(gas.ss, step);
  return gas;
}

describe('steps', () => {
  it('own the generated tabs: the analysis step everything no other step claims', () => {
    expect(stepOfTab(MATRIX)).toBe('analysis');
    expect(stepOfTab(S.tabs.byClass)).toBe('analysis');
    expect(stepOfTab(S.tabs.markStats)).toBe('analysis');
    expect(stepOfTab(S.tabs.risk)).toBe('risk');
    expect(stepOfTab(S.tabs.dynamics)).toBe('risk');
    expect(stepOfTab(S.tabs.objectivity)).toBe('objectivity');
    expect(stepOfTab(S.tabs.execution)).toBe('roadmap');
    expect(stepOfTab('Протокол')).toBeNull();
    expect(stepOfTab(S.tabs.settings)).toBeNull();
    expect(availableSteps()).toEqual(['analysis', 'risk', 'objectivity', 'roadmap']);
    expect(availableSteps().filter(needsForm)).toEqual(['roadmap']);
    expect(stepOfTab(`${S.tabs.roadmap} · ВПР МА 4`)).toBe('roadmap');
    expect(stepOfTab(S.tabs.roadmapTemplate)).toBe('roadmap');
  });

  it('write only their own tabs and delete only their own stale tabs', () => {
    const gas = analysed();
    const before = new Map(gas.ss.tabNames().map((n) => [n, gas.ss.tab(n)]));
    // A mark in a corner cell of every tab: a tab the step rewrites loses it.
    for (const sheet of before.values()) sheet.load([...Array.from({ length: 299 }, () => []), [...Array(25).fill(null), 'метка']]);
    gas.ss.addSheet('Матрица дефицитов · РУ 4', [['устарело']]);
    const { report } = runStepAndWrite(gas.ss, 'risk');
    expect(report).toEqual({
      written: [S.tabs.risk, S.tabs.dynamics],
      created: [],
      deleted: [],
      // The risk step re-highlights the at-risk rows: its own earlier rule out, the new one in.
      highlights: { removed: 1, added: 1, sheets: ['Протокол'] },
      documents: [],
    });
    for (const [name, sheet] of before) {
      // Every tab keeps its sheet; only the step's own tabs were rewritten.
      expect(gas.ss.tab(name), name).toBe(sheet);
      const rewritten = name === S.tabs.risk || name === S.tabs.dynamics;
      expect(sheet.peek(300, 26)?.value === 'метка', name).toBe(!rewritten);
    }
    // The stale matrix belongs to the analysis step: only that step deletes it.
    expect(gas.ss.tabNames()).toContain('Матрица дефицитов · РУ 4');
    expect(runStepAndWrite(gas.ss, 'analysis').report?.deleted).toEqual(['Матрица дефицитов · РУ 4']);
  });

  it('replace their tabs together: a failure at any call leaves every old tab and no temporary one', () => {
    // Count the document calls of a successful replacement of the analysis step's tabs.
    const count = analysed();
    const plan = runStepAndWrite(count.ss, 'analysis').tabs;
    const countTabs = TabDirectory.read(count.ss);
    count.log.reset();
    replaceTabs(count.ss, plan, countTabs);
    // The swaps start after every new version is built.
    const paintCalls = count.log.callsBeforeSwap();
    expect(paintCalls).toBeGreaterThan(plan.length * 5);
    for (let n = 1; n <= paintCalls; n++) {
      const gas = analysed();
      const names = gas.ss.tabNames();
      const sheets = names.map((x) => gas.ss.tab(x));
      const tabs = TabDirectory.read(gas.ss);
      gas.log.reset();
      gas.log.failOnDocCall(n);
      expect(() => replaceTabs(gas.ss, plan, tabs), `call ${n}`).toThrow(SheetWriteError);
      expect(gas.ss.tabNames(), `call ${n}`).toEqual(names);
      expect(
        names.filter((x, i) => gas.ss.tab(x) !== sheets[i]),
        `call ${n}`,
      ).toEqual([]);
    }
  });

  it('reads generated tabs users type into (roadmaps, «Группа риска», «Объективность») with their values, other generated tabs not at all', () => {
    const gas = analysed();
    gas.ss.addSheet(`${S.tabs.roadmap} · МА 4`, [
      ['Мероприятие', 'Статус'],
      ['Заседание ШМО', 'Выполнено'],
    ]);
    gas.log.reset();
    const read = readSpreadsheet(gas.ss);
    const grid = (n: string) => read.workbook.grids.find((g) => g.name === n)?.values;
    expect(grid(`${S.tabs.roadmap} · МА 4`)).toEqual([
      ['Мероприятие', 'Статус'],
      ['Заседание ШМО', 'Выполнено'],
    ]);
    expect(grid(MATRIX)).toEqual([]);
    expect(grid(S.tabs.dynamics)).toEqual([]);
    // The tabs with user columns come with their header row (the key column included).
    expect(grid(S.tabs.risk)?.some((r) => r.includes('Ключ (не менять)'))).toBe(true);
    expect(grid(S.tabs.objectivity)?.some((r) => r.includes('Ключ (не менять)'))).toBe(true);
    // Протокол, Настройки ОКО, the roadmap, «Группа риска» and «Объективность»: one getValues each.
    expect(gas.log.count('Range.getValues')).toBe(5);
  });
});
