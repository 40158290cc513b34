// What an output tab should look like, as data. The core builds SheetSpecs; the Sheets and xlsx
// adapters render them. Nothing here paints a cell: formatting is by ranges and by rules.

/** A formula the adapter writes as a formula. Plain strings are always written as text. */
export interface FormulaCell {
  formula: string;
}
/** A calendar date (no time, no time zone): 'YYYY-MM-DD'. */
export interface DateCell {
  date: string;
}
export type SpecCell = string | number | boolean | null | FormulaCell | DateCell;

/** 0-based rectangle. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface RangeFormat {
  range: Rect;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * A conditional-format rule: `formula` is written for the top-left cell of `range`, with relative
 * references (as both Google Sheets and Excel read custom-formula rules).
 */
export interface ConditionalRule {
  range: Rect;
  formula: string;
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ListValidation {
  range: Rect;
  list: readonly string[];
  /** false: reject other values; true: warn only. */
  allowInvalid: boolean;
}

export interface NoteSpec {
  row: number;
  col: number;
  text: string;
}

export interface ChartSpec {
  type: 'column' | 'bar' | 'line' | 'pie';
  title: string;
  /** Header row + data rows; first column = categories. */
  data: Rect;
  /** Where the chart sits (0-based cell of its top-left corner). */
  anchor: { row: number; col: number };
  stacked?: boolean;
  width?: number;
  height?: number;
}

export interface SheetSpec {
  name: string;
  values: SpecCell[][];
  formats?: RangeFormat[];
  /** Width in pixels per 0-based column; missing = host default. */
  columnWidths?: Record<number, number>;
  frozenRows?: number;
  frozenCols?: number;
  merges?: Rect[];
  rules?: ConditionalRule[];
  validations?: ListValidation[];
  notes?: NoteSpec[];
  charts?: ChartSpec[];
  tabColor?: string;
  /** A service tab users need not see (the municipal job's state). */
  hidden?: boolean;
  /**
   * 0-based columns the host hides (service columns, the filter columns at the right). Their values
   * are written as usual and read back as usual; only the display hides them. Optional: a host that
   * cannot hide columns shows them (nothing breaks).
   */
  hiddenColumns?: number[];
  /** 0-based rows the host hides: the row of column ids above the header of a tab users type into. */
  hiddenRows?: number[];
  /**
   * Where each table of the tab is and where each of its columns is, by column id (core/output/columns.ts).
   * Not rendered: the core's own lookups (users' notes, the ШМО view, the sidebar's summaries) use it.
   */
  tables?: SpecTable[];
  /**
   * Columns holding each row's subject, parallel, class and teacher (hidden; empty cells on rows that are
   * not about one of them). Not rendered specially: the ШМО view (core/output/shmo-view.ts) reads them.
   */
  filterColumns?: Partial<Record<FilterKey, number>>;
}

/** The filter dimensions a row of an analytic tab carries. */
export type FilterKey = 'subject' | 'grade' | 'className' | 'teacher';

/** A table of a tab, as its builder wrote it from a column table. */
export interface SpecTable {
  /** The column table it was written from (a key of the string table's `columns`: 'risk', 'objectivity', …). */
  table: string;
  /** 0-based header row. */
  header: number;
  /** 0-based column of each column id the table has. */
  columns: Record<string, number>;
  /** Runs of columns named by data rather than by id (task codes): first 0-based column and count. */
  spans?: Record<string, { col: number; cols: number }>;
}

export function isFormula(v: SpecCell): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'formula' in v;
}
export function isDate(v: SpecCell): v is DateCell {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** Width of a spec: the longest row. Adapters pad shorter rows with empty cells. */
export function specWidth(spec: SheetSpec): number {
  let w = 0;
  for (const r of spec.values) if (r.length > w) w = r.length;
  return w;
}

/**
 * Text that a spreadsheet would read as a formula or a number sign (= + - @) is made inert by a
 * leading apostrophe, which Sheets and Excel hide and store as "this is text".
 */
export function inertText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}
