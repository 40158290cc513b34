// A small helper to build a SheetSpec row by row: tables written from column ids, each row's filter
// values (subject, parallel, class, teacher) in hidden columns at the right.
import { columnLetter } from '../grid';
import { type ColumnId, columnLabel, ID_PREFIX, type TableName } from './columns';
import {
  type ChartSpec,
  type ConditionalRule,
  type FilterKey,
  type ListValidation,
  type NoteSpec,
  type RangeFormat,
  type Rect,
  type SheetSpec,
  type SpecCell,
  type SpecTable,
  specWidth,
} from './spec';

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

/** The filter dimensions of a row (see `SpecBuilder.leadColumns`). */
export type LeadKey = FilterKey;
/** What one row carries in the filter columns; a missing value is an empty cell (a parallel's or the school's row has no class). */
export interface Lead {
  subject?: string;
  grade?: number | string | null;
  className?: string;
  teacher?: string;
}

/** A run of header cells named by data (task codes), not by column id. */
export interface Span {
  span: string;
  labels: readonly SpecCell[];
}

/** The header row of a table as written: where each column id and span went. */
export class HeaderRow<Id extends string> {
  constructor(
    readonly row: number,
    private readonly at: Readonly<Record<string, number>>,
    private readonly spans: Readonly<Record<string, { col: number; cols: number }>>,
    /** Columns of the table. */
    readonly width: number,
  ) {}

  /** 0-based column of `id`; throws when the table was written without it (a builder's mistake). */
  col(id: Id): number {
    const c = this.at[id];
    if (c === undefined) throw new Error(`column «${id}» is not in this table`);
    return c;
  }

  has(id: Id): boolean {
    return this.at[id] !== undefined;
  }

  span(name: string): { col: number; cols: number } {
    return this.spans[name] ?? { col: this.width, cols: 0 };
  }

  /** A row of this table from values by column id (and span values), in the header's order. */
  cells(values: Partial<Record<Id, SpecCell>>, spans: Readonly<Record<string, readonly SpecCell[]>> = {}): SpecCell[] {
    // Called once per row of every table (50 000 rows at 1 M scores): no intermediate arrays.
    const out: SpecCell[] = [];
    let n = 0;
    for (const id in values) {
      const c = this.at[id];
      const v = values[id as Id];
      if (c === undefined || v === undefined) continue;
      out[c] = v;
      if (c >= n) n = c + 1;
    }
    for (const name in spans) {
      const s = this.spans[name];
      const vs = spans[name] as readonly SpecCell[];
      if (!s) continue;
      const m = Math.min(vs.length, s.cols);
      for (let i = 0; i < m; i++) out[s.col + i] = vs[i] as SpecCell;
      if (m > 0 && s.col + m > n) n = s.col + m;
    }
    while (n > 0 && (out[n - 1] === null || out[n - 1] === undefined)) n--;
    out.length = n;
    for (let i = 0; i < n; i++) if (out[i] === undefined) out[i] = null;
    return out;
  }
}

const HEADER_FORMAT: Omit<RangeFormat, 'range'> = { bold: true, background: COLORS.headerBg, wrap: true };

