// A strict in-memory fake of what src/sheets/docs.ts uses: the advanced Drive service's Files.create
// (Drive API v3) converting an uploaded HTML blob into a Google Doc, Utilities.newBlob, and the modal
// dialog. Strict like the API: unknown resource fields or arguments, another MIME type, a blob that is
// not ours, or HTML that is not well-formed (a raw «<», an unknown entity, an unclosed or misnested
// tag, an element the import would not keep) throw instead of being accepted. The converted document is
// kept as a small model (headings, paragraphs, lists, tables) for tests to read; every call is counted.

export class FakeBlob {
  constructor(
    readonly data: string,
    readonly contentType: string,
    readonly name: string,
  ) {}
}

export interface DocModelBlock {
  kind: 'heading' | 'paragraph' | 'list' | 'table';
  level?: number;
  text: string;
  pageBreakBefore: boolean;
  items?: string[];
  rows?: string[][];
  /** Cell background colours (CSS) per row and column; '' when none. */
  fills?: string[][];
  /** Column widths from <col style="width:…pt">. */
  widthsPt?: number[];
}

export interface FakeDoc {
  id: string;
  name: string;
  mimeType: string;
  title: string;
  blocks: DocModelBlock[];
  html: string;
}

const ALLOWED = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'span',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'a',
]);
const VOID = new Set(['meta', 'br', 'col', 'img']);
const PARENTS: Record<string, string[]> = {
  li: ['ul', 'ol'],
  tr: ['thead', 'tbody'],
  td: ['tr'],
  th: ['tr'],
  col: ['colgroup'],
  colgroup: ['table'],
  thead: ['table'],
  tbody: ['table'],
};
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(s: string, at: number): string {
  return s.replace(/&([^;\s]{0,8});?/g, (m, name: string) => {
    if (!m.endsWith(';') || !(name in ENTITIES)) throw new Error(`HTML: unknown entity «${m}» near ${at}`);
    return ENTITIES[name] as string;
  });
}

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** A strict parser for the HTML our renderer writes (a subset of HTML, checked like XML). */
export function parseHtml(html: string, extra: readonly string[] = []): Node {
  if (!html.startsWith('<!DOCTYPE html>')) throw new Error('HTML: no doctype');
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const re = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|<!DOCTYPE html>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const textPart = html.slice(last, m.index);
    if (textPart.includes('<') || textPart.includes('>'))
      throw new Error(`HTML: raw «<» or «>» in text near ${last}: ${textPart.slice(0, 60)}`);
    if (textPart) (stack[stack.length - 1] as Node).children.push(decode(textPart, last));
    last = re.lastIndex;
    if (m[0] === '<!DOCTYPE html>') continue;
    const [, close, tag, rawAttrs] = m as unknown as [string, string, string, string];
    if (!ALLOWED.has(tag) && !extra.includes(tag)) throw new Error(`HTML: element <${tag}> is not kept by the import`);
    if (close) {
      const open = stack.pop();
      if (!open || open.tag !== tag) throw new Error(`HTML: </${tag}> closes <${open?.tag}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([a-z-]+)="([^"]*)"/g)) attrs[a[1] as string] = decode(a[2] as string, m.index);
    const parent = stack[stack.length - 1] as Node;
    const allowedParents = PARENTS[tag];
    if (allowedParents && !allowedParents.includes(parent.tag)) throw new Error(`HTML: <${tag}> inside <${parent.tag}>`);
    const node: Node = { tag, attrs, children: [] };
    parent.children.push(node);
    if (!VOID.has(tag)) stack.push(node);
  }
  const rest = html.slice(last);
  if (rest.trim()) throw new Error(`HTML: text after the document: ${rest.slice(0, 40)}`);
  if (stack.length !== 1) throw new Error(`HTML: unclosed <${stack[stack.length - 1]?.tag}>`);
  return root;
}

function textOf(n: Node | string): string {
  if (typeof n === 'string') return n;
  if (n.tag === 'br') return '\n';
  return n.children.map(textOf).join('');
}

function find(n: Node, tag: string): Node | undefined {
  for (const c of n.children) {
    if (typeof c === 'string') continue;
    if (c.tag === tag) return c;
    const d = find(c, tag);
    if (d) return d;
  }
  return undefined;
}

const breaks = (n: Node) => /page-break-before:\s*always/.test(n.attrs.style ?? '');

/** The body as Google's import would keep it: one block per heading, paragraph, list or table. */
export function docModel(root: Node): DocModelBlock[] {
  const html = find(root, 'html');
  if (!html || !find(html, 'meta') || find(html, 'meta')?.attrs.charset !== 'utf-8') throw new Error('HTML: no <meta charset="utf-8">');
  const body = find(html, 'body');
  if (!body) throw new Error('HTML: no body');
  const out: DocModelBlock[] = [];
  for (const c of body.children) {
    if (typeof c === 'string') {
      if (c.trim()) throw new Error('HTML: text directly in <body>');
      continue;
    }
    const pb = breaks(c);
    if (/^h[1-3]$/.test(c.tag)) out.push({ kind: 'heading', level: Number(c.tag[1]), text: textOf(c), pageBreakBefore: pb });
    else if (c.tag === 'p') out.push({ kind: 'paragraph', text: textOf(c), pageBreakBefore: pb });
    else if (c.tag === 'ul' || c.tag === 'ol') {
      const items = c.children.map((li) => (typeof li === 'string' ? '' : textOf(li)));
      out.push({ kind: 'list', text: items.join('\n'), items, pageBreakBefore: pb });
    } else if (c.tag === 'table') {
      const rows: string[][] = [];
      const fills: string[][] = [];
      for (const section of c.children) {
        if (typeof section === 'string' || (section.tag !== 'thead' && section.tag !== 'tbody')) continue;
        for (const tr of section.children) {
          if (typeof tr === 'string') continue;
          const cells = tr.children.filter((x): x is Node => typeof x !== 'string');
          rows.push(cells.map(textOf));
          fills.push(cells.map((x) => /background-color:(#[0-9A-Fa-f]{6})/.exec(x.attrs.style ?? '')?.[1] ?? ''));
        }
      }
      const colgroup = c.children.find((x): x is Node => typeof x !== 'string' && x.tag === 'colgroup');
      const widthsPt = (colgroup?.children ?? []).map((x) =>
        Number(/width:([\d.]+)pt/.exec(typeof x === 'string' ? '' : (x.attrs.style ?? ''))?.[1]),
      );
      out.push({ kind: 'table', text: rows.map((r) => r.join(' | ')).join('\n'), rows, fills, widthsPt, pageBreakBefore: pb });
    } else throw new Error(`HTML: <${c.tag}> directly in <body>`);
  }
  return out;
}

/** Counts calls by name, like test/fakes/calls.ts does for SpreadsheetApp. */
export class DocsCallLog {
  readonly calls: string[] = [];
  hit(name: string): void {
    this.calls.push(name);
  }
  count(name: string): number {
    return this.calls.filter((c) => c === name).length;
  }
}

export const GOOGLE_DOC = 'application/vnd.google-apps.document';
const RESOURCE_KEYS = new Set(['name', 'mimeType', 'description', 'parents']);
const ARG_KEYS = new Set(['fields', 'supportsAllDrives', 'keepRevisionForever', 'ocrLanguage', 'useContentAsIndexableText']);

export class FakeDrive {
  readonly docs: FakeDoc[] = [];
  /** Make the next create fail (quota, network). */
  failNext: Error | null = null;
  private next = 1;
  constructor(readonly log: DocsCallLog) {}

  readonly Files = {
    create: (resource: object, mediaData?: unknown, optionalArgs?: Record<string, unknown>) => {
      this.log.hit('Drive.Files.create');
      const res = resource as Record<string, unknown>;
      if (this.failNext) {
        const e = this.failNext;
        this.failNext = null;
        throw e;
      }
      for (const k of Object.keys(res)) if (!RESOURCE_KEYS.has(k)) throw new Error(`Drive API: Invalid field «${k}»`);
      for (const k of Object.keys(optionalArgs ?? {})) if (!ARG_KEYS.has(k)) throw new Error(`Drive API: Invalid argument «${k}»`);
      if (typeof res.name !== 'string' || res.name.trim() === '') throw new Error('Drive API: name required');
      if (res.mimeType !== GOOGLE_DOC) throw new Error(`Drive API: expected a Google Docs conversion, got «${String(res.mimeType)}»`);
      if (!(mediaData instanceof FakeBlob)) throw new Error('Drive API: media is not a Blob');
      if (mediaData.contentType !== 'text/html') throw new Error(`Drive API: cannot convert «${mediaData.contentType}» to a document here`);
      const root = parseHtml(mediaData.data);
      const blocks = docModel(root);
      const title = textOf(find(root, 'title') ?? { tag: 'title', attrs: {}, children: [] });
      const id = `doc${this.next++}`;
      this.docs.push({ id, name: res.name, mimeType: GOOGLE_DOC, title, blocks, html: mediaData.data });
      const fields = String(optionalArgs?.fields ?? 'id,name,mimeType,kind');
      const file: Record<string, string> = { id, name: res.name, mimeType: GOOGLE_DOC, kind: 'drive#file' };
      if (fields.includes('webViewLink')) file.webViewLink = `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`;
      return file;
    },
  };
}

export class FakeBlobFactory {
  constructor(private readonly log: DocsCallLog) {}
  newBlob(data: string, contentType: string, name: string): FakeBlob {
    this.log.hit('Utilities.newBlob');
    if (typeof data !== 'string') throw new Error('newBlob: this fake takes text');
    return new FakeBlob(data, contentType, name);
  }
}

export class FakeDialog {
  width = 0;
  height = 0;
  constructor(readonly html: string) {}
  setWidth(w: number): this {
    this.width = w;
    return this;
  }
  setHeight(h: number): this {
    this.height = h;
    return this;
  }
}

export class FakeDialogs {
  readonly shown: { title: string; html: string }[] = [];
  constructor(private readonly log: DocsCallLog) {}
  createHtmlOutput(html: string): FakeDialog {
    this.log.hit('HtmlService.createHtmlOutput');
    // The dialog is a fragment of our own markup: checked as strictly, with <div> allowed.
    parseHtml(`<!DOCTYPE html>${html}`, ['div']);
    return new FakeDialog(html);
  }
  showModalDialog(out: FakeDialog, title: string): void {
    this.log.hit('Ui.showModalDialog');
    this.shown.push({ title, html: out.html });
  }
}

export interface FakeDocServices {
  log: DocsCallLog;
  drive: FakeDrive;
  blobs: FakeBlobFactory;
  dialogs: FakeDialogs;
}

export function fakeDocServices(): FakeDocServices {
  const log = new DocsCallLog();
  return { log, drive: new FakeDrive(log), blobs: new FakeBlobFactory(log), dialogs: new FakeDialogs(log) };
}
