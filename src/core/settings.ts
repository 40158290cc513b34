// Thresholds and rules, all configurable from the «Настройки ОКО» sheet (created with defaults).
import { cellText, type Grid, norm } from './grid';
import { type Problem, problem } from './problems';
import { S } from './strings';
import * as z from './zod';

export interface SettingDef {
  key: string;
  label: string;
  help: string;
  min: number;
  max: number;
  default: number;
}

/** The order here is the order of rows on the settings sheet. */
export const SETTING_DEFS = [
  {
    key: 'deficit.basicSufficient',
    label: 'Базовое задание: «достаточно» от, %',
    help: 'ФИОКО 2026: задание базового уровня выполнено достаточно при ≥ 60 %.',
    min: 0,
    max: 100,
    default: 60,
  },
  {
    key: 'deficit.basicUncertain',
    label: 'Базовое задание: «на грани» от, %',
    help: 'От этого порога до «достаточно» — зона неопределённости (ФИОКО: 57–60 %); ниже — «недостаточно».',
    min: 0,
    max: 100,
    default: 57,
  },
  {
    key: 'deficit.advancedSufficient',
    label: 'Повышенное/высокое задание: «достаточно» от, %',
    help: 'ФИОКО 2026: задание повышенного или высокого уровня выполнено достаточно при ≥ 30 %.',
    min: 0,
    max: 100,
    default: 30,
  },
  {
    key: 'deficit.advancedUncertain',
    label: 'Повышенное/высокое задание: «на грани» от, %',
    help: 'ФИОКО: 28,5–30 % — на грани; ниже — «недостаточно».',
    min: 0,
    max: 100,
    default: 28.5,
  },
  {
    key: 'deficit.studentShare',
    label: 'Дефицит ученика: набрано меньше, % от макс. балла',
    help: 'У ученика дефицит по заданию, если он набрал меньше этой доли баллов (по умолчанию — меньше половины).',
    min: 1,
    max: 100,
    default: 50,
  },
  {
    key: 'deficit.systemicShare',
    label: 'Системный дефицит умения: доля недостаточных заданий больше, %',
    help: 'Умение — системный дефицит, если недостаточно выполнено больше этой доли его заданий (по умолчанию — большинство).',
    min: 0,
    max: 99,
    default: 50,
  },
  {
    key: 'sample.minReliable',
    label: 'Надёжная группа: участников не меньше',
    help: 'Статистика группы меньшего размера ненадёжна: такие группы показываются с пометкой.',
    min: 1,
    max: 1000,
    default: 10,
  },
  {
    key: 'sample.minDistribution',
    label: 'Распределение баллов: участников не меньше',
    help: 'Распределение первичных баллов надёжно от 50 участников (приблизительно — от 20–30).',
    min: 1,
    max: 10000,
    default: 50,
  },
  {
    key: 'journal.minGap',
    label: 'Расхождение с журналом: разница отметок не меньше',
    help: 'Ученики, у которых отметка за работу отличается от отметки по журналу на столько баллов или больше (в любую сторону), попадают в список на вкладке «Статистика отметок». По умолчанию — 2.',
    min: 1,
    max: 3,
    default: 2,
  },
  // ---- группа риска, динамика, объективность (docs/risk-objectivity.md) ----
  {
    key: 'risk.markTwo',
    label: 'Группа риска: отметка «2» (1 — учитывать, 0 — нет)',
    help: 'Ученик попадает в группу риска, если в последней работе по предмету у него отметка «2».',
    min: 0,
    max: 1,
    default: 1,
  },
  {
    key: 'risk.lowShare',
    label: 'Группа риска: выполнено меньше, % работы',
    help: 'Первичный балл меньше этой доли максимального (0 — правило выключено). Это же порог «низкого результата» для правила «стабильно низкие».',
    min: 0,
    max: 100,
    default: 50,
  },
  {
    key: 'risk.markDecline',
    label: 'Группа риска: снижение отметки (1 — учитывать, 0 — нет)',
    help: 'Отметка ниже, чем в предыдущей работе ученика по тому же предмету.',
    min: 0,
    max: 1,
    default: 1,
  },
  {
    key: 'risk.declinePoints',
    label: 'Группа риска: выполнение снизилось на, п. п., не меньше',
    help: 'Процент выполнения работы ниже, чем в предыдущей работе по тому же предмету, на столько процентных пунктов или больше.',
    min: 1,
    max: 100,
    default: 15,
  },
  {
    key: 'risk.stableLowCount',
    label: 'Стабильно низкие: низкий результат в работах подряд, не меньше',
    help: 'Низкий результат (отметка «2» или выполнено меньше порога) в стольких последних работах ученика по предмету подряд.',
    min: 2,
    max: 10,
    default: 2,
  },
  {
    key: 'risk.subjects',
    label: 'Группа риска по нескольким предметам: предметов не меньше',
    help: 'Отдельная причина, если ученик в группе риска сразу по стольким предметам.',
    min: 2,
    max: 20,
    default: 2,
  },
  {
    key: 'dynamics.twoRise',
    label: 'Отрицательная динамика: доля «2» выросла на, п. п., не меньше',
    help: 'Класс с отрицательной динамикой: доля отметок «2» выросла на столько процентных пунктов или больше по сравнению с предыдущей работой.',
    min: 1,
    max: 100,
    default: 10,
  },
  {
    key: 'objectivity.medium',
    label: 'Объективность: Понизили или Повысили — средний уровень от, %',
    help: 'Доля участников, чья отметка за работу ниже (Понизили) или выше (Повысили) отметки по журналу.',
    min: 1,
    max: 100,
    default: 20,
  },
  {
    key: 'objectivity.high',
    label: 'Объективность: Понизили или Повысили — высокий уровень от, %',
    help: 'Не меньше порога среднего уровня.',
    min: 1,
    max: 100,
    default: 40,
  },
  {
    key: 'objectivity.highMarksShare',
    label: 'Объективность: отметок «4» и «5» по журналу от, %',
    help: 'Признак для проверки: столько или больше участников имеют «4» и «5» по журналу, а среднее выполнение работы ниже следующего порога.',
    min: 1,
    max: 100,
    default: 80,
  },
  {
    key: 'objectivity.lowCompletion',
    label: 'Объективность: среднее выполнение работы ниже, %',
    help: 'Используется вместе с долей отметок «4» и «5» по журналу.',
    min: 1,
    max: 100,
    default: 55,
  },
  {
    key: 'objectivity.peakFactor',
    label: 'Пик распределения баллов: во сколько раз больше среднего столбца',
    help: 'Столбец распределения первичных баллов — пик, если в нём не меньше стольких средних столбцов, не меньше среднего + 1 и не меньше минимума участников. Пики проверяются у групп не меньше порога «Распределение баллов».',
    min: 1,
    max: 20,
    default: 1.5,
  },
  {
    key: 'objectivity.peakMin',
    label: 'Пик распределения баллов: участников в столбце не меньше',
    help: 'Минимум участников в столбце-пике.',
    min: 1,
    max: 1000,
    default: 2,
  },
  {
    key: 'objectivity.peakJump',
    label: 'Пик на границе отметки: во сколько раз больше столбца ниже границы',
    help: 'Пик на границе считается признаком, только если на балле границы участников во столько раз больше, чем на балле ниже: честное распределение без «подтягивания» к границе такого скачка не даёт. 0 — не проверять.',
    min: 0,
    max: 20,
    default: 1.5,
  },
] as const satisfies readonly SettingDef[];

export type SettingKey = (typeof SETTING_DEFS)[number]['key'];

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
