// The district edition against fakes as strict as Google: the Sheets API quota (60 reads a minute per
// user, HTTP 429 beyond), passing failures, locale-formatted dates, scopes per call from the manifest,
// property values in UTF-8 bytes, and trigger runs that fail.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChunkReport } from '../../src/core/municipal/job';
import { parseState } from '../../src/core/municipal/state';
import { M } from '../../src/core/strings';
import { municipalContinue } from '../../src/server/municipal/handlers';
import { MAX_TRIGGER_FAILURES, municipalChunk, recordTriggerFailure } from '../../src/server/municipal/job';
import { getAggregationStatus } from '../../src/server/municipal/status';
import { classifyGoogleError } from '../../src/sheets/municipal/google-errors';
import { QuotaGate, READS_PER_MINUTE } from '../../src/sheets/municipal/quota';
import { serialToDate } from '../../src/sheets/municipal/serial-dates';
import { CURSOR_PROPERTY, loadCursor, saveCursor } from '../../src/sheets/municipal/state';
import { CONTINUE_HANDLER } from '../../src/sheets/municipal/triggers';
import { installFakeGas } from '../fakes';
import { createMunicipalGas, MUNICIPAL_MANIFEST, type MunicipalGas, manifestScopes, SCOPE } from '../fakes/municipal';
import { district30, id30, reportsSheet, roadmapW1, schoolWorkbook, sources30 } from './district30';

let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
});

const SCHOOLS = district30();

function setup(opts: { scopes?: readonly string[]; api?: number } = {}): MunicipalGas {
  undo?.();
  const gas = createMunicipalGas({
    latency: { api: opts.api ?? 300, doc: 5, getValues: 20, setValues: 20 },
    ...(opts.scopes ? { scopes: opts.scopes } : {}),
  });
  undo = installFakeGas(gas);
  // 20.05.2026, 09:00 UTC: the day the roadmaps of district30.ts are counted on.
  gas.clock.now = Date.UTC(2026, 4, 20, 9);
  gas.ss.addSheet(M.tabs.sources, sources30(SCHOOLS));
  gas.ss.addSheet(M.reports.sheet, reportsSheet());
  for (const s of SCHOOLS) {
    const wb = schoolWorkbook(s);
    gas.addSource(
      id30(s),
      wb.name,
      wb.grids.map((g) => [g.name, g.values] as const),
    );
  }
  return gas;
}

function runAll(gas: MunicipalGas): ChunkReport[] {
  const reports: ChunkReport[] = [];
  gas.clock.limitMs = 360_000;
  gas.clock.startExecution();
  let r = municipalChunk(gas.ss, 'start', gas.clock.read) as ChunkReport;
  reports.push(r);
  while (!r.finished) {
    const t = gas.scriptApp.pending(CONTINUE_HANDLER);
    if (!t) throw new Error('no continuation trigger');
    gas.clock.now = t.dueAt;
    gas.clock.startExecution();
    r = municipalChunk(gas.ss, 'continue', gas.clock.read) as ChunkReport;
    reports.push(r);
    if (reports.length > 30) throw new Error('the job does not finish');
  }
  return reports;
}

const failedCount = (gas: MunicipalGas) =>
  [...parseState(gas.ss.tab(M.tabs.state).snapshot()).values()].filter((r) => r.status === 'failed').length;

