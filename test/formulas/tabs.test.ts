// The conditional-format rules of every analytic tab ОКО generates for the sample school, computed by
// HyperFormula at the cells they colour (the engine moves each rule's formula to the cell, as a
// spreadsheet does). Every rule must compute to TRUE or FALSE — never an error or an unknown name —
// and the colours that carry meaning must agree with what the cells say. (The at-risk highlight rule
// in the user's own sheets needs INDIRECT: see highlight.test.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConditionalRule, SheetSpec } from '../../src/core/output/spec';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { Engine, sheetsOf } from './engine';

/** At most `n` cells of a rule's range, spread over it (first and last row included). */
function sampleCells(rule: ConditionalRule, n: number): { row: number; col: number }[] {
  const all = rule.range.rows * rule.range.cols;
  const step = Math.max(1, Math.floor(all / n));
  const out: { row: number; col: number }[] = [];
  for (let i = 0; i < all; i += step)
    out.push({ row: rule.range.row + Math.floor(i / rule.range.cols), col: rule.range.col + (i % rule.range.cols) });
  const last = { row: rule.range.row + rule.range.rows - 1, col: rule.range.col + rule.range.cols - 1 };
  if (!out.some((c) => c.row === last.row && c.col === last.col)) out.push(last);
  return out;
}

describe('conditional rules of the analytic tabs, computed by HyperFormula (sample school)', () => {
  let run: AnalysisRun;
  let engine: Engine;
  beforeAll(() => {
    run = runAnalysis(workbookGrids(buildSampleWorkbook(), 'пример.xlsx'));
    engine = new Engine(sheetsOf(run.tabs));
  }, 60_000);

  it('every rule of every tab computes to TRUE or FALSE at the cells it colours', () => {
    let rules = 0;
    let cells = 0;
    const tabsWithRules = new Set<string>();
    for (const tab of run.tabs) {
      for (const rule of tab.rules ?? []) {
        rules++;
        tabsWithRules.add(tab.name.replace(/ · .*/, ''));
        for (const { row, col } of sampleCells(rule, 12)) {
          cells++;
          const v = engine.ruleAt(tab.name, rule, row, col);
          expect(typeof v, `${tab.name} ${rule.formula} at ${row}:${col} → ${String(v)}`).toBe('boolean');
        }
      }
    }
    expect(rules).toBeGreaterThan(20);
    expect(cells).toBeGreaterThan(200);
    for (const t of [S.tabs.matrix, S.tabs.byClass, S.tabs.objectivity]) expect(tabsWithRules.has(t), t).toBe(true);
  }, 120_000);

  it('the completion colours of a matrix: on «% выполнения» rows each number gets exactly one of red, yellow, green', () => {
    const matrix = run.tabs.find((t) => t.name.startsWith(S.tabs.matrix)) as SheetSpec;
    const rules = matrix.rules ?? [];
    // The last three rules are the status colours (statusRules), guarded to the summary rows.
    const status = rules.slice(-3);
    expect(status.map((r) => r.background)).toHaveLength(3);
    const area = status[0]!.range;
    let summaryCells = 0;
    for (let row = area.row; row < area.row + area.rows; row++) {
      const summary = matrix.values[row]?.[1] === '% выполнения';
      for (let col = area.col; col < area.col + area.cols; col++) {
        const v = matrix.values[row]?.[col];
        const on = status.map((r) => engine.ruleAt(matrix.name, r, row, col));
        if (summary && typeof v === 'number') {
          summaryCells++;
          expect(
            on.filter((x) => x === true),
            `${row}:${col} = ${v}`,
          ).toHaveLength(1);
        } else expect(on, `${row}:${col}`).toEqual([false, false, false]);
      }
      if (summaryCells > 60) break;
    }
    expect(summaryCells).toBeGreaterThan(10);
  }, 120_000);

  it('the task statuses of «Дефициты по классам» are coloured by their own words', () => {
    const tab = run.tabs.find((t) => t.name === S.tabs.byClass) as SheetSpec;
    const byWord = (w: string) => (tab.rules ?? []).find((r) => r.formula.endsWith(`="${w}"`)) as ConditionalRule;
    const red = byWord(S.status.insufficient);
    const yellow = byWord(S.status.uncertain);
    expect(red.range).toEqual(yellow.range);
    const words: string[] = [];
    const col = red.range.col;
    for (let row = red.range.row; row < red.range.row + Math.min(red.range.rows, 80); row++) {
      const text = tab.values[row]?.[col];
      expect(engine.ruleAt(tab.name, red, row, col)).toBe(text === S.status.insufficient);
      expect(engine.ruleAt(tab.name, yellow, row, col)).toBe(text === S.status.uncertain);
      words.push(String(text));
    }
    expect(words).toContain(S.status.insufficient);
  }, 60_000);
});
