// «Настройки ОКО»: created with defaults on the first run, then only read (it belongs to the user).
import { SETTING_DEFS, type Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';

export function buildSettingsTab(current: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.settings);
  b.row([...T.settingsTab.header], { bold: true, background: COLORS.headerBg });
  for (const d of SETTING_DEFS) b.row([d.key, d.label, current[d.key], d.help]);
  const n = SETTING_DEFS.length;
  b.format({ row: 1, col: 0, rows: n, cols: 1 }, { fontColor: COLORS.muted });
  b.format({ row: 1, col: 3, rows: n, cols: 1 }, { wrap: true, fontColor: COLORS.muted });
  b.format({ row: 1, col: 2, rows: n, cols: 1 }, { bold: true, background: '#fffbe6' });
  b.row([]);
  b.row(['', T.settingsTab.hint], {
    italic: true,
    fontColor: COLORS.muted,
  });
  b.columnWidths = { 0: 170, 1: 380, 2: 90, 3: 480 };
  return b.build({ frozenRows: 1 });
}
