// styles.xml edited in place: the cell formats and conditional-format styles our tabs need are
// appended to the workbook's lists (fonts, fills, numFmts, cellXfs, dxfs), and an identical entry that
// is already there is reused — so a second run on our own output adds nothing.
import { escapeXml } from './xml';

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  background?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Top-aligned (cells beside a wrapped, taller cell in the same row). */
  top?: boolean;
}

export interface DxfStyle {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

// Element order of CT_Stylesheet: a missing list is inserted before the first of its followers.
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const argb = (hex: string) => {
  const h = hex.replace('#', '').toUpperCase();
  return h.length === 3 ? `FF${h.replace(/(.)/g, '$1$1')}` : h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
};

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

interface List {
  /** Start of the list's start tag, end of its end tag. */
  start: number;
  end: number;
  /** Where items go (just before the end tag). */
  insertAt: number;
  items: string[];
}

/** Top-level children of the items list: each <font>…</font>, <xf …/> or <xf>…</xf>. */
function childItems(body: string, item: string, p: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${p}${item}(?=[\\s/>])[^>]*>`, 'g');
  const close = `</${p}${item}>`;
  for (;;) {
    const m = open.exec(body);
    if (!m) break;
    if (m[0].endsWith('/>')) {
      out.push(m[0]);
      continue;
    }
    const e = body.indexOf(close, open.lastIndex);
    const stop = e < 0 ? body.length : e + close.length;
    out.push(body.slice(m.index, stop));
    open.lastIndex = stop;
  }
  return out;
}

export class StylesEditor {
  private xml: string;
  private readonly p: string;
  private changed = false;
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();
  private baseFont = '';

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    this.changed = xml === undefined;
    this.p = /<([\w.-]+:)?styleSheet[\s>]/.exec(this.xml)?.[1] ?? '';
  }

  get text(): string {
    return this.xml;
  }
  get modified(): boolean {
    return this.changed;
  }

  /** Prefix our element names when the part uses one (<x:styleSheet>). */
  private px(s: string): string {
    return this.p ? s.replace(/<(\/?)([A-Za-z])/g, `<$1${this.p}$2`) : s;
  }

  private list(name: string, item: string): List {
    const p = this.p;
    let m = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*>`).exec(this.xml);
    if (!m) {
      const idx = ORDER.indexOf(name);
      let at = -1;
      for (const next of ORDER.slice(idx + 1)) {
        const n = new RegExp(`<${p}${next}(?=[\\s/>])`).exec(this.xml);
        if (n) {
          at = n.index;
          break;
        }
      }
      if (at < 0) at = this.xml.lastIndexOf(`</${p}styleSheet>`);
      if (idx === 0) {
        // numFmts comes first: right after the root's start tag.
        const root = /<([\w.-]+:)?styleSheet[^>]*>/.exec(this.xml) as RegExpExecArray;
        at = root.index + root[0].length;
      }
      this.xml = `${this.xml.slice(0, at)}<${p}${name} count="0"/>${this.xml.slice(at)}`;
      this.changed = true;
      m = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*>`).exec(this.xml) as RegExpExecArray;
    }
    if (m[0].endsWith('/>')) {
      const open = m[0].slice(0, -2).trimEnd();
      const repl = `${open}></${p}${name}>`;
      this.xml = this.xml.slice(0, m.index) + repl + this.xml.slice(m.index + m[0].length);
      return { start: m.index, end: m.index + repl.length, insertAt: m.index + open.length + 1, items: [] };
    }
    const bodyStart = m.index + m[0].length;
    const close = `</${p}${name}>`;
    const e = this.xml.indexOf(close, bodyStart);
    return { start: m.index, end: e + close.length, insertAt: e, items: childItems(this.xml.slice(bodyStart, e), item, p) };
  }

  /** Index of an item equal to `itemXml`, appending it when there is none. */
  private add(name: string, item: string, itemXml: string): number {
    const l = this.list(name, item);
    const found = l.items.indexOf(itemXml);
    if (found >= 0) return found;
    this.xml = this.xml.slice(0, l.insertAt) + itemXml + this.xml.slice(l.insertAt);
    const n = l.items.length + 1;
    const head = this.xml.slice(l.start, this.xml.indexOf('>', l.start) + 1);
    const newHead = /\scount="\d*"/.test(head)
      ? head.replace(/\scount="\d*"/, ` count="${n}"`)
      : head.replace(/(\/?>)$/, ` count="${n}"$1`);
    this.xml = this.xml.slice(0, l.start) + newHead + this.xml.slice(l.start + head.length);
    this.changed = true;
    return n - 1;
  }

  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    const l = this.list('numFmts', 'numFmt');
    for (const it of l.items) {
      const c = /formatCode="([^"]*)"/.exec(it)?.[1];
      if (c === escapeXml(code)) return Number(/numFmtId="(\d+)"/.exec(it)?.[1]);
    }
    const used = l.items.map((it) => Number(/numFmtId="(\d+)"/.exec(it)?.[1] ?? 0));
    const id = Math.max(163, ...used) + 1;
    this.add('numFmts', 'numFmt', this.px(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`));
    return id;
  }

  private fontId(s: CellStyle): number {
    if (!s.bold && !s.italic && !s.fontColor) return 0;
    if (!this.baseFont) this.baseFont = this.list('fonts', 'font').items[0] ?? this.px('<font><sz val="11"/><name val="Calibri"/></font>');
    const p = this.p;
    // The workbook's default font (size, name) with our weight, slant and colour.
    let inner = this.baseFont
      .replace(new RegExp(`^<${p}font[^>]*>|</${p}font>$`, 'g'), '')
      .replace(new RegExp(`<${p}(b|i)(?:\\s[^>]*)?/>`, 'g'), '');
    if (s.fontColor) inner = inner.replace(new RegExp(`<${p}color(?:\\s[^>]*)?/>`, 'g'), '');
    const extra = `${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}${s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : ''}`;
    return this.add('fonts', 'font', `${this.px('<font>') + this.px(extra) + inner}</${p}font>`);
  }

  private fillId(bg: string | undefined): number {
    if (!bg) return 0;
    return this.add(
      'fills',
      'fill',
      this.px(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(bg)}"/><bgColor indexed="64"/></patternFill></fill>`),
    );
  }

  /** The cellXfs index for a style (0, the default, for an empty style). */
  xf(s: CellStyle): number {
    const key = JSON.stringify(s);
    const hit = this.xfCache.get(key);
    if (hit !== undefined) return hit;
    let id = 0;
    if (Object.keys(s).length > 0) {
      const numFmt = s.numberFormat ? this.numFmtId(s.numberFormat) : 0;
      const font = this.fontId(s);
      const fill = this.fillId(s.background);
      const align =
        s.wrap || s.align || s.top
          ? `<alignment${s.align ? ` horizontal="${s.align}"` : ''}${s.wrap || s.top ? ' vertical="top"' : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
          : '';
      const attrs =
        `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
        `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
      id = this.add('cellXfs', 'xf', this.px(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`));
    }
    this.xfCache.set(key, id);
    return id;
  }

  /** The dxfs index for a conditional format's style. */
  dxf(s: DxfStyle): number {
    const key = JSON.stringify(s);
    const hit = this.dxfCache.get(key);
    if (hit !== undefined) return hit;
    const font =
      s.bold || s.fontColor ? `<font>${s.bold ? '<b/>' : ''}${s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : ''}</font>` : '';
    // As Excel writes a conditional fill: the colour in bgColor, no pattern type.
    const fill = s.background ? `<fill><patternFill><bgColor rgb="${argb(s.background)}"/></patternFill></fill>` : '';
    const id = this.add('dxfs', 'dxf', this.px(`<dxf>${font}${fill}</dxf>`));
    this.dxfCache.set(key, id);
    return id;
  }
}
