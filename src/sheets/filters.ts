// Native filters on generated tabs. Grid sheets accept only hidden values (Sheets refuses visible
// values there), so the caller computes which shown values to hide. Each tab costs a fixed number of
// calls: read, drop the old filter, create the new one, one criteria call per filtered column.
import { spreadsheetApp } from './gas';
import type { SheetLike } from './surface';

export interface ColumnHidden {
  /** 1-based column of the sheet. */
  col: number;
  hidden: readonly string[];
}

/** The tab's values as displayed (what hidden values are compared with). */
export function readDisplayed(sheet: SheetLike): string[][] {
  return sheet.getDataRange().getDisplayValues();
}

/** Removes the tab's filter and shows it if hidden; true when there was something to undo. */
export function resetTab(sheet: SheetLike): boolean {
  let changed = false;
  const filter = sheet.getFilter();
  if (filter) {
    filter.remove();
    changed = true;
  }
  if (sheet.isSheetHidden()) {
    sheet.showSheet();
    changed = true;
  }
  return changed;
}

/** Sets a filter over rows `row`…`row + rows - 1` (the first is the header) and columns 1…`cols`. */
export function setTabFilter(sheet: SheetLike, row: number, rows: number, cols: number, columns: readonly ColumnHidden[]): void {
  const filter = sheet.getRange(row, 1, rows, cols).createFilter();
  const app = spreadsheetApp();
  for (const c of columns)
    filter.setColumnFilterCriteria(
      c.col,
      app
        .newFilterCriteria()
        .setHiddenValues([...c.hidden])
        .build(),
    );
}
