// A SheetSpec as a worksheet part (and its comments): values as inline strings (the workbook's shared
// strings stay untouched), styles through the StylesEditor, wrap and row heights so that multi-line
// cells read right in Excel, LibreOffice and Google Sheets' import.
import { columnLetter } from '../../core/grid';
import { type ConditionalRule, isDate, isFormula, type Rect, type SheetSpec, type SpecCell } from '../../core/output/spec';
import { argb, type CellStyle, type StylesEditor } from './styles';
import { escapeXml } from './xml';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Pixels (Sheets) → Excel column width in characters, as the ExcelJS host did. */
export const pxToChars = (px: number) => Math.max(2, Math.round(px / 7));
/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
const LINE_PT = 15;
const MAX_ROW_PT = 409;
const FORMULA_LINES = 3;

export const a1Range = (r: Rect) => `${columnLetter(r.col + 1)}${r.row + 1}:${columnLetter(r.col + r.cols)}${r.row + r.rows}`;

const dateSerial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y as number, (m as number) - 1, d as number) / 86_400_000 + 25569;
};

export interface SheetXml {
  xml: string;
  /** Comments part and its VML drawing, when the spec has notes. */
  comments?: { xml: string; vml: string };
  hasFormulas: boolean;
}

/** How many lines a text takes in a column `chars` wide (Calibri 11: about one character per width unit). */
function lines(text: string, chars: number): number {
  // Words wrap whole: a line holds fewer characters than the width (measured in LibreOffice renders).
  const per = Math.max(1, Math.floor(chars * 0.85));
  let n = 0;
  for (const seg of text.split('\n')) n += Math.max(1, Math.ceil(seg.length / per));
  return n;
}

/**
 * Per-row cell styles from the spec's range formats (later formats override earlier ones, field by
 * field). Rows covered by the same formats share one computed row: a table body is resolved once.
 */
function rowStyler(spec: SheetSpec): (r: number) => readonly (CellStyle | undefined)[] {
  const formats = (spec.formats ?? []).map((f) => {
    const part: CellStyle = {};
    if (f.numberFormat) part.numberFormat = f.numberFormat;
    if (f.bold) part.bold = true;
    if (f.italic) part.italic = true;
    if (f.fontColor) part.fontColor = f.fontColor;
    if (f.background) part.background = f.background;
    if (f.wrap) part.wrap = true;
    if (f.align) part.align = f.align;
    return { range: f.range, part };
  });
  // One combined object per (previous style, format): cells share style objects.
  const merged = new Map<CellStyle | undefined, Map<number, CellStyle>>();
  const combine = (prev: CellStyle | undefined, i: number): CellStyle => {
    let byFmt = merged.get(prev);
    if (!byFmt) merged.set(prev, (byFmt = new Map()));
    let next = byFmt.get(i);
    if (!next) byFmt.set(i, (next = { ...prev, ...(formats[i] as (typeof formats)[number]).part }));
    return next;
  };
  const byKey = new Map<string, (CellStyle | undefined)[]>();
  const EMPTY: (CellStyle | undefined)[] = [];
  return (r) => {
    const active: number[] = [];
    for (let i = 0; i < formats.length; i++) {
      const g = (formats[i] as (typeof formats)[number]).range;
      if (r >= g.row && r < g.row + g.rows) active.push(i);
    }
    if (active.length === 0) return EMPTY;
    const key = active.join(',');
    let row = byKey.get(key);
    if (!row) {
      row = [];
      for (const i of active) {
        const g = (formats[i] as (typeof formats)[number]).range;
        for (let c = g.col; c < g.col + g.cols; c++) row[c] = combine(row[c], i);
      }
      byKey.set(key, row);
    }
    return row;
  };
}

