// A small helper to build a SheetSpec row by row.
import { columnLetter } from '../grid';
import type { ChartSpec, ConditionalRule, ListValidation, NoteSpec, RangeFormat, Rect, SheetSpec, SpecCell } from './spec';

export const COLORS = {
  headerBg: '#dfe7f3',
  titleBg: '#c9d7ee',
  summaryBg: '#f3f3f3',
  parallelBg: '#e8e8e8',
  schoolBg: '#dcdcdc',
  sufficientBg: '#c8e6c9',
  uncertainBg: '#fff2b3',
  insufficientBg: '#f4c7c3',
  deficitBg: '#fbe3e1',
  muted: '#777777',
  danger: '#a61b1b',
} as const;

export class SpecBuilder {
  readonly values: SpecCell[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly rules: ConditionalRule[] = [];
  readonly validations: ListValidation[] = [];
  readonly notes: NoteSpec[] = [];
  readonly merges: Rect[] = [];
  readonly charts: ChartSpec[] = [];
  columnWidths: Record<number, number> = {};

  constructor(readonly name: string) {}

  /** Index (0-based) the next row will get. */
  get nextRow(): number {
    return this.values.length;
  }

  row(cells: SpecCell[], format?: Omit<RangeFormat, 'range'>): number {
    const r = this.values.length;
    this.values.push(cells);
    if (format && cells.length > 0) this.format({ row: r, col: 0, rows: 1, cols: cells.length }, format);
    return r;
  }

  blank(): number {
    return this.row([]);
  }

  format(range: Rect, format: Omit<RangeFormat, 'range'>): void {
    if (range.rows > 0 && range.cols > 0) this.formats.push({ range, ...format });
  }

  note(row: number, col: number, text: string): void {
    if (text) this.notes.push({ row, col, text });
  }

  build(extra: Partial<SheetSpec> = {}): SheetSpec {
    const spec: SheetSpec = { name: this.name, values: this.values };
    if (this.formats.length) spec.formats = this.formats;
    if (this.rules.length) spec.rules = this.rules;
    if (this.validations.length) spec.validations = this.validations;
    if (this.notes.length) spec.notes = this.notes;
    if (this.merges.length) spec.merges = this.merges;
    if (this.charts.length) spec.charts = this.charts;
    if (Object.keys(this.columnWidths).length) spec.columnWidths = this.columnWidths;
    return { ...spec, ...extra };
  }
}

/** A1 reference of a 0-based cell, with optional $ on row/column. */
export function ref(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? '$' : ''}${columnLetter(col + 1)}${absRow ? '$' : ''}${row + 1}`;
}

/** Formula-safe number: always a dot decimal separator (formulas are stored in the English locale). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
