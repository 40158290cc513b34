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

/**
 * The menu «ОКО», for every edition. createMenu rather than createAddonMenu: in a script bound to a
 * spreadsheet createAddonMenu names the menu after the Apps Script project («Проект без названия»),
 * while createMenu names it «ОКО»; once the script is published as an Editor add-on, Google moves a
 * top-level menu under «Расширения» by itself, so the menu is «ОКО» in every install (see
 * docs/google-checklist.md). Touches nothing but the UI, so it is safe in AuthMode.NONE.
 */
export function editionMenu(items: readonly MenuItem[]): void {
  let menu = spreadsheetApp().getUi().createMenu(S.appName);
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
