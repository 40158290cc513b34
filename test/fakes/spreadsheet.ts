// An in-memory spreadsheet with the parts of Sheets' behaviour the adapter relies on: a fresh tab is
// 1000 × 26, ranges must lie inside the grid, 2-D setters must match the range exactly, tab names are
// unique, a deleted tab is dead, the last tab cannot be deleted. Every method is counted.
import type {
  Alignment,
  ChartLike,
  ConditionalRuleLike,
  DataValidationLike,
  FilterCriteriaLike,
  FilterLike,
  RangeLike,
  RangeListLike,
  SheetLike,
  SpreadsheetLike,
  TextStyleLike,
  VerticalAlignment,
} from '../../src/sheets/surface';
import { FakeChart, FakeChartBuilder, FakeConditionalRule, FakeDataValidation, FakeFilterCriteria, FakeTextStyle } from './builders';
import type { CallLog } from './calls';
import { isDateValue, parseInput, type StoredValue } from './values';

export interface FakeCell {
  value: StoredValue;
  formula: string | null;
  numberFormat: string | null;
  textStyle: FakeTextStyle | null;
  background: string | null;
  horizontal: Alignment | null;
  vertical: VerticalAlignment | null;
  wrap: boolean;
  note: string;
  validation: FakeDataValidation | null;
}

function emptyCell(): FakeCell {
  return {
    value: '',
    formula: null,
    numberFormat: null,
    textStyle: null,
    background: null,
    horizontal: null,
    vertical: null,
    wrap: false,
    note: '',
    validation: null,
  };
}

export const FRESH_ROWS = 1000;
export const FRESH_COLS = 26;

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'Sheet name'! as formulas write it (a quote inside doubled). */
function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A 1-based rectangle of cells. */
interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

function rectOf(a1: string): Rect {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) throw new Error(`bad A1 ${a1}`);
  const row = Number(m[2]);
  const col = columnNumber(m[1] as string);
  return { row, col, rows: (m[4] ? Number(m[4]) : row) - row + 1, cols: (m[3] ? columnNumber(m[3]) : col) - col + 1 };
}

