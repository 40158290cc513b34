// The Sheets API read quota: 60 read requests per minute per user (and 300 per project; Google's
// «Usage limits» page). The job reads a school with two requests, so it keeps a sliding window of the
// last minute's requests and waits before a school that would not fit — below the limit, with a margin
// for the panel and for another chunk started by hand. The window is kept in a document property so
// that a chunk started right after another knows what that one did.
import type { PropertiesLike } from '../surface';

export const READS_PER_MINUTE = 50;
export const WINDOW_MS = 60_000;
export const QUOTA_PROPERTY = 'oko.municipal.apiReads';

export class QuotaGate {
  private times: number[];

  constructor(
    private readonly now: () => number,
    times: readonly number[] = [],
    private readonly limit = READS_PER_MINUTE,
    private readonly windowMs = WINDOW_MS,
  ) {
    this.times = times.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  }

  private prune(): void {
    const from = this.now() - this.windowMs;
    while (this.times.length > 0 && (this.times[0] as number) <= from) this.times.shift();
  }

  /** Milliseconds to wait before `n` more requests fit in the window (0: now). */
  waitFor(n: number): number {
    this.prune();
    const over = this.times.length + n - this.limit;
    if (over <= 0) return 0;
    const t = this.times[over - 1] as number;
    return Math.max(0, t + this.windowMs - this.now() + 1);
  }

  record(): void {
    this.prune();
    this.times.push(this.now());
  }

  /** The window, for the next execution. */
  snapshot(): number[] {
    this.prune();
    return this.times.slice();
  }

  static load(props: PropertiesLike, now: () => number): QuotaGate {
    let times: number[] = [];
    try {
      const raw = JSON.parse(props.getProperty(QUOTA_PROPERTY) ?? '[]') as unknown;
      if (Array.isArray(raw)) times = raw.filter((x): x is number => typeof x === 'number');
    } catch {
      // A damaged value: start with an empty window (Google's 429 still protects).
    }
    return new QuotaGate(now, times);
  }

  save(props: PropertiesLike): void {
    props.setProperty(QUOTA_PROPERTY, JSON.stringify(this.snapshot()));
  }
}
