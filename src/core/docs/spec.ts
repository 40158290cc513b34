// What a document should look like, as data: the core builds DocSpecs (аналитическая справка, ИОМ,
// приложение к рабочей программе); the hosts render them (.docx locally, Google Docs in the school
// edition). Like SheetSpec for tabs, nothing here knows a file format. Numbers stay numbers with a
// format, so every renderer prints them the same way (decimal comma, see format.ts).

/** A4 portrait, in millimetres. */
export const PAGE = { widthMm: 210, heightMm: 297 } as const;
/** Margins usual for school paperwork (ГОСТ Р 7.0.97: left ≥ 20 mm for binding). */
export const MARGINS_MM = { top: 20, right: 15, bottom: 20, left: 25 } as const;
/** The width a table may take: page width minus side margins. */
export const CONTENT_WIDTH_MM = PAGE.widthMm - MARGINS_MM.left - MARGINS_MM.right;

export type Tone = 'insufficient' | 'uncertain' | 'sufficient' | 'summary' | 'muted' | 'danger';

/**
 * The colours of the tones (RGB hex, no «#»), one table for every renderer so a .docx and a Google Doc
 * look alike: cell shading is the status colours of the tabs, light enough to print in grey.
 */
export const TONE_SHADE: Readonly<Record<Tone, string>> = {
  insufficient: 'F4CCCC',
  uncertain: 'FFF2CC',
  sufficient: 'D9EAD3',
  summary: 'EDEDED',
  muted: 'F5F5F5',
  danger: 'F4CCCC',
};
/** Text colour of a run's tone (explanations grey, warnings dark red). */
export const TONE_TEXT: Readonly<Partial<Record<Tone, string>>> = { muted: '555555', danger: 'A61C00' };

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Muted (explanations) or danger (warnings); renderers may print both in black. */
  tone?: Extract<Tone, 'muted' | 'danger'>;
}

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Smaller type for notes and legends. */
  small?: boolean;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: Run[][];
}

/**
 * How a number is printed: int «12»; pct «57,3» (a percent, the header says «%»); pp «+3,2» / «−1,5»
 * (signed percentage points); num «7,5».
 */
export type NumberFormat = 'int' | 'pct' | 'pp' | 'num';

export interface TableColumn {
  header: string;
  widthMm: number;
  /** Format of numeric cells of the column (a cell may override it). */
  format?: NumberFormat;
  align?: 'left' | 'center' | 'right';
}

export interface TableCell {
  value: string | number | null;
  format?: NumberFormat;
  bold?: boolean;
  italic?: boolean;
  /** Background of the cell: the status colours of the tabs, or a summary row. */
  tone?: Tone;
}

export type CellInput = TableCell | string | number | null;

export interface TableBlock {
  kind: 'table';
  columns: TableColumn[];
  rows: CellInput[][];
  /** Font size of the table, points (the body is 12). */
  fontPt?: number;
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** A picture: hosts that cannot place images print the alternative text instead. */
export interface ImageBlock {
  kind: 'image';
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
  alt: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock | ImageBlock;

export interface DocSpec {
  /** Shown as the document's title (file properties, Google Docs name). */
  title: string;
  /** A suggested file name without extension. */
  fileName: string;
  blocks: Block[];
  /** People and codes only at school: the document names students (ИОМ with names from the school's own sheet). */
  personal?: boolean;
}

export function cellOf(c: CellInput): TableCell {
  return c !== null && typeof c === 'object' ? c : { value: c };
}

export function tableWidthMm(t: TableBlock): number {
  return t.columns.reduce((a, c) => a + c.widthMm, 0);
}

// ---- small builders -------------------------------------------------------------------------------

export const h = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, text });
export const p = (...runs: (Run | string)[]): ParagraphBlock => ({
  kind: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
export const note = (text: string): ParagraphBlock => ({ kind: 'paragraph', runs: [{ text, italic: true, tone: 'muted' }], small: true });
export const b = (text: string): Run => ({ text, bold: true });
export const list = (items: (Run[] | string)[], ordered = false): ListBlock => ({
  kind: 'list',
  ordered,
  items: items.map((i) => (typeof i === 'string' ? [{ text: i }] : i)),
});
export const pageBreak = (): PageBreakBlock => ({ kind: 'pageBreak' });

/** A column of figures: right-aligned in the given format; without a width it shares what is left. */
export function figure(
  header: string,
  widthMm: number | undefined,
  format: NumberFormat,
): Omit<TableColumn, 'widthMm'> & { widthMm?: number } {
  return widthMm === undefined ? { header, format, align: 'right' } : { header, widthMm, format, align: 'right' };
}

/** Columns whose widths fill the page: fixed ones as given, the rest share what is left. */
export function fitColumns(cols: (Omit<TableColumn, 'widthMm'> & { widthMm?: number })[], total = CONTENT_WIDTH_MM): TableColumn[] {
  const fixed = cols.reduce((a, c) => a + (c.widthMm ?? 0), 0);
  const flex = cols.filter((c) => c.widthMm === undefined).length;
  const each = flex > 0 ? Math.max(10, Math.floor(((total - fixed) / flex) * 10) / 10) : 0;
  return cols.map((c) => ({ ...c, widthMm: c.widthMm ?? each }));
}

/** A table that fills the page's content width (`fitColumns`). */
export function table(cols: (Omit<TableColumn, 'widthMm'> & { widthMm?: number })[], rows: CellInput[][], fontPt = 10): TableBlock {
  return { kind: 'table', columns: fitColumns(cols, CONTENT_WIDTH_MM), rows, fontPt };
}
