// Thresholds and rules, all configurable from the «Настройки ОКО» sheet (created with defaults).
import { cellText, type Grid, norm } from './grid';
import { type Problem, problem } from './problems';
import { S } from './strings';
import { ST } from './strings/settings';
import * as z from './zod';

export interface SettingDef {
  key: string;
  label: string;
  help: string;
  min: number;
  max: number;
  default: number;
}

/** A setting as the code needs it: the words people read come from the string table. */
export type SettingLimits = Omit<SettingDef, 'label' | 'help'>;

/** Each setting with its name and explanation from the string table (`ST`). */
export function withTexts<const D extends readonly SettingLimits[]>(
  defs: D,
  texts: Record<D[number]['key'], { readonly label: string; readonly help: string }>,
): { readonly [I in keyof D]: D[I] & SettingDef } {
  return defs.map((d) => ({ ...d, ...texts[d.key as D[number]['key']] })) as { readonly [I in keyof D]: D[I] & SettingDef };
}

/** The order here is the order of rows on the settings sheet. */
const LIMITS = [
  { key: 'deficit.basicSufficient', min: 0, max: 100, default: 60 },
  { key: 'deficit.basicUncertain', min: 0, max: 100, default: 57 },
  { key: 'deficit.advancedSufficient', min: 0, max: 100, default: 30 },
  { key: 'deficit.advancedUncertain', min: 0, max: 100, default: 28.5 },
  { key: 'deficit.studentShare', min: 1, max: 100, default: 50 },
  { key: 'deficit.systemicShare', min: 0, max: 99, default: 50 },
  { key: 'sample.minReliable', min: 1, max: 1000, default: 10 },
  { key: 'sample.minDistribution', min: 1, max: 10000, default: 50 },
  { key: 'journal.minGap', min: 1, max: 3, default: 2 },
  // ---- группа риска, динамика, объективность (docs/risk-objectivity.md) ----
  { key: 'risk.markTwo', min: 0, max: 1, default: 1 },
  { key: 'risk.lowShare', min: 0, max: 100, default: 50 },
  { key: 'risk.markDecline', min: 0, max: 1, default: 1 },
  { key: 'risk.declinePoints', min: 1, max: 100, default: 15 },
  { key: 'risk.stableLowCount', min: 2, max: 10, default: 2 },
  { key: 'risk.subjects', min: 2, max: 20, default: 2 },
  { key: 'dynamics.twoRise', min: 1, max: 100, default: 10 },
  { key: 'objectivity.medium', min: 1, max: 100, default: 20 },
  { key: 'objectivity.high', min: 1, max: 100, default: 40 },
  { key: 'objectivity.highMarksShare', min: 1, max: 100, default: 80 },
  { key: 'objectivity.lowCompletion', min: 1, max: 100, default: 55 },
  { key: 'objectivity.peakFactor', min: 1, max: 20, default: 1.5 },
  { key: 'objectivity.peakMin', min: 1, max: 1000, default: 2 },
  { key: 'objectivity.peakJump', min: 0, max: 20, default: 1.5 },
] as const satisfies readonly SettingLimits[];

export const SETTING_DEFS = withTexts(LIMITS, ST.school);

export type SettingKey = (typeof LIMITS)[number]['key'];

const shape: Record<string, z.ZodMiniNumber> = {};
for (const d of SETTING_DEFS) shape[d.key] = z.number().check(z.gte(d.min), z.lte(d.max));
export const settingsSchema = z.object(shape as Record<SettingKey, z.ZodMiniNumber>);
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  const s = {} as Record<SettingKey, number>;
  for (const d of SETTING_DEFS) s[d.key] = d.default;
  return s as Settings;
}

/**
 * Where a settings sheet keeps each part of a row, 0-based. ОКО writes «Параметр | Значение | Пояснение |
 * Ключ» (the Russian name first, the service key last); sheets of earlier versions have «Ключ | Параметр |
 * Значение | Пояснение». The header row says which; a sheet without one is read the earlier way.
 */
