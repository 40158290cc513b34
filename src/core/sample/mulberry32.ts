// One seeded generator for every sample ОКО makes (the built-in example, the CLI's generated schools),
// so the same seed gives the same numbers in Apps Script and in Node.

/**
 * mulberry32: 32-bit state, a uniform number in [0, 1). Good enough for simulated marks, fast, and
 * portable: integer arithmetic only (Math.imul), no platform random source.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
