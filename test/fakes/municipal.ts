// The municipal edition's extra Google surface, faked: other spreadsheets opened by id, document
// properties (in services.ts), time-driven triggers, and a clock that advances by an assumed latency
// per call and kills an execution at Apps Script's 6-minute limit — so the real job can be run
// against "time" without waiting for it.
import type {
  ClockTriggerBuilderLike,
  ScriptAppLike,
  SheetsApiLike,
  SpreadsheetOpenerLike,
  TriggerBuilderLike,
  TriggerLike,
} from '../../src/sheets/municipal/surface';
import type { CallKind, CallLog } from './calls';
import { createFakeGas, type FakeGas } from './gas';
import { FakeSpreadsheet } from './spreadsheet';
import { isDateValue } from './values';

/** Assumed milliseconds per call, by method or kind (see bench/municipal.ts for the sources). */
export interface Latency {
  openById: number;
  /** Sheets API advanced service: Spreadsheets.get and Values.batchGet. */
  api: number;
  getValues: number;
  setValues: number;
  properties: number;
  /** Any other document call (getSheets, getName, getDataRange, formats…). */
  doc: number;
  service: number;
  ui: number;
  builder: number;
}

export const NO_LATENCY: Latency = {
  openById: 0,
  api: 0,
  getValues: 0,
  setValues: 0,
  properties: 0,
  doc: 0,
  service: 0,
  ui: 0,
  builder: 0,
};

export function latencyOf(model: Latency, kind: CallKind, method: string): number {
  if (method === 'SpreadsheetApp.openById') return model.openById;
  if (method.startsWith('Sheets.')) return model.api;
  if (method === 'Range.getValues') return model.getValues;
  if (method === 'Range.setValues') return model.setValues;
  if (method.startsWith('Properties.')) return model.properties;
  return model[kind];
}

export class ExecutionLimitError extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'ExecutionLimitError';
  }
}

/** Simulated time, ms. An execution that runs past `limitMs` from its start is killed on its next call. */
export class FakeClock {
  now = 0;
  executionStart = 0;
  limitMs = Number.POSITIVE_INFINITY;

  advance(ms: number): void {
    this.now += ms;
    if (this.now - this.executionStart > this.limitMs) throw new ExecutionLimitError();
  }

  /** A new execution (a menu click or a trigger) begins now. */
  startExecution(): void {
    this.executionStart = this.now;
  }

  readonly read = (): number => this.now;

  /**
   * A Date for a bundle's global scope (node:vm): `Date.now()` and `new Date()` read this clock, so the
   * built job measures its budget in simulated time. Instances are ordinary Dates (same prototype).
   */
  dateConstructor(): DateConstructor {
    const Real = Date;
    const clock = this;
    function ClockDate(this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return new Real(clock.now).toString();
      return Reflect.construct(Real, args.length ? args : [clock.now], new.target);
    }
    ClockDate.prototype = Real.prototype;
    return Object.assign(ClockDate, { now: () => clock.now, UTC: Real.UTC, parse: Real.parse }) as unknown as DateConstructor;
  }
}

export class FakeTrigger implements TriggerLike {
  constructor(
    readonly handler: string,
    readonly afterMs: number,
    readonly createdAt: number,
  ) {}
  getHandlerFunction(): string {
    return this.handler;
  }
  /** When the trigger fires, on the fake clock. */
  get dueAt(): number {
    return this.createdAt + this.afterMs;
  }
}