export interface SettingsColumns {
  key: number;
  label: number;
  value: number;
  help: number;
  /** 0-based row of the header; -1 when there is none. */
  header: number;
}

/** The layout ОКО writes now (core/output/settings-tab.ts). */
export const SETTINGS_COLUMNS: SettingsColumns = { label: 0, value: 1, help: 2, key: 3, header: 0 };
/** Sheets made before the Russian name came first, and sheets without a header. */
const EARLIER: SettingsColumns = { key: 0, label: 1, value: 2, help: 3, header: -1 };

export function settingsColumns(grid: Pick<Grid, 'values'>): SettingsColumns {
  for (let r = 0; r < Math.min(grid.values.length, 5); r++) {
    const cells = (grid.values[r] ?? []).map((v) => norm(v));
    const key = cells.findIndex((c) => c.startsWith('ключ'));
    const value = cells.indexOf('значение');
    if (key < 0 || value < 0) continue;
    const label = cells.indexOf('параметр');
    const help = cells.indexOf('пояснение');
    return { key, value, label: label >= 0 ? label : EARLIER.label, help: help >= 0 ? help : EARLIER.help, header: r };
  }
  return EARLIER;
}

/**
 * Reads the rows of `defs` from a settings sheet into `into` (columns by its header: `settingsColumns`):
 * a value that is not a number or is out of range is an error naming its cell, and the default stays.
 */
export function readSettingRows(grid: Grid, defs: readonly SettingDef[], into: Record<string, number>, problems: Problem[]): void {
  const byKey = new Map<string, SettingDef>(defs.map((d) => [d.key, d]));
  const cols = settingsColumns(grid);
  grid.values.forEach((row, i) => {
    const def = byKey.get(cellText(row[cols.key]));
    if (!def) return;
    const raw = row[cols.value];
    const n = typeof raw === 'number' ? raw : Number(cellText(raw).replace(',', '.'));
    if (cellText(raw) === '' || !Number.isFinite(n)) {
      problems.push(problem('error', 'settings-number', grid.name, S.settingsBad(def.label, S.settingsNumber), i + 1, cols.value + 1));
    } else if (n < def.min || n > def.max) {
      problems.push(
        problem('error', 'settings-range', grid.name, S.settingsBad(def.label, S.settingsRange(def.min, def.max)), i + 1, cols.value + 1),
      );
    } else into[def.key] = n;
  });
}

/**
 * Reads the settings sheet (columns by its header, see `settingsColumns`). Unknown keys are ignored,
 * missing keys keep their defaults, so a sheet from an older version still works.
 */
export function readSettings(grid: Grid | undefined): { settings: Settings; problems: Problem[] } {
  const settings = defaultSettings() as Record<string, number>;
  const problems: Problem[] = [];
  if (!grid) return { settings: settings as Settings, problems };
  const byKey = new Map<string, SettingDef>(SETTING_DEFS.map((d) => [d.key, d]));
  readSettingRows(grid, SETTING_DEFS, settings, problems);
  const cols = settingsColumns(grid);
  const pairs: [SettingKey, SettingKey][] = [
    ['deficit.basicUncertain', 'deficit.basicSufficient'],
    ['deficit.advancedUncertain', 'deficit.advancedSufficient'],
    ['objectivity.medium', 'objectivity.high'],
  ];
  for (const [lo, hi] of pairs) {
    if ((settings[lo] as number) > (settings[hi] as number)) {
      const row = grid.values.findIndex((r) => cellText(r[cols.key]) === lo);
      const l = byKey.get(lo) as SettingDef;
      const h = byKey.get(hi) as SettingDef;
      problems.push(
        problem('error', 'settings-order', grid.name, S.settingsBad(l.label, S.settingsOrder(l.label, h.label)), row + 1, cols.value + 1),
      );
    }
  }
  return { settings: z.parse(settingsSchema, settings), problems };
}

export function isSettingsSheet(grid: Grid): boolean {
  return norm(grid.name) === norm(S.tabs.settings);
}