function a1Of(r: Rect): string {
  const start = `${columnLetters(r.col)}${r.row}`;
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows - 1}`;
}

/**
 * Google's rules for a tab name, as far as they are known to bite: not empty or blank, at most 100
 * characters, no line breaks or other control characters, unique without regard to case.
 */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'empty';
  if (name.length > 100) return 'longer than 100 characters';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  return null;
}

export class FakeRangeList implements RangeListLike {
  constructor(
    private readonly ranges: FakeRange[],
    private readonly sheet: FakeSheet,
  ) {}
  getRanges(): FakeRange[] {
    this.sheet.touch('RangeList.getRanges');
    return [...this.ranges];
  }
}

export class FakeRange implements RangeLike {
  constructor(
    readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly col: number,
    private readonly rows: number,
    private readonly cols: number,
  ) {}

  private hit(method: string): void {
    this.sheet.touch(`Range.${method}`);
  }

  /** 1-based rectangle, uncounted. */
  get rect(): Rect {
    return { row: this.row, col: this.col, rows: this.rows, cols: this.cols };
  }

  private eachCell(fn: (cell: FakeCell) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) fn(this.sheet.cellAt(this.row + r, this.col + c));
  }

  /** A1 notation, uncounted (for assertions). */
  get a1(): string {
    const start = `${columnLetters(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? start : `${start}:${columnLetters(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }

  getRow(): number {
    this.hit('getRow');
    return this.row;
  }
  getColumn(): number {
    this.hit('getColumn');
    return this.col;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.rows;
  }
  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.cols;
  }

  getValues(): unknown[][] {
    this.hit('getValues');
    const out: unknown[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.cols; c++) {
        const v = this.sheet.peek(this.row + r, this.col + c)?.value ?? '';
        row.push(isDateValue(v) ? new Date(v.getTime()) : v);
      }
      out.push(row);
    }
    return out;
  }

  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    const out: string[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < this.cols; c++) row.push(displayValue(this.sheet.peek(this.row + r, this.col + c)));
      out.push(row);
    }
    return out;
  }

  setValues(values: unknown[][]): this {
    this.hit('setValues');
    this.each(values, 'values', (cell, v) => {
      const p = parseInput(v);
      cell.value = p.value;
      cell.formula = p.formula;
    });
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.hit('setNumberFormats');
    this.each(formats, 'number formats', (cell, v) => (cell.numberFormat = v));
    return this;
  }
  setTextStyles(styles: TextStyleLike[][]): this {
    this.hit('setTextStyles');
    this.each(styles, 'text styles', (cell, v) => {
      if (!(v instanceof FakeTextStyle)) throw new Error('Invalid argument: styles (not a TextStyle)');
      cell.textStyle = v;
    });
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.hit('setBackgrounds');
    this.each(colors, 'backgrounds', (cell, v) => (cell.background = v));
    return this;
  }
  setHorizontalAlignments(alignments: (Alignment | null)[][]): this {
    this.hit('setHorizontalAlignments');
    this.each(alignments, 'alignments', (cell, v) => (cell.horizontal = v));
    return this;
  }
  setVerticalAlignments(alignments: (VerticalAlignment | null)[][]): this {
    this.hit('setVerticalAlignments');
    this.each(alignments, 'alignments', (cell, v) => (cell.vertical = v));
    return this;
  }
  setWraps(wraps: boolean[][]): this {
    this.hit('setWraps');
    this.each(wraps, 'wraps', (cell, v) => (cell.wrap = v));
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    this.hit('setNotes');
    this.each(notes, 'notes', (cell, v) => (cell.note = v ?? ''));
    return this;
  }
  setDataValidations(rules: (DataValidationLike | null)[][]): this {
    this.hit('setDataValidations');
    this.each(rules, 'validations', (cell, v) => {
      if (v !== null && !(v instanceof FakeDataValidation)) throw new Error('Invalid argument: rules (not a DataValidation)');
      cell.validation = v;
    });
    return this;
  }
  merge(): this {
    this.hit('merge');
    if (this.sheet.mergeRects().some((m) => overlaps(m, this.rect))) {
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
    this.sheet.merges.push(this.a1);
    return this;
  }
  breakApart(): this {
    this.hit('breakApart');
    const inside = (m: Rect) => overlaps(m, this.rect);
    const partly = this.sheet.mergeRects().filter((m) => inside(m) && !contains(this.rect, m));
    if (partly.length > 0) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges.splice(0, this.sheet.merges.length, ...this.sheet.merges.filter((a1) => !inside(rectOf(a1))));
    return this;
  }
  clearDataValidations(): this {
    this.hit('clearDataValidations');
    this.eachCell((cell) => (cell.validation = null));
    return this;
  }
  /**
   * Google's «PASTE_NORMAL»: values, formulas, formats and merges — and, strictly, nothing more
   * (notes, dropdowns and conditional rules are not promised by the reference, so they are not
   * copied here). The fake copies to the same position only; the destination must fit in its sheet.
   */
  copyTo(destination: RangeLike): void {
    this.hit('copyTo');
    if (!(destination instanceof FakeRange)) throw new Error('Invalid argument: destination');
    const to = destination.rect;
    if (to.row !== this.row || to.col !== this.col) throw new Error('fake copyTo supports copying to the same position only');
    destination.sheet.checkFits(this.row, this.col, this.rows, this.cols);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const from = this.sheet.peek(this.row + r, this.col + c);
        const cell = destination.sheet.cellAt(this.row + r, this.col + c);
        cell.value = from?.value ?? '';
        cell.formula = from?.formula ?? null;
        cell.numberFormat = from?.numberFormat ?? null;
        cell.textStyle = from?.textStyle ?? null;
        cell.background = from?.background ?? null;
        cell.horizontal = from?.horizontal ?? null;
        cell.vertical = from?.vertical ?? null;
        cell.wrap = from?.wrap ?? false;
      }
    }
    const target = destination.sheet;
    target.merges.splice(0, target.merges.length, ...target.merges.filter((a1) => !overlaps(rectOf(a1), this.rect)));
    for (const m of this.sheet.mergeRects()) if (contains(this.rect, m)) target.merges.push(a1Of(m));
  }
  activate(): this {
    this.hit('activate');
    this.sheet.spreadsheet.activate(this.sheet, this.a1);
    return this;
  }
  createFilter(): FakeFilter {
    this.hit('createFilter');
    if (this.sheet.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = new FakeFilter(this.sheet, this.row, this.col, this.rows, this.cols);
    return this.sheet.filter;
  }

  /** Applies a 2-D array cell by cell after checking it has the range's exact shape, as Sheets does. */
  private each<T>(grid: T[][], what: string, fn: (cell: FakeCell, v: T) => void): void {
    if (!Array.isArray(grid) || grid.length !== this.rows) {
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The data has ${grid?.length} but the range has ${this.rows}.`,
      );
    }
    for (const row of grid) {
      if (!Array.isArray(row) || row.length !== this.cols) {
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The data has ${row?.length} but the range has ${this.cols}.`,
        );
      }
    }
    for (let r = 0; r < this.rows; r++) {
      const row = grid[r] as T[];
      for (let c = 0; c < this.cols; c++) fn(this.sheet.cellAt(this.row + r, this.col + c), row[c] as T);
    }
  }
}

export class FakeSheet implements SheetLike {
  /** rows[r][c], 0-based, created on write. */
  private rowsData: (FakeCell | undefined)[][] = [];
  maxRows = FRESH_ROWS;
  maxCols = FRESH_COLS;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  /** 1-based columns and rows hidden by hideColumns / hideRows. */
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: string[] = [];
  charts: FakeChart[] = [];
  rules: FakeConditionalRule[] = [];
  filter: FakeFilter | null = null;
  hidden = false;
  deleted = false;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    private readonly log: CallLog,
  ) {}

  touch(method: string): void {
    if (this.deleted) throw new Error(`The sheet ${this.name} has been deleted.`);
    this.log.hit('doc', method);
  }

  // ---- uncounted access for tests and for FakeRange ------------------------------------------
  get title(): string {
    return this.name;
  }
  peek(row: number, col: number): FakeCell | undefined {
    return this.rowsData[row - 1]?.[col - 1];
  }
  cellAt(row: number, col: number): FakeCell {
    const r = (this.rowsData[row - 1] ??= []);
    let cell = r[col - 1];
    if (!cell) r[col - 1] = cell = emptyCell();
    return cell;
  }
  /**
   * Everything another user would see of the sheet, as JSON, uncounted: cells with their formats,
   * notes and dropdowns, merges, rules, charts, frozen panes, widths, hidden rows and columns, the
   * filter, whether the tab is hidden, its colour and place.
   */
  state(): string {
    const range = (r: RangeLike) => `${r.getRow()},${r.getColumn()},${r.getNumRows()},${r.getNumColumns()}`;
    return JSON.stringify({
      name: this.name,
      index: this.spreadsheet.positionOf(this),
      cells: this.rowsData,
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      frozen: [this.frozenRows, this.frozenCols],
      tabColor: this.tabColor,
      widths: [...this.columnWidths],
      hiddenColumns: [...this.hiddenColumns],
      hiddenRows: [...this.hiddenRows],
      merges: this.merges,
      rules: this.rules.map((r) => [r.formula, r.ranges.map(range), r.background, r.fontColor, r.bold]),
      charts: this.charts.map((c) => [c.type, c.ranges.map(range), c.position, c.options]),
      filter: this.filter ? [this.filter.row, this.filter.col, this.filter.rows, this.filter.cols, [...this.filter.criteria]] : null,
      hidden: this.hidden,
    });
  }
  /** Rewrites the text of every formula of the sheet, uncounted (sheet references on rename and delete). */
  rewriteFormulas(fn: (formula: string) => string): void {
    for (const row of this.rowsData) for (const cell of row ?? []) if (cell?.formula) cell.formula = fn(cell.formula);
  }
  /** Values as getValues would return them for the used area, uncounted. */
  snapshot(): StoredValue[][] {
    const { rows, cols } = this.usedSize();
    const out: StoredValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: StoredValue[] = [];
      for (let c = 1; c <= cols; c++) row.push(this.peek(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }
  usedSize(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.rowsData.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell && (cell.value !== '' || cell.formula !== null)) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
      });
    });
    return { rows, cols };
  }
  /** Puts raw values in, as a user would have typed them (no parsing), uncounted. */
  load(values: readonly (readonly unknown[])[]): void {
    this.maxRows = Math.max(this.maxRows, values.length);
    values.forEach((row, r) => {
      this.maxCols = Math.max(this.maxCols, row.length);
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        this.cellAt(r + 1, c + 1).value = v as StoredValue;
      });
    });
  }
  mergeRects(): Rect[] {
    return this.merges.map(rectOf);
  }
  /** Throws as Sheets does when a range does not fit in the grid. */
  checkFits(row: number, col: number, rows: number, cols: number): void {
    this.checkRange(row, col, rows, cols);
  }
  private checkRange(row: number, col: number, rows: number, cols: number): void {
    if (![row, col, rows, cols].every(Number.isInteger) || row < 1 || col < 1 || rows < 1 || cols < 1) {
      throw new Error('The starting row/column of the range is too small, or the number of rows/columns is less than 1.');
    }
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  // ---- Sheet ---------------------------------------------------------------------------------
  getName(): string {
    this.touch('Sheet.getName');
    return this.name;
  }
  setName(name: string): this {
    this.touch('Sheet.setName');
    this.spreadsheet.checkNewName(name, this);
    const old = this.name;
    this.name = name;
    // Like Sheets: formulas anywhere in the spreadsheet that refer to this sheet follow the rename.
    this.spreadsheet.rewriteReferences(old, `${quoteSheetName(name)}!`);
    return this;
  }
  getIndex(): number {
    this.touch('Sheet.getIndex');
    return this.spreadsheet.positionOf(this) + 1;
  }
  getRange(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    this.touch('Sheet.getRange');
    this.checkRange(row, column, numRows, numColumns);
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.touch('Sheet.getRangeList');
    return new FakeRangeList(
      a1Notations.map((a1) => {
        const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
        if (!m) throw new Error(`Range not found: ${a1}`);
        const r0 = Number(m[2]);
        const c0 = columnNumber(m[1] as string);
        const r1 = m[4] ? Number(m[4]) : r0;
        const c1 = m[3] ? columnNumber(m[3]) : c0;
        this.checkRange(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
        return new FakeRange(this, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      }),
      this,
    );
  }
  getDataRange(): FakeRange {
    this.touch('Sheet.getDataRange');
    const { rows, cols } = this.usedSize();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1));
  }
  getMaxRows(): number {
    this.touch('Sheet.getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.touch('Sheet.getMaxColumns');
    return this.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.touch('Sheet.insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this.maxRows || howMany < 1) throw new Error('Those rows are out of bounds.');
    this.rowsData.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.touch('Sheet.deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (this.maxRows - howMany <= this.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.rowsData.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.touch('Sheet.insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.maxCols || howMany < 1) throw new Error('Those columns are out of bounds.');
    for (const row of this.rowsData) row?.splice(afterPosition, 0, ...new Array<FakeCell | undefined>(howMany));
    this.maxCols += howMany;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.touch('Sheet.setFrozenRows');
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.touch('Sheet.setFrozenColumns');
    if (columns >= this.maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenCols = columns;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.touch('Sheet.setColumnWidths');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxCols) throw new Error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  hideColumns(columnIndex: number, numColumns: number): void {
    this.touch('Sheet.hideColumns');
    this.checkRange(1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns: number): void {
    this.touch('Sheet.showColumns');
    this.checkRange(1, columnIndex, 1, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }
  hideRows(rowIndex: number, numRows: number): void {
    this.touch('Sheet.hideRows');
    this.checkRange(rowIndex, 1, numRows, 1);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows: number): void {
    this.touch('Sheet.showRows');
    this.checkRange(rowIndex, 1, numRows, 1);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }
  /** Contents and formats of every cell; notes, dropdowns, merges and conditional rules stay. */
  clear(): this {
    this.touch('Sheet.clear');
    for (const row of this.rowsData) {
      for (const cell of row ?? []) {
        if (!cell) continue;
        cell.value = '';
        cell.formula = null;
        cell.numberFormat = null;
        cell.textStyle = null;
        cell.background = null;
        cell.horizontal = null;
        cell.vertical = null;
        cell.wrap = false;
      }
    }
    return this;
  }
  clearNotes(): this {
    this.touch('Sheet.clearNotes');
    for (const row of this.rowsData) for (const cell of row ?? []) if (cell) cell.note = '';
    return this;
  }
  getCharts(): FakeChart[] {
    this.touch('Sheet.getCharts');
    return [...this.charts];
  }
  removeChart(chart: ChartLike): void {
    this.touch('Sheet.removeChart');
    const at = this.charts.indexOf(chart as FakeChart);
    if (at < 0) throw new Error('Invalid argument: chart');
    this.charts.splice(at, 1);
  }
  getConditionalFormatRules(): FakeConditionalRule[] {
    this.touch('Sheet.getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: ConditionalRuleLike[]): void {
    this.touch('Sheet.setConditionalFormatRules');
    this.rules = rules.map((r) => {
      if (!(r instanceof FakeConditionalRule)) throw new Error('Invalid argument: rules');
      return r;
    });
  }
  newChart(): FakeChartBuilder {
    // A local builder: counted, but not as a document call.
    this.log.hit('builder', 'Sheet.newChart');
    return new FakeChartBuilder(this.log);
  }
  insertChart(chart: ChartLike): void {
    this.touch('Sheet.insertChart');
    if (!(chart instanceof FakeChart)) throw new Error('Invalid argument: chart');
    this.charts.push(chart);
  }
  setTabColor(color: string | null): this {
    this.touch('Sheet.setTabColor');
    this.tabColor = color;
    return this;
  }
  activate(): this {
    this.touch('Sheet.activate');
    this.spreadsheet.activate(this, 'A1');
    return this;
  }
  getFilter(): FakeFilter | null {
    this.touch('Sheet.getFilter');
    return this.filter;
  }
  isSheetHidden(): boolean {
    this.touch('Sheet.isSheetHidden');
    return this.hidden;
  }
  hideSheet(): this {
    this.touch('Sheet.hideSheet');
    if (!this.hidden && this.spreadsheet.visibleCount() === 1) throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.touch('Sheet.showSheet');
    this.hidden = false;
    return this;
  }
}

/** A sheet's basic filter: the first row of its range is the header; only hidden values are supported, as on grid sheets. */
export class FakeFilter implements FilterLike {
  readonly criteria = new Map<number, FakeFilterCriteria>();
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  getRange(): FakeRange {
    this.sheet.touch('Filter.getRange');
    return new FakeRange(this.sheet, this.row, this.col, this.rows, this.cols);
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FilterCriteriaLike | null): this {
    this.sheet.touch('Filter.setColumnFilterCriteria');
    if (columnPosition < this.col || columnPosition >= this.col + this.cols)
      throw new Error('The column position is outside the filter range.');
    if (filterCriteria === null) {
      this.criteria.delete(columnPosition);
      return this;
    }
    if (!(filterCriteria instanceof FakeFilterCriteria)) throw new Error('Invalid argument: filterCriteria');
    if (filterCriteria.visible !== null) throw new Error('Visible values are not currently supported');
    this.criteria.set(columnPosition, filterCriteria);
    return this;
  }
  remove(): void {
    this.sheet.touch('Filter.remove');
    if (this.sheet.filter === this) this.sheet.filter = null;
  }
  /** Uncounted: whether a 1-based row is hidden by this filter (the header row never is). */
  hides(row: number): boolean {
    if (row <= this.row || row >= this.row + this.rows) return false;
    for (const [col, c] of this.criteria) if (c.hidden.includes(displayValue(this.sheet.peek(row, col)))) return true;
    return false;
  }
}

/** What Sheets shows for a stored value (numbers with a 0.0-style format rounded as displayed). */
export function displayValue(cell: FakeCell | undefined): string {
  const v = cell?.value ?? '';
  if (typeof v === 'number') {
    const m = /^0(?:\.(0+))?$/.exec(cell?.numberFormat ?? '');
    return m ? v.toFixed(m[1]?.length ?? 0) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.toISOString().slice(0, 10);
  return v;
}

export class FakeSpreadsheet implements SpreadsheetLike {
  private readonly sheets: FakeSheet[] = [];
  readonly toasts: { msg: string; title: string; timeout: number }[] = [];
  active: { sheet: FakeSheet; a1: string } | null = null;

  constructor(
    private readonly name: string,
    private readonly log: CallLog,
    private readonly timeZone = 'Europe/Moscow',
    private readonly id = 'fake-spreadsheet-id',
  ) {}

  private touch(method: string): void {
    this.log.hit('doc', `Spreadsheet.${method}`);
  }

  // ---- uncounted helpers for tests -----------------------------------------------------------
  /** The spreadsheet's name, uncounted. */
  get title(): string {
    return this.name;
  }
  /** Adds a user's sheet holding `values` exactly as given. */
  addSheet(name: string, values: readonly (readonly unknown[])[] = []): FakeSheet {
    this.checkNewName(name, null);
    const sheet = new FakeSheet(this, name, this.log);
    sheet.load(values);
    this.sheets.push(sheet);
    return sheet;
  }
  tabNames(): string[] {
    return this.sheets.map((s) => s.title);
  }
  tab(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.title === name);
    if (!s) throw new Error(`no tab ${name}; tabs: ${this.tabNames().join(', ')}`);
    return s;
  }
  positionOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet);
  }
  activate(sheet: FakeSheet, a1: string): void {
    this.active = { sheet, a1 };
  }
  visibleCount(): number {
    return this.sheets.filter((s) => !s.hidden).length;
  }
  /** Formulas of every sheet referring to `sheet` ('name'! or name!) get `replacement` instead, uncounted. */
  rewriteReferences(sheet: string, replacement: string): void {
    const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? new RegExp(`(?<![\\w'.])${sheet}!`, 'g') : null;
    const rewrite = (f: string) => {
      const quoted = f.split(`${quoteSheetName(sheet)}!`).join(replacement);
      return bare ? quoted.replace(bare, () => replacement) : quoted;
    };
    for (const s of this.sheets) s.rewriteFormulas(rewrite);
  }
  checkNewName(name: string, self: FakeSheet | null): void {
    if (sheetNameProblem(name) !== null) throw new Error('Invalid sheet name.');
    const clash = this.sheets.find((s) => s !== self && s.title.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  // ---- Spreadsheet ---------------------------------------------------------------------------
  getId(): string {
    this.touch('getId');
    return this.id;
  }
  getName(): string {
    this.touch('getName');
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    this.touch('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  getSheets(): FakeSheet[] {
    this.touch('getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.touch('getSheetByName');
    return this.sheets.find((s) => s.title === name) ?? null;
  }
  getNumSheets(): number {
    this.touch('getNumSheets');
    return this.sheets.length;
  }
  insertSheet(sheetName: string, sheetIndex: number): FakeSheet {
    this.touch('insertSheet');
    if (!Number.isInteger(sheetIndex) || sheetIndex < 0 || sheetIndex > this.sheets.length) throw new Error('Invalid sheet index.');
    this.checkNewName(sheetName, null);
    const sheet = new FakeSheet(this, sheetName, this.log);
    this.sheets.splice(sheetIndex, 0, sheet);
    // Like Sheets: the inserted tab becomes the active one.
    this.activate(sheet, 'A1');
    return sheet;
  }
  deleteSheet(sheet: SheetLike): void {
    this.touch('deleteSheet');
    const at = this.sheets.indexOf(sheet as FakeSheet);
    if (at < 0 || !(sheet instanceof FakeSheet) || sheet.deleted) throw new Error('The sheet does not exist in this spreadsheet.');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(at, 1);
    sheet.deleted = true;
    // Like Sheets: references to a deleted sheet become #REF! for good (a new sheet of that name does not revive them).
    this.rewriteReferences(sheet.title, '#REF!');
    if (this.active?.sheet === sheet) this.active = null;
  }
  toast(msg: string, title: string, timeoutSeconds: number): void {
    this.log.hit('ui', 'Spreadsheet.toast');
    this.toasts.push({ msg, title, timeout: timeoutSeconds });
  }
}
