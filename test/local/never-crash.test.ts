// «Never crash on a file»: a real workbook cut at many points and with single bits flipped all over is
// either read (and then written) or refused with a Russian message — never a raw library error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { writePackage } from '../../src/local/package/write';
import { readWorkbookBytes, UnreadableWorkbook } from '../../src/local/read';

const good = readFileSync(join(__dirname, '..', 'corpus', 'files', 'xlsxwriter-everything.xlsx'));

/** A small deterministic generator (mulberry32): the same mutations on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function outcome(bytes: Uint8Array): Promise<'read' | 'refused'> {
  try {
    const { workbook, source } = await readWorkbookBytes(bytes, 'школа.xlsx');
    const run = runAnalysis(workbook);
    if (run.ok) writePackage(source.kind === 'xlsx' ? source.pkg : workbook, run.write);
    return 'read';
  } catch (e) {
    if (e instanceof UnreadableWorkbook) {
      expect(e.message).toMatch(/^Файл «школа\.xlsx» /);
      return 'refused';
    }
    throw e;
  }
}

describe('damaged copies of a real workbook', { timeout: 120_000 }, () => {
  it('cut at 60 points: refused as damaged or not a workbook, never a crash', async () => {
    const next = rng(7);
    const kinds = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const cut = Math.floor(next() * good.length);
      const err = await readWorkbookBytes(good.subarray(0, cut), 'школа.xlsx').catch((e: unknown) => e);
      expect(err, `cut at ${cut}`).toBeInstanceOf(UnreadableWorkbook);
      kinds.add((err as UnreadableWorkbook).kind);
    }
    expect([...kinds].every((k) => ['damaged', 'not-workbook', 'empty'].includes(k))).toBe(true);
  });

  it('one bit flipped at 300 places: read and written, or refused — never a crash', async () => {
    const next = rng(11);
    const seen = { read: 0, refused: 0 };
    for (let i = 0; i < 300; i++) {
      const copy = Uint8Array.from(good);
      const at = Math.floor(next() * copy.length);
      copy[at] = (copy[at] as number) ^ (1 << Math.floor(next() * 8));
      seen[await outcome(copy)]++;
    }
    // Most flips land in compressed data and are caught by the CRC; some hit fields nobody reads.
    expect(seen.refused).toBeGreaterThan(200);
    expect(seen.read + seen.refused).toBe(300);
  });

  it('an .ods with bits flipped (SheetJS reads it, but only after the zip checksums pass)', async () => {
    const ods = readFileSync(join(__dirname, '..', 'corpus', 'files', 'libreoffice-plain.ods'));
    const next = rng(5);
    const seen = { read: 0, refused: 0 };
    for (let i = 0; i < 150; i++) {
      const copy = Uint8Array.from(ods);
      const at = Math.floor(next() * copy.length);
      copy[at] = (copy[at] as number) ^ (1 << Math.floor(next() * 8));
      seen[await outcome(copy)]++;
    }
    expect(seen.refused).toBeGreaterThan(50);
    expect(seen.read + seen.refused).toBe(150);
  });
});
