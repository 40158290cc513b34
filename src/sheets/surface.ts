/// <reference types="google-apps-script" />
// The part of Apps Script the add-on uses, as narrow interfaces. The adapter is written against
// these, the test fakes implement them, and `SurfaceChecks` (./surface-checks.ts) proves at compile time that the
// real `@types/google-apps-script` objects satisfy them — so a fake cannot drift from Google's API.

export type Alignment = 'left' | 'center' | 'right' | 'normal';
export type VerticalAlignment = 'top' | 'middle' | 'bottom';

/** Opaque values made by builders and handed back to the document. */
export interface TextStyleLike {
  isBold(): boolean | null;
}
export interface DataValidationLike {
  getAllowInvalid(): boolean;
}
export interface BooleanConditionLike {
  /** For a custom-formula rule, [formula]. */
  getCriteriaValues(): unknown[];
}
export interface ConditionalRuleLike {
  getRanges(): RangeLike[];
  /** null for colour-scale rules. */
  getBooleanCondition(): BooleanConditionLike | null;
}
export interface ChartLike {
  getNumHeaders(): number;
}

export interface RangeLike {
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getValues(): unknown[][];
  /** As shown: what a filter's hidden values are compared with. */
  getDisplayValues(): string[][];
  setValues(values: unknown[][]): RangeLike;
  setNumberFormats(formats: string[][]): RangeLike;
  setTextStyles(styles: TextStyleLike[][]): RangeLike;
  setBackgrounds(colors: (string | null)[][]): RangeLike;
  setHorizontalAlignments(alignments: (Alignment | null)[][]): RangeLike;
  setVerticalAlignments(alignments: (VerticalAlignment | null)[][]): RangeLike;
  setWraps(wraps: boolean[][]): RangeLike;
  setNotes(notes: (string | null)[][]): RangeLike;
  setDataValidations(rules: (DataValidationLike | null)[][]): RangeLike;
  merge(): RangeLike;
  /** Undoes every merge inside the range. */
  breakApart(): RangeLike;
  clearDataValidations(): RangeLike;
  /**
   * Copies values, formulas, formats and merges («PASTE_NORMAL» in Google's reference) to the range
   * whose top-left cell is the destination's; nothing else is promised (notes, validations and
   * conditional formats are set explicitly by the writer).
   */
  copyTo(destination: RangeLike): void;
  activate(): RangeLike;
  /** Fails when the sheet already has a filter. */
  createFilter(): FilterLike;
}

export interface FilterCriteriaLike {
  getHiddenValues(): string[];
}
export interface FilterLike {
  getRange(): RangeLike;
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FilterCriteriaLike | null): FilterLike;
  remove(): void;
}
export interface FilterCriteriaBuilderLike {
  /** Grid sheets support hidden values only: setVisibleValues fails there («Visible values are not currently supported»). */
  setHiddenValues(values: string[]): FilterCriteriaBuilderLike;
  build(): FilterCriteriaLike;
}

export interface RangeListLike {
  getRanges(): RangeLike[];
}

export interface ChartBuilderLike {
  asColumnChart(): ChartBuilderLike;
  asBarChart(): ChartBuilderLike;
  asLineChart(): ChartBuilderLike;
  asPieChart(): ChartBuilderLike;
  addRange(range: RangeLike): ChartBuilderLike;
  setNumHeaders(headers: number): ChartBuilderLike;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderLike;
  setOption(option: string, value: unknown): ChartBuilderLike;
  build(): ChartLike;
}

export interface SheetLike {
  getName(): string;
  setName(name: string): SheetLike;
  getIndex(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  getDataRange(): RangeLike;
  getRangeList(a1Notations: string[]): RangeListLike;
  getMaxRows(): number;
  getMaxColumns(): number;
  /** Content and formatting; notes, validations, merges and conditional formats are cleared separately. */
  clear(): SheetLike;
  clearNotes(): SheetLike;
  insertRowsAfter(afterPosition: number, howMany: number): SheetLike;
  deleteRows(rowPosition: number, howMany: number): void;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetLike;
  /** 1-based; hidden columns keep their values (SheetSpec.hiddenColumns). */
  hideColumns(columnIndex: number, numColumns: number): void;
  showColumns(columnIndex: number, numColumns: number): void;
  hideRows(rowIndex: number, numRows: number): void;
  showRows(rowIndex: number, numRows: number): void;
  getConditionalFormatRules(): ConditionalRuleLike[];
  setConditionalFormatRules(rules: ConditionalRuleLike[]): void;
  newChart(): ChartBuilderLike;
  insertChart(chart: ChartLike): void;
  getCharts(): ChartLike[];
  removeChart(chart: ChartLike): void;
  setTabColor(color: string | null): SheetLike;
  activate(): SheetLike;
  getFilter(): FilterLike | null;
  isSheetHidden(): boolean;
  hideSheet(): SheetLike;
  showSheet(): SheetLike;
}

export interface SpreadsheetLike {
  getId(): string;
  getName(): string;
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  getNumSheets(): number;
  insertSheet(sheetName: string, sheetIndex: number): SheetLike;
  deleteSheet(sheet: SheetLike): void;
  toast(msg: string, title: string, timeoutSeconds: number): void;
}

export interface TextStyleBuilderLike {
  setBold(bold: boolean): TextStyleBuilderLike;
  setItalic(italic: boolean): TextStyleBuilderLike;
  setForegroundColor(cssString: string): TextStyleBuilderLike;
  build(): TextStyleLike;
}
export interface ValidationBuilderLike {
  requireValueInList(values: string[], showDropdown: boolean): ValidationBuilderLike;
  setAllowInvalid(allowInvalidData: boolean): ValidationBuilderLike;
  build(): DataValidationLike;
}
export interface RuleBuilderLike {
  whenFormulaSatisfied(formula: string): RuleBuilderLike;
  setBackground(color: string | null): RuleBuilderLike;
  setFontColor(color: string | null): RuleBuilderLike;
  setBold(bold: boolean | null): RuleBuilderLike;
  setRanges(ranges: RangeLike[]): RuleBuilderLike;
  build(): ConditionalRuleLike;
}

export interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addToUi(): void;
}
export interface HtmlOutputLike {
  setTitle(title: string): HtmlOutputLike;
  getTitle(): string;
}
export interface UiLike {
  readonly ButtonSet: { readonly OK: GoogleAppsScript.Base.ButtonSet };
  createMenu(caption: string): MenuLike;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): unknown;
  showSidebar(userInterface: HtmlOutputLike): void;
}

export interface SpreadsheetAppLike {
  getActiveSpreadsheet(): SpreadsheetLike;
  getUi(): UiLike;
  newTextStyle(): TextStyleBuilderLike;
  newDataValidation(): ValidationBuilderLike;
  newConditionalFormatRule(): RuleBuilderLike;
  newFilterCriteria(): FilterCriteriaBuilderLike;
}
export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesLike;
  deleteProperty(key: string): PropertiesLike;
}
export interface PropertiesServiceLike {
  getUserProperties(): PropertiesLike;
}
export interface LockLike {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}
export interface LockServiceLike {
  getDocumentLock(): LockLike | null;
}
export interface HtmlServiceLike {
  createHtmlOutputFromFile(filename: string): HtmlOutputLike;
}
export interface UtilitiesLike {
  formatDate(date: Date, timeZone: string, format: string): string;
}
