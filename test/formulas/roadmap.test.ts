// The formulas of the roadmap tab, its «ИОМ» tab and «Исполнение», computed by HyperFormula on the
// generated tabs after statuses are typed in: the dashboard really counts, a status typed into a
// roadmap changes it without regenerating anything, and the overdue highlight marks exactly the rows
// it should.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SheetSpec, SpecCell } from '../../src/core/output/spec';
import { COL } from '../../src/core/roadmap/columns';
import { baseWorkbook, generate } from '../roadmap/helpers';
import { Engine, serial, sheetsOf } from './engine';

const TODAY = '2026-11-23';

function setToday(day: string) {
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setToday(TODAY);
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const { r } = generate(baseWorkbook(), { today: TODAY }, { atRisk: [{ code: '102', className: '5А', reasons: ['отметка 2'] }] });
  const [road, iom, dash] = r.tabs as [SheetSpec, SheetSpec, SheetSpec];
  expect(iom.name).toBe('ДК · ВПР МА 5 · ИОМ');
  const sheets = sheetsOf(r.tabs);
  const roadValues = sheets[0]!.values as SpecCell[][];
  const byNumber = (n: string) => roadValues.findIndex((row) => row[COL.number] === n);
  const typed: [string, string][] = [];
  const setStatus = (n: string, s: string) => {
    (roadValues[byNumber(n)] as SpecCell[])[COL.status] = s;
    typed.push([n, s]);
  };
  return { road, iom, dash, sheets, roadValues, byNumber, setStatus, engine: () => new Engine(sheets) };
}

/** The same counts, from the cells themselves (statuses and dated deadlines), for one tab. */
function expected(values: readonly (readonly SpecCell[])[], today: string) {
  const archive = values.findIndex((row) => String(row[COL.key]) === 'blk:archive');
  const rows = values
    .slice(4, archive < 0 ? undefined : archive)
    .filter((row) => typeof row[COL.status] === 'string' && row[COL.status] !== '');
  const st = (row: readonly SpecCell[]) => row[COL.status] as string;
  const due = (row: readonly SpecCell[]) => {
    const e = row[COL.end];
    return e !== null && typeof e === 'object' && 'date' in e ? e.date : null;
  };
  const overdue = rows.filter((row) => !['Выполнено', 'Отменено'].includes(st(row)) && due(row) !== null && (due(row) as string) < today);
  const count = (s: string) => rows.filter((row) => st(row) === s).length;
  return {
    done: count('Выполнено'),
    doing: count('В работе'),
    todo: count('Не начато'),
    cancelled: count('Отменено'),
    total: rows.length - count('Отменено'),
    overdue,
  };
}

