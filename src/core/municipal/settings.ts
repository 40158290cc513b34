// The municipal workbook's «Настройки ОКО»: the school edition's thresholds (applied to every school
// alike, whatever each school set for itself) plus the district's own: ШНОР criteria, the share of
// schools that makes a task «fall out», and the job's time budget. Same sheet format as the school
// edition (key in column A, value in column C), so `readSettings` reads the shared part unchanged.
import type { Grid } from '../grid';
import { COLORS, SpecBuilder } from '../output/builder';
import type { SheetSpec } from '../output/spec';
import type { Problem } from '../problems';
import { readSettingRows, readSettings, SETTING_DEFS, type SettingDef, type Settings } from '../settings';
import { S } from '../strings';
import { textHash } from './hash';

type Def = SettingDef;

export const MUNICIPAL_DEFS = [
  {
    key: 'shnor.external',
    label: 'ШНОР: только внешние процедуры (1 — да, 0 — все, включая внутренние диагностики)',
    help: '1 (по умолчанию) — ШНОР считается только по внешним процедурам: ВПР, ОГЭ, ЕГЭ, ГВЭ, НИКО, региональные (РДР, ДР-10). Входные и другие внутренние диагностики школа проводит и проверяет сама — по ним школы не сравниваются. 0 — учитывать все работы.',
    min: 0,
    max: 1,
    default: 1,
  },
  {
    key: 'shnor.quality',
    label: 'ШНОР: качество ниже, %',
    help: 'Критерий по работе: доля отметок «4» и «5» ниже порога (docs/domain.md §7: 40 %). 0 — критерий не применяется.',
    min: 0,
    max: 100,
    default: 40,
  },
  {
    key: 'shnor.meanCompletion',
    label: 'ШНОР: среднее выполнение ниже, %',
    help: 'Критерий по работе: средний процент выполнения ниже порога (50 %). 0 — критерий не применяется.',
    min: 0,
    max: 100,
    default: 50,
  },
  {
    key: 'shnor.riskShare',
    label: 'ШНОР: группа риска не меньше, %',
    help: 'Критерий по работе: доля участников в группе риска (отметка «2» или выполнено меньше порога «Группа риска: выполнено меньше») не меньше порога (35 %). 0 — не применяется.',
    min: 0,
    max: 100,
    default: 35,
  },
  {
    key: 'shnor.belowRegion',
    label: 'ШНОР: ниже региона не меньше чем на, процентных пунктов',
    help: 'Критерий по работе, если есть показатели региона (лист «Эталоны» школы — отчёты ФИС ОКО): среднее выполнение школы ниже регионального на столько пунктов или больше (без «Выполнения заданий» — качество ниже регионального). 0 — не применяется.',
    min: 0,
    max: 100,
    default: 10,
  },
  {
    key: 'shnor.bottomQuartile',
    label: 'ШНОР: нижняя четверть кластера (1 — применять, 0 — нет)',
    help: 'Критерий по работе: среднее выполнение — в нижней четверти школ своего кластера (ниже школы не больше четверти кластера, выше — не меньше половины).',
    min: 0,
    max: 1,
    default: 1,
  },
  {
    key: 'shnor.quartileMinSchools',
    label: 'ШНОР: нижняя четверть — школ в кластере не меньше',
    help: 'В кластере меньше школ (писавших работу) — четверть не вычисляется: сравнивать не с кем.',
    min: 2,
    max: 1000,
    default: 4,
  },
  {
    key: 'shnor.minProcedures',
    label: 'ШНОР: критерий засчитывается, если выполнен не меньше чем в … работах школы',
    help: 'Устойчивость: одна неудачная работа (один класс) не делает школу школой с низкими результатами. Критерий засчитывается школе, если он выполнен не меньше чем в стольких её работах и не меньше чем в доле работ ниже — или два года подряд.',
    min: 1,
    max: 50,
    default: 2,
  },
  {
    key: 'shnor.persistShare',
    label: 'ШНОР: … и не меньше чем в этой доле её работ, %',
    help: 'Доля от оценённых работ школы, где критерий можно было проверить (по умолчанию — половина). Два года подряд: в каждом из двух соседних лет критерий выполнен не меньше чем в этой доле работ того года.',
    min: 1,
    max: 100,
    default: 50,
  },
  {
    key: 'shnor.minCriteria',
    label: 'ШНОР: в список — школа, у которой засчитано критериев не меньше',
    help: 'Школа попадает в список ШНОР, если ей засчитано столько разных критериев (качество, выполнение, группа риска, ниже региона, нижняя четверть кластера). По умолчанию 2: школа слаба больше чем по одному признаку.',
    min: 1,
    max: 5,
    default: 2,
  },
  {
    key: 'high.quality',
    label: 'Стабильно высокие результаты: качество не ниже, %',
    help: 'Работа считается «высокой», если качество не ниже порога и среднее выполнение не ниже порога ниже; школа — со стабильно высокими результатами, если таких работ у неё не меньше, чем нужно для устойчивости ШНОР (те же число и доля). 0 — условие не проверяется.',
    min: 0,
    max: 100,
    default: 60,
  },
  {
    key: 'high.meanCompletion',
    label: 'Стабильно высокие результаты: среднее выполнение не ниже, %',
    help: 'См. строку выше. 0 — условие не проверяется.',
    min: 0,
    max: 100,
    default: 70,
  },
  {
    key: 'partner.tasks',
    label: 'Школа-партнёр: сравнивать по … самым слабым заданиям',
    help: 'Для школы из списка ШНОР берутся её задания с самым низким выполнением (по работам, где засчитаны критерии); партнёр — школа того же кластера, которая выполнила именно эти задания лучше всех и не ниже порога «достаточно».',
    min: 1,
    max: 30,
    default: 5,
  },
  {
    key: 'roadmap.year',
    label: 'Дорожная карта района: учебный год (начало, например 2026; 0 — по дате)',
    help: 'Год начала учебного года программы поддержки ШНОР (сентябрь–август). 0 — автоматически: с сентября по декабрь — текущий учебный год, с января по август — следующий (программа начинается с выявления школ в октябре–ноябре).',
    min: 0,
    max: 2100,
    default: 0,
  },
  {
    key: 'district.fallShare',
    label: 'Задание «выпадает» по району: доля школ с «недостаточно» не меньше, %',
    help: 'Вкладка «Дефициты по району» перечисляет задания, недостаточно выполненные не меньше чем в этой доле школ (по умолчанию — в большинстве).',
    min: 1,
    max: 100,
    default: 50,
  },
  {
    key: 'job.budgetSeconds',
    label: 'Сбор: длительность одной части, секунд',
    help: 'Apps Script прерывает выполнение через 6 минут (360 с); часть сбора останавливается заранее, сохраняет состояние и продолжается по триггеру. По умолчанию 270 с (4,5 мин).',
    min: 30,
    max: 330,
    default: 270,
  },
  {
    key: 'job.resumeMinutes',
    label: 'Сбор: следующая часть через, минут',
    help: 'Через сколько минут триггер запускает следующую часть сбора.',
    min: 1,
    max: 60,
    default: 1,
  },
] as const satisfies readonly Def[];