export class FakeScriptApp implements ScriptAppLike {
  readonly triggers: FakeTrigger[] = [];
  created = 0;
  deleted = 0;
  constructor(
    private readonly log: CallLog,
    private readonly clock: FakeClock,
  ) {}
  newTrigger(functionName: string): TriggerBuilderLike {
    this.log.hit('service', 'ScriptApp.newTrigger');
    let after: number | null = null;
    const clock: ClockTriggerBuilderLike = {
      after: (ms: number) => {
        this.log.hit('builder', 'ClockTriggerBuilder.after');
        if (!Number.isInteger(ms) || ms < 0) throw new Error('Invalid argument: durationMilliseconds');
        after = ms;
        return clock;
      },
      create: () => {
        this.log.hit('service', 'ClockTriggerBuilder.create');
        if (after === null) throw new Error('A time-based trigger needs a time: call after(), at() or every…().');
        if (this.triggers.length >= 20)
          throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
        const t = new FakeTrigger(functionName, after, this.clock.now);
        this.triggers.push(t);
        this.created++;
        return t;
      },
    };
    return {
      timeBased: () => {
        this.log.hit('builder', 'TriggerBuilder.timeBased');
        return clock;
      },
    };
  }
  getProjectTriggers(): FakeTrigger[] {
    this.log.hit('service', 'ScriptApp.getProjectTriggers');
    return [...this.triggers];
  }
  deleteTrigger(trigger: TriggerLike): void {
    this.log.hit('service', 'ScriptApp.deleteTrigger');
    const i = this.triggers.indexOf(trigger as FakeTrigger);
    if (i < 0) throw new Error('Trigger not found.');
    this.triggers.splice(i, 1);
    this.deleted++;
  }
  pending(handler: string): FakeTrigger | undefined {
    return this.triggers.find((t) => t.handler === handler);
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Sheets API advanced service over the same fake drive (values as UNFORMATTED_VALUE / FORMATTED_STRING). */
export function fakeSheetsApi(log: CallLog, open: (id: string) => FakeSpreadsheet): SheetsApiLike {
  return {
    Spreadsheets: {
      get(id: string) {
        log.hit('doc', 'Sheets.Spreadsheets.get');
        const ss = open(id);
        return { properties: { title: ss.title }, sheets: ss.tabNames().map((title) => ({ properties: { title } })) };
      },
      Values: {
        batchGet(id: string, args: object) {
          log.hit('doc', 'Sheets.Spreadsheets.Values.batchGet');
          const ss = open(id);
          const ranges = (args as { ranges?: string[] }).ranges ?? [];
          return {
            valueRanges: ranges.map((range) => {
              const name = range.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
              const rows = ss.tab(name).snapshot();
              // The API leaves out trailing empty cells and rows.
              const values = rows.map((row) => {
                const out = row.map((v) =>
                  isDateValue(v) ? `${pad2(v.getUTCDate())}.${pad2(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}` : v,
                );
                while (out.length && out[out.length - 1] === '') out.pop();
                return out;
              });
              while (values.length && (values[values.length - 1] as unknown[]).length === 0) values.pop();
              return { range, values };
            }),
          };
        },
      },
    },
  };
}

export interface MunicipalGas extends FakeGas {
  clock: FakeClock;
  latency: Latency;
  scriptApp: FakeScriptApp;
  /** Spreadsheets other than the active one, by id; an Error is what openById throws for that id. */
  drive: Map<string, FakeSpreadsheet | Error>;
  addSource(id: string, name: string, sheets: readonly (readonly [string, readonly (readonly unknown[])[]])[]): FakeSpreadsheet;
  denySource(id: string, message?: string): void;
  globals: FakeGas['globals'] & { SpreadsheetApp: SpreadsheetOpenerLike; ScriptApp: FakeScriptApp; Sheets: SheetsApiLike };
}

export function createMunicipalGas(opts: { name?: string; latency?: Partial<Latency> } = {}): MunicipalGas {
  // Scopes not checked yet: the municipal manifest lacks the `spreadsheets` scope openById needs
  // (issue 12, item 5). Once that is settled, pass `scopes: manifestScopes('municipal')` here.
  const gas = createFakeGas({ name: opts.name ?? 'Свод района', scopes: null });
  const clock = new FakeClock();
  const latency: Latency = { ...NO_LATENCY, ...opts.latency };
  gas.log.onHit = (kind, method) => clock.advance(latencyOf(latency, kind, method));
  const drive = new Map<string, FakeSpreadsheet | Error>();
  const log = gas.log;
  const open = (id: string): FakeSpreadsheet => {
    const found = drive.get(id);
    if (found instanceof Error) throw found;
    if (!found) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return found;
  };
  const SpreadsheetApp: SpreadsheetOpenerLike = {
    ...gas.globals.SpreadsheetApp,
    openById(id: string) {
      log.hit('doc', 'SpreadsheetApp.openById');
      return open(id);
    },
  };
  const scriptApp = new FakeScriptApp(log, clock);
  return {
    ...gas,
    clock,
    latency,
    scriptApp,
    drive,
    addSource(id, name, sheets) {
      const ss = new FakeSpreadsheet(name, log);
      for (const [sheet, values] of sheets) ss.addSheet(sheet, values);
      drive.set(id, ss);
      return ss;
    },
    denySource(id, message = 'You do not have permission to access the requested document.') {
      drive.set(id, new Error(message));
    },
    globals: { ...gas.globals, SpreadsheetApp, ScriptApp: scriptApp, Sheets: fakeSheetsApi(log, open) },
  };
}

/** Every value stored in every tab, uncounted (for assertions over a whole spreadsheet). */
export function allText(ss: FakeSpreadsheet): string {
  const parts: string[] = [];
  for (const name of ss.tabNames()) {
    const sheet = ss.tab(name);
    parts.push(name);
    for (const row of sheet.snapshot()) for (const v of row) parts.push(String(v));
    const { rows, cols } = sheet.usedSize();
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) parts.push(sheet.peek(r, c)?.note ?? '');
  }
  return parts.join('\n');
}
