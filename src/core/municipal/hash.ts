// Content hashes: a source is re-analysed only when what was read from it changed. Two independent
// 32-bit FNV-1a lanes (64 bits together): collisions between two versions of one school's sheets are
// not a practical concern, and nothing here is security-relevant.
import type { Workbook } from '../grid';

class Fnv {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  text(s: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

export function textHash(s: string): string {
  return new Fnv().text(s).hex();
}

/** Hash of every sheet's name and values, in order; the type of each value counts (1 ≠ "1"). */
export function contentHash(wb: Workbook): string {
  const h = new Fnv();
  for (const g of wb.grids) {
    h.text('\u0001').text(g.name);
    for (const row of g.values) {
      h.text('\u0002');
      // Trailing empty cells do not count: hosts differ in how far they pad a row.
      let end = row.length;
      while (end > 0 && (row[end - 1] === null || row[end - 1] === '' || row[end - 1] === undefined)) end--;
      for (let c = 0; c < end; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') h.text('\u0003');
        else if (typeof v === 'number') h.text(`\u0004${v}`);
        else if (typeof v === 'boolean') h.text(v ? '\u0005' : '\u0006');
        else if (v instanceof Date) h.text(`\u0007${v.getTime()}`);
        else h.text(`\u0008${v}`);
      }
    }
  }
  return h.hex();
}
