// A small helper to build a SheetSpec row by row, with optional leading filter columns.
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

/**
 * Leading filter columns of the analytic tabs: the ШМО filter (src/server/filter-plan.ts) and the
 * ordinary Sheets filter read them. Labels are capitalised, as the filter expects.
 */
export type LeadKey = 'subject' | 'grade' | 'className' | 'teacher';
export const LEAD_LABELS: Record<LeadKey, string> = {
  subject: 'Предмет',
  grade: 'Параллель',
  className: 'Класс',
  teacher: 'Учитель',
};
/** What one row carries in the leading columns; a missing value is an empty cell (a summary row of a class filter). */
export interface Lead {
  subject?: string;
  grade?: number | string | null;
  className?: string;
  teacher?: string;
}

export class SpecBuilder {
  readonly values: SpecCell[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly rules: ConditionalRule[] = [];
  readonly validations: ListValidation[] = [];
  readonly notes: NoteSpec[] = [];
  readonly merges: Rect[] = [];
  readonly charts: ChartSpec[] = [];
  columnWidths: Record<number, number> = {};
  /**
   * What the rows added from now on carry in the leading columns (see `leadColumns`): values, or
   * 'labels' for a table's header row (the column names again), or null (empty: a title, a note).
   */
  lead: Lead | 'labels' | null = null;
  private leadKeys: readonly LeadKey[] = [];
  private leadWidths: readonly number[] = [];
  private leadFrom = Number.POSITIVE_INFINITY;
  private readonly leads = new Map<number, Lead | 'labels'>();
  private shifted = false;

  constructor(readonly name: string) {}

  /**
   * From the next row on, every row gets leading columns `keys` (their widths: `widths`), filled from
   * `lead` when the row is added. Builders keep writing their tables from column 0 and with 0-based
   * column numbers as before: `build()` shifts cells, formats, rules (and the references in their
   * formulas), notes, charts, merges, validations, widths and frozen columns right by the lead width.
   * Rows above stay where they are (the title and the legend); a format that starts in column A also
   * covers the lead columns, so a header row's background spans the whole row. Rules below the lead
   * start may refer only to cells from the lead start on (all their references move).
   */
  leadColumns(keys: readonly LeadKey[], widths: readonly number[]): void {
    this.leadKeys = keys;
    this.leadWidths = widths;
    this.leadFrom = this.values.length;
  }

  /** Index (0-based) the next row will get. */
  get nextRow(): number {
    return this.values.length;
  }

  row(cells: SpecCell[], format?: Omit<RangeFormat, 'range'>): number {
    const r = this.values.length;
    this.values.push(cells);
    if (r >= this.leadFrom && this.lead) this.leads.set(r, this.lead);
    if (format && cells.length > 0) this.format({ row: r, col: 0, rows: 1, cols: cells.length }, format);
    return r;
  }

  blank(): number {
    return this.row([]);
  }

  /**
   * The opening every analytic tab shares: its title, bold on the title colour across `width`
   * columns, then its explanations (the rules and thresholds used), muted italics, one row each.
   */
  preamble(title: string, width: number, notes: readonly string[]): void {
    const r = this.row([title], { bold: true, background: COLORS.titleBg });
    this.format({ row: r, col: 0, rows: 1, cols: width }, { background: COLORS.titleBg });
    for (const note of notes) this.row([note], { italic: true, fontColor: COLORS.muted });
  }

  /** A section inside a tab: an empty row, then its title on the title colour (no lead values). */
  section(title: string): number {
    this.lead = null;
    this.blank();
    return this.row([title], { bold: true, background: COLORS.titleBg });
  }

  format(range: Rect, format: Omit<RangeFormat, 'range'>): void {
    if (range.rows > 0 && range.cols > 0) this.formats.push({ range, ...format });
  }

  note(row: number, col: number, text: string): void {
    if (text) this.notes.push({ row, col, text });
  }

  build(extra: Partial<SheetSpec> = {}): SheetSpec {
    if (this.leadKeys.length > 0 && !this.shifted) this.shiftForLead();
    const spec: SheetSpec = { name: this.name, values: this.values };
    if (this.formats.length) spec.formats = this.formats;
    if (this.rules.length) spec.rules = this.rules;
    if (this.validations.length) spec.validations = this.validations;
    if (this.notes.length) spec.notes = this.notes;
    if (this.merges.length) spec.merges = this.merges;
    if (this.charts.length) spec.charts = this.charts;
    if (Object.keys(this.columnWidths).length) spec.columnWidths = this.columnWidths;
    const out = { ...spec, ...extra };
    if (this.leadKeys.length > 0 && out.frozenCols) out.frozenCols += this.leadKeys.length;
    return out;
  }

  private leadCells(lead: Lead | 'labels'): SpecCell[] {
    if (lead === 'labels') return this.leadKeys.map((k) => LEAD_LABELS[k]);
    return this.leadKeys.map((k) => lead[k] ?? '');
  }

  /** Moves everything from `leadFrom` on right by the lead width and fills the lead cells (once, in `build`). */
  private shiftForLead(): void {
    this.shifted = true;
    const k = this.leadKeys.length;
    const from = this.leadFrom;
    const below = (r: Rect) => r.row >= from;
    const blank = this.leadKeys.map((): SpecCell => '');
    for (let r = from; r < this.values.length; r++) {
      const lead = this.leads.get(r);
      const cells = this.values[r] as SpecCell[];
      if (cells.length === 0 && !lead) continue;
      this.values[r] = [...(lead ? this.leadCells(lead) : blank), ...cells];
    }
    const shift = (r: Rect): Rect => (below(r) ? { ...r, col: r.col + k } : r);
    for (let i = 0; i < this.formats.length; i++) {
      const f = this.formats[i] as RangeFormat;
      this.formats[i] = { ...f, range: f.range.col === 0 ? { ...f.range, cols: f.range.cols + k } : shift(f.range) };
    }
    // Lead values are context, not content: muted (over any colour a widened format gave them), in
    // runs of consecutive rows that carry values.
    const muted: RangeFormat[] = [];
    for (let r = from; r < this.values.length; r++) {
      const lead = this.leads.get(r);
      if (!lead || lead === 'labels') continue;
      const last = muted[muted.length - 1];
      if (last && last.range.row + last.range.rows === r) last.range.rows++;
      else muted.push({ range: { row: r, col: 0, rows: 1, cols: k }, fontColor: COLORS.muted });
    }
    this.formats.push(...muted);
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i] as ConditionalRule;
      if (below(rule.range)) this.rules[i] = { ...rule, range: shift(rule.range), formula: shiftFormula(rule.formula, k) };
    }
    for (let i = 0; i < this.validations.length; i++) {
      const v = this.validations[i] as ListValidation;
      this.validations[i] = { ...v, range: shift(v.range) };
    }
    for (const n of this.notes) if (n.row >= from) n.col += k;
    for (let i = 0; i < this.merges.length; i++) this.merges[i] = shift(this.merges[i] as Rect);
    for (const c of this.charts) {
      if (!below(c.data)) continue;
      c.data = shift(c.data);
      c.anchor = { ...c.anchor, col: c.anchor.col + k };
    }
    const widths: Record<number, number> = {};
    this.leadWidths.forEach((w, i) => {
      widths[i] = w;
    });
    for (const [c, w] of Object.entries(this.columnWidths)) widths[Number(c) + k] = w;
    this.columnWidths = widths;
  }
}

/** 'AB' → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Moves every A1 reference of a formula `k` columns right (`$` kept), leaving text in quotes and
 * function names alone: `=AND(ISNUMBER(E5),$E5<E$4)` → `=AND(ISNUMBER(H5),$H5<H$4)` for k = 3.
 */
export function shiftFormula(formula: string, k: number): string {
  return formula.replace(
    /("(?:[^"]|"")*")|(?<![A-Za-z0-9_$.!'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (all, text: string | undefined, d1: string, col: string, d2: string, row: string) =>
      text !== undefined ? all : `${d1}${columnLetter(columnNumber(col) + k)}${d2}${row}`,
  );
}

/** A1 reference of a 0-based cell, with optional $ on row/column. */
export function ref(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? '$' : ''}${columnLetter(col + 1)}${absRow ? '$' : ''}${row + 1}`;
}

/** Formula-safe number: always a dot decimal separator (formulas are stored in the English locale). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
