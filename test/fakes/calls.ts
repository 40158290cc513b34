// Counts every call the code under test makes on the fake Google surface, by method and by kind,
// and can make the n-th document call fail (to prove that a failed write leaves no half-written tab).

/** doc: reads or changes the spreadsheet; builder: local objects (styles, rules, charts); ui/service: the rest. */
export type CallKind = 'doc' | 'builder' | 'ui' | 'service';

export class CallLog {
  private readonly counts = new Map<string, { kind: CallKind; n: number }>();
  private docs = 0;
  private failure: { at: number; message: string } | null = null;

  /** Called on every call: a fake clock advances by it, and may throw as Apps Script's time limit does. */
  onHit: ((kind: CallKind, method: string) => void) | null = null;

  hit(kind: CallKind, method: string): void {
    const c = this.counts.get(method);
    if (c) c.n++;
    else this.counts.set(method, { kind, n: 1 });
    this.onHit?.(kind, method);
    if (kind !== 'doc') return;
    this.docs++;
    if (this.failure && this.docs === this.failure.at) {
      const { message } = this.failure;
      this.failure = null;
      throw new Error(message);
    }
  }

  /** Document calls since the last reset. */
  get docCalls(): number {
    return this.docs;
  }

  /** The n-th document call from now throws once, as a Sheets service error would. */
  failOnDocCall(n: number, message = 'Service Spreadsheets failed while accessing document.'): void {
    this.failure = { at: this.docs + n, message };
  }

  reset(): void {
    this.counts.clear();
    this.docs = 0;
    this.failure = null;
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
