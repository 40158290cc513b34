// The municipal edition's extra Google surface, faked as strictly as Google behaves:
// - every call checks the OAuth scopes the edition's manifest grants (editions/municipal/appsscript.json),
//   and refuses with Apps Script's own «You do not have permission to call X. Required permissions: …»;
// - the Sheets API advanced service reads the fake drive, honours valueRenderOption and
//   dateTimeRenderOption (a FORMATTED_STRING date follows the school's locale: «4/20/2026» in en_US),
//   and answers HTTP 429 beyond 60 read requests a minute per user, on the fake clock;
// - document properties refuse a value over 9 KB in UTF-8 bytes, and a store over 500 KB;
// - time-driven triggers (at most 20), and a clock that advances by an assumed latency per call,
//   sleeps with Utilities.sleep, and kills an execution at Apps Script's 6-minute limit — so the real
//   job can be run against "time" without waiting for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ClockTriggerBuilderLike,
  DocumentPropertiesServiceLike,
  ScriptAppLike,
  SheetsApiLike,
  TriggerBuilderLike,
  TriggerLike,
} from '../../src/sheets/municipal/surface';
import type { PropertiesLike, SpreadsheetAppLike } from '../../src/sheets/surface';
import type { CallKind, CallLog } from './calls';
import { createFakeGas, type FakeGas } from './gas';
import { manifestScopes as manifestScopesOf } from './scopes';
import { FakeSpreadsheet } from './spreadsheet';
import { isDateValue } from './values';

export const SCOPE = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  currentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  readonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
} as const;

/** The scopes a manifest grants (oauthScopes). */
export function manifestScopes(path: string): string[] {
  const m = JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes?: string[] };
  return m.oauthScopes ?? [];
}

export const MUNICIPAL_MANIFEST = join(import.meta.dirname, '..', '..', 'editions', 'municipal', 'appsscript.json');

/** Refuses a call unless one of `anyOf` is granted, as Apps Script does at the call. */
export class ScopeGuard {
  readonly refused: string[] = [];
  constructor(public granted: readonly string[]) {}
  require(method: string, anyOf: readonly string[]): void {
    if (anyOf.some((s) => this.granted.includes(s))) return;
    this.refused.push(method);
    throw new Error(`Exception: You do not have permission to call ${method}. Required permissions: ${anyOf[0]}`);
  }
}

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
  if (method === 'Utilities.sleep') return 0;
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
    private readonly guard: ScopeGuard = new ScopeGuard([SCOPE.triggers]),
  ) {}
  newTrigger(functionName: string): TriggerBuilderLike {
    this.log.hit('service', 'ScriptApp.newTrigger');
    this.guard.require('ScriptApp.newTrigger', [SCOPE.triggers]);
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
    this.guard.require('ScriptApp.getProjectTriggers', [SCOPE.triggers]);
    return [...this.triggers];
  }
  deleteTrigger(trigger: TriggerLike): void {
    this.log.hit('service', 'ScriptApp.deleteTrigger');
    this.guard.require('ScriptApp.deleteTrigger', [SCOPE.triggers]);
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
const EPOCH = Date.UTC(1899, 11, 30);

/** A date cell as the API renders it: SERIAL_NUMBER, or FORMATTED_STRING in the spreadsheet's locale. */
function renderDate(v: Date, serial: boolean, locale: string): string | number {
  if (serial) return Math.round((Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) - EPOCH) / 86_400_000);
  if (locale === 'en_US') return `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}`;
  return `${pad2(v.getUTCDate())}.${pad2(v.getUTCMonth() + 1)}.${v.getUTCFullYear()}`;
}

export const QUOTA_MESSAGE = (method: string) =>
  `GoogleJsonResponseException: API call to sheets.${method} failed with error: Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:100000000001'.`;

/** The Sheets API advanced service over the fake drive, with the per-user read quota on the fake clock. */
export class FakeSheetsApi implements SheetsApiLike {
  /** Read requests (answered or refused), with their times. */
  readonly requests: { method: string; at: number; refused: boolean }[] = [];
  /** Read requests per minute per user (Google: 60). */
  limit = 60;
  /** The clock the quota is counted on (a bench may run the job on a clock that adds computing time). */
  time: () => number;
  /** The next n requests fail with this error, whatever the quota (429s, «Internal error»…). */
  private failures: { n: number; message: (method: string) => string } | null = null;
  readonly Spreadsheets: SheetsApiLike['Spreadsheets'];

