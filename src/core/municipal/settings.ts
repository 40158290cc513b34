// The municipal workbook's «Настройки ОКО»: the school edition's thresholds (applied to every school
// alike, whatever each school set for itself) plus the district's own: ШНОР criteria, the share of
// schools that makes a task «fall out», and the job's time budget. Same sheet format as the school
// edition (key in column A, value in column C), so `readSettings` reads the shared part unchanged.
import type { Grid } from '../grid';
import { COLORS, SpecBuilder } from '../output/builder';
import type { SheetSpec } from '../output/spec';
import type { Problem } from '../problems';
import { readSettingRows, readSettings, SETTING_DEFS, type SettingLimits, type Settings, withTexts } from '../settings';
import { S, T } from '../strings';
import { ST } from '../strings/settings';
import { textHash } from './hash';

const LIMITS = [
  { key: 'shnor.external', min: 0, max: 1, default: 1 },
  { key: 'shnor.quality', min: 0, max: 100, default: 40 },
  { key: 'shnor.meanCompletion', min: 0, max: 100, default: 50 },
  { key: 'shnor.riskShare', min: 0, max: 100, default: 35 },
  { key: 'shnor.belowRegion', min: 0, max: 100, default: 10 },
  { key: 'shnor.bottomQuartile', min: 0, max: 1, default: 1 },
  { key: 'shnor.quartileMinSchools', min: 2, max: 1000, default: 4 },
  { key: 'shnor.minProcedures', min: 1, max: 50, default: 2 },
  { key: 'shnor.persistShare', min: 1, max: 100, default: 50 },
  { key: 'shnor.minCriteria', min: 1, max: 5, default: 2 },
  { key: 'high.quality', min: 0, max: 100, default: 60 },
  { key: 'high.meanCompletion', min: 0, max: 100, default: 70 },
  { key: 'partner.tasks', min: 1, max: 30, default: 5 },
  { key: 'roadmap.year', min: 0, max: 2100, default: 0 },
  { key: 'district.fallShare', min: 1, max: 100, default: 50 },
  { key: 'job.budgetSeconds', min: 30, max: 330, default: 270 },
  { key: 'job.resumeMinutes', min: 1, max: 60, default: 1 },
] as const satisfies readonly SettingLimits[];

/** The district's own settings, with their names and explanations (`ST.district`). */
export const MUNICIPAL_DEFS = withTexts(LIMITS, ST.district);

export type MunicipalKey = (typeof LIMITS)[number]['key'];
export type MunicipalSettings = Record<MunicipalKey, number>;

export interface DistrictSettings {
  /** The school edition's thresholds, one set for every school. */
  analysis: Settings;
  municipal: MunicipalSettings;
}

export function defaultMunicipal(): MunicipalSettings {
  const out = {} as Record<MunicipalKey, number>;
  for (const d of MUNICIPAL_DEFS) out[d.key] = d.default;
  return out;
}

export function readDistrictSettings(grid: Grid | undefined): { settings: DistrictSettings; problems: Problem[] } {
  const { settings: analysis, problems } = readSettings(grid);
  const municipal = defaultMunicipal();
  if (grid) readSettingRows(grid, MUNICIPAL_DEFS, municipal, problems);
  return { settings: { analysis, municipal }, problems };
}

/** Changes when anything that affects a school's aggregate changes (not the job's own settings). */
export function analysisFingerprint(s: DistrictSettings): string {
  return textHash(JSON.stringify(s.analysis));
}

/** «Настройки ОКО» of the municipal workbook: created with defaults when missing, then the user's. */
export function buildDistrictSettingsTab(current: DistrictSettings): SheetSpec {
  const b = new SpecBuilder(S.tabs.settings);
  const t = ST.districtTab;
  b.row([...t.header], { bold: true, background: COLORS.headerBg });
  b.row(['', t.analysis], { bold: true, background: COLORS.summaryBg });
  const first = b.nextRow;
  for (const d of SETTING_DEFS) b.row([d.key, d.label, current.analysis[d.key], d.help]);
  b.row(['', t.district], { bold: true, background: COLORS.summaryBg });
  for (const d of MUNICIPAL_DEFS) b.row([d.key, d.label, current.municipal[d.key], d.help]);
  const n = b.nextRow - first;
  b.format({ row: first, col: 0, rows: n, cols: 1 }, { fontColor: COLORS.muted });
  b.format({ row: first, col: 3, rows: n, cols: 1 }, { wrap: true, fontColor: COLORS.muted });
  b.format({ row: first, col: 2, rows: n, cols: 1 }, { bold: true, background: '#fffbe6' });
  b.row([]);
  b.row(['', T.settingsTab.hint], {
    italic: true,
    fontColor: COLORS.muted,
  });
  b.columnWidths = { 0: 190, 1: 400, 2: 90, 3: 480 };
  return b.build({ frozenRows: 1 });
}
