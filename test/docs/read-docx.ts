// Reads a .docx back the way a test needs it: unzip word/document.xml (node:zlib, no library of ours),
// then its paragraphs and tables as plain text. Only what WordprocessingML we write needs: paragraphs
// (<w:p>), runs' text (<w:t>), tables (<w:tbl>/<w:tr>/<w:tc>), section properties.
import { inflateRawSync } from 'node:zlib';

/** The files of a zip archive by name (stored and deflated entries). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  // End of central directory: the last 22+ bytes start with PK\x05\x06.
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const data = buf.subarray(local + 30 + lNameLen + lExtraLen, local + 30 + lNameLen + lExtraLen + size);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Text of a piece of WordprocessingML: its <w:t> contents, line breaks as \n. */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:t\/>/g))
    out += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:br/>' ? '\n' : '';
  return out;
}

export interface DocxTable {
  rows: string[][];
  /** Column widths, twips (w:gridCol). */
  grid: number[];
  /** Cell fill per row and column ('' when none). */
  fills: string[][];
}

export interface DocxContent {
  xml: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  tables: DocxTable[];
  /** All text, paragraphs and table cells, one line each. */
  text: string;
  page: { w: number; h: number; orient: string | null; left: number; right: number };
  files: Map<string, Buffer>;
}

export function readDocx(buf: Buffer): DocxContent {
  const files = unzip(buf);
  const xml = (files.get('word/document.xml') ?? Buffer.alloc(0)).toString('utf8');
  const tables: DocxTable[] = [];
  const body = xml.replace(/<w:tbl>([\s\S]*?)<\/w:tbl>/g, (_all, inner: string) => {
    const grid = [...inner.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const rows: string[][] = [];
    const fills: string[][] = [];
    for (const tr of inner.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)) {
      const cells = [...(tr[1] as string).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)];
      rows.push(cells.map((c) => textOf(c[1] as string)));
      fills.push(cells.map((c) => /<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(c[1] as string)?.[1] ?? ''));
    }
    tables.push({ rows, grid, fills });
    return `<w:p><w:r><w:t>[table ${tables.length - 1}]</w:t></w:r></w:p>`;
  });
  const paragraphs = [...body.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => textOf(m[1] ?? ''));
  const pg = /<w:pgSz ([^>]*)\/>/.exec(xml)?.[1] ?? '';
  const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
  const attr = (s: string, name: string) => (/\S/.test(s) ? (new RegExp(`w:${name}="([^"]+)"`).exec(s)?.[1] ?? null) : null);
  return {
    xml,
    paragraphs,
    tables,
    text: [...paragraphs, ...tables.flatMap((t) => t.rows.map((r) => r.join(' | ')))].join('\n'),
    page: {
      w: Number(attr(pg, 'w')),
      h: Number(attr(pg, 'h')),
      orient: attr(pg, 'orient'),
      left: Number(attr(mar, 'left')),
      right: Number(attr(mar, 'right')),
    },
    files,
  };
}

/** The first table whose header row (row 0) contains every given text. */
export function tableWithHeaders(doc: DocxContent, ...headers: string[]): DocxTable {
  const t = doc.tables.find((x) => headers.every((hd) => (x.rows[0] ?? []).some((c) => c.includes(hd))));
  if (!t) throw new Error(`no table with headers ${headers.join(', ')}`);
  return t;
}

/** «57,3» → 57.3; «—» → NaN. */
export const num = (s: string): number => (s.trim() === '—' ? Number.NaN : Number(s.replace('\u2212', '-').replace(',', '.')));