export function sheetXml(spec: SheetSpec, styles: StylesEditor, legacyDrawingRid?: string): SheetXml {
  const stylesOfRow = rowStyler(spec);
  const widths: number[] = [];
  for (const [col, px] of Object.entries(spec.columnWidths ?? {})) widths[Number(col)] = pxToChars(px);
  const colChars = (c: number) => widths[c] ?? DEFAULT_WIDTH;
  // A merged cell wraps within the merged width.
  const mergeWidth = new Map<number, number>();
  for (const m of spec.merges ?? []) {
    let w = 0;
    for (let c = m.col; c < m.col + m.cols; c++) w += colChars(c);
    mergeWidth.set(m.row * 16384 + m.col, w);
  }
  const xfOf = new Map<CellStyle, number>();
  const styleIndex = (s: CellStyle) => {
    let i = xfOf.get(s);
    if (i === undefined) xfOf.set(s, (i = styles.xf(s)));
    return i;
  };
  const dateStyles = new Map<CellStyle | undefined, CellStyle>();
  const wrapStyles = new Map<CellStyle | undefined, CellStyle>();
  const topStyles = new Map<CellStyle | undefined, CellStyle>();
  let hasFormulas = false;
  let maxCol = 0;
  const rows: string[] = [];
  const hiddenRows = new Set(spec.hiddenRows ?? []);
  spec.values.forEach((vals, r) => {
    const rowStyle = stylesOfRow(r);
    // Empty cells with a background (a coloured band) still need their <c>, in column order.
    const bandEmpty: number[] = [];
    for (let c = 0; c < rowStyle.length; c++) {
      const v = vals[c];
      if (rowStyle[c]?.background && (v === null || v === undefined || v === '')) bandEmpty.push(c);
    }
    let bi = 0;
    const flushBand = (upTo: number) => {
      while (bi < bandEmpty.length && (bandEmpty[bi] as number) < upTo) {
        const c = bandEmpty[bi++] as number;
        cells += `<c r="${columnLetter(c + 1)}${r + 1}" s="${styleIndex(rowStyle[c] as CellStyle)}"/>`;
      }
    };
    let cells = '';
    // Lines the tallest wrapped text needs: the row gets that height, and its other cells sit at the top.
    let rowLines = 1;
    for (let c = 0; c < vals.length; c++) {
      const v = vals[c];
      if (typeof v === 'string' && (rowStyle[c]?.wrap || v.includes('\n')))
        rowLines = Math.max(rowLines, lines(v, mergeWidth.get(r * 16384 + c) ?? colChars(c)));
      // A formula's text is not known when the file is written (the overdue list of «Исполнение»): a wrapped
      // formula cell gets three lines, so its text does not run over the next rows in LibreOffice.
      else if (v !== null && typeof v === 'object' && isFormula(v) && rowStyle[c]?.wrap) rowLines = Math.max(rowLines, FORMULA_LINES);
    }
    vals.forEach((v: SpecCell, c) => {
      if (v === null || v === '') return;
      flushBand(c);
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      let style = rowStyle[c];
      if (rowLines > 1 && !style?.wrap) {
        let t = topStyles.get(style);
        if (!t) topStyles.set(style, (t = { ...style, top: true }));
        style = t;
      }
      let body: string;
      let t = '';
      if (typeof v === 'string') {
        if (v.includes('\n') && !style?.wrap) {
          let w = wrapStyles.get(style);
          if (!w) {
            const { top: _top, ...rest } = style ?? {};
            wrapStyles.set(style, (w = { ...rest, wrap: true }));
          }
          style = w;
        }
        t = ' t="inlineStr"';
        body = `<is><t xml:space="preserve">${escapeXml(v)}</t></is>`;
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) return;
        body = `<v>${v}</v>`;
      } else if (typeof v === 'boolean') {
        t = ' t="b"';
        body = `<v>${v ? 1 : 0}</v>`;
      } else if (isFormula(v)) {
        hasFormulas = true;
        body = `<f>${escapeXml(v.formula.replace(/^=/, ''))}</f>`;
      } else if (isDate(v)) {
        let d = dateStyles.get(style);
        if (!d) dateStyles.set(style, (d = { ...style, numberFormat: 'dd.mm.yyyy' }));
        style = d;
        body = `<v>${dateSerial(v.date)}</v>`;
      } else return;
      const s = style ? styleIndex(style) : 0;
      cells += `<c r="${ref}"${s ? ` s="${s}"` : ''}${t}>${body}</c>`;
      if (c + 1 > maxCol) maxCol = c + 1;
    });
    // Styled empty cells (a coloured header band) still need their <c>.
    flushBand(Number.POSITIVE_INFINITY);
    if (cells === '') return;
    const ht = rowLines > 1 ? ` ht="${Math.min(MAX_ROW_PT, rowLines * LINE_PT)}" customHeight="1"` : '';
    rows.push(`<row r="${r + 1}"${ht}${hiddenRows.has(r) ? ' hidden="1"' : ''}>${cells}</row>`);
  });
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`];
  if (spec.tabColor) parts.push(`<sheetPr><tabColor rgb="${argb(spec.tabColor)}"/></sheetPr>`);
  const height = spec.values.length;
  parts.push(`<dimension ref="${height && maxCol ? `A1:${columnLetter(maxCol)}${height}` : 'A1'}"/>`);
  const fr = spec.frozenRows ?? 0;
  const fc = spec.frozenCols ?? 0;
  if (fr || fc) {
    const pane = fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight';
    const tl = `${columnLetter(fc + 1)}${fr + 1}`;
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${tl}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`,
    );
  } else parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  // One <col> per column with a width or hidden (service and filter columns: SheetSpec.hiddenColumns).
  const colWidths = new Map(Object.entries(spec.columnWidths ?? {}).map(([c, px]) => [Number(c), pxToChars(px)] as const));
  const hiddenCols = new Set(spec.hiddenColumns ?? []);
  const cols = [...new Set([...colWidths.keys(), ...hiddenCols])].sort((a, b) => a - b);
  if (cols.length)
    parts.push(
      `<cols>${cols
        .map((c) => {
          const w = colWidths.get(c);
          return `<col min="${c + 1}" max="${c + 1}"${w === undefined ? ' width="9.140625"' : ` width="${w}" customWidth="1"`}${hiddenCols.has(c) ? ' hidden="1"' : ''}/>`;
        })
        .join('')}</cols>`,
    );
  parts.push(`<sheetData>${rows.join('')}</sheetData>`);
  const merges = spec.merges ?? [];
  if (merges.length)
    parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${a1Range(m)}"/>`).join('')}</mergeCells>`);
  let priority = 1;
  for (const rule of spec.rules ?? []) parts.push(conditionalXml(rule, styles, priority++));
  const validations = spec.validations ?? [];
  if (validations.length) {
    parts.push(
      `<dataValidations count="${validations.length}">${validations
        .map(
          (v) =>
            `<dataValidation type="list" allowBlank="1" showErrorMessage="${v.allowInvalid ? 0 : 1}" errorStyle="${v.allowInvalid ? 'warning' : 'stop'}" sqref="${a1Range(v.range)}">` +
            `<formula1>${escapeXml(`"${v.list.join(',')}"`)}</formula1></dataValidation>`,
        )
        .join('')}</dataValidations>`,
    );
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const notes = spec.notes ?? [];
  if (notes.length && legacyDrawingRid) parts.push(`<legacyDrawing r:id="${legacyDrawingRid}"/>`);
  parts.push('</worksheet>');
  return { xml: parts.join(''), hasFormulas, ...(notes.length ? { comments: commentsXml(spec) } : {}) };
}