describe('the Sheets API read quota', () => {
  it('30 schools, two requests each: the job keeps under 60 reads a minute, waits instead of failing, no 429', () => {
    const gas = setup();
    const reports = runAll(gas);
    expect(reports.at(-1)?.finished).toBe(true);
    expect(gas.api.requests).toHaveLength(60);
    expect(gas.api.refused).toBe(0);
    expect(gas.api.maxPerMinute()).toBeLessThanOrEqual(READS_PER_MINUTE);
    expect(gas.slept).toBeGreaterThan(0);
    expect(failedCount(gas)).toBe(0);
  });

  it('HTTP 429 from Google: exponential backoff (2, 4, 8 s), the same school read again and not counted as failed', () => {
    const gas = setup();
    gas.api.failNext(3);
    const reports = runAll(gas);
    expect(reports.at(-1)?.finished).toBe(true);
    expect(gas.api.refused).toBe(3);
    expect(failedCount(gas)).toBe(0);
    // The quota gate adds its own waits; the backoff sleeps are there among them.
    expect(gas.slept).toBeGreaterThanOrEqual(2_000 + 4_000 + 8_000);
  });

  it('a 429 that outlasts the chunk ends it with «quota»: the status says so and the next step is scheduled, the school is not failed', () => {
    const gas = setup();
    gas.api.failNext(9);
    gas.clock.limitMs = 360_000;
    gas.clock.startExecution();
    const r = municipalChunk(gas.ss, 'start', gas.clock.read) as ChunkReport;
    expect(r.finished).toBe(false);
    expect(r.why).toBe('quota');
    expect(r.done).toBe(0);
    const st = getAggregationStatus();
    expect(st.text).toContain('Google разрешает не больше 60 чтений таблиц в минуту');
    expect(st.nextAt).not.toBeNull();
    expect(loadCursor()?.retry).toMatchObject({ key: id30(SCHOOLS[0] as never), attempts: expect.any(Number) });
    const t = gas.scriptApp.pending(CONTINUE_HANDLER);
    expect(t?.afterMs).toBeGreaterThan(60_000);
    gas.clock.now = (t as { dueAt: number }).dueAt;
    gas.clock.startExecution();
    let next = municipalChunk(gas.ss, 'continue', gas.clock.read) as ChunkReport;
    while (!next.finished) {
      const tt = gas.scriptApp.pending(CONTINUE_HANDLER) as { dueAt: number };
      gas.clock.now = tt.dueAt;
      gas.clock.startExecution();
      next = municipalChunk(gas.ss, 'continue', gas.clock.read) as ChunkReport;
    }
    expect(failedCount(gas)).toBe(0);
  });

  it('a passing failure is retried; one that persists fails that school only, with a reason in Russian', () => {
    const gas = setup();
    gas.api.failNext(2, (m) => `GoogleJsonResponseException: API call to sheets.${m} failed with error: Internal error encountered.`);
    runAll(gas);
    expect(failedCount(gas)).toBe(0);

    // Four attempts fail (MAX_TRANSIENT = 3 retries): that school fails, the next one is read.
    const again = setup();
    again.api.failNext(4, () => 'Exception: Service Spreadsheets failed while accessing document with id 1DISTRICT30.');
    runAll(again);
    const records = [...parseState(again.ss.tab(M.tabs.state).snapshot()).values()];
    expect(records.filter((r) => r.status === 'failed').map((r) => r.reason)).toEqual([M.google.transient]);
  });

  it('the gate counts a sliding minute and survives between executions', () => {
    let now = 0;
    const gate = new QuotaGate(() => now, [], 3, 60_000);
    for (let i = 0; i < 3; i++) {
      gate.record();
      now += 1000;
    }
    expect(gate.waitFor(1)).toBe(60_000 - 3000 + 1);
    expect(gate.waitFor(2)).toBe(60_000 - 2000 + 1);
    const next = new QuotaGate(() => now, gate.snapshot(), 3, 60_000);
    expect(next.waitFor(1)).toBe(57_001);
    now = 62_000;
    expect(next.waitFor(3)).toBe(0);
  });
});

describe('values and dates read unformatted', () => {
  it('a school whose spreadsheet is in the US locale: roadmap dates arrive as serials and are read as dates', () => {
    const gas = setup();
    const w1 = SCHOOLS[0] as (typeof SCHOOLS)[number];
    gas.locales.set(id30(w1), 'en_US');
    runAll(gas);
    const ex = gas.ss.tab(M.tabs.execution).snapshot();
    const row = ex.find((r) => r[1] === w1.code) as unknown[];
    // Done 2, in progress 1, not started 3, overdue 2, undated 1 (the hand count of district30.ts), next 31.05.2026.
    expect(row.slice(6, 11)).toEqual([2, 1, 3, 2, 1]);
    expect((row[11] as Date).toISOString().slice(0, 10)).toBe('2026-05-31');
    expect(serialToDate(46142).toISOString()).toBe('2026-04-30T12:00:00.000Z');
  });

  it('asks for UNFORMATTED_VALUE and SERIAL_NUMBER (a formatted date would depend on the locale)', () => {
    const gas = setup();
    let args: Record<string, unknown> = {};
    const real = gas.api.Spreadsheets.Values.batchGet.bind(gas.api.Spreadsheets.Values);
    gas.api.Spreadsheets.Values.batchGet = (id: string, a: object) => {
      args = a as Record<string, unknown>;
      return real(id, a);
    };
    runAll(gas);
    expect(args).toMatchObject({ valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });
    expect(roadmapW1().values.length).toBeGreaterThan(4);
  });
});

describe('scopes per call, from the manifest', () => {
  it('the district edition never needs the full spreadsheets scope (no openById)', () => {
    const granted = manifestScopes(MUNICIPAL_MANIFEST);
    expect(granted).not.toContain(SCOPE.spreadsheets);
    expect(granted).toEqual(expect.arrayContaining([SCOPE.currentOnly, SCOPE.readonly, SCOPE.triggers, SCOPE.ui]));
    const gas = setup();
    runAll(gas);
    expect(gas.scopes.refused).toEqual([]);
    expect(() => gas.globals.SpreadsheetApp.openById(id30(SCHOOLS[0] as never))).toThrow(
      /Required permissions: https:\/\/www\.googleapis\.com\/auth\/spreadsheets( \|\||$)/,
    );
  });

  it('without spreadsheets.readonly nothing can be read: the step stops with the reason, no school is marked failed', () => {
    const gas = setup({ scopes: [SCOPE.currentOnly, SCOPE.triggers, SCOPE.ui] });
    gas.clock.startExecution();
    expect(() => municipalChunk(gas.ss, 'start', gas.clock.read)).toThrow(/скрипту не выдано разрешение «spreadsheets.readonly»/);
    expect(
      recordTriggerFailure(
        new Error(
          'Exception: You do not have permission to call Sheets.Spreadsheets.get. Required permissions: https://www.googleapis.com/auth/spreadsheets.readonly',
        ),
      ),
    ).toBe('stopped');
    const st = getAggregationStatus();
    expect(st.phase).toBe('stopped');
    expect(st.text).toMatch(/^Прочитано таблиц: 0 из 30\. Сбор остановлен: скрипту не выдано разрешение «spreadsheets\.readonly»/);
  });
});