  constructor(
    private readonly log: CallLog,
    clock: FakeClock,
    private readonly guard: ScopeGuard,
    private readonly open: (id: string) => FakeSpreadsheet,
    private readonly locales: Map<string, string>,
  ) {
    const api = this;
    this.time = () => clock.now;
    this.Spreadsheets = {
      get(id: string) {
        api.gate('spreadsheets.get', 'Sheets.Spreadsheets.get');
        const ss = api.open(id);
        return { properties: { title: ss.title }, sheets: ss.tabNames().map((title) => ({ properties: { title } })) };
      },
      Values: {
        batchGet(id: string, args: object) {
          api.gate('spreadsheets.values.batchGet', 'Sheets.Spreadsheets.Values.batchGet');
          const ss = api.open(id);
          const o = args as { ranges?: string[]; valueRenderOption?: string; dateTimeRenderOption?: string };
          const serial = o.dateTimeRenderOption === 'SERIAL_NUMBER';
          if (o.valueRenderOption !== 'UNFORMATTED_VALUE') throw new Error('fake batchGet supports only UNFORMATTED_VALUE');
          const locale = api.locales.get(id) ?? 'ru_RU';
          return {
            valueRanges: (o.ranges ?? []).map((range) => {
              const name = range.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
              const rows = ss.tab(name).snapshot();
              // The API leaves out trailing empty cells and rows.
              const values = rows.map((row) => {
                const out = row.map((v) => (isDateValue(v) ? renderDate(v, serial, locale) : v));
                while (out.length && out[out.length - 1] === '') out.pop();
                return out;
              });
              while (values.length && (values[values.length - 1] as unknown[]).length === 0) values.pop();
              return { range, values };
            }),
          };
        },
      },
    };
  }

  /** The next `n` requests fail with `message` (default: HTTP 429). */
  failNext(n: number, message: (method: string) => string = QUOTA_MESSAGE): void {
    this.failures = { n, message };
  }

  private gate(method: string, logged: string): void {
    this.log.hit('doc', logged);
    this.guard.require(logged, [SCOPE.readonly, SCOPE.spreadsheets]);
    const now = this.time();
    if (this.failures && this.failures.n > 0) {
      this.failures.n--;
      this.requests.push({ method, at: now, refused: true });
      throw new Error(this.failures.message(method));
    }
    const recent = this.requests.filter((r) => r.at > now - 60_000).length;
    const refused = recent >= this.limit;
    this.requests.push({ method, at: now, refused });
    if (refused) throw new Error(QUOTA_MESSAGE(method));
  }

  /** The most requests in any 60-second window (refused ones included). */
  maxPerMinute(): number {
    let best = 0;
    for (const r of this.requests) best = Math.max(best, this.requests.filter((x) => x.at > r.at - 60_000 && x.at <= r.at).length);
    return best;
  }