/** One custom-formula rule (the formula is written without «=», as Excel stores it). */
export function conditionalXml(rule: ConditionalRule, styles: StylesEditor, priority: number): string {
  const dxf = styles.dxf({
    ...(rule.background ? { background: rule.background } : {}),
    ...(rule.fontColor ? { fontColor: rule.fontColor } : {}),
    ...(rule.bold ? { bold: true } : {}),
  });
  return (
    `<conditionalFormatting sqref="${a1Range(rule.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}">` +
    `<formula>${escapeXml(rule.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`
  );
}

/** Notes as legacy comments: the comments part and the VML shapes Excel needs to show them. */
function commentsXml(spec: SheetSpec): { xml: string; vml: string } {
  const notes = spec.notes ?? [];
  const list = notes
    .map(
      (n) =>
        `<comment ref="${columnLetter(n.col + 1)}${n.row + 1}" authorId="0"><text><t xml:space="preserve">${escapeXml(n.text)}</t></text></comment>`,
    )
    .join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${NS_MAIN}"><authors><author>ОКО</author></authors><commentList>${list}</commentList></comments>`;
  const shapes = notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:96pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.col + 1}, 15, ${n.row}, 2, ${n.col + 4}, 15, ${n.row + 5}, 4</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`,
    )
    .join('');
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>' +
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`;
  return { xml, vml };
}
