// Reads the spreadsheet as the core's Workbook: one getDataRange().getValues() per sheet, never per
// cell. Tabs the add-on generates are not read (the core recognises them by name), and leftovers of
// an interrupted write are skipped and reported for cleanup.
import type { CellValue, Grid, Workbook } from '../core/grid';
import { isGeneratedTab } from '../core/input/workbook';
import { keepsUserInput } from '../core/tabs';
import { cellReader } from './dates';
import type { SheetLike, SpreadsheetLike } from './surface';
import { TabDirectory } from './tabs';
import { isTempName } from './temp';

export interface SpreadsheetRead {
  workbook: Workbook;
  /** The tabs as read: writers use it to avoid looking tabs up again. */
  tabs: TabDirectory;
  /** Temporary tabs left by an interrupted run. */
  leftovers: string[];
}

export function readSpreadsheet(ss: SpreadsheetLike): SpreadsheetRead {
  const tabs = TabDirectory.read(ss);
  const cell = cellReader(ss);
  const grids: Grid[] = [];
  const leftovers: string[] = [];
  for (const { name, sheet } of tabs.entries()) {
    if (isTempName(name)) leftovers.push(name);
    // Generated tabs are not input, except those users type into (roadmaps): the core reads those back.
    else if (isGeneratedTab(name) && !keepsUserInput(name)) grids.push({ name, values: [] });
    else grids.push({ name, values: sheetValues(sheet, cell) });
  }
  return { workbook: { name: ss.getName(), grids }, tabs, leftovers };
}

/** A tab's values with one getValues() call, each cell normalised as the core expects. */
export function sheetValues(sheet: SheetLike, cell: (v: unknown) => CellValue): CellValue[][] {
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map(cell));
}

export function readWorkbook(ss: SpreadsheetLike): Workbook {
  return readSpreadsheet(ss).workbook;
}
