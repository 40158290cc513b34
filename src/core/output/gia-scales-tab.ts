// «Шкалы ГИА»: created once, pre-filled for 2026 with the sources named, when the workbook has an ОГЭ,
// ЕГЭ or ГВЭ procedure and no such sheet; then it belongs to the user (input/gia-scales.ts reads it).
import { defaultGiaRows, GIA_COLUMNS } from '../input/gia-scales';
import { S } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';

export function buildGiaScalesTab(): SheetSpec {
  const b = new SpecBuilder(S.tabs.giaScales);
  b.row([...GIA_COLUMNS], { bold: true, background: COLORS.headerBg, wrap: true });
  const rows = defaultGiaRows();
  for (const r of rows) b.row(r);
  b.format({ row: 1, col: 4, rows: rows.length, cols: 3 }, { bold: true, background: '#fffbe6' });
  b.format({ row: 1, col: 7, rows: rows.length, cols: 1 }, { wrap: true, fontColor: COLORS.muted });
  b.row([]);
  b.row([S.giaScales.intro], { italic: true, fontColor: COLORS.muted });
  b.columnWidths = { 0: 80, 1: 160, 2: 60, 3: 90, 4: 150, 5: 70, 6: 70, 7: 520 };
  return b.build({ frozenRows: 1 });
}
