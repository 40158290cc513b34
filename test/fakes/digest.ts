// The e-mail digest edition's extra Google surface, faked as strictly as Google behaves: MailApp
// (records every letter, can refuse an address or run out of quota), ScriptApp's weekly clock triggers
// (counting creations and deletions), script properties, every call checked against the scopes the
// edition's manifest grants (editions/digest/appsscript.json), and the two contexts a time-driven
// trigger can run in: a script bound to the spreadsheet (its spreadsheet and document lock are there,
// no UI) and an add-on (no spreadsheet, getDocumentLock() returns null, no UI).

import { join } from 'node:path';
import type {
  DigestPropertiesServiceLike,
  DigestSpreadsheetAppLike,
  MailLike,
  WeeklyClockBuilderLike,
  WeeklyScriptAppLike,
  WeeklyTriggerBuilderLike,
  WeeklyTriggerLike,
} from '../../src/sheets/digest/surface';
import type { LockServiceLike, SpreadsheetAppLike } from '../../src/sheets/surface';
import type { CallLog } from './calls';
import { createFakeGas, type FakeGas } from './gas';
import { manifestScopes as manifestScopesAt, SCOPE, ScopeGuard } from './municipal';
import { manifestScopes } from './scopes';
import { FakeProperties, FakePropertiesService } from './services';

export const DIGEST_MANIFEST = join(import.meta.dirname, '..', '..', 'editions', 'digest', 'appsscript.json');

export interface Letter {
  to: string;
  subject: string;
  body: string;
}

export class FakeMailApp implements MailLike {
  readonly letters: Letter[] = [];
  calls = 0;
  /** Addresses MailApp refuses («Invalid email»). */
  readonly refuse = new Set<string>();
  /** Letters left today; sendEmail throws once it is used up. */
  quota = 100;
  constructor(
    private readonly log: CallLog,
    private readonly guard: ScopeGuard = new ScopeGuard([SCOPE.mail]),
  ) {}
  sendEmail(recipient: string, subject: string, body: string): void {
    this.log.hit('service', 'MailApp.sendEmail');
    this.guard.require('MailApp.sendEmail', [SCOPE.mail]);
    this.calls++;
    if (typeof recipient !== 'string' || typeof subject !== 'string' || typeof body !== 'string') throw new Error('Invalid argument');
    if (this.refuse.has(recipient)) throw new Error(`Invalid email: ${recipient}`);
    if (this.quota <= 0) throw new Error('Service invoked too many times for one day: email.');
    this.quota--;
    this.letters.push({ to: recipient, subject, body });
  }
  to(address: string): Letter[] {
    return this.letters.filter((l) => l.to === address);
  }
}

export type FakeWeekday = GoogleAppsScript.Base.Weekday;

export class FakeWeeklyTrigger implements WeeklyTriggerLike {
  constructor(
    readonly handler: string,
    readonly uid: string,
    readonly schedule: { everyWeeks: number | null; weekDay: FakeWeekday | null; hour: number | null },
  ) {}
  getHandlerFunction(): string {
    return this.handler;
  }
  getUniqueId(): string {
    return this.uid;
  }
}

