// Counts every call the code under test makes on the fake Google surface, by method and by kind,
// refuses calls the granted OAuth scopes do not allow (./scopes.ts), and can make document calls
// fail as Google's service sometimes does (to prove that a failed write leaves no half-written tab).
/** doc: reads or changes the spreadsheet; builder: local objects (styles, rules, charts); ui/service: the rest. */
import { ScopeError, scopesFor } from './scopes';

export type CallKind = 'doc' | 'builder' | 'ui' | 'service';

/** Google's message for a transient failure of the Sheets service. */
export const SERVICE_FAILED = 'Service Spreadsheets failed while accessing document.';

export class CallLog {
  private readonly counts = new Map<string, { kind: CallKind; n: number }>();
  private docs = 0;
  private failure: { at: number; message: string } | null = null;
  private flaky: { every: number; left: number; message: string } | null = null;
  /** Document calls since the last reset, in order (method names). */
  readonly sequence: string[] = [];
  /** Granted OAuth scopes (from the edition's manifest); null: not checked. */
  scopes: ReadonlySet<string> | null = null;

  /** Called on every call: a fake clock advances by it, and may throw as Apps Script's time limit does. */
  onHit: ((kind: CallKind, method: string) => void) | null = null;

  hit(kind: CallKind, method: string): void {
    if (this.scopes) {
      const anyOf = scopesFor(method);
      if (anyOf && !anyOf.some((s) => this.scopes?.has(s))) throw new ScopeError(method, anyOf);
    }
    const c = this.counts.get(method);
    if (c) c.n++;
    else this.counts.set(method, { kind, n: 1 });
    this.onHit?.(kind, method);
    if (kind !== 'doc') return;
    this.docs++;
    this.sequence.push(method);
    if (this.failure && this.docs === this.failure.at) {
      const { message } = this.failure;
      this.failure = null;
      throw new Error(message);
    }
    if (this.flaky && this.flaky.left > 0 && this.docs % this.flaky.every === 0) {
      this.flaky.left--;
      throw new Error(this.flaky.message);
    }
  }

  /** Document calls since the last reset. */
  get docCalls(): number {
    return this.docs;
  }

  /** The n-th document call from now throws once, as a Sheets service error would. */
  failOnDocCall(n: number, message = SERVICE_FAILED): void {
    this.failure = { at: this.docs + n, message };
  }

  /** Every `every`-th document call fails, `times` times in all: a service having a bad minute. */
  failEvery(every: number, times: number, message = SERVICE_FAILED): void {
    this.flaky = { every, left: times, message };
  }

  reset(): void {
    this.counts.clear();
    this.docs = 0;
    this.sequence.length = 0;
    this.failure = null;
    this.flaky = null;
  }

  /**
   * Document calls a replacement makes before its first swap (test/sheets): everything up to there
   * builds the new versions aside, so a failure there must leave every old tab as it was.
   */
  callsBeforeSwap(): number {
    const at = this.sequence.findIndex((m) => m === 'Sheet.getMaxRows' || m === 'Sheet.setName');
    return at < 0 ? this.sequence.length : at;
  }

  count(method: string): number {
    return this.counts.get(method)?.n ?? 0;
  }

  /** Calls per method, optionally of one kind, sorted by name. */
  byMethod(kind?: CallKind): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [m, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) if (!kind || c.kind === kind) out[m] = c.n;
    return out;
  }

  total(kind?: CallKind): number {
    let n = 0;
    for (const c of this.counts.values()) if (!kind || c.kind === kind) n += c.n;
    return n;
  }
}