export class SpecBuilder {
  readonly values: SpecCell[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly rules: ConditionalRule[] = [];
  readonly validations: ListValidation[] = [];
  readonly notes: NoteSpec[] = [];
  readonly merges: Rect[] = [];
  readonly charts: ChartSpec[] = [];
  readonly tables: SpecTable[] = [];
  columnWidths: Record<number, number> = {};
  /**
   * What the rows added from now on carry in the filter columns (see `leadColumns`): values, or
   * 'labels' for a table's header row (the column names again), or null (empty: a title, a note).
   */
  lead: Lead | 'labels' | null = null;
  private leadKeys: readonly LeadKey[] = [];
  private leadFrom = Number.POSITIVE_INFINITY;
  private readonly leads = new Map<number, Lead | 'labels'>();
  private readonly hiddenCols = new Set<number>();
  private readonly hiddenRowSet = new Set<number>();
  private placed = false;

  constructor(readonly name: string) {}

  /**
   * From the next row on, every row records `lead`'s values for the filter columns `keys`. `build()`
   * writes them in columns of their own right of everything else on the tab, hides those columns and
   * records where they are (`SheetSpec.filterColumns`): the ШМО view (shmo-view.ts) keeps a row by them,
   * and a user's own filter can still use them. Builders write their tables from column 0 as usual.
   */
  leadColumns(keys: readonly LeadKey[]): void {
    this.leadKeys = keys;
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
   * The header row of a table, from column ids of `table` (labels from the string table) and spans
   * of data-named columns (task codes): bold, wrapped, on the header colour. Records the table in
   * `SheetSpec.tables`. With `ids`, a hidden row of column ids goes right above it (tables users type
   * under: their columns are read back by id, see user-columns.ts). The header row's filter cells
   * repeat the filter labels; the rows after it keep the lead set before.
   */
  header<T extends TableName>(
    table: T,
    entries: readonly (ColumnId<T> | Span)[],
    options: { ids?: boolean; format?: Omit<RangeFormat, 'range'> } = {},
  ): HeaderRow<ColumnId<T>> {
    const at: Record<string, number> = {};
    const spans: Record<string, { col: number; cols: number }> = {};
    const labels: SpecCell[] = [];
    for (const e of entries) {
      if (typeof e === 'string') {
        at[e] = labels.length;
        labels.push(columnLabel(table, e));
      } else {
        spans[e.span] = { col: labels.length, cols: e.labels.length };
        labels.push(...e.labels);
      }
    }
    // The rows after the header keep the lead they had before it.
    const keep = this.lead;
    if (options.ids) {
      this.lead = null;
      const r = this.row(labels.map((_, c) => (Object.values(at).includes(c) ? `${ID_PREFIX}${idAt(at, c)}` : null)));
      this.hiddenRowSet.add(r);
    }
    this.lead = this.leadKeys.length > 0 ? 'labels' : keep;
    const row = this.row(labels, options.format ?? HEADER_FORMAT);
    this.lead = keep;
    this.tables.push({ table, header: row, columns: at, ...(Object.keys(spans).length ? { spans } : {}) });
    return new HeaderRow<ColumnId<T>>(row, at, spans, labels.length);
  }

  /** A row of `h`'s table from values by column id. */
  line<Id extends string>(
    h: HeaderRow<Id>,
    values: Partial<Record<Id, SpecCell>>,
    spans?: Readonly<Record<string, readonly SpecCell[]>>,
    format?: Omit<RangeFormat, 'range'>,
  ): number {
    return this.row(h.cells(values, spans), format);
  }

  /** Hides columns (service columns: highlight keys, row keys). */
  hide(col: number, cols = 1): void {
    for (let c = col; c < col + cols; c++) this.hiddenCols.add(c);
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
    const filterColumns = this.leadKeys.length > 0 && !this.placed ? this.placeLead() : undefined;
    const spec: SheetSpec = { name: this.name, values: this.values };
    if (this.formats.length) spec.formats = this.formats;
    if (this.rules.length) spec.rules = this.rules;
    if (this.validations.length) spec.validations = this.validations;
    if (this.notes.length) spec.notes = this.notes;
    if (this.merges.length) spec.merges = this.merges;
    if (this.charts.length) spec.charts = this.charts;
    if (Object.keys(this.columnWidths).length) spec.columnWidths = this.columnWidths;
    if (this.hiddenCols.size) spec.hiddenColumns = [...this.hiddenCols].sort((a, b) => a - b);
    if (this.hiddenRowSet.size) spec.hiddenRows = [...this.hiddenRowSet].sort((a, b) => a - b);
    if (this.tables.length) spec.tables = this.tables;
    if (filterColumns) spec.filterColumns = filterColumns;
    return { ...spec, ...extra };
  }

  /** Everything the tab shows reaches this column (exclusive): the filter columns go right of it. */
  private contentWidth(): number {
    let w = specWidth({ name: this.name, values: this.values });
    const reach = (r: Rect) => {
      w = Math.max(w, r.col + r.cols);
    };
    for (const f of this.formats) reach(f.range);
    for (const r of this.rules) reach(r.range);
    for (const m of this.merges) reach(m);
    for (const c of Object.keys(this.columnWidths)) w = Math.max(w, Number(c) + 1);
    // A chart floats right of its anchor: the filter columns go beyond it, never under it.
    for (const c of this.charts) w = Math.max(w, c.anchor.col + Math.ceil((c.width ?? 520) / 100) + 1);
    return w;
  }

  /** Writes each row's filter values right of the content, hides those columns; once, in `build`. */
  private placeLead(): Partial<Record<LeadKey, number>> {
    this.placed = true;
    const at = this.contentWidth();
    for (const [r, lead] of this.leads) {
      const cells = this.values[r] as SpecCell[];
      const lv: SpecCell[] =
        lead === 'labels' ? this.leadKeys.map((k) => columnLabel('filter', k)) : this.leadKeys.map((k) => lead[k] ?? '');
      if (lv.every((v) => v === '')) continue;
      while (cells.length < at) cells.push(null);
      cells.push(...lv);
    }
    this.hide(at, this.leadKeys.length);
    return Object.fromEntries(this.leadKeys.map((k, i) => [k, at + i]));
  }
}

function idAt(at: Record<string, number>, c: number): string {
  return Object.keys(at).find((k) => at[k] === c) ?? '';
}

/** 'AB' → 28. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One A1 reference of a formula: 1-based column and row, and which of them are absolute. */
export interface A1Ref {
  col: number;
  row: number;
  absCol: boolean;
  absRow: boolean;
}

/** Writes a reference back: `{col: 3, row: 5, absRow: true}` → «C$5». */
export function a1Text(r: A1Ref): string {
  return `${r.absCol ? '$' : ''}${columnLetter(r.col)}${r.absRow ? '$' : ''}${r.row}`;
}

/**
 * Rewrites every A1 reference of a formula through `fn`, leaving text in quotes and function names
 * alone. `fn` returns the new reference text, or null to give up (the whole result is then null).
 */
export function mapRefs(formula: string, fn: (r: A1Ref) => string | null): string | null {
  let failed = false;
  const out = formula.replace(
    /("(?:[^"]|"")*")|(?<![A-Za-z0-9_$.!'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (all, text: string | undefined, d1: string, col: string, d2: string, row: string) => {
      if (text !== undefined) return all;
      const next = fn({ col: columnNumber(col), row: Number(row), absCol: d1 === '$', absRow: d2 === '$' });
      if (next === null) failed = true;
      return next ?? all;
    },
  );
  return failed ? null : out;
}

/**
 * Moves every A1 reference of a formula `k` columns right (`$` kept), leaving text in quotes and
 * function names alone: `=AND(ISNUMBER(E5),$E5<E$4)` → `=AND(ISNUMBER(H5),$H5<H$4)` for k = 3.
 */
export function shiftFormula(formula: string, k: number): string {
  return mapRefs(formula, (r) => a1Text({ ...r, col: r.col + k })) as string;
}

/** A1 reference of a 0-based cell, with optional $ on row/column. */
export function ref(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? '$' : ''}${columnLetter(col + 1)}${absRow ? '$' : ''}${row + 1}`;
}

/** Formula-safe number: always a dot decimal separator (formulas are stored in the English locale). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
