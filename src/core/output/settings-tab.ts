// «Настройки ОКО»: created with defaults on the first run, then only read (it belongs to the user).
// The Russian name of each setting comes first and its value beside it; the service key the readers
// match rows by is the last column, grey (core/settings.ts `settingsColumns` finds the columns by this
// header, and still reads sheets of earlier versions, which began with the key).
import { SETTING_DEFS, SETTINGS_COLUMNS, type Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';

export function buildSettingsTab(current: Settings): SheetSpec {
  const c = SETTINGS_COLUMNS;
  const b = new SpecBuilder(S.tabs.settings);
  b.row([...T.settingsTab.header], { bold: true, background: COLORS.headerBg });
  for (const d of SETTING_DEFS) {
    const row: (string | number)[] = [];
    row[c.label] = d.label;
    row[c.value] = current[d.key];
    row[c.help] = d.help;
    row[c.key] = d.key;
    b.row(row);
  }
  const n = SETTING_DEFS.length;
  b.format({ row: 1, col: c.key, rows: n, cols: 1 }, { fontColor: COLORS.muted });
  b.format({ row: 1, col: c.help, rows: n, cols: 1 }, { wrap: true, fontColor: COLORS.muted });
  b.format({ row: 1, col: c.label, rows: n, cols: 1 }, { wrap: true });
  b.format({ row: 1, col: c.value, rows: n, cols: 1 }, { bold: true, background: '#fffbe6' });
  b.row([]);
  b.row([T.settingsTab.hint], {
    italic: true,
    fontColor: COLORS.muted,
  });
  b.columnWidths = { [c.label]: 360, [c.value]: 90, [c.help]: 480, [c.key]: 170 };
  return b.build({ frozenRows: 1 });
}