export class FakeWeeklyScriptApp implements WeeklyScriptAppLike {
  readonly WeekDay = {
    SUNDAY: 'SUNDAY' as unknown as FakeWeekday,
    MONDAY: 'MONDAY' as unknown as FakeWeekday,
    TUESDAY: 'TUESDAY' as unknown as FakeWeekday,
  };
  readonly triggers: FakeWeeklyTrigger[] = [];
  created = 0;
  deleted = 0;
  private next = 1;
  constructor(
    private readonly log: CallLog,
    private readonly guard: ScopeGuard = new ScopeGuard([SCOPE.triggers]),
  ) {}
  newTrigger(functionName: string): WeeklyTriggerBuilderLike {
    this.log.hit('service', 'ScriptApp.newTrigger');
    this.guard.require('ScriptApp.newTrigger', [SCOPE.triggers]);
    const schedule: FakeWeeklyTrigger['schedule'] = { everyWeeks: null, weekDay: null, hour: null };
    const clock: WeeklyClockBuilderLike = {
      everyWeeks: (n) => {
        this.log.hit('builder', 'ClockTriggerBuilder.everyWeeks');
        if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: n');
        schedule.everyWeeks = n;
        return clock;
      },
      onWeekDay: (day) => {
        this.log.hit('builder', 'ClockTriggerBuilder.onWeekDay');
        if (schedule.everyWeeks === null) throw new Error('onWeekDay() needs everyWeeks() first.');
        schedule.weekDay = day;
        return clock;
      },
      atHour: (hour) => {
        this.log.hit('builder', 'ClockTriggerBuilder.atHour');
        if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
        schedule.hour = hour;
        return clock;
      },
      create: () => {
        this.log.hit('service', 'ClockTriggerBuilder.create');
        if (schedule.everyWeeks === null) throw new Error('A time-based trigger needs a time: call after(), at() or every…().');
        if (this.triggers.length >= 20)
          throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
        const t = new FakeWeeklyTrigger(functionName, `trigger-${this.next++}`, { ...schedule });
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
  getProjectTriggers(): FakeWeeklyTrigger[] {
    this.log.hit('service', 'ScriptApp.getProjectTriggers');
    this.guard.require('ScriptApp.getProjectTriggers', [SCOPE.triggers]);
    return [...this.triggers];
  }
  deleteTrigger(trigger: WeeklyTriggerLike): void {
    this.log.hit('service', 'ScriptApp.deleteTrigger');
    this.guard.require('ScriptApp.deleteTrigger', [SCOPE.triggers]);
    const i = this.triggers.indexOf(trigger as FakeWeeklyTrigger);
    if (i < 0) throw new Error('Trigger not found.');
    this.triggers.splice(i, 1);
    this.deleted++;
  }
  of(handler: string): FakeWeeklyTrigger[] {
    return this.triggers.filter((t) => t.handler === handler);
  }
}

/** PropertiesService with the script's store as well (per script project; a bound script has one spreadsheet). */
export class FakeDigestPropertiesService extends FakePropertiesService implements DigestPropertiesServiceLike {
  readonly script: FakeProperties;
  constructor(private readonly calls: CallLog) {
    super(calls);
    this.script = new FakeProperties(calls);
  }
  getScriptProperties(): FakeProperties {
    this.calls.hit('service', 'PropertiesService.getScriptProperties');
    return this.script;
  }
}

/** Where an execution runs: a menu or the sidebar; a time-driven trigger of the bound script; an add-on's. */
export type DigestContext = 'ui' | 'bound-trigger' | 'addon-trigger';

export interface DigestGas extends Omit<FakeGas, 'globals'> {
  mail: FakeMailApp;
  scriptApp: FakeWeeklyScriptApp;
  properties: FakeDigestPropertiesService;
  scopes: ScopeGuard;
  context: DigestContext;
  globals: Omit<FakeGas['globals'], 'LockService'> & {
    SpreadsheetApp: SpreadsheetAppLike & DigestSpreadsheetAppLike & { openById(id: string): unknown };
    MailApp: FakeMailApp;
    ScriptApp: FakeWeeklyScriptApp;
    PropertiesService: FakeDigestPropertiesService;
    LockService: LockServiceLike;
  };
}

export function createDigestGas(opts: { name?: string; scopes?: readonly string[] } = {}): DigestGas {
  const gas = createFakeGas({ name: opts.name ?? 'СОШ № 7: дорожные карты', scopes: opts.scopes ?? manifestScopes('digest') });
  const log = gas.log;
  const guard = new ScopeGuard(opts.scopes ?? manifestScopesAt(DIGEST_MANIFEST));
  const mail = new FakeMailApp(log, guard);
  const scriptApp = new FakeWeeklyScriptApp(log, guard);
  const properties = new FakeDigestPropertiesService(log);
  const base = gas.globals.SpreadsheetApp;
  const out: DigestGas = {
    ...gas,
    mail,
    scriptApp,
    properties,
    scopes: guard,
    context: 'ui',
    globals: {
      ...gas.globals,
      SpreadsheetApp: {
        ...base,
        getActiveSpreadsheet() {
          guard.require('SpreadsheetApp.getActiveSpreadsheet', [SCOPE.currentOnly, SCOPE.spreadsheets]);
          if (out.context === 'addon-trigger') {
            log.hit('service', 'SpreadsheetApp.getActiveSpreadsheet');
            return null as unknown as ReturnType<SpreadsheetAppLike['getActiveSpreadsheet']>;
          }
          return base.getActiveSpreadsheet();
        },
        getUi() {
          if (out.context !== 'ui') throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
          guard.require('SpreadsheetApp.getUi', [SCOPE.ui]);
          return base.getUi();
        },
        openById(id: string) {
          log.hit('doc', 'SpreadsheetApp.openById');
          guard.require('SpreadsheetApp.openById', [SCOPE.spreadsheets]);
          if (id !== gas.ss.getId())
            throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
          return gas.ss;
        },
      },
      MailApp: mail,
      ScriptApp: scriptApp,
      PropertiesService: properties,
      LockService: {
        // Outside a document's context (a standalone script, an add-on's time-driven trigger) Google returns null.
        getDocumentLock() {
          if (out.context === 'addon-trigger') {
            log.hit('service', 'LockService.getDocumentLock');
            return null as unknown as ReturnType<LockServiceLike['getDocumentLock']>;
          }
          return gas.lockService.getDocumentLock();
        },
      },
    },
  };
  return out;
}
