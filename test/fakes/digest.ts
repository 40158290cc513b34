// The e-mail digest edition's extra Google surface, faked: MailApp (records every letter, can refuse
// an address or run out of quota), ScriptApp's weekly clock triggers (counting creations and
// deletions), script properties, SpreadsheetApp.openById, and the context of a time-driven trigger
// (no active spreadsheet, no UI).
import type {
  DigestPropertiesServiceLike,
  DigestSpreadsheetAppLike,
  MailLike,
  WeeklyClockBuilderLike,
  WeeklyScriptAppLike,
  WeeklyTriggerBuilderLike,
  WeeklyTriggerLike,
} from '../../src/sheets/digest/surface';
import type { SpreadsheetAppLike } from '../../src/sheets/surface';
import type { CallLog } from './calls';
import { createFakeGas, type FakeGas } from './gas';
import { manifestScopes } from './scopes';
import { FakeProperties, FakePropertiesService } from './services';

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
  constructor(private readonly log: CallLog) {}
  sendEmail(recipient: string, subject: string, body: string): void {
    this.log.hit('service', 'MailApp.sendEmail');
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
  constructor(private readonly log: CallLog) {}
  newTrigger(functionName: string): WeeklyTriggerBuilderLike {
    this.log.hit('service', 'ScriptApp.newTrigger');
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
    return [...this.triggers];
  }
  deleteTrigger(trigger: WeeklyTriggerLike): void {
    this.log.hit('service', 'ScriptApp.deleteTrigger');
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

export interface DigestGas extends FakeGas {
  mail: FakeMailApp;
  scriptApp: FakeWeeklyScriptApp;
  properties: FakeDigestPropertiesService;
  /** Run as a time-driven trigger does: no active spreadsheet, no UI. */
  inTrigger: boolean;
  globals: FakeGas['globals'] & {
    SpreadsheetApp: SpreadsheetAppLike & DigestSpreadsheetAppLike;
    MailApp: FakeMailApp;
    ScriptApp: FakeWeeklyScriptApp;
    PropertiesService: FakeDigestPropertiesService;
  };
}

export function createDigestGas(opts: { name?: string } = {}): DigestGas {
  const gas = createFakeGas({ name: opts.name ?? 'СОШ № 7: дорожные карты', scopes: manifestScopes('digest') });
  const log = gas.log;
  const mail = new FakeMailApp(log);
  const scriptApp = new FakeWeeklyScriptApp(log);
  const properties = new FakeDigestPropertiesService(log);
  const base = gas.globals.SpreadsheetApp;
  const out: DigestGas = {
    ...gas,
    mail,
    scriptApp,
    properties,
    inTrigger: false,
    globals: {
      ...gas.globals,
      SpreadsheetApp: {
        ...base,
        getActiveSpreadsheet() {
          if (out.inTrigger) {
            log.hit('service', 'SpreadsheetApp.getActiveSpreadsheet');
            return null as unknown as ReturnType<SpreadsheetAppLike['getActiveSpreadsheet']>;
          }
          return base.getActiveSpreadsheet();
        },
        getUi() {
          if (out.inTrigger) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
          return base.getUi();
        },
        openById(id: string) {
          log.hit('doc', 'SpreadsheetApp.openById');
          if (id !== gas.ss.getId())
            throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
          return gas.ss;
        },
      },
      MailApp: mail,
      ScriptApp: scriptApp,
      PropertiesService: properties,
    },
  };
  return out;
}
