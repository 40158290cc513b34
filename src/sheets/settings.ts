// The «Настройки ОКО» sheet as the sidebar edits it: found case- and ё-insensitively (as the core
// recognises it), read with one getValues, and only its value cells written — one setValues per run
// of consecutive setting rows (one call on a sheet ОКО created), plus one for rows an older version lacked.
// Its columns are found by its header, as the core reads them (`settingsColumns`).
import { norm } from '../core/grid';
import type { SettingsColumns } from '../core/settings';
import { S } from '../core/strings';
import { type SheetsValue, sheetsValue } from './cells';
import { cellReader } from './dates';
import type { SheetLike, SpreadsheetLike } from './surface';
import type { Tab, TabDirectory } from './tabs';

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
  cols: SettingsColumns,
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
    sheet.getRange(first, cols.value + 1, run.length, 1).setValues(run.map((r) => [byRow.get(r) as number]));
    start = i;
  }
  if (missing.length > 0) {
    const width = Math.max(cols.key, cols.label, cols.value, cols.help) + 1;
    const line = (m: NewSettingRow) => {
      const row: SheetsValue[] = new Array(width).fill('');
      row[cols.key] = sheetsValue(m.key);
      row[cols.label] = sheetsValue(m.label);
      row[cols.help] = sheetsValue(m.help);
      row[cols.value] = m.value;
      return row;
    };
    sheet.insertRowsAfter(Math.max(usedRows, 1), missing.length);
    sheet.getRange(usedRows + 1, 1, missing.length, width).setValues(missing.map(line));
  }
  return rows.length + missing.length;
}
