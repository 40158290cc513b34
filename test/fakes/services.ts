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
  /**
   * The execution runs in the context of a containing document (a bound script, a menu, the sidebar).
   * Outside one — a standalone script, a web app — Google's getDocumentLock returns null.
   */
  inDocument = true;
  constructor(private readonly log: CallLog) {
    this.lock = new FakeLock(log);
  }
  getDocumentLock(): FakeLock | null {
    this.log.hit('service', 'LockService.getDocumentLock');
    return this.inDocument ? this.lock : null;
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

/** Apps Script's quotas, in UTF-8 bytes (a Cyrillic letter is 2): 9 KB a value, 500 KB a store. */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s).length;

/** One user's property store (user properties are per user and script, across documents). */
export class FakeProperties implements PropertiesLike {
  readonly data = new Map<string, string>();
  constructor(private readonly log: CallLog) {}
  /** Keys and values of the whole store, in UTF-8 bytes. */
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += utf8(k) + utf8(v);
    return n;
  }
  getProperty(key: string): string | null {
    this.log.hit('service', 'Properties.getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.log.hit('service', 'Properties.setProperty');
    if (typeof value !== 'string') throw new Error('Invalid argument: value');
    // Apps Script counts bytes, not characters: 4 700 Cyrillic letters are already over 9 KB.
    if (utf8(value) > PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
    const old = this.data.get(key);
    const grown = this.bytes() - (old === undefined ? 0 : utf8(key) + utf8(old)) + utf8(key) + utf8(value);
    if (grown > PROPERTY_STORE_BYTES)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
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
