// The zip container of .xlsx/.xlsm/.ods, read and written at the level of raw entries, so that a part
// we do not change is copied with its compressed bytes as they were (no inflate, no re-deflate, the
// same CRC). Node's zlib does the (de)compression natively.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Why a zip could not be read; the reader turns it into a Russian message. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'no-zip' | 'truncated' | 'directory' | 'corrupt' | 'encrypted' | 'unsupported',
    detail: string,
  ) {
    super(detail);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date, copied to the output. */
  time: number;
  date: number;
  /** The compressed bytes as stored. */
  raw: Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b[i] === 0x50 && u32(b, i) === 0x06054b50) return i;
  return -1;
}

/** The entries of a zip, in central-directory order. Throws ZipError for anything not a sound zip. */
export function readZip(b: Uint8Array): ZipEntry[] {
  if (!isZip(b)) throw new ZipError('no-zip', 'not a zip');
  const eocd = findEocd(b);
  if (eocd < 0) throw new ZipError('truncated', 'end of central directory not found');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new ZipError('directory', 'zip64 locator missing');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw new ZipError('directory', 'zip64 record missing');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (cdOffset + cdSize > b.length) throw new ZipError('truncated', 'central directory beyond the end');
  const out: ZipEntry[] = [];
  const dec = new TextDecoder();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('directory', 'central directory entry damaged');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const time = u16(b, p + 12);
    const date = u16(b, p + 14);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let local = u32(b, p + 42);
    const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
    // Zip64 sizes and offset live in extra field 0x0001, in this order, only for the fields set to ~0.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(b, q);
      }
      e += 4 + len;
    }
    p = eEnd + commentLen;
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new ZipError('directory', `local header of ${name} damaged`);
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (start + compressedSize > b.length) throw new ZipError('truncated', `${name} cut off`);
    if (flags & 1) throw new ZipError('encrypted', `${name} is encrypted`);
    out.push({ name, method, flags, crc, compressedSize, size, time, date, raw: b.subarray(start, start + compressedSize) });
  }
  return out;
}

/** The uncompressed bytes of an entry, checked against its size and CRC (a flipped bit is caught here). */
export function inflateEntry(e: ZipEntry): Uint8Array {
  let data: Uint8Array;
  if (e.method === 0) data = e.raw;
  else if (e.method === 8) {
    try {
      data = inflateRawSync(e.raw);
    } catch (err) {
      throw new ZipError('corrupt', `${e.name}: ${(err as Error).message}`);
    }
  } else throw new ZipError('unsupported', `${e.name}: compression method ${e.method}`);
  if (data.length !== e.size || crc32(data) !== e.crc) throw new ZipError('corrupt', `${e.name}: checksum mismatch`);
  return data;
}

/** A part for the output: either copied as stored, or new bytes to deflate. */
export type OutEntry = { name: string; copy: ZipEntry } | { name: string; data: Uint8Array };

// 1980-01-01 00:00: new parts get a fixed time, so the same input gives the same output bytes.
const DOS_TIME = 0;
const DOS_DATE = 0x21;

interface FileFields {
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/**
 * The fields a local file header and its central directory entry share, in the same order (APPNOTE
 * 4.3.7, 4.3.12): the central one has «version made by» in front, so they start 2 bytes later there.
 */
function fileFields(v: DataView, at: number, f: FileFields): void {
  v.setUint16(at, 0x0800, true); // UTF-8 names; no data descriptor
  v.setUint16(at + 2, f.method, true);
  v.setUint16(at + 4, f.time, true);
  v.setUint16(at + 6, f.date, true);
  v.setUint32(at + 8, f.crc, true);
  v.setUint32(at + 12, f.compressed, true);
  v.setUint32(at + 16, f.size, true);
  v.setUint16(at + 20, f.nameLength, true);
}

export function writeZip(entries: readonly OutEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    let method: number;
    let crc: number;
    let size: number;
    let raw: Uint8Array;
    let time = DOS_TIME;
    let date = DOS_DATE;
    if ('copy' in e) {
      ({ method, crc, size, raw, time, date } = e.copy);
    } else {
      size = e.data.length;
      crc = crc32(e.data);
      // Small parts compress poorly and cost time: store them only when deflating does not help.
      const d = deflateRawSync(e.data, { level: size > 1 << 20 ? 4 : 6 });
      if (d.length < size) {
        method = 8;
        raw = d;
      } else {
        method = 0;
        raw = e.data;
      }
    }
    if (offset > 0xfffffff0 || raw.length > 0xfffffff0 || size > 0xfffffff0) throw new ZipError('unsupported', 'output over 4 GB');
    const name = enc.encode(e.name);
    const h = new Uint8Array(30 + name.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    fileFields(v, 6, { method, time, date, crc, compressed: raw.length, size, nameLength: name.length });
    h.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    fileFields(cv, 8, { method, time, date, crc, compressed: raw.length, size, nameLength: name.length });
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    chunks.push(h, raw);
    central.push(c);
    offset += h.length + raw.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  if (entries.length > 0xfffe) throw new ZipError('unsupported', 'too many parts');
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const total = offset + cdSize + 22;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
