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
