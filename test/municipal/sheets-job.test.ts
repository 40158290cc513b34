// The Apps Script host of the municipal job against the fake Google services and a fake clock: each
// call costs its assumed latency, an execution dies after 6 minutes. The job must stop on its own
// budget, resume from the trigger, and end with exactly what one uninterrupted run writes.
import { afterEach, describe, expect, it } from 'vitest';
import { type ChunkReport, runChunk } from '../../src/core/municipal/job';
import { parseState } from '../../src/core/municipal/state';
import { M } from '../../src/core/strings';
import { municipalContinue } from '../../src/server/municipal/handlers';
import { municipalChunk } from '../../src/server/municipal/job';
import { getAggregationStatus } from '../../src/server/municipal/status';
import { readPlan, sheetsJobHost } from '../../src/sheets/municipal/host';
import { CONTINUE_HANDLER } from '../../src/sheets/municipal/triggers';
import { installFakeGas } from '../fakes';
import { allText, createMunicipalGas, ExecutionLimitError, type Latency, type MunicipalGas } from '../fakes/municipal';
import { allStudentNames, sources, sourcesSheet } from './fixtures';

let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
});

const DISTRICT_TABS = [M.tabs.summary, M.tabs.deficits, M.tabs.shnor, M.tabs.execution];
const HARD_LIMIT = 360_000;

/** The district workbook with «Источники» and the schools' spreadsheets on the fake drive (read through the Sheets API). */
function setup(latency: Partial<Latency> = {}): MunicipalGas {
  undo?.();
  const gas = createMunicipalGas({ latency });
  undo = installFakeGas(gas);
  gas.ss.addSheet(M.tabs.sources, sourcesSheet());
  for (const s of sources()) {
    if (s.error) gas.denySource(s.id, s.error);
    else
      gas.addSource(
        s.id,
        s.name,
        s.grids.map((g) => [g.name, g.values] as const),
      );
  }
  return gas;
}

function snapshot(gas: MunicipalGas): Record<string, unknown[][]> {
  return Object.fromEntries(DISTRICT_TABS.map((t) => [t, gas.ss.tab(t).snapshot()]));
}

/** Runs chunks as the trigger would until the job finishes; returns the reports. */
function runAll(gas: MunicipalGas, first: 'start' | 'continue' = 'start'): ChunkReport[] {
  const reports: ChunkReport[] = [];
  gas.clock.startExecution();
  let r = municipalChunk(gas.ss, first, gas.clock.read) as ChunkReport;
  reports.push(r);
  while (!r.finished) {
    const t = gas.scriptApp.pending(CONTINUE_HANDLER);
    expect(t, 'a continuation trigger is pending').toBeDefined();
    gas.clock.now = (t as { dueAt: number }).dueAt;
    gas.clock.startExecution();
    r = municipalChunk(gas.ss, 'continue', gas.clock.read) as ChunkReport;
    reports.push(r);
    if (reports.length > 50) throw new Error('the job does not finish');
  }
  return reports;
}

function uninterrupted(): Record<string, unknown[][]> {
  const gas = setup();
  const reports = runAll(gas);
  expect(reports).toHaveLength(1);
  return snapshot(gas);
}

