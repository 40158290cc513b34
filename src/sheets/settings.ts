// The «Настройки ОКО» sheet as the sidebar edits it: found case- and ё-insensitively (as the core
// recognises it), read with one getValues, and only its value cells written — one setValues per run
// of consecutive setting rows (one call on a sheet ОКО created), plus one for rows an older version lacked.
import { norm } from '../core/grid';
import { S } from '../core/strings';
import { sheetsValue } from './cells';
import { cellReader } from './dates';
import type { SheetLike, SpreadsheetLike } from './surface';
import type { Tab, TabDirectory } from './tabs';

/** Column of the key and of the value, 1-based, as `readSettings` reads them. */
export const KEY_COL = 1;
export const VALUE_COL = 3;

export function findSettingsTab(tabs: TabDirectory): Tab | undefined {
  return tabs.entries().find((t) => norm(t.name) === norm(S.tabs.settings));
}

export interface SettingsSheet {
  sheet: SheetLike;
  name: string;
  /** Cell values as the core reads them (dates at noon UTC). */
  values: (string | number | boolean | Date | null)[][];
}

export function readSettingsSheet(ss: SpreadsheetLike, tab: Tab): SettingsSheet {
  const cell = cellReader(ss);
  const values = tab.sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map(cell));
  return { sheet: tab.sheet, name: tab.name, values };
}

export interface NewSettingRow {
  key: string;
  label: string;
  value: number;
  help: string;
}

/**
 * Writes `byRow` (1-based row → number) into the value column, and appends `missing` rows below the
 * data. Returns the number of value cells written.
 */
export function writeSettingValues(
  sheet: SheetLike,
  usedRows: number,
  byRow: ReadonlyMap<number, number>,
  missing: readonly NewSettingRow[],
): number {
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === (rows[i - 1] as number) + 1) continue;
    const run = rows.slice(start, i);
    const first = run[0] as number;
    sheet.getRange(first, VALUE_COL, run.length, 1).setValues(run.map((r) => [byRow.get(r) as number]));
    start = i;
  }
  if (missing.length > 0) {
    sheet.insertRowsAfter(Math.max(usedRows, 1), missing.length);
    sheet
      .getRange(usedRows + 1, KEY_COL, missing.length, 4)
      .setValues(missing.map((m) => [sheetsValue(m.key), sheetsValue(m.label), m.value, sheetsValue(m.help)]));
  }
  return rows.length + missing.length;
}
