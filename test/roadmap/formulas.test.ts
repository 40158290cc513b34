// The formulas of the roadmap and «Исполнение», evaluated (test/roadmap/formulas.ts): the dashboard
// really counts, and a status typed into the roadmap changes it without regenerating anything.
import { describe, expect, it } from 'vitest';
import type { SheetSpec, SpecCell } from '../../src/core/output/spec';
import { COL } from '../../src/core/roadmap/columns';
import { Evaluator, serial } from './formulas';
import { baseWorkbook, generate } from './helpers';

const TODAY = '2026-11-23';

function setup() {
  const { r } = generate(baseWorkbook(), { today: TODAY }, { atRisk: [{ code: '102', className: '5А', reasons: ['отметка 2'] }] });
  const road = { name: r.tabs[0]!.name, values: r.tabs[0]!.values.map((row) => [...row]) };
  const dash = r.tabs[1] as SheetSpec;
  const byNumber = (n: string) => road.values.findIndex((row) => row[COL.number] === n);
  const setStatus = (n: string, s: string) => {
    (road.values[byNumber(n)] as SpecCell[])[COL.status] = s;
  };
  return { road, dash, byNumber, setStatus };
}

/** The same counts, computed directly from the cells. */
function expected(values: SpecCell[][], today: string) {
  const rows = values.slice(4).filter((row) => typeof row[COL.status] === 'string' && row[COL.status] !== '');
  const st = (row: SpecCell[]) => row[COL.status] as string;
  const due = (row: SpecCell[]) => {
    const e = row[COL.end];
    return e !== null && typeof e === 'object' && 'date' in e ? e.date : null;
  };
  const overdue = rows.filter((row) => !['Выполнено', 'Отменено'].includes(st(row)) && due(row) !== null && (due(row) as string) < today);
  const done = rows.filter((row) => st(row) === 'Выполнено').length;
  const total = rows.length - rows.filter((row) => st(row) === 'Отменено').length;
  return { done, total, overdue };
}

describe('formulas, evaluated', () => {
  it('the overall row counts statuses and overdue activities of the roadmap', () => {
    const { road, dash, setStatus } = setup();
    setStatus('1.1', 'Выполнено');
    setStatus('1.2', 'Выполнено');
    setStatus('1.3', 'В работе');
    setStatus('1.4', 'Отменено');
    setStatus('2.2.1', 'Выполнено');
    const ev = new Evaluator([road, dash], TODAY);
    const at = dash.values.findIndex((row) => row[0] === road.name) + 1;
    const want = expected(road.values, TODAY);
    expect(ev.cell(dash.name, at, 2)).toBe(3); // Выполнено
    expect(ev.cell(dash.name, at, 3)).toBe(1); // В работе
    expect(ev.cell(dash.name, at, 5)).toBe(1); // Отменено
    expect(ev.cell(dash.name, at, 6)).toBe(want.total);
    expect(ev.cell(dash.name, at, 7)).toBe(want.overdue.length);
    expect(ev.cell(dash.name, at, 8)).toBeCloseTo(3 / want.total, 10);
    expect(want.overdue.length).toBeGreaterThan(5);
  });

  it('per stage, per responsible and the section share in the roadmap agree', () => {
    const { road, dash, byNumber, setStatus } = setup();
    setStatus('1.1', 'Выполнено');
    setStatus('1.2', 'Выполнено');
    setStatus('1.3', 'В работе');
    setStatus('1.4', 'Отменено');
    const ev = new Evaluator([road, dash], TODAY);
    // Section 1's row in the roadmap: 2 done of 3 not cancelled.
    expect(ev.cell(road.name, byNumber('1') + 1, COL.result + 1)).toBeCloseTo(2 / 3, 10);
    const st = dash.values.findIndex((row) => row[0] === '1. Аналитический этап') + 1;
    expect([2, 3, 4, 5, 6, 7].map((c) => ev.cell(dash.name, st, c))).toEqual([2, 1, 0, 1, 3, 1]);
    const resp = dash.values.findIndex((row) => row[0] === 'Учитель-предметник (Математика, 5А)') + 1;
    expect(ev.cell(dash.name, resp, 4)).toBe(1); // Не начато
    expect(ev.cell(dash.name, resp, 7)).toBe(1); // overdue: 15.06.2026 < 23.11.2026
  });

  it("the overdue list names the overdue rows in order; the roadmap's helper column gives their row numbers", () => {
    const { road, dash, byNumber, setStatus } = setup();
    setStatus('1.1', 'Выполнено');
    const ev = new Evaluator([road, dash], TODAY);
    const r12 = byNumber('1.2') + 1;
    expect(ev.cell(road.name, r12, COL.overdue + 1)).toBe(r12);
    expect(ev.cell(road.name, byNumber('1.1') + 1, COL.overdue + 1)).toBe('');
    const head = dash.values.findIndex((row) => String(row[0]).endsWith('просроченные мероприятия (по сегодняшней дате)')) + 2;
    const listed: unknown[] = [];
    for (let r = head + 1; ev.cell(dash.name, r, 1) !== '' && r < head + 200; r++) listed.push(ev.cell(dash.name, r, 2));
    expect(listed).toEqual(expected(road.values, TODAY).overdue.map((row) => row[COL.number]));
    expect(ev.cell(dash.name, head + 1, 3)).toBe(serial('2026-05-29'));
  });

  it('stays current: a status typed into the roadmap changes the dashboard, nothing regenerated', () => {
    const { road, dash, setStatus } = setup();
    const at = dash.values.findIndex((row) => row[0] === road.name) + 1;
    const before = new Evaluator([road, dash], TODAY);
    const overdue0 = before.cell(dash.name, at, 7) as number;
    expect(before.cell(dash.name, at, 2)).toBe(0);
    setStatus('1.1', 'Выполнено');
    setStatus('2.8.1', 'Выполнено');
    const after = new Evaluator([road, dash], TODAY);
    expect(after.cell(dash.name, at, 2)).toBe(2);
    expect(after.cell(dash.name, at, 7)).toBe(overdue0 - 2);
    // And with time passing, the same tab shows more overdue activities.
    const later = new Evaluator([road, dash], '2027-06-01');
    expect(later.cell(dash.name, at, 7) as number).toBeGreaterThan(overdue0 - 2);
  });
});
