// LockService and Utilities, as far as the add-on uses them.
import type { LockLike, LockServiceLike, UtilitiesLike } from '../../src/sheets/surface';
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
