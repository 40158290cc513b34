// Exact comparisons for the district's criteria. A school's share is a ratio of counts (4 and 5 of the
// participants with a mark, points of the maximum), and a threshold is a decimal the user typed
// (40, 57, 28,5). Comparing `k / n * 100 < 40` in floating point drifts at the edge (29 of 72.5…),
// so both sides are turned into integers: the threshold into millionths, the ratio cross-multiplied,
// in BigInt (no overflow whatever the counts). Non-integer counts (half points) are scaled to
// millionths first — still exact for any score written with up to six decimals.

const SCALE = 1_000_000n;

/** A non-negative number as an integer count of millionths. */
function micro(x: number): bigint {
  return BigInt(Math.round(x * 1_000_000));
}

/** `num` and `den` as integers with the same scale (so that num/den is unchanged). */
function integers(num: number, den: number): [bigint, bigint] {
  if (Number.isInteger(num) && Number.isInteger(den)) return [BigInt(num), BigInt(den)];
  return [micro(num), micro(den)];
}

/** −1, 0 or 1: how `num / den × 100` compares with `pct` (den > 0). */
export function comparePct(num: number, den: number, pct: number): -1 | 0 | 1 {
  const [a, b] = integers(num, den);
  // a / b × 100 ? p / 10⁶  ⇔  a × 100 × 10⁶ ? p × b
  const left = a * 100n * SCALE;
  const right = micro(pct) * b;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** −1, 0 or 1: how `a / b` compares with `c / d` (b, d > 0). */
export function compareRatios(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const [x, y] = integers(a, b);
  const [u, v] = integers(c, d);
  const left = x * v;
  const right = u * y;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** −1, 0 or 1: two percentages given as decimals (benchmarks pasted from ФИС ОКО), to the millionth. */
export function compareDecimals(a: number, b: number): -1 | 0 | 1 {
  const x = micro(a);
  const y = micro(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A ratio of counts as a percent, for display only (never for a comparison). */
export function pctOf(num: number, den: number): number | null {
  return den > 0 ? (num / den) * 100 : null;
}
