// The built bundle, called by function name as Apps Script would, against the fake Google services.
// Catches "Script function not found", Node-only globals in the bundle, and wiring mistakes between
// the entry points, the adapter and the core.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  DataOverview,
  FilterResult,
  RoadmapStepResult,
  SettingsSaveResult,
  SettingsView,
  StepResult,
  TemplateCopyResult,
} from '../../src/server/contract';
import { SERVER_FUNCTIONS } from '../../src/server/contract';
import { createFakeGas, type FakeGas, type FakeSheet } from '../fakes';
import { smallProtocol } from '../sheets/fixtures';
import { type Bundle, json, loadBundle, ROOT, SIDEBAR } from './load';

const BOOK = 'Форма сбора результатов ВПР Математика 4 класс';
const MATRIX = 'Матрица дефицитов · МА 4';
const BY_CLASS = 'Дефициты по классам';
/** The statistics tabs («Статистика отметок», «Распределение баллов», «Задания по отметкам»). */
const STATS = ['Статистика отметок', 'Распределение баллов', 'Задания по отметкам'];
const FINDINGS = ['Группа риска', 'Динамика', 'Объективность'];

function setup(rows: unknown[][] = smallProtocol()): { gas: FakeGas; bundle: Bundle } {
  const gas = createFakeGas({ name: BOOK });
  gas.ss.addSheet('Протокол', rows);
  return { gas, bundle: loadBundle(gas) };
}

/** The row of a tab whose cells from column `at` (0-based; the first by default) are `a`, `b`, as stored values. */
function rowOf(sheet: FakeSheet, a: string, b: string, at = 0): unknown[] {
  const row = sheet.snapshot().find((r) => r[at] === a && r[at + 1] === b);
  if (!row) throw new Error(`no row ${a} | ${b} in ${sheet.title}`);
  return row;
}

const topLevel = (source: string, name: string) => new RegExp(`^function ${name}\\(`, 'm').test(source);

