// DocSpec → one HTML file that Google Drive converts into a Google Doc (the school edition uploads it
// with the Drive service: one call per document, whatever its size). Only markup Google's import keeps:
// headings, paragraphs, bold and italic, lists, tables with inline widths, borders and cell colours, and
// CSS page breaks. Every text is escaped: data from the user's sheets is never markup.
import { cleanText, formatValue } from './format';
import { type Block, cellOf, type DocSpec, MARGINS_MM, type Run, type TableBlock, TONE_SHADE, TONE_TEXT } from './spec';

const FONT = "font-family:'Times New Roman',serif";
const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => `${Math.round(mm * PT_PER_MM * 10) / 10}pt`;

export function escapeHtml(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function text(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => {
      let out = text(r.text);
      if (r.tone && TONE_TEXT[r.tone]) out = `<span style="color:#${TONE_TEXT[r.tone]}">${out}</span>`;
      if (r.italic) out = `<em>${out}</em>`;
      if (r.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

const ALIGN = { left: 'left', center: 'center', right: 'right', justify: 'justify' } as const;

function tableHtml(t: TableBlock, style: string): string {
  const size = `font-size:${t.fontPt ?? 10}pt`;
  const border = 'border:1px solid #808080;padding:1pt 3pt;vertical-align:top';
  const cols = t.columns.map((c) => `<col style="width:${pt(c.widthMm)}">`).join('');
  const head = t.columns
    .map((c) => `<th style="${border};width:${pt(c.widthMm)};background-color:#D9D9D9;text-align:center;${size}">${text(c.header)}</th>`)
    .join('');
  const body = t.rows
    .map((row) => {
      const cells = t.columns.map((col, i) => {
        const cell = cellOf(row[i] ?? null);
        const align = col.align ?? (typeof cell.value === 'number' ? 'right' : 'left');
        let inner = text(formatValue(cell.value, cell.format ?? col.format));
        if (cell.italic) inner = `<em>${inner}</em>`;
        if (cell.bold) inner = `<strong>${inner}</strong>`;
        const bg = cell.tone ? `;background-color:#${TONE_SHADE[cell.tone]}` : '';
        return `<td style="${border};text-align:${align};${size}${bg}">${inner}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table style="border-collapse:collapse;${style}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function blockHtml(b: Block, breakBefore: boolean): string {
  const br = breakBefore ? 'page-break-before:always;' : '';
  switch (b.kind) {
    case 'heading': {
      const size = b.level === 1 ? 14 : b.level === 2 ? 13 : 12;
      const align = b.level === 1 ? 'text-align:center;' : '';
      return `<h${b.level} style="${br}${align}${FONT};font-size:${size}pt;font-weight:bold;color:#000000">${text(b.text)}</h${b.level}>`;
    }
    case 'paragraph':
      return `<p style="${br}text-align:${ALIGN[b.align ?? 'justify']};font-size:${b.small ? 10 : 12}pt;margin:0 0 4pt 0">${runs(b.runs)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag} style="${br}font-size:12pt;margin:0 0 4pt 0">${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(b, br);
    case 'pageBreak':
      return '';
    case 'image':
      return `<p style="${br}text-align:center"><img alt="${escapeHtml(b.alt)}" width="${Math.round(b.widthMm * 3.78)}" height="${Math.round(b.heightMm * 3.78)}" src="data:image/png;base64,${base64(b.png)}"></p>`;
  }
}

/** The whole document; a page break becomes `page-break-before` on the block after it. */
export function renderHtml(spec: DocSpec): string {
  const parts: string[] = [];
  let pending = false;
  for (const b of spec.blocks) {
    if (b.kind === 'pageBreak') {
      pending = true;
      continue;
    }
    parts.push(blockHtml(b, pending));
    pending = false;
  }
  const page = `@page { size: A4 portrait; margin: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm; }`;
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<title>${escapeHtml(spec.title)}</title><style>${page}</style></head>` +
    `<body style="${FONT};font-size:12pt">${parts.join('')}</body></html>`
  );
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Buffer or btoa (the core runs in Apps Script too). */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] as string;
    out += B64[(n >> 12) & 63] as string;
    out += b === undefined ? '=' : (B64[(n >> 6) & 63] as string);
    out += c === undefined ? '=' : (B64[n & 63] as string);
  }
  return out;
}
