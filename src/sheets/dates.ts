// Sheets returns a date cell as a Date at midnight in the spreadsheet's time zone, which in another
// zone (the script's, or UTC) can be the previous day. The core reads dates both by local getters and
// by toISOString, so each date becomes noon UTC of its calendar day: the same day in every zone.
import type { CellValue } from '../core/grid';
import { utilities } from './gas';
import type { SpreadsheetLike } from './surface';

export function cellReader(ss: SpreadsheetLike): (v: unknown) => CellValue {
  let zone: string | null = null;
  return (v) => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) return null;
      zone ??= ss.getSpreadsheetTimeZone();
      const [y, m, d] = utilities().formatDate(v, zone, 'yyyy-MM-dd').split('-').map(Number);
      return new Date(Date.UTC(y as number, (m as number) - 1, d as number, 12));
    }
    return v === undefined ? null : String(v);
  };
}
