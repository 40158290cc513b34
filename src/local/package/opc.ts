// An Open Packaging (OPC) view of a zip: parts by name, their text, and their relationships.
import { attr, relsPathOf, resolveTarget, tags } from './xml';
import { inflateEntry, readZip, type ZipEntry } from './zip';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The part the target resolves to (undefined for an external target). */
  part?: string;
}

export const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  sharedStrings: 'sharedStrings',
  styles: 'styles',
  comments: 'comments',
  vmlDrawing: 'vmlDrawing',
} as const;

/** True when a relationship type (a URI) ends with the given name: transitional and strict both match. */
export const relIs = (r: Relationship, name: string) => r.type.endsWith(`/${name}`);

export class Package {
  readonly entries: ZipEntry[];
  private readonly byLower = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly checked = new Set<ZipEntry>();

  constructor(readonly bytes: Uint8Array) {
    this.entries = readZip(bytes);
    for (const e of this.entries) this.byLower.set(e.name.toLowerCase(), e);
  }

  /** Part names are case-insensitive in OPC. */
  entry(name: string): ZipEntry | undefined {
    return this.byLower.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  bytesOf(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const b = inflateEntry(e);
    this.checked.add(e);
    return b;
  }

  /**
   * Checks every XML part not read yet (size and CRC), so that a damaged part is found while reading —
   * before anything is analysed or written — and not later by the writer. Media and binaries are only
   * ever copied as stored, so they are not inflated.
   */
  verifyXmlParts(all = false): void {
    for (const e of this.entries) if (!this.checked.has(e) && (all || /\.(xml|rels|vml)$/i.test(e.name))) this.bytesOf(e.name);
  }

  text(name: string): string | undefined {
    const key = name.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const b = this.bytesOf(name);
    if (!b) return undefined;
    const t = decodeText(b);
    // Big sheets are read once; only the small shared parts are worth keeping.
    if (t.length < 1 << 22) this.texts.set(key, t);
    return t;
  }

  rels(part: string): Relationship[] {
    const xml = this.text(part === '' ? '_rels/.rels' : relsPathOf(part));
    return xml ? parseRels(xml, part) : [];
  }
}

/** UTF-8 (with or without BOM) or UTF-16 with BOM, as XML parts may be. */
export function decodeText(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder().decode(b);
}

export function parseRels(xml: string, fromPart: string): Relationship[] {
  const out: Relationship[] = [];
  for (const { tag } of tags(xml, 'Relationship')) {
    const id = attr(tag, 'Id') ?? '';
    const type = attr(tag, 'Type') ?? '';
    const target = attr(tag, 'Target') ?? '';
    const external = attr(tag, 'TargetMode') === 'External';
    out.push({ id, type, target, ...(external ? {} : { part: resolveTarget(fromPart, target) }) });
  }
  return out;
}
