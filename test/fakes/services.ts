// LockService and Utilities, as far as the add-on uses them.
import type { LockLike, LockServiceLike, PropertiesLike, PropertiesServiceLike, UtilitiesLike } from '../../src/sheets/surface';
import type { CallLog } from './calls';

export class FakeLock implements LockLike {
  held = false;
  acquired = 0;
  released = 0;
  /** Someone else holds the document lock: tryLock fails. */
  busy = false;
  constructor(private readonly log: CallLog) {}
  tryLock(_timeoutInMillis: number): boolean {
    this.log.hit('service', 'Lock.tryLock');
    if (this.busy || this.held) return false;
    this.held = true;
    this.acquired++;
    return true;
  }
  releaseLock(): void {
    this.log.hit('service', 'Lock.releaseLock');
    if (this.held) this.released++;
    this.held = false;
  }
}

export class FakeLockService implements LockServiceLike {
  readonly lock: FakeLock;
  constructor(private readonly log: CallLog) {
    this.lock = new FakeLock(log);
  }
  getDocumentLock(): FakeLock {
    this.log.hit('service', 'LockService.getDocumentLock');
    return this.lock;
  }
}

export class FakeUtilities implements UtilitiesLike {
  constructor(private readonly log: CallLog) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    this.log.hit('service', 'Utilities.formatDate');
    if (format !== 'yyyy-MM-dd') throw new Error(`fake formatDate supports only yyyy-MM-dd, not ${format}`);
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  }
}

/** One user's property store (user properties are per user and script, across documents). */
export class FakeProperties implements PropertiesLike {
  readonly data = new Map<string, string>();
  constructor(private readonly log: CallLog) {}
  getProperty(key: string): string | null {
    this.log.hit('service', 'Properties.getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.log.hit('service', 'Properties.setProperty');
    if (typeof value !== 'string') throw new Error('Invalid argument: value');
    // Apps Script caps a value at 9 KB.
    if (value.length > 9 * 1024) throw new Error('Argument too large: value');
    this.data.set(key, value);
    return this;
  }
  deleteProperty(key: string): this {
    this.log.hit('service', 'Properties.deleteProperty');
    this.data.delete(key);
    return this;
  }
}

export class FakePropertiesService implements PropertiesServiceLike {
  readonly user: FakeProperties;
  /** The document's store (the municipal job keeps its cursor there). */
  readonly document: FakeProperties;
  constructor(private readonly log: CallLog) {
    this.user = new FakeProperties(log);
    this.document = new FakeProperties(log);
  }
  getUserProperties(): FakeProperties {
    this.log.hit('service', 'PropertiesService.getUserProperties');
    return this.user;
  }
  getDocumentProperties(): FakeProperties {
    this.log.hit('service', 'PropertiesService.getDocumentProperties');
    return this.document;
  }
}