describe('dist/school/Code.js', () => {
  it('declares every entry point as a top-level function', () => {
    const { bundle } = setup();
    const expected = [
      'onOpen',
      'onInstall',
      'menuAnalyze',
      'menuSettings',
      'menuShowSidebar',
      'menuUnhighlight',
      'menuRoadmap',
      'menuRoadmapTemplate',
      'menuDocuments',
      ...SERVER_FUNCTIONS,
    ];
    for (const name of expected) {
      expect(topLevel(bundle.source, name), name).toBe(true);
      expect(typeof bundle.context[name], name).toBe('function');
    }
  });

  it('every function named in the contract is callable by name', () => {
    expect(SERVER_FUNCTIONS).toEqual([
      'getDataOverview',
      'runStep',
      'activateCell',
      'getSettings',
      'saveSettings',
      'applyFilter',
      'clearFilter',
      'runRoadmapStep',
      'saveRoadmapForm',
      'createRoadmapTemplate',
      'createDocuments',
      'openExample',
      'removeExample',
      'describeWork',
    ]);
    const { bundle } = setup();
    for (const name of SERVER_FUNCTIONS) {
      expect(topLevel(bundle.source, name), name).toBe(true);
      // Callable by name; a call without its arguments is refused with the Russian message, never "not found".
      expect(typeof bundle.context[name], name).toBe('function');
    }
  });

  it('onOpen in AuthMode.NONE builds the menu and touches nothing else', () => {
    const { gas, bundle } = setup();
    gas.log.reset();
    bundle.call('onOpen', { authMode: 'NONE' });
    // «ОКО» in a bound script too (createMenu; createAddonMenu would take the project's name there).
    expect(gas.ui.menuCaptions).toEqual(['ОКО']);
    expect(gas.ui.menus).toEqual([
      [
        { caption: 'Анализ результатов', fn: 'menuAnalyze' },
        { caption: 'Настройки', fn: 'menuSettings' },
        { caption: 'Открыть панель', fn: 'menuShowSidebar' },
        { caption: 'Снять подсветку', fn: 'menuUnhighlight' },
        { caption: 'Дорожная карта…', fn: 'menuRoadmap' },
        { caption: 'Создать шаблон', fn: 'menuRoadmapTemplate' },
        { caption: 'Справка и ИОМ в Google Документах', fn: 'menuDocuments' },
      ],
    ]);
    for (const item of gas.ui.menus[0] ?? []) if (item !== 'separator') expect(topLevel(bundle.source, item.fn), item.fn).toBe(true);
    expect(gas.log.docCalls).toBe(0);
    expect(gas.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(gas.log.byMethod('service')).toEqual({ 'SpreadsheetApp.getUi': 1 });
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });

  it('onInstall builds the same menu', () => {
    const { gas, bundle } = setup();
    bundle.call('onInstall', { authMode: 'FULL' });
    expect(gas.ui.menus).toHaveLength(1);
    expect(gas.ui.menus[0]).toHaveLength(7);
  });

  it('menuAnalyze writes the tabs with the right completion numbers', () => {
    const { gas, bundle } = setup();
    bundle.call('menuAnalyze');
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.ss.tabNames()).toEqual(['Протокол', MATRIX, BY_CLASS, ...STATS, ...FINDINGS, 'Настройки ОКО']);
    expect(gas.ss.toasts[0]?.msg).toMatch(/^Готово\. Работ: 1, участников: 4, вкладок обновлено: 8\./);

    // Hand-computed from smallProtocol (max 2, 1, 3 = 6 points; 10003 absent; X counts 0 points):
    //   class 1 = 10001 (2,1,3) + 10002 (1,0,X): task 1 (2+1)/(2·2) = 75 %, task 2 (1+0)/(2·1) = 50 %,
    //     task 3 (3+0)/(2·3) = 50 %; work (6+1)/(2·6) = 58.33 %, mean points 3.5
    //   class 2 = 10004 (0,1,2) + 10005 (2,X,1): 2/4 = 50 %, 1/2 = 50 %, 3/6 = 50 %; work 6/12 = 50 %
    //   school = all four: 5/8 = 62.5 %, 2/4 = 50 %, 6/12 = 50 %; work 13/24 = 54.17 %
    //   students: 10001 6/6 = 100 %, 10002 1/6 = 16.67 %, 10004 3/6 = 50 %, 10005 3/6 = 50 %
    const m = gas.ss.tab(MATRIX);
    const close = (row: unknown[], from: number, expected: number[]) => {
      for (const [i, v] of expected.entries()) expect(row[from + i] as number).toBeCloseTo(v, 2);
    };
    // Columns: class, code, % выполнения, mark, deficits, tasks 1–3 (F–H), points, journal mark.
    const summary = (cls: string, tasks: number[], points: number, work: number) => {
      const row = rowOf(m, cls, '% выполнения');
      close(row, 5, tasks);
      close(row, 8, [points]);
      close(row, 2, [work]);
    };
    summary('класс 1', [75, 50, 50], 3.5, 58.333);
    summary('класс 2', [50, 50, 50], 3, 50);
    summary('Школа', [62.5, 50, 50], 3.25, 54.167);
    close(rowOf(m, 'класс 1', '10001'), 2, [100]);
    close(rowOf(m, 'класс 1', '10002'), 2, [16.667]);
    close(rowOf(m, 'класс 2', '10004'), 2, [50]);
    expect(rowOf(m, 'класс 1', '10002')[7]).toBe('X');
    expect(m.snapshot().some((r) => r[1] === '10003')).toBe(false);
    // Student codes stay text, and the conditional rules are in place.
    expect(m.peek(6, 2)?.formula).toBeNull();
    expect(m.rules.length).toBeGreaterThan(0);
    // The filter columns at the right are hidden; the class and the student are frozen.
    expect(m.hiddenColumns.size).toBe(3);
    expect(m.frozenCols).toBe(2);

    // «Дефициты по классам»: the group first, then % выполнения работы, … the tasks from column F.
    const byClass = gas.ss.tab(BY_CLASS);
    const groupRow = (name: string, kind: string) => {
      const row = byClass.snapshot().find((r) => r[0] === name && r[3] === kind);
      if (!row) throw new Error(`no row ${name} (${kind})`);
      return row;
    };
    const cls1 = groupRow('класс 1', 'класс');
    close(cls1, 1, [58.333]);
    close(cls1, 5, [75, 50, 50]);
    const school = groupRow('Школа', 'школа');
    close(school, 1, [54.167]);
    close(school, 5, [62.5, 50, 50]);
  });

  it('menuAnalyze on a score above the maximum alerts with sheet, row and column and writes nothing', () => {
    const rows = smallProtocol();
    (rows[2] as unknown[])[2] = 3; // task 1 (max 2) of 10002: row 3, column C
    const { gas, bundle } = setup(rows);
    gas.log.reset();
    bundle.call('menuAnalyze');
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
    expect(gas.log.count('Spreadsheet.insertSheet') + gas.log.count('Spreadsheet.deleteSheet')).toBe(0);
    expect(gas.ui.alerts).toHaveLength(1);
    const alert = gas.ui.alerts[0] as { title: string; prompt: string };
    expect(alert.title).toBe('ОКО: анализ не выполнен');
    expect(alert.prompt).toContain('Лист «Протокол», ячейка C3 (строка 3, столбец C)');
    expect(alert.prompt).toContain('больше максимального (2)');
  });

  it('menuAnalyze while another run holds the lock says so and writes nothing', () => {
    const { gas, bundle } = setup();
    gas.lockService.lock.busy = true;
    bundle.call('menuAnalyze');
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
    expect(gas.ui.alerts[0]?.prompt).toMatch(/^Анализ уже выполняется в этой таблице/);
  });

  it('menuSettings creates «Настройки ОКО» and activates it; menuShowSidebar opens the sidebar', () => {
    const { gas, bundle } = setup();
    bundle.call('menuSettings');
    expect(gas.ss.active?.sheet.title).toBe('Настройки ОКО');
    bundle.call('menuShowSidebar');
    expect(gas.ui.sidebars.map((s) => [s.file, s.getTitle()])).toEqual([['Sidebar', 'ОКО']]);
  });

  it('getDataOverview reports the recognised sheets and problems as plain JSON', () => {
    const { bundle } = setup();
    const raw = bundle.call('getDataOverview') as DataOverview;
    const overview = json(raw);
    expect(overview).toEqual(raw);
    expect(overview.spreadsheet).toBe(BOOK);
    expect(overview.sheets).toEqual([
      {
        name: 'Протокол',
        kind: 'results',
        layout: 'vpr-form',
        procedure: 'ВПР Математика 4 класс',
        subject: 'Математика',
        grade: 4,
        participants: 4,
      },
    ]);
    expect(overview.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['analysis']));
    expect(overview.filter).toEqual({
      options: {
        subjects: ['Математика'],
        grades: [4],
        classes: [
          { name: 'класс 1', grade: 4 },
          { name: 'класс 2', grade: 4 },
        ],
        teachers: [],
      },
      saved: null,
    });
    expect(overview.errors).toBe(0);
    expect(overview.problems.length).toBeGreaterThan(0);
    for (const p of overview.problems) expect(p.place).toEqual({ sheet: 'Протокол', row: p.row, col: p.col });
    expect(Number.isNaN(Date.parse(overview.readAt))).toBe(false);
  });

  it('runStep writes the analysis tabs and returns the summary as blocks', () => {
    const { gas, bundle } = setup();
    const raw = bundle.call('runStep', 'analysis') as StepResult;
    const result = json(raw);
    expect(result).toEqual(raw);
    expect(result.ok).toBe(true);
    expect(result.tabs).toEqual({ written: [MATRIX, BY_CLASS, ...STATS], created: ['Настройки ОКО'], deleted: [] });
    const [work, tabs] = result.blocks;
    expect(work?.title).toBe('ВПР Математика 4 класс');
    // Class 1: tasks 2 and 3 at 50 % < 57 %; class 2: all three at 50 %. Each line leads to the class row of the matrix.
    const lines = work?.items.filter((i) => i.text.includes('недостаточно'));
    expect(lines?.map((i) => [i.text, i.tone])).toEqual([
      ['класс 1: 2 из 3 заданий выполнены недостаточно (мало участников — вывод ненадёжен)', 'bad'],
      ['класс 2: 3 из 3 заданий выполнены недостаточно (мало участников — вывод ненадёжен)', 'bad'],
    ]);
    const place = lines?.[0]?.place;
    expect(place?.sheet).toBe(MATRIX);
    expect(gas.ss.tab(MATRIX).peek(place?.row as number, 2)?.value).toBe('% выполнения');
    expect(tabs?.items.map((i) => i.text)).toEqual([MATRIX, BY_CLASS, ...STATS, 'Созданы: Настройки ОКО.']);
    expect(Number.isNaN(Date.parse(result.finishedAt))).toBe(false);
    // «Что дальше»: the weakest class (class 2, all three tasks) and the link to its row.
    expect(result.next?.map((i) => i.text)).toEqual([
      'Откройте матрицу дефицитов самого слабого класса: класс 2, ВПР Математика 4 класс — недостаточно выполнено 3 из 3 заданий',
    ]);
    expect(gas.ss.tab(MATRIX).peek(result.next?.[0]?.place?.row as number, 1)?.value).toBe('класс 2');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('runStep writes only its own tabs', () => {
    const { gas, bundle } = setup();
    bundle.call('runStep', 'analysis');
    const matrix = gas.ss.tab(MATRIX);
    const risk = json(bundle.call('runStep', 'risk') as StepResult);
    expect(risk.ok).toBe(true);
    expect(risk.tabs.written).toEqual(['Группа риска', 'Динамика']);
    expect(risk.blocks[0]?.items[0]?.text).toMatch(
      /^(В группе риска \d+ учени(к|ка|ков) — список с причинами на вкладке «Группа риска»|Учеников в группе риска нет)\.$/,
    );
    // The analysis step's tabs are the very same sheets.
    expect(gas.ss.tab(MATRIX)).toBe(matrix);
  });

  it('runStep on bad data returns the problems and writes nothing', () => {
    const rows = smallProtocol();
    (rows[2] as unknown[])[2] = 3;
    const { gas, bundle } = setup(rows);
    const result = json(bundle.call('runStep', 'analysis') as StepResult);
    expect(result.ok).toBe(false);
    expect(result.blocks).toEqual([]);
    expect(result.tabs).toEqual({ written: [], created: [], deleted: [] });
    const error = result.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ sheet: 'Протокол', row: 3, col: 3, a1: 'C3', place: { sheet: 'Протокол', row: 3, col: 3 } });
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });

  it('runStep refuses an unknown step with the Russian message', () => {
    const { bundle } = setup();
    expect(() => bundle.call('runStep', 'everything')).toThrow(
      'Панель передала неверные данные в «runStep». Обновите панель и попробуйте снова.',
    );
  });

  it('getSettings and saveSettings: refused as a whole on a bad value, value cells written on a good one', () => {
    const { gas, bundle } = setup();
    const before = json(bundle.call('getSettings') as SettingsView);
    expect(before.exists).toBe(false);
    // No sheet yet: the form shows the defaults the analysis uses.
    expect(before.fields[0]).toMatchObject({ key: 'deficit.basicSufficient', min: 0, max: 100, default: 60, value: '60' });

    const refused = json(bundle.call('saveSettings', { 'deficit.basicUncertain': 70 }) as SettingsSaveResult);
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([{ key: 'deficit.basicUncertain', message: expect.stringMatching(/должно быть не больше/) }]);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
    expect(() => bundle.call('saveSettings', { 'deficit.basicSufficient': '60' })).toThrow(/^Панель передала неверные данные/);
    expect(() => bundle.call('saveSettings', { 'нет.такой': 1 })).toThrow(/^Панель передала неверные данные/);

    const created = json(bundle.call('saveSettings', { 'deficit.basicSufficient': 65 }) as SettingsSaveResult);
    expect(created).toMatchObject({ ok: true, created: true });
    const sheet = gas.ss.tab('Настройки ОКО');
    // Russian first: «Параметр | Значение | Пояснение | Ключ».
    expect(sheet.peek(1, 1)?.value).toBe('Параметр');
    expect(sheet.peek(2, 1)?.value).toBe('Базовое задание: «достаточно» от, %');
    expect(sheet.peek(2, 2)?.value).toBe(65);
    expect(sheet.peek(2, 4)?.value).toBe('deficit.basicSufficient');
    gas.log.reset();
    const saved = json(bundle.call('saveSettings', { 'deficit.basicSufficient': 62.5 }) as SettingsSaveResult);
    expect(saved).toMatchObject({ ok: true, created: false });
    expect(gas.log.count('Range.setValues')).toBe(1);
    expect(sheet.peek(2, 2)?.value).toBe(62.5);
    expect(json(bundle.call('getSettings') as SettingsView).fields[0]?.value).toBe('62,5');
  });

  it('applyFilter writes the person’s own view tab and nothing else; clearFilter removes it; the choice is kept per user', () => {
    const { gas, bundle } = setup();
    bundle.call('runStep', 'analysis');
    const before = new Map(gas.ss.tabNames().map((n) => [n, gas.ss.tab(n).state()]));
    const choice = { subjects: ['Математика'], grades: [], classes: ['класс 1'], teachers: [] };
    const applied = json(bundle.call('applyFilter', choice) as FilterResult);
    // Within Excel's 31 characters: the second name is cut.
    expect(applied).toMatchObject({ applied: true, tabs: ['ШМО · Математика · класс 1', 'ШМО выводы · Математика · клас…'] });
    expect(applied.sections.map((f) => f.sheet)).toContain(MATRIX);
    const view = gas.ss.tab('ШМО · Математика · класс 1');
    const classes = new Set(view.snapshot().map((r) => r[0]));
    expect(classes.has('класс 1')).toBe(true);
    expect(classes.has('класс 2')).toBe(false);
    for (const [name, state] of before) expect(gas.ss.tab(name).state(), name).toBe(state);
    expect(json(bundle.call('getDataOverview') as DataOverview).filter.saved).toEqual(choice);
    const cleared = json(bundle.call('clearFilter') as FilterResult);
    expect(cleared).toMatchObject({ applied: false, removed: true });
    expect(gas.ss.tabNames()).toEqual([...before.keys()]);
    expect(() => bundle.call('applyFilter', { subjects: 'Математика' })).toThrow(/^Панель передала неверные данные/);
  });

  it('activateCell moves the cursor; bad arguments and missing sheets give Russian messages', () => {
    const { gas, bundle } = setup();
    expect(json(bundle.call('activateCell', { sheet: 'Протокол', row: 3, col: 4 }))).toEqual({ sheet: 'Протокол', a1: 'D3' });
    expect(gas.ss.active).toMatchObject({ a1: 'D3' });
    const failure = (...args: unknown[]) => {
      try {
        bundle.call('activateCell', ...args);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(failure({ sheet: 5, row: 1, col: 1 })).toBe(
      'Панель передала неверные данные в «activateCell». Обновите панель и попробуйте снова.',
    );
    expect(failure()).toMatch(/^Панель передала неверные данные/);
    expect(failure({ sheet: 'Нет такого', row: 1, col: 1 })).toMatch(/^Лист «Нет такого» не найден/);
  });
});

describe('dist/school/Code.js: the roadmap step', () => {
  const FORM = {
    template: 'region-model-roadmap',
    year: '2026',
    procedure: 'ВПР Математика 4 класс',
    resultsDate: '2026-05-15',
    levels: [],
  };
  const TAB = 'Дорожная карта · ВПР МА 4';

  it('getDataOverview offers the roadmap step with its form', () => {
    const { bundle } = setup();
    const overview = json(bundle.call('getDataOverview') as DataOverview);
    const step = overview.steps.find((s) => s.id === 'roadmap');
    expect(step?.title).toBe('Дорожная карта');
    expect(step?.form?.templates.map((t) => t.id)).toContain('region-model-roadmap');
    expect(step?.form?.procedures).toEqual(['ВПР Математика 4 класс']);
    expect(step?.form?.defaultYear).toMatch(/^\d{4}\/\d{4}$/);
    expect(step?.form?.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const s of overview.steps.filter((x) => x.id !== 'roadmap')) expect(s.form).toBeNull();
  });

  it('runRoadmapStep writes the roadmap tab and «Исполнение» and returns plain JSON', () => {
    const { gas, bundle } = setup();
    const raw = bundle.call('runRoadmapStep', FORM) as RoadmapStepResult;
    const result = json(raw);
    expect(result).toEqual(raw);
    expect(result.ok).toBe(true);
    // The roadmap, its per-student routes («ИОМ»: the form's grade-4 at-risk students), then «Исполнение».
    expect(result.tabs.written).toEqual([TAB, 'ДК · ВПР МА 4 · ИОМ', 'Исполнение']);
    expect(gas.ss.tabNames()).toEqual(['Протокол', TAB, 'ДК · ВПР МА 4 · ИОМ', 'Исполнение']);
    expect(result.roadmap?.activities).toBeGreaterThan(0);
    expect(result.roadmap?.completion).toBe(0);
    expect(result.blocks.at(-1)?.items.map((i) => i.place?.sheet)).toEqual([TAB, 'ДК · ВПР МА 4 · ИОМ', 'Исполнение']);
    // runStep does not run it: it needs the form.
    expect(() => bundle.call('runStep', 'roadmap')).toThrow(/запускается из формы/);
  });

  it('runRoadmapStep refuses non-ISO dates and unknown levels as a bad request, a bad year with the core’s message', () => {
    const { gas, bundle } = setup();
    expect(() => bundle.call('runRoadmapStep', { ...FORM, resultsDate: '15.05.2026' })).toThrow(/^Панель передала неверные данные/);
    expect(() => bundle.call('runRoadmapStep', { ...FORM, levels: ['ВШ'] })).toThrow(/^Панель передала неверные данные/);
    expect(() => bundle.call('saveRoadmapForm', { ...FORM, year: 2026 })).toThrow(/^Панель передала неверные данные/);
    const bad = json(bundle.call('runRoadmapStep', { ...FORM, year: 'абв' }) as RoadmapStepResult);
    expect(bad.ok).toBe(false);
    const yearError = bad.problems.find((p) => p.severity === 'error');
    expect(yearError?.message).toMatch(/^«абв» — не учебный год/);
    // The problem is reported against the form field, not a sheet.
    expect(yearError?.text).toMatch(/^Поле «Учебный год»: /);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });

  it('the e-mail digest is not part of the school edition: no MailApp in the bundle, no mail scope in the manifest', () => {
    const { bundle } = setup();
    expect(bundle.source).not.toMatch(/MailApp|sendEmail|ScriptApp/);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'school', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    // drive.file: only the Google Docs the add-on creates (test/docs/bundle.test.ts, README «Документы в Google»).
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/drive.file',
    ]);
  });

  it('createRoadmapTemplate and the menu «Создать шаблон» copy a template once', () => {
    const { gas, bundle } = setup();
    const made = json(bundle.call('createRoadmapTemplate', 'school-objectivity-plan') as TemplateCopyResult);
    expect(made).toMatchObject({ created: true, sheet: 'Шаблон дорожной карты', template: { id: 'school-objectivity-plan' } });
    const again = json(bundle.call('createRoadmapTemplate', 'region-model-roadmap') as TemplateCopyResult);
    expect(again.created).toBe(false);
    expect(again.message).toMatch(/^Лист «Шаблон дорожной карты» уже есть/);
    bundle.call('menuRoadmapTemplate');
    expect(gas.ui.alerts[0]?.prompt).toMatch(/^Лист «Шаблон дорожной карты» уже есть/);
    expect(() => bundle.call('createRoadmapTemplate', 'нет-такого')).toThrow(/^Такого встроенного шаблона нет/);
  });
});

describe('dist/school/Sidebar.html', () => {
  it('is one self-contained file under 150 KB that never uses innerHTML', () => {
    const html = readFileSync(SIDEBAR, 'utf8');
    expect(statSync(SIDEBAR).size).toBeLessThanOrEqual(150 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain('innerHTML');
    expect(html).not.toContain('/*SCRIPT*/');
    expect(html).toContain('lang="ru"');
  });
});