export type MunicipalKey = (typeof MUNICIPAL_DEFS)[number]['key'];
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
  b.row(['Ключ', 'Параметр', 'Значение', 'Пояснение'], { bold: true, background: COLORS.headerBg });
  b.row(['', 'Пороги анализа — одинаковые для всех школ района'], { bold: true, background: COLORS.summaryBg });
  const first = b.nextRow;
  for (const d of SETTING_DEFS) b.row([d.key, d.label, current.analysis[d.key], d.help]);
  b.row(['', 'Район: ШНОР, «выпадающие» задания, сбор данных'], { bold: true, background: COLORS.summaryBg });
  for (const d of MUNICIPAL_DEFS) b.row([d.key, d.label, current.municipal[d.key], d.help]);
  const n = b.nextRow - first;
  b.format({ row: first, col: 0, rows: n, cols: 1 }, { fontColor: COLORS.muted });
  b.format({ row: first, col: 3, rows: n, cols: 1 }, { wrap: true, fontColor: COLORS.muted });
  b.format({ row: first, col: 2, rows: n, cols: 1 }, { bold: true, background: '#fffbe6' });
  b.row([]);
  b.row(['', 'Меняйте только столбец «Значение». Пустая строка или удалённый параметр — значение по умолчанию.'], {
    italic: true,
    fontColor: COLORS.muted,
  });
  b.columnWidths = { 0: 190, 1: 400, 2: 90, 3: 480 };
  return b.build({ frozenRows: 1 });
}
