// The spreadsheet UI: menu, alerts, toasts, sidebar, moving the cursor. Server entry points use these
// instead of touching SpreadsheetApp themselves.
import { S } from '../core/strings';
import { UserFacingError } from './errors';
import { htmlService, spreadsheetApp } from './gas';
import type { RangeLike, SheetLike, SpreadsheetLike } from './surface';

export function activeSpreadsheet(): SpreadsheetLike {
  return spreadsheetApp().getActiveSpreadsheet();
}

export interface MenuItem {
  label: string;
  /** Name of a top-level function of the bundle. */
  fn: string;
}

/** Builds the add-on menu. Touches nothing but the UI, so it is safe in AuthMode.NONE. */
export function installAddonMenu(items: readonly MenuItem[]): void {
  let menu = spreadsheetApp().getUi().createAddonMenu();
  for (const item of items) menu = menu.addItem(item.label, item.fn);
  menu.addToUi();
}

export function showAlert(title: string, text: string): void {
  const ui = spreadsheetApp().getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

export function showToast(ss: SpreadsheetLike, text: string, seconds = 10): void {
  ss.toast(text, S.appName, seconds);
}

export function showSidebar(file: string, title: string): void {
  spreadsheetApp().getUi().showSidebar(htmlService().createHtmlOutputFromFile(file).setTitle(title));
}

/** Moves the cursor to a cell (or a row, or a whole sheet when no position is known). */
export function activatePlace(ss: SpreadsheetLike, sheetName: string, row: number | null, col: number | null): SheetLike | RangeLike {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new UserFacingError(S.menu.sheetNotFound(sheetName));
  if (row === null) return sheet.activate();
  return sheet.getRange(row, col ?? 1, 1, 1).activate();
}