  get refused(): number {
    return this.requests.filter((r) => r.refused).length;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

/** Document properties as Google limits them: 9 KB per value, 500 KB per store, in UTF-8 bytes. */
export class StrictProperties implements PropertiesLike {
  readonly data = new Map<string, string>();
  constructor(private readonly log: CallLog) {}
  getProperty(key: string): string | null {
    this.log.hit('service', 'Properties.getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.log.hit('service', 'Properties.setProperty');
    if (typeof value !== 'string') throw new Error('Invalid argument: value');
    if (utf8(value) > 9 * 1024) throw new Error('Exception: Argument too large: value');
    let total = utf8(key) + utf8(value);
    for (const [k, v] of this.data) if (k !== key) total += utf8(k) + utf8(v);
    if (total > 500 * 1024)
      throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
    this.data.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.log.hit('service', 'Properties.deleteProperty');
    this.data.delete(key);
    return this;
  }
}

export interface MunicipalGas extends FakeGas {
  clock: FakeClock;
  latency: Latency;
  scriptApp: FakeScriptApp;
  api: FakeSheetsApi;
  scopes: ScopeGuard;
  documentProperties: StrictProperties;
  /** Time slept with Utilities.sleep, ms. */
  slept: number;
  /** Spreadsheets other than the active one, by id; an Error is what the API throws for that id. */
  drive: Map<string, FakeSpreadsheet | Error>;
  /** A school spreadsheet's locale (how FORMATTED_STRING renders its dates); default ru_RU. */
  locales: Map<string, string>;
  addSource(id: string, name: string, sheets: readonly (readonly [string, readonly (readonly unknown[])[]])[]): FakeSpreadsheet;
  denySource(id: string, message?: string): void;
  globals: FakeGas['globals'] & {
    SpreadsheetApp: SpreadsheetAppLike & { openById(id: string): FakeSpreadsheet };
    ScriptApp: FakeScriptApp;
    Sheets: SheetsApiLike;
    PropertiesService: DocumentPropertiesServiceLike & FakeGas['globals']['PropertiesService'];
    Utilities: FakeGas['globals']['Utilities'] & { sleep(ms: number): void };
  };
}

export function createMunicipalGas(opts: { name?: string; latency?: Partial<Latency>; scopes?: readonly string[] } = {}): MunicipalGas {
  // Every call is checked against the municipal manifest's scopes (no full `spreadsheets`: schools are
  // read through the Sheets API with `spreadsheets.readonly`).
  const gas = createFakeGas({ name: opts.name ?? 'Свод района', scopes: opts.scopes ?? manifestScopesOf('municipal') });
  const clock = new FakeClock();
  const latency: Latency = { ...NO_LATENCY, ...opts.latency };
  gas.log.onHit = (kind, method) => clock.advance(latencyOf(latency, kind, method));
  const guard = new ScopeGuard(opts.scopes ?? manifestScopes(MUNICIPAL_MANIFEST));
  const drive = new Map<string, FakeSpreadsheet | Error>();
  const locales = new Map<string, string>();
  const log = gas.log;
  const open = (id: string): FakeSpreadsheet => {
    const found = drive.get(id);
    if (found instanceof Error) throw found;
    if (!found)
      throw new Error(
        'GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
      );
    return found;
  };
  const base = gas.globals.SpreadsheetApp;
  const SpreadsheetApp = {
    ...base,
    getActiveSpreadsheet() {
      guard.require('SpreadsheetApp.getActiveSpreadsheet', [SCOPE.currentOnly, SCOPE.spreadsheets]);
      return base.getActiveSpreadsheet();
    },
    getUi() {
      guard.require('SpreadsheetApp.getUi', [SCOPE.ui]);
      return base.getUi();
    },
    openById(id: string): FakeSpreadsheet {
      log.hit('doc', 'SpreadsheetApp.openById');
      guard.require('SpreadsheetApp.openById', [SCOPE.spreadsheets]);
      return open(id);
    },
  };
  const scriptApp = new FakeScriptApp(log, clock, guard);
  const api = new FakeSheetsApi(log, clock, guard, open, locales);
  const documentProperties = new StrictProperties(log);
  const PropertiesService = Object.assign(Object.create(Object.getPrototypeOf(gas.properties)), gas.properties, {
    getDocumentProperties() {
      log.hit('service', 'PropertiesService.getDocumentProperties');
      return documentProperties;
    },
  });
  const out: MunicipalGas = {
    ...gas,
    clock,
    latency,
    scriptApp,
    api,
    scopes: guard,
    documentProperties,
    slept: 0,
    drive,
    locales,
    addSource(id, name, sheets) {
      const ss = new FakeSpreadsheet(name, log);
      for (const [sheet, values] of sheets) ss.addSheet(sheet, values);
      drive.set(id, ss);
      return ss;
    },
    denySource(
      id,
      message = 'GoogleJsonResponseException: API call to sheets.spreadsheets.get failed with error: The caller does not have permission',
    ) {
      drive.set(id, new Error(message));
    },
    globals: {
      ...gas.globals,
      SpreadsheetApp,
      ScriptApp: scriptApp,
      Sheets: api,
      PropertiesService,
      Utilities: Object.assign(Object.create(Object.getPrototypeOf(gas.globals.Utilities)), gas.globals.Utilities, {
        sleep(ms: number) {
          log.hit('service', 'Utilities.sleep');
          if (!Number.isInteger(ms) || ms < 0 || ms > 300_000) throw new Error('Exception: Invalid argument: milliseconds');
          out.slept += ms;
          clock.advance(ms);
        },
      }),
    },
  };
  return out;
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
