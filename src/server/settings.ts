// Settings in the sidebar: the fields come from SETTING_DEFS, the values from «Настройки ОКО» — or the
// defaults, which the analysis uses while the sheet (or a row of it) is missing, so the form is never
// blank. New values are checked by the same reader the analysis uses (range, number, order of paired
// thresholds), so the sidebar can never save what the next run would refuse.
import { cellText, type Grid } from '../core/grid';
import { buildSettingsTab } from '../core/output/settings-tab';
import type { Problem } from '../core/problems';
import { readSettings, SETTING_DEFS, type SettingsColumns, settingsColumns } from '../core/settings';
import { S } from '../core/strings';
import { withDocumentLock } from '../sheets/lock';
import { findSettingsTab, type NewSettingRow, readSettingsSheet, type SettingsSheet, writeSettingValues } from '../sheets/settings';
import type { SpreadsheetLike } from '../sheets/surface';
import { TabDirectory } from '../sheets/tabs';
import { writeSpec } from '../sheets/write';
import type { FieldError, SettingField, SettingsSaveResult, SettingsView } from './contract';
import { problemView } from './views';

type Raw = string | number | boolean | Date | null;

/** Values by key as on the sheet, with the 1-based row of each key found and the sheet's columns. */
function sheetValues(sheet: SettingsSheet | null): { values: Map<string, Raw>; rows: Map<string, number>; cols: SettingsColumns | null } {
  const values = new Map<string, Raw>();
  const rows = new Map<string, number>();
  if (!sheet) return { values, rows, cols: null };
  const cols = settingsColumns(sheet);
  const known = new Set<string>(SETTING_DEFS.map((d) => d.key));
  sheet.values.forEach((row, i) => {
    const key = cellText(row[cols.key]);
    if (!known.has(key) || rows.has(key)) return;
    rows.set(key, i + 1);
    values.set(key, row[cols.value] ?? null);
  });
  return { values, rows, cols };
}

/** A value for the form: numbers with a decimal comma, as a Russian user types them. */
function shown(v: Raw | undefined): string {
  if (typeof v === 'number') return String(v).replace('.', ',');
  return cellText(v);
}

/** A setting the sheet does not hold (no sheet yet, or a row an older version lacked) shows its default: that is what the analysis uses. */
function fields(values: ReadonlyMap<string, Raw>): SettingField[] {
  return SETTING_DEFS.map((d) => ({
    key: d.key,
    label: d.label,
    help: d.help,
    min: d.min,
    max: d.max,
    default: d.default,
    value: shown(values.has(d.key) ? values.get(d.key) : d.default),
  }));
}

/** The settings as a grid the core reads: one row per setting, in SETTING_DEFS order. */
function settingsGrid(values: ReadonlyMap<string, Raw>): Grid {
  return { name: S.tabs.settings, values: SETTING_DEFS.map((d) => [d.key, d.label, values.get(d.key) ?? null]) };
}

/** Problems of `grid` as field errors; the message without the «Настройка «…»: » prefix the form does not need. */
function fieldErrors(problems: readonly Problem[]): FieldError[] {
  const out: FieldError[] = [];
  for (const p of problems) {
    const def = p.row ? SETTING_DEFS[p.row - 1] : undefined;
    if (!def || p.severity !== 'error') continue;
    const prefix = S.settingsBad(def.label, '');
    out.push({ key: def.key, message: p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message });
  }
  return out;
}

function view(
  name: string,
  exists: boolean,
  values: ReadonlyMap<string, Raw>,
  problems: readonly Problem[],
  sheetNames: ReadonlySet<string>,
): SettingsView {
  return { sheet: name, exists, fields: fields(values), problems: problems.map((p) => problemView(p, sheetNames)) };
}

export function settingsView(ss: SpreadsheetLike): SettingsView {
  const tabs = TabDirectory.read(ss);
  const tab = findSettingsTab(tabs);
  const sheet = tab ? readSettingsSheet(ss, tab) : null;
  const { values } = sheetValues(sheet);
  const problems = sheet ? readSettings({ name: sheet.name, values: sheet.values }).problems : [];
  return view(tab?.name ?? S.tabs.settings, tab !== undefined, values, problems, new Set(tabs.names()));
}

/**
 * Checks and saves `changes` (key → number; keys already validated by the contract). Refuses as a
 * whole: with any error nothing is written. Creates the sheet (defaults + changes) when it is missing.
 */
export function saveSettings(ss: SpreadsheetLike, changes: Readonly<Record<string, number>>): SettingsSaveResult {
  return withDocumentLock(() => {
    const tabs = TabDirectory.read(ss);
    const tab = findSettingsTab(tabs);
    const sheet = tab ? readSettingsSheet(ss, tab) : null;
    const { values, rows, cols } = sheetValues(sheet);
    const merged = new Map<string, Raw>(SETTING_DEFS.map((d) => [d.key, values.has(d.key) ? (values.get(d.key) as Raw) : d.default]));
    for (const [k, v] of Object.entries(changes)) merged.set(k, v);
    const checked = readSettings(settingsGrid(merged));
    const errors = fieldErrors(checked.problems);
    const names = new Set(tabs.names());
    if (errors.length > 0) {
      return {
        ok: false,
        errors,
        settings: view(tab?.name ?? S.tabs.settings, tab !== undefined, merged, [], names),
        created: false,
        written: 0,
      };
    }
    const settings = checked.settings as Record<string, number>;
    const after = new Map<string, Raw>(SETTING_DEFS.map((d) => [d.key, settings[d.key] as number]));
    if (!sheet || !cols) {
      writeSpec(ss, buildSettingsTab(checked.settings), tabs);
      names.add(S.tabs.settings);
      return { ok: true, errors: [], settings: view(S.tabs.settings, true, after, [], names), created: true, written: SETTING_DEFS.length };
    }
    const byRow = new Map<number, number>();
    const missing: NewSettingRow[] = [];
    for (const d of SETTING_DEFS) {
      const row = rows.get(d.key);
      if (row) byRow.set(row, settings[d.key] as number);
      else missing.push({ key: d.key, label: d.label, value: settings[d.key] as number, help: d.help });
    }
    const written = writeSettingValues(sheet.sheet, cols, sheet.values.length, byRow, missing);
    return { ok: true, errors: [], settings: view(sheet.name, true, after, [], names), created: false, written };
  });
}