// Building an engine over three tabs takes about a second on a loaded 2-core machine: a generous limit.
describe('roadmap formulas, computed by HyperFormula', { timeout: 30_000 }, () => {
  it('the overall rows count the statuses and overdue activities of the roadmap and its «ИОМ» tab', () => {
    const { road, iom, dash, sheets, setStatus, engine } = setup();
    setStatus('1.1', 'Выполнено');
    setStatus('1.2', 'Выполнено');
    setStatus('1.3', 'В работе');
    setStatus('1.4', 'Отменено');
    setStatus('2.2.1', 'Выполнено');
    const e = engine();
    for (const [i, tab] of [road, iom].entries()) {
      const at = dash.values.findIndex((row) => row[0] === tab.name) + 1;
      const want = expected(sheets[i]!.values as SpecCell[][], TODAY);
      expect(
        [2, 3, 4, 5, 6, 7].map((c) => e.value(dash.name, at, c)),
        tab.name,
      ).toEqual([want.done, want.doing, want.todo, want.cancelled, want.total, want.overdue.length]);
      const pct = e.value(dash.name, at, 8);
      // The engine keeps 11 significant digits of a quotient (as a spreadsheet shows it).
      if (want.total > 0) expect(pct).toBeCloseTo(want.done / want.total, 10);
    }
    // Hand-checked: 3 done (1.1, 1.2, 2.2.1), 1 in progress, 1 cancelled on the roadmap tab.
    const at = dash.values.findIndex((row) => row[0] === road.name) + 1;
    expect([2, 3, 5].map((c) => e.value(dash.name, at, c))).toEqual([3, 1, 1]);
    // «Итого» adds both tabs up.
    const total = dash.values.findIndex((row) => row[0] === 'Итого') + 1;
    expect(e.value(dash.name, total, 6)).toBe(
      (e.value(dash.name, at, 6) as number) + (e.value(dash.name, dash.values.findIndex((row) => row[0] === iom.name) + 1, 6) as number),
    );
  });

  it('per stage, per responsible and the section share in the roadmap agree', () => {
    const { road, dash, byNumber, setStatus, engine } = setup();
    setStatus('1.1', 'Выполнено');
    setStatus('1.2', 'Выполнено');
    setStatus('1.3', 'В работе');
    setStatus('1.4', 'Отменено');
    const e = engine();
    // Section 1's row in the roadmap: 2 done of 3 not cancelled.
    expect(e.value(road.name, byNumber('1') + 1, COL.result + 1)).toBeCloseTo(2 / 3, 10);
    const st = dash.values.findIndex((row) => row[0] === '1. Аналитический этап') + 1;
    // 1.1–1.4 are due 29.05–05.06.2026: on 23.11.2026 only 1.3 (in progress) is overdue.
    expect([2, 3, 4, 5, 6, 7].map((c) => e.value(dash.name, st, c))).toEqual([2, 1, 0, 1, 3, 1]);
    const resp = dash.values.findIndex((row) => row[0] === 'Учитель-предметник (Математика, 5А)') + 1;
    expect(e.value(dash.name, resp, 4)).toBe(1); // Не начато
    expect(e.value(dash.name, resp, 7)).toBe(1); // overdue: 15.06.2026 < 23.11.2026
  });

  it("the overdue list names the overdue rows in order; the roadmap's helper column gives their row numbers", () => {
    const { road, dash, sheets, byNumber, setStatus, engine } = setup();
    setStatus('1.1', 'Выполнено');
    const e = engine();
    const r12 = byNumber('1.2') + 1;
    expect(e.value(road.name, r12, COL.overdue + 1)).toBe(r12);
    expect(e.value(road.name, byNumber('1.1') + 1, COL.overdue + 1)).toBe('');
    const head = dash.values.findIndex((row) => row[0] === `${road.name}: просроченные мероприятия (по сегодняшней дате)`) + 2;
    const listed: unknown[] = [];
    for (let r = head + 1; e.value(dash.name, r, 1) !== '' && r < head + 200; r++) listed.push(e.value(dash.name, r, 2));
    expect(listed).toEqual(expected(sheets[0]!.values as SpecCell[][], TODAY).overdue.map((row) => row[COL.number]));
    expect(listed.length).toBeGreaterThan(5);
    expect(e.value(dash.name, head + 1, 3)).toBe(serial('2026-05-29'));
  });

  it('stays current: a status typed into the roadmap changes the dashboard, nothing regenerated', () => {
    const { road, dash, byNumber, engine } = setup();
    const e = engine();
    const at = dash.values.findIndex((row) => row[0] === road.name) + 1;
    const overdue0 = e.value(dash.name, at, 7) as number;
    expect(e.value(dash.name, at, 2)).toBe(0);
    e.set(road.name, byNumber('1.1') + 1, COL.status + 1, 'Выполнено');
    e.set(road.name, byNumber('2.8.1') + 1, COL.status + 1, 'Выполнено');
    expect(e.value(dash.name, at, 2)).toBe(2);
    expect(e.value(dash.name, at, 7)).toBe(overdue0 - 2);
    expect(e.value(dash.name, at, 8)).toBeCloseTo(2 / (e.value(dash.name, at, 6) as number), 10);
    // With time passing, the same tab shows more overdue activities (TODAY() is the engine's clock).
    setToday('2027-06-01');
    const later = engine();
    later.set(road.name, byNumber('1.1') + 1, COL.status + 1, 'Выполнено');
    later.set(road.name, byNumber('2.8.1') + 1, COL.status + 1, 'Выполнено');
    expect(later.value(dash.name, at, 7) as number).toBeGreaterThan(overdue0 - 2);
  });

  it('the overdue highlight of the roadmap tab holds on exactly the overdue rows; the status colours on their statuses', () => {
    const { road, sheets, setStatus, engine } = setup();
    setStatus('1.1', 'Выполнено');
    setStatus('1.3', 'В работе');
    setStatus('1.4', 'Отменено');
    const e = engine();
    const [overdueRule, doneRule, doingRule, cancelledRule] = road.rules ?? [];
    const wantRows = new Set(expected(sheets[0]!.values as SpecCell[][], TODAY).overdue.map((row) => row[COL.key]));
    const values = sheets[0]!.values as SpecCell[][];
    for (const cell of e.ruleCells(road.name, overdueRule!, COL.title)) {
      expect(cell.value, String(values[cell.row]?.[COL.number])).toBe(wantRows.has(values[cell.row]?.[COL.key] as string));
    }
    for (const [rule, status] of [
      [doneRule, 'Выполнено'],
      [doingRule, 'В работе'],
      [cancelledRule, 'Отменено'],
    ] as const) {
      for (const cell of e.ruleCells(road.name, rule!)) expect(cell.value).toBe(values[cell.row]?.[COL.status] === status);
    }
  });

  it('every formula of the three tabs computes without an error', () => {
    const { sheets, engine } = setup();
    const e = engine();
    let formulas = 0;
    for (const s of sheets) {
      s.values.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === null || typeof v !== 'object' || !('formula' in v)) return;
          formulas++;
          expect(String(e.value(s.name, r + 1, c + 1)), `${s.name}!${r + 1}:${c + 1} ${v.formula}`).not.toMatch(/^#/);
        });
      });
    }
    expect(formulas).toBeGreaterThan(100);
  });
});
