// One fake Apps Script environment: the globals the bundle expects, all sharing one call log.
import type { SpreadsheetAppLike } from '../../src/sheets/surface';
import { FakeConditionalRuleBuilder, FakeDataValidationBuilder, FakeFilterCriteriaBuilder, FakeTextStyleBuilder } from './builders';
import { CallLog } from './calls';
import { manifestScopes } from './scopes';
import { FakeLockService, FakePropertiesService, FakeUtilities } from './services';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeHtmlService, FakeUi } from './ui';

export interface FakeGas {
  log: CallLog;
  ss: FakeSpreadsheet;
  ui: FakeUi;
  lockService: FakeLockService;
  properties: FakePropertiesService;
  /** The globals, by their Apps Script names. */
  globals: {
    SpreadsheetApp: SpreadsheetAppLike;
    LockService: FakeLockService;
    HtmlService: FakeHtmlService;
    Utilities: FakeUtilities;
    PropertiesService: FakePropertiesService;
  };
}

export interface FakeGasOptions {
  name?: string;
  timeZone?: string;
  /**
   * OAuth scopes the project grants: every call is checked against them (./scopes.ts). Default: the
   * school edition's manifest; null: not checked.
   */
  scopes?: readonly string[] | null;
  /** false: the execution has no containing document (getDocumentLock returns null). */
  inDocument?: boolean;
}

export function createFakeGas(opts: FakeGasOptions = {}): FakeGas {
  const log = new CallLog();
  const scopes = opts.scopes === undefined ? manifestScopes('school') : opts.scopes;
  log.scopes = scopes ? new Set(scopes) : null;
  const ss = new FakeSpreadsheet(opts.name ?? 'Тестовая таблица', log, opts.timeZone);
  const ui = new FakeUi(log);
  const lockService = new FakeLockService(log);
  lockService.inDocument = opts.inDocument ?? true;
  const SpreadsheetApp: SpreadsheetAppLike = {
    getActiveSpreadsheet() {
      log.hit('service', 'SpreadsheetApp.getActiveSpreadsheet');
      return ss;
    },
    getUi() {
      log.hit('service', 'SpreadsheetApp.getUi');
      return ui;
    },
    newTextStyle() {
      log.hit('builder', 'SpreadsheetApp.newTextStyle');
      return new FakeTextStyleBuilder(log);
    },
    newDataValidation() {
      log.hit('builder', 'SpreadsheetApp.newDataValidation');
      return new FakeDataValidationBuilder(log);
    },
    newConditionalFormatRule() {
      log.hit('builder', 'SpreadsheetApp.newConditionalFormatRule');
      return new FakeConditionalRuleBuilder(log);
    },
    newFilterCriteria() {
      log.hit('builder', 'SpreadsheetApp.newFilterCriteria');
      return new FakeFilterCriteriaBuilder(log);
    },
  };
  const properties = new FakePropertiesService(log);
  return {
    log,
    ss,
    ui,
    lockService,
    properties,
    globals: {
      SpreadsheetApp,
      LockService: lockService,
      HtmlService: new FakeHtmlService(log),
      Utilities: new FakeUtilities(log),
      PropertiesService: properties,
    },
  };
}

/** Puts the fake globals on globalThis for code imported directly by tests; returns the undo. */
export function installFakeGas(gas: FakeGas): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const before = new Map(Object.keys(gas.globals).map((k) => [k, g[k]]));
  Object.assign(g, gas.globals);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
