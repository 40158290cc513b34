// A small seeded PRNG: the sample school and the benchmark must give the same cells for the same seed
// on every machine, so nothing here touches Math.random or the clock.
import { mulberry32 } from '../../core/sample/mulberry32';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A fresh generator whose stream depends on this one's seed and `label` only. */
  fork(label: string): Rng;
}

/** FNV-1a of a string: turns labels into sub-seeds. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number): Rng {
  const base = seed >>> 0;
  const next = mulberry32(hash('oko', base));
  let spare: number | null = null;
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRng(hash(label, base)),
  };
  return rng;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));
