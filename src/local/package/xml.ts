// Small string helpers for the OOXML parts we read and edit. Parts are edited as text at known places
// (never parsed into a tree and printed again), so everything we do not touch stays as it was.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring). */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

// Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF), built without literals.
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11, 12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\\uFFFE\\uFFFF]`,
  'g',
);

/** Text or attribute value → XML; control characters become _xHHHH_ (and a literal _xHHHH_ is escaped). */
export function escapeXml(s: string): string {
  let out = s;
  if (/_x[0-9A-Fa-f]{4}_/.test(out)) out = out.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  out = out.replace(CONTROL, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return out.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The value of attribute `name` in a start tag (the text from < to >), or undefined. */
const attrRes = new Map<string, RegExp>();
const OTHER_SPACE = /[\t\n\r]|\s=|=\s/;

export function attr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(` ${name}=`);
  if (i < 0) {
    // Other whitespace around the name (pretty-printed XML): rare, so the regex is the slow path.
    if (!OTHER_SPACE.test(tag)) return undefined;
    let re = attrRes.get(name);
    if (!re) attrRes.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(["'])([^"']*)\\1`)));
    const m = re.exec(tag);
    return m ? unescapeXml(m[2] as string) : undefined;
  }
  i += name.length + 2;
  const q = tag[i];
  if (q !== '"' && q !== "'") return undefined;
  const end = tag.indexOf(q, i + 1);
  if (end < 0) return undefined;
  return unescapeXml(tag.slice(i + 1, end));
}

/** Every start tag (or empty-element tag) of a local name, namespace prefix allowed. */
export function* tags(xml: string, local: string, from = 0, to = xml.length): Generator<{ tag: string; start: number; end: number }> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(xml);
    if (!m || m.index >= to) return;
    yield { tag: m[0], start: m.index, end: m.index + m[0].length };
  }
}

/** The text inside an element found at `start` (its start tag ends at `openEnd`): up to its end tag. */
export function elementEnd(xml: string, local: string, openEnd: number, selfClosing: boolean): number {
  if (selfClosing) return openEnd;
  const re = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${local}\\s*>`, 'g');
  re.lastIndex = openEnd;
  const m = re.exec(xml);
  return m ? m.index + m[0].length : -1;
}

/** Concatenated <t> texts of a string item (<si> or <is>), without phonetic runs (<rPh>). */
export function itemText(xml: string, from: number, to: number): string {
  let out = '';
  const re = /<(?:[\w.-]+:)?(t|rPh)(?=[\s/>])([^>]*)>|<\/(?:[\w.-]+:)?rPh>/g;
  re.lastIndex = from;
  let inPh = false;
  for (;;) {
    const m = re.exec(xml);
    if (!m || m.index >= to) break;
    if (m[0][1] === '/') {
      inPh = false;
      continue;
    }
    if (m[1] === 'rPh') {
      if (!(m[2] as string).endsWith('/')) inPh = true;
      continue;
    }
    if ((m[2] as string).endsWith('/')) continue;
    const start = m.index + m[0].length;
    const end = xml.indexOf('</', start);
    if (end < 0 || end > to) break;
    if (!inPh) out += xml.slice(start, end);
    re.lastIndex = end;
  }
  return decodeXstring(unescapeXml(out));
}

/** A part path relative to the folder of `from` (a rels Target), as a zip entry name. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target for a rels file of `fromPart` pointing at `toPart` (relative, as Excel writes them). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