describe('municipal job in Apps Script (fake clock)', () => {
  it('one chunk when there is time: three district tabs, the status, the hidden state, no pending trigger', () => {
    const gas = setup();
    const [r] = runAll(gas);
    expect(r?.done).toBe(8);
    expect(r?.failed).toBe(4);
    for (const t of [...DISTRICT_TABS, M.tabs.status, M.tabs.state, 'Настройки ОКО']) expect(gas.ss.tabNames()).toContain(t);
    expect(gas.ss.tab(M.tabs.state).hidden).toBe(true);
    expect(gas.scriptApp.triggers).toEqual([]);
    // Two read requests per readable source, one for each that cannot be opened; never openById.
    expect(gas.log.count('Sheets.Spreadsheets.get')).toBe(8);
    expect(gas.log.count('Sheets.Spreadsheets.Values.batchGet')).toBe(6);
    expect(gas.log.count('SpreadsheetApp.openById')).toBe(0);
    expect(gas.scopes.refused).toEqual([]);
    const status = gas.ss.tab(M.tabs.status).snapshot();
    expect(status[1]?.[0]).toBe('Прочитано таблиц: 8 из 8; с ошибкой: 4.');
    expect(status.find((x) => x[2] === 'edu000006')?.[5]).toBe(M.read.noAccess);
    expect(status.find((x) => x[2] === 'edu000007')?.[5]).toBe(M.read.notFound);
  });

  it('stops on its budget, resumes from the trigger, and ends exactly as one uninterrupted run', () => {
    const expected = uninterrupted();
    // Each API request costs 40 s (80 s a readable source): 3 fit in a 270 s chunk with its 20 s reserve.
    const gas = setup({ api: 40_000, getValues: 500, doc: 50, service: 30, properties: 50 });
    gas.clock.limitMs = HARD_LIMIT;
    const reports = runAll(gas);
    for (const r of reports) expect(r.elapsedMs).toBeLessThan(HARD_LIMIT);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)?.finished).toBe(true);
    expect(snapshot(gas)).toEqual(expected);
    // No source was read twice, no record is duplicated, and no trigger is left behind.
    expect(gas.log.count('Sheets.Spreadsheets.get')).toBe(8);
    const records = parseState(gas.ss.tab(M.tabs.state).snapshot());
    expect(records.size).toBe(8);
    expect(new Set([...records.values()].map((r) => r.runId)).size).toBe(1);
    expect(gas.scriptApp.pending(CONTINUE_HANDLER)).toBeUndefined();
  });

  it('survives being killed at 6 minutes mid-chunk: the safety trigger resumes, nothing is lost or doubled', () => {
    const expected = uninterrupted();
    const gas = setup({ api: 30_000, getValues: 500, doc: 50, service: 30, properties: 50 });
    gas.clock.limitMs = HARD_LIMIT;
    gas.clock.startExecution();
    const { plan } = readPlan(gas.ss);
    // A budget beyond the limit (as if misconfigured): the execution dies before it saves anything.
    expect(() => runChunk(sheetsJobHost(gas.ss, plan, gas.clock.read), plan, 'start', { budgetMs: 600_000 })).toThrow();
    expect(gas.clock.now - gas.clock.executionStart).toBeGreaterThan(HARD_LIMIT);
    expect(gas.ss.tabNames()).not.toContain(M.tabs.summary);
    const safety = gas.scriptApp.pending(CONTINUE_HANDLER);
    expect(safety?.afterMs).toBe(HARD_LIMIT + 60_000);
    // The killed chunk is on record: the status says so (and when the safety trigger continues).
    gas.clock.startExecution();
    expect(getAggregationStatus().text).toContain(M.status.killed(1));
    const reports = runAll(gas, 'continue');
    expect(reports.at(-1)?.finished).toBe(true);
    expect(snapshot(gas)).toEqual(expected);
    expect(parseState(gas.ss.tab(M.tabs.state).snapshot()).size).toBe(8);
    expect(gas.ss.tabNames().filter((n) => n.startsWith('~ОКО~'))).toEqual([]);
  });

  it('a re-run re-analyses only the changed source, replaces its rows and duplicates nothing', () => {
    const gas = setup();
    runAll(gas);
    const before = gas.ss.tab(M.tabs.summary).snapshot();
    // School B's teacher fixes a score: 2 → 0 on task 2 of the last student.
    const b = gas.drive.get(sources()[1]?.id as string);
    if (!b || b instanceof Error) throw new Error('no school B');
    b.tab('ВПР 2026 Математика 5 класс').cellAt(11, 4).value = 0;
    gas.clock.now += 3_600_000;
    const [r] = runAll(gas);
    expect(r?.changed).toBe(1);
    const after = gas.ss.tab(M.tabs.summary).snapshot();
    expect(after.length).toBe(before.length);
    const rowB = (rows: unknown[][]) => rows.find((x) => x[1] === 'edu000002');
    expect(rowB(after)?.[11]).not.toEqual(rowB(before)?.[11]);
    const status = gas.ss.tab(M.tabs.status).snapshot();
    expect(status.filter((x) => x[4] === M.status.changed).map((x) => x[2])).toEqual(['edu000002']);
    expect(status.filter((x) => x[4] === M.status.unchanged)).toHaveLength(3);
  });

  it('writes no student name anywhere and no formula from a source', () => {
    const gas = setup();
    // A school name that Sheets would run as a formula if written raw.
    gas.ss.tab(M.tabs.sources).cellAt(6, 3).value = '=IMPORTRANGE("x";"A1")';
    runAll(gas);
    const text = allText(gas.ss);
    for (const name of allStudentNames()) expect(text).not.toContain(name);
    for (const tab of [...DISTRICT_TABS, M.tabs.status]) {
      const sheet = gas.ss.tab(tab);
      const { rows, cols } = sheet.usedSize();
      for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) expect(sheet.peek(r, c)?.formula ?? null).toBeNull();
    }
    expect(text).toContain('=IMPORTRANGE("x";"A1")');
  });

  it('status for the sidebar, «Продолжить» with nothing to continue, and a trigger that meets a busy lock', () => {
    const gas = setup({ api: 30_000 });
    expect(getAggregationStatus().phase).toBe('idle');
    gas.clock.startExecution();
    municipalChunk(gas.ss, 'start', gas.clock.read);
    const st = getAggregationStatus();
    expect(st).toMatchObject({ phase: 'running', done: 4, total: 8, failed: 0, chunks: 1 });
    expect(st.text).toContain('Прочитано таблиц: 4 из 8');

    gas.scriptApp.triggers.splice(0);
    gas.lockService.lock.busy = true;
    municipalContinue({ triggerUid: '42' });
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.scriptApp.pending(CONTINUE_HANDLER)?.afterMs).toBe(60_000);
    gas.lockService.lock.busy = false;

    const idle = setup();
    municipalContinue();
    expect(idle.ss.toasts.at(-1)?.msg).toBe(M.status.nothingToContinue);
  });

  it('refuses to start without «Источники», with a clear message', () => {
    const gas = setup();
    gas.ss.addSheet('Лист1');
    gas.ss.deleteSheet(gas.ss.tab(M.tabs.sources));
    expect(() => municipalChunk(gas.ss, 'start', gas.clock.read)).toThrow(/Лист «Источники» не найден/);
  });
});

describe('the fake clock', () => {
  it('kills an execution that runs past its limit', () => {
    const gas = setup({ getValues: 400_000 });
    gas.clock.limitMs = HARD_LIMIT;
    gas.clock.startExecution();
    expect(() => gas.ss.tab(M.tabs.sources).getDataRange().getValues()).toThrow(ExecutionLimitError);
  });
});