describe('trigger runs that fail', () => {
  it('a passing failure is recorded with its reason and rescheduled with backoff; after repeated failures the collection stops', () => {
    const gas = setup({ api: 10_000 });
    gas.clock.startExecution();
    municipalChunk(gas.ss, 'start', gas.clock.read);
    const due = () => (gas.scriptApp.pending(CONTINUE_HANDLER) as { afterMs: number }).afterMs;
    for (let i = 1; i < MAX_TRIGGER_FAILURES; i++) {
      gas.log.failOnDocCall(1, 'Service Spreadsheets failed while accessing document with id district.');
      gas.clock.startExecution();
      municipalContinue({ triggerUid: 't' });
      const c = loadCursor();
      expect(c?.failures).toBe(i);
      expect(c?.lastError?.text).toBe(M.google.transient);
      expect(due()).toBe(60_000 * 2 ** (i - 1));
      expect(getAggregationStatus().text).toContain(`Шаг сбора не выполнен: ${M.google.transient} Повтор через ${2 ** (i - 1)} мин.`);
    }
    gas.log.failOnDocCall(1, 'Service Spreadsheets failed while accessing document with id district.');
    gas.clock.startExecution();
    municipalContinue({ triggerUid: 't' });
    const st = getAggregationStatus();
    expect(st.phase).toBe('stopped');
    expect(st.stopReason).toBe(M.google.transient);
    expect(st.text).toContain(M.status.stoppedBecause(M.google.transient));
    expect(gas.scriptApp.pending(CONTINUE_HANDLER)).toBeUndefined();
    // «Продолжить сбор» resumes the stopped run where it was.
    gas.clock.startExecution();
    const r = municipalChunk(gas.ss, 'continue', gas.clock.read) as ChunkReport;
    expect(r).not.toBeNull();
    expect(loadCursor()?.phase).not.toBe('stopped');
    expect(loadCursor()?.failures).toBe(0);
  });

  it('«Источники» gone mid-run: waiting cannot help — stopped at once with the message', () => {
    const gas = setup({ api: 10_000 });
    gas.clock.startExecution();
    municipalChunk(gas.ss, 'start', gas.clock.read);
    gas.ss.addSheet('Лист1');
    gas.ss.deleteSheet(gas.ss.tab(M.tabs.sources));
    gas.clock.startExecution();
    municipalContinue({ triggerUid: 't' });
    const st = getAggregationStatus();
    expect(st.phase).toBe('stopped');
    expect(st.stopReason).toMatch(/Лист «Источники» не найден/);
  });

  it('a long Russian reason still fits a property value (9 KB in UTF-8): texts are capped', () => {
    setup();
    saveCursor({ runId: 'r1', startedAt: 0, chunks: 1, phase: 'running', maxSourceMs: 0, lastChunkAt: 0, done: 0, total: 1, failed: 0 });
    expect(recordTriggerFailure(new Error(`Exception: ${'ошибка '.repeat(2000)}`))).toBe('rescheduled');
    const raw = (
      globalThis as unknown as { PropertiesService: { getDocumentProperties(): { getProperty(k: string): string } } }
    ).PropertiesService.getDocumentProperties().getProperty(CURSOR_PROPERTY);
    expect(new TextEncoder().encode(raw).length).toBeLessThan(9 * 1024);
  });

  it('the strict properties refuse a value over 9 KB in bytes, as Google does', () => {
    const gas = setup();
    expect(() => gas.documentProperties.setProperty('x', 'я'.repeat(5000))).toThrow(/Argument too large/);
    expect(() => gas.documentProperties.setProperty('x', 'z'.repeat(5000))).not.toThrow();
  });
});

describe('Google errors in words the user can act on', () => {
  it.each([
    ["Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'", 'quota', true],
    ['Service Spreadsheets failed while accessing document with id 1abc.', 'transient', true],
    ['Exceeded maximum execution time', 'timeLimit', true],
    [
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
      'scope',
      false,
    ],
    ['This script has too many triggers. Triggers must be deleted from the script before more can be added.', 'triggers', false],
    ['Service invoked too many times for one day: urlfetch.', 'daily', false],
    ['The caller does not have permission', 'noAccess', false],
    ['Requested entity was not found.', 'notFound', false],
    ['Something odd', 'other', false],
  ] as const)('%s → %s', (message, kind, retry) => {
    const g = classifyGoogleError(new Error(message));
    expect([g.kind, g.retry]).toEqual([kind, retry]);
    expect(g.text).toMatch(/[а-яё]/i);
  });

  it('names the missing scope and says what to do', () => {
    expect(
      classifyGoogleError(
        new Error(
          'Exception: You do not have permission to call X. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
        ),
      ).text,
    ).toBe(M.google.scope('«script.scriptapp»'));
  });
});
