// Cell values of .xlsx worksheets, read straight from the part text: a grid of plain values (cached
// formula results, shared and inline strings, dates by number format, merged ranges filled with their
// top-left value — the same Grid the ExcelJS reader gave, at a fraction of its time and memory).
import type { CellValue, Grid } from '../../core/grid';
import type { Package } from './opc';
import { REL, relIs } from './opc';
import type { WorkbookPart } from './workbook-part';
import { attr, decodeXstring, elementEnd, itemText, tags, unescapeXml } from './xml';

export function readSharedStrings(pkg: Package, wb: WorkbookPart): string[] {
  const rel = wb.rels.find((r) => relIs(r, REL.sharedStrings));
  const xml = rel?.part ? pkg.text(rel.part) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si(?=[\s/>])[^>]*>/g;
  for (;;) {
    const m = re.exec(xml);
    if (!m) break;
    if (m[0].endsWith('/>')) {
      out.push('');
      continue;
    }
    const start = m.index + m[0].length;
    const end = xml.indexOf('si>', start);
    const stop = end < 0 ? xml.length : end;
    out.push(itemText(xml, start, stop));
    re.lastIndex = stop;
  }
  return out;
}

// Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format code is a date when, outside quotes and [..], it has a date or time letter. */
export function isDateFormat(code: string): boolean {
  const f = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(f.replace(/\\./g, ''));
}

/** Per cell style index: is it a date format? */
export function readDateStyles(pkg: Package, wb: WorkbookPart): boolean[] {
  const rel = wb.rels.find((r) => relIs(r, REL.styles));
  const xml = rel?.part ? pkg.text(rel.part) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const { tag } of tags(xml, 'numFmt')) custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  const xfs = [...tags(xml, 'cellXfs')][0];
  if (!xfs) return [];
  const end = elementEnd(xml, 'cellXfs', xfs.end, xfs.tag.endsWith('/>'));
  const out: boolean[] = [];
  for (const { tag } of tags(xml, 'xf', xfs.end, end)) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : DATE_IDS.has(id));
  }
  return out;
}

/** "AB12" → [row 12, col 28] (1-based); 0s when it is not a reference. */
function parseRef(ref: string): [number, number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return [0, 0];
    row = row * 10 + c - 48;
  }
  return [row, col];
}

const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

export interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Largest merged range (in cells) that is filled with its value; a whole-column merge is not. */
const MAX_MERGE_FILL = 20_000;

export function readSheetGrid(name: string, xml: string, ctx: SheetContext): Grid {
  const values: CellValue[][] = [];
  // The namespace prefix of the part (x:worksheet from some generators), so tags are found exactly.
  const root = /<([\w.-]+:)?worksheet[\s>]/.exec(xml);
  const p = root?.[1] ?? '';
  const cOpen = `<${p}c`;
  const rowOpen = `<${p}row`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const cClose = `</${p}c>`;
  const sdStart = xml.indexOf(`<${p}sheetData`);
  let sdEnd = sdStart < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, sdStart);
  if (sdEnd < 0) sdEnd = sdStart < 0 ? 0 : xml.length;
  let i = sdStart < 0 ? sdEnd : sdStart + 10;
  let rowNo = 0;
  let colNo = 0;
  let cur: CellValue[] | null = null;
  const rowL = rowOpen.length;
  const cL = cOpen.length;
  while (i < sdEnd) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= sdEnd) break;
    if (xml.startsWith(cOpen, lt) && isTagEnd(xml.charCodeAt(lt + cL))) {
      const gt = xml.indexOf('>', lt);
      const tag = xml.slice(lt, gt + 1);
      const self = xml.charCodeAt(gt - 1) === 47; /* / */
      const ref = attr(tag, 'r');
      if (ref) {
        const [, c] = parseRef(ref);
        colNo = c > 0 ? c : colNo + 1;
      } else colNo++;
      let end = gt + 1;
      let value: CellValue = null;
      if (!self) {
        end = xml.indexOf(cClose, gt);
        if (end < 0) end = sdEnd;
        value = cellValue(xml, tag, gt + 1, end, vOpen, vClose, ctx);
        end += cClose.length;
      }
      if (value !== null && cur) cur[colNo - 1] = value;
      i = end;
    } else if (xml.startsWith(rowOpen, lt) && isTagEnd(xml.charCodeAt(lt + rowL))) {
      const gt = xml.indexOf('>', lt);
      const tag = xml.slice(lt, gt + 1);
      const r = Number(attr(tag, 'r'));
      rowNo = Number.isInteger(r) && r > 0 ? r : rowNo + 1;
      colNo = 0;
      cur = values[rowNo - 1] ?? [];
      values[rowNo - 1] = cur;
      i = gt + 1;
    } else {
      i = lt + 1;
    }
  }
  fillMerges(xml, values, p);
  // Dense rows, trailing empties dropped, as the core expects.
  let last = values.length;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) {
      values[r] = [];
      continue;
    }
    let w = row.length;
    while (w > 0 && (row[w - 1] === undefined || row[w - 1] === null || row[w - 1] === '')) w--;
    row.length = w;
    for (let c = 0; c < w; c++) if (row[c] === undefined) row[c] = null;
  }
  while (last > 0 && (values[last - 1] as CellValue[]).length === 0) last--;
  values.length = last;
  return { name, values };
}

const isTagEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

function cellValue(xml: string, tag: string, from: number, to: number, vOpen: string, vClose: string, ctx: SheetContext): CellValue {
  const t = attr(tag, 't');
  if (t === 'inlineStr') {
    const is = xml.indexOf('is>', from);
    return is >= 0 && is < to ? itemText(xml, is + 3, to) : null;
  }
  let v = xml.indexOf(vOpen, from);
  if (v < 0 || v >= to) return null;
  v = xml.indexOf('>', v);
  if (xml.charCodeAt(v - 1) === 47) return null;
  const ve = xml.indexOf(vClose, v);
  const raw = xml.slice(v + 1, ve < 0 || ve > to ? to : ve);
  switch (t) {
    case 's': {
      const s = ctx.strings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'str':
    case 'e':
      return decodeXstring(unescapeXml(raw));
    case 'b':
      return raw === '1' || raw === 'true';
    case 'd': {
      const d = new Date(raw.trim());
      return Number.isNaN(d.getTime()) ? raw : d;
    }
    default: {
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return decodeXstring(unescapeXml(raw));
      const s = attr(tag, 's');
      return s !== undefined && ctx.dateStyles[Number(s)] ? excelDate(n, ctx.date1904) : n;
    }
  }
}

function fillMerges(xml: string, values: CellValue[][], p: string): void {
  const at = xml.indexOf(`<${p}mergeCells`);
  if (at < 0) return;
  for (const { tag } of tags(xml, 'mergeCell', at)) {
    const ref = attr(tag, 'ref');
    if (!ref) continue;
    const [a, b] = ref.split(':');
    const [r1, c1] = parseRef(a ?? '');
    const [r2, c2] = parseRef(b ?? a ?? '');
    if (r1 < 1 || c1 < 1 || r2 < r1 || c2 < c1 || (r2 - r1 + 1) * (c2 - c1 + 1) > MAX_MERGE_FILL) continue;
    const v = values[r1 - 1]?.[c1 - 1];
    if (v === undefined || v === null) continue;
    for (let r = r1; r <= r2; r++) {
      const row = values[r - 1] ?? [];
      values[r - 1] = row;
      for (let c = c1; c <= c2; c++) row[c - 1] = v;
    }
  }
}
