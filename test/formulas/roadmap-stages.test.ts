// The roadmap tab's stages one by one (core/output/roadmap.ts), the status colours and the overdue
// test computed by HyperFormula on a tiny tab typed by hand (today is 2026-11-23).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpecBuilder } from '../../src/core/output/builder';
import { HEADER_ROW, overdueTest, roadmapHeading, roadmapWidths, statusDropdowns, statusRules } from '../../src/core/output/roadmap';
import type { SpecCell } from '../../src/core/output/spec';
import { COL, COLUMN_IDS, columnLabel, STATUS, STATUSES } from '../../src/core/roadmap/columns';
import { S } from '../../src/core/strings';
import { Engine } from './engine';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const FIRST = 4;
// Rows 5–10 of the sheet: status and end date. The sixth is below the archive (active = 5).
const TYPED: [string, string][] = [
  [STATUS.doing, '2026-11-20'], // overdue
  [STATUS.done, '2026-11-20'], // done: not overdue
  ['', '2026-11-20'], // a section row, no status: not overdue
  [STATUS.todo, '2026-11-23'], // due today: not yet overdue
  [STATUS.cancelled, '2026-11-01'], // cancelled: not overdue
  [STATUS.todo, '2026-11-01'], // archived: history, never red
];

function tab(): Engine {
  const values: SpecCell[][] = [[], [], [], []];
  for (const [status, end] of TYPED) {
    const row: SpecCell[] = new Array(COLUMN_IDS.length).fill('');
    row[COL.status] = status;
    row[COL.end] = { date: end };
    values.push(row);
  }
  return new Engine([{ name: 'ДК', values }]);
}

describe('roadmap tab stages', () => {
  it('heading: title, source, legend, then the header on HEADER_ROW with users’ extra columns after ours', () => {
    const b = new SpecBuilder('ДК');
    const merged = { rows: [], extraLabels: ['Моё'], stats: { kept: 0, fresh: 0, archived: 0, manual: 0, restored: 0 } };
    roadmapHeading(b, { name: 'ДК', procedure: 'ВПР 2026 МА 5', meta: 'из анализа', merged });
    const spec = b.build();
    expect(b.nextRow).toBe(HEADER_ROW + 1);
    expect(spec.values[0]).toEqual([S.roadmap.title('ВПР 2026 МА 5')]);
    expect(spec.values[1]).toEqual(['из анализа']);
    expect(spec.values[HEADER_ROW]).toEqual([...COLUMN_IDS.map(columnLabel), 'Моё']);
    expect(spec.notes).toContainEqual({ row: HEADER_ROW, col: COL.status, text: STATUSES.join(' / ') });
  });

  it('dropdowns: one validation per contiguous run of rows with a status', () => {
    expect(statusDropdowns([4, 5, 6, 9, 10]).map((v) => [v.range.row, v.range.rows, v.range.col])).toEqual([
      [4, 3, COL.status],
      [9, 2, COL.status],
    ]);
    expect(statusDropdowns([])).toEqual([]);
  });

  it('overdue: only an open activity whose end date has passed', () => {
    const e = tab();
    const J = (r: number) => `${String.fromCharCode(65 + COL.status)}${r}`;
    const F = (r: number) => `${String.fromCharCode(65 + COL.end)}${r}`;
    const results = TYPED.map((_, i) => e.hf.calculateFormula(`=${overdueTest(J(FIRST + 1 + i), F(FIRST + 1 + i))}`, 0));
    expect(results).toEqual([true, false, false, false, false, true]);
  });

  it('colours: red rows above the archive only; the status cell green, yellow or grey by its status', () => {
    const e = tab();
    const [red, green, yellow, grey] = statusRules(FIRST, 5, TYPED.length);
    expect(red?.range).toEqual({ row: FIRST, col: 0, rows: 5, cols: COL.comment + 1 });
    expect(e.ruleCells('ДК', red!, 0).map((c) => c.value)).toEqual([true, false, false, false, false]);
    const at = (rule: typeof green) => e.ruleCells('ДК', rule!).map((c) => c.value);
    expect(at(green)).toEqual([false, true, false, false, false, false]);
    expect(at(yellow)).toEqual([true, false, false, false, false, false]);
    expect(at(grey)).toEqual([false, false, false, false, true, false]);
    expect(statusRules(FIRST, 0, 0)).toEqual([]);
  });

  it('widths: ours by column, 160 px for each column users added', () => {
    const w = roadmapWidths(2);
    expect(w[COL.title]).toBe(360);
    expect([w[COLUMN_IDS.length], w[COLUMN_IDS.length + 1], w[COLUMN_IDS.length + 2]]).toEqual([160, 160, undefined]);
  });
});
