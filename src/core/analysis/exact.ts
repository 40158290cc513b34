// Exact comparisons of shares with thresholds. A share is a ratio of integer points and counts
// (half points at most); a threshold is a decimal the user typed (57, 28.5). Computing 57/100 in
// floating point and comparing gives 56.99999999999999 < 57 — a task at exactly 57 % would be
// «недостаточно». Here every quantity becomes an exact fraction (from its shortest decimal form) and
// the comparison is done by cross-multiplication, in safe integers or, when they would overflow, BigInt.
// Displayed percentages are still rounded, only for display.

/** An exact fraction n/d (d > 0) of the decimal that prints as `x`. */
export function fraction(x: number): [number, number] {
  if (Number.isInteger(x)) return [x, 1];
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const text = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new RangeError(`unexpected number form: ${text}`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  const g = gcd(n < 0n ? -n : n, d);
  n /= g;
  d /= g;
  return [Number(n), Number(d)];
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** Product of integers, exact: a Number while safe, else null (the caller switches to BigInt). */
function safeProduct(xs: readonly number[]): number | null {
  let p = 1;
  for (const x of xs) {
    p *= x;
    if (!Number.isSafeInteger(p)) return null;
  }
  return p;
}

/** Sign of (∏ left − ∏ right) for integer factors. */
function compareProducts(left: readonly number[], right: readonly number[]): -1 | 0 | 1 {
  const l = safeProduct(left);
  const r = safeProduct(right);
  if (l !== null && r !== null) return l < r ? -1 : l > r ? 1 : 0;
  const big = (xs: readonly number[]) => xs.reduce((a, x) => a * BigInt(x), 1n);
  const bl = big(left);
  const br = big(right);
  return bl < br ? -1 : bl > br ? 1 : 0;
}

/**
 * Compares the share num/den, in percent, with a threshold in percent: sign of (num/den × 100 − percent).
 * `den` must be positive.
 */
export function comparePercent(num: number, den: number, percent: number): -1 | 0 | 1 {
  const [a, b] = fraction(num);
  const [c, d] = fraction(den);
  const [e, f] = fraction(percent);
  // (a/b) / (c/d) × 100 vs e/f  ⇔  a·d·100·f vs e·b·c   (b, c, d, f > 0)
  return compareProducts([a, d, 100, f], [e, b, c]);
}

/** num/den × 100 ≥ percent, exactly. */
export function shareAtLeast(num: number, den: number, percent: number): boolean {
  return comparePercent(num, den, percent) >= 0;
}

/** num/den × 100 < percent, exactly. */
export function shareBelow(num: number, den: number, percent: number): boolean {
  return comparePercent(num, den, percent) < 0;
}

/**
 * Compares the difference of two shares, in percentage points, with a threshold:
 * sign of ((a/b − c/d) × 100 − points). `b` and `d` must be positive.
 */
export function compareShareDifference(a: number, b: number, c: number, d: number, points: number): -1 | 0 | 1 {
  const [an, ad] = fraction(a);
  const [bn, bd] = fraction(b);
  const [cn, cd] = fraction(c);
  const [dn, dd] = fraction(d);
  const [pn, pd] = fraction(points);
  // a/b = an·bd / (ad·bn);  c/d = cn·dd / (cd·dn). Over the common denominator D = ad·bn·cd·dn:
  // (an·bd·cd·dn − cn·dd·ad·bn) × 100 × pd  vs  pn × D.
  const toBig = (xs: number[]) => xs.reduce((acc, x) => acc * BigInt(x), 1n);
  const left = (toBig([an, bd, cd, dn]) - toBig([cn, dd, ad, bn])) * 100n * BigInt(pd);
  const right = BigInt(pn) * toBig([ad, bn, cd, dn]);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** x ≥ factor × y, exactly (a count against a multiple of another count or of a mean). */
export function atLeastTimes(x: number, factor: number, y: number): boolean {
  const [a, b] = fraction(x);
  const [f, g] = fraction(factor);
  const [c, d] = fraction(y);
  // a/b ≥ f/g · c/d  ⇔  a·g·d ≥ f·c·b
  return compareProducts([a, g, d], [f, c, b]) >= 0;
}
