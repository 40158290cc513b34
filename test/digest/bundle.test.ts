// dist/digest/Code.js («школа + рассылка») as Apps Script loads it, against the fake services: the
// school's entry points plus the digest ones, its manifest, the menu in AuthMode.NONE, the weekly
// trigger (off by default, one per user), the send itself (one letter per responsible, at most once a
// week, nothing when there is nothing to say, a wrong address named by its cell) — and the school
// edition still without mail.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/roadmap/dates';
import { weekStart } from '../../src/core/roadmap/digest';
import { D } from '../../src/core/strings';
import { SERVER_FUNCTIONS } from '../../src/server/contract';
import { type Bundle, DIGEST_CODE, loadBundle, ROOT } from '../bundle/load';
import { createDigestGas, type DigestGas } from '../fakes/digest';

const DIR = join(ROOT, 'dist', 'digest');
const SCHOOL_ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'menuAnalyze',
  'menuSettings',
  'menuShowSidebar',
  'menuUnhighlight',
  'menuRoadmap',
  'menuRoadmapTemplate',
  'menuDocuments',
  'createDocuments',
  ...SERVER_FUNCTIONS,
];
const DIGEST_ENTRY_POINTS = ['menuDigestEnable', 'menuDigestDisable', 'menuDigestSendNow', 'digestWeekly'];
const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  currentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  /** Google Docs the add-on creates (test/docs/bundle.test.ts). */
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
};
const ROADMAP = 'Дорожная карта · ВПР МА 4';
const LAST_SENT = 'oko.digest.lastSent';

type Loaded = Bundle;
const load = (gas: DigestGas): Loaded => loadBundle(gas, { code: DIGEST_CODE });

/** Today in the fake spreadsheet's zone, as the bundle computes it (Utilities.formatDate, Europe/Moscow). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
/** A date cell as Sheets returns it (noon UTC keeps the calendar day in every zone). */
function day(offset: number): Date {
  const [y, m, d] = addDays(TODAY, offset).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

const HEADER = [
  '№',
  'Этап',
  'Мероприятие',
  'Участники',
  'Начало',
  'Срок',
  'Ответственный',
  'Результат',
  'Формат документа',
  'Статус',
  'Дата исполнения',
  'Ссылка на документ',
  'Комментарий',
  'Ключ',
];
function activity(n: string, title: string, end: Date | string, who: string, status: string, key: string): unknown[] {
  return [n, '1. Аналитический этап', title, '', '', end, who, '', '', status, '', '', '', key];
}

/** A roadmap tab as ОКО writes it: title rows, the header on row 4, activities below. */
function roadmapRows(rows: unknown[][]): unknown[][] {
  return [['Дорожная карта'], ['Шаблон: region-model-roadmap'], ['Памятка'], HEADER, ...rows];
}

const BUSY = [
  activity('1.1', 'Провести анализ результатов ВПР', day(-7), 'Иванова И.И.', 'Не начато', 'act:a1'),
  activity('1.2', 'Подготовить аналитическую справку', day(3), 'Петров П.П.', 'В работе', 'act:a2'),
  activity('1.3', 'Провести педсовет', day(-10), 'Иванова И.И.', 'Выполнено', 'act:a3'),
  activity('1.4', 'Обновить рабочие программы', day(90), 'Сидорова С.С.', 'Не начато', 'act:a4'),
  activity('1.5', 'Провести заседание ШМО', day(-3), 'Кузнецов К.К.', 'Не начато', 'act:a5'),
];

const ADDRESSES = [
  ['Ответственный', 'E-mail'],
  ['Иванова И.И.', 'ivanova@school.example'],
  ['Петров П.П.', 'petrov@school.example'],
  ['Сидорова С.С.', 'sidorova@school.example'],
  ['Кузнецов К.К.', 'kuznetsov@school.example'],
];

function setup(opts: { activities?: unknown[][]; addresses?: unknown[][] | null } = {}): { gas: DigestGas; b: Loaded } {
  const gas = createDigestGas();
  gas.ss.addSheet(ROADMAP, roadmapRows(opts.activities ?? BUSY));
  if (opts.addresses !== null) gas.ss.addSheet(D.sheet, opts.addresses ?? ADDRESSES);
  return { gas, b: load(gas) };
}

/**
 * Runs the weekly trigger as Apps Script runs a bound script's time-driven trigger: in the spreadsheet's
 * context (its spreadsheet and document lock), no UI, the trigger's event.
 */
function fire(gas: DigestGas, b: Loaded, context: 'bound-trigger' | 'addon-trigger' = 'bound-trigger'): void {
  const [t] = gas.scriptApp.of('digestWeekly');
  if (!t) throw new Error('no weekly trigger');
  gas.context = context;
  try {
    b.call(t.getHandlerFunction(), { authMode: 'FULL', triggerUid: t.getUniqueId() });
  } finally {
    gas.context = 'ui';
  }
}

function failure(fn: () => void): string | null {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

const topLevel = (source: string, name: string) => new RegExp(`^function ${name}\\(`, 'm').test(source);

describe('dist/digest: the e-mail digest edition «школа + рассылка»', () => {
  it('has every school entry point and the digest ones as top-level functions, its own manifest, Sidebar.html and .clasp.json', () => {
    const { b } = setup();
    for (const name of [...SCHOOL_ENTRY_POINTS, ...DIGEST_ENTRY_POINTS]) {
      expect(topLevel(b.source, name), name).toBe(true);
      expect(typeof b.context[name], name).toBe('function');
    }
    const manifest = JSON.parse(readFileSync(join(DIR, 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; timeZone: string };
    // Back to the narrow scope: the trigger works on the bound spreadsheet, nothing is opened by id;
    // drive.file only for the Google Docs the add-on creates itself.
    expect(manifest.oauthScopes).toEqual([SCOPES.currentOnly, SCOPES.ui, SCOPES.mail, SCOPES.triggers, SCOPES.driveFile]);
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(readFileSync(join(DIR, 'Sidebar.html'), 'utf8')).toBe(readFileSync(join(ROOT, 'dist', 'school', 'Sidebar.html'), 'utf8'));
    expect(JSON.parse(readFileSync(join(DIR, '.clasp.json'), 'utf8')).rootDir).toBe('.');
    expect(existsSync(join(ROOT, 'editions', 'digest', 'appsscript.json'))).toBe(true);
  });

  it('onOpen in AuthMode.NONE builds the school menu plus the digest items and touches nothing else', () => {
    const { gas, b } = setup();
    gas.log.reset();
    b.call('onOpen', { authMode: 'NONE' });
    expect(gas.ui.menus).toEqual([
      [
        { caption: 'Анализ результатов', fn: 'menuAnalyze' },
        { caption: 'Настройки', fn: 'menuSettings' },
        { caption: 'Открыть панель', fn: 'menuShowSidebar' },
        { caption: 'Снять подсветку', fn: 'menuUnhighlight' },
        { caption: 'Дорожная карта…', fn: 'menuRoadmap' },
        { caption: 'Создать шаблон', fn: 'menuRoadmapTemplate' },
        { caption: 'Справка и ИОМ в Google Документах', fn: 'menuDocuments' },
        { caption: 'Включить еженедельную рассылку', fn: 'menuDigestEnable' },
        { caption: 'Выключить рассылку', fn: 'menuDigestDisable' },
        { caption: 'Отправить рассылку сейчас', fn: 'menuDigestSendNow' },
      ],
    ]);
    for (const item of gas.ui.menus[0] ?? []) if (item !== 'separator') expect(topLevel(b.source, item.fn), item.fn).toBe(true);
    expect(gas.log.docCalls).toBe(0);
    expect(gas.log.byMethod('service')).toEqual({ 'SpreadsheetApp.getUi': 1 });
    // Off by default: opening creates no trigger and sends nothing.
    expect(gas.scriptApp.triggers).toEqual([]);
    expect(gas.mail.calls).toBe(0);
    b.call('onInstall', { authMode: 'FULL' });
    expect(gas.ui.menus[1]).toHaveLength(10);
    expect(gas.scriptApp.created).toBe(0);
  });

  it('enabling creates exactly one weekly trigger, enabling twice does not duplicate it, disabling removes it', () => {
    const { gas, b } = setup();
    b.call('menuDigestEnable');
    expect(gas.scriptApp.triggers).toHaveLength(1);
    const [t] = gas.scriptApp.triggers;
    expect(t?.handler).toBe('digestWeekly');
    expect(t?.schedule).toEqual({ everyWeeks: 1, weekDay: gas.scriptApp.WeekDay.MONDAY, hour: 7 });
    // Nothing recorded to find the spreadsheet again: the trigger runs in its context.
    expect([...gas.properties.script.data.keys()]).toEqual([]);
    expect(gas.ui.alerts.at(-1)).toEqual({ title: D.menu.title, prompt: D.enabled });
    expect(gas.mail.calls).toBe(0);

    b.call('menuDigestEnable');
    expect(gas.scriptApp.triggers).toHaveLength(1);
    expect(gas.scriptApp.created).toBe(1);
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(D.alreadyEnabled);

    b.call('menuDigestDisable');
    expect(gas.scriptApp.triggers).toEqual([]);
    expect(gas.scriptApp.deleted).toBe(1);
    expect([...gas.properties.script.data.keys()]).toEqual([]);
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(D.disabled(1));
    b.call('menuDigestDisable');
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(D.disabled(0));
    expect(gas.mail.calls).toBe(0);
    // The lock is taken and released around each change.
    expect(gas.lockService.lock.acquired).toBe(4);
    expect(gas.lockService.lock.held).toBe(false);
  });

  it('enabling without «Ответственные» says to create it; copies of the trigger made elsewhere are folded into one', () => {
    const { gas, b } = setup({ addresses: null });
    b.call('menuDigestEnable');
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(`${D.enabled}${D.addSheetHint}`);
    // A second weekly trigger (say, added by hand in the editor): enabling again leaves one.
    gas.scriptApp.newTrigger('digestWeekly').timeBased().everyWeeks(1).create();
    b.call('menuDigestEnable');
    expect(gas.scriptApp.of('digestWeekly')).toHaveLength(1);
  });

  it('the weekly trigger sends one letter per responsible with their overdue and upcoming activities, once a week', () => {
    const { gas, b } = setup();
    b.call('menuDigestEnable');
    gas.log.reset();
    fire(gas, b);

    // The bound spreadsheet, under the narrow scope: nothing opened by id, no UI, nothing refused.
    expect(gas.log.count('SpreadsheetApp.openById')).toBe(0);
    expect(gas.log.count('Ui.alert')).toBe(0);
    expect(gas.scopes.refused).toEqual([]);
    expect(gas.lockService.lock.held).toBe(false);

    expect(gas.mail.letters.map((l) => l.to)).toEqual(['ivanova@school.example', 'kuznetsov@school.example', 'petrov@school.example']);
    const ivanova = gas.mail.to('ivanova@school.example')[0];
    expect(ivanova?.subject).toMatch(/^ОКО: дорожные карты — ваши мероприятия на \d\d\.\d\d\.\d{4}$/);
    expect(ivanova?.body).toContain('Ответственный: Иванова И.И.');
    expect(ivanova?.body).toContain('Просрочено (1):');
    expect(ivanova?.body).toContain('Провести анализ результатов ВПР');
    expect(ivanova?.body).not.toContain('Провести педсовет'); // done
    expect(ivanova?.body).not.toContain('Подготовить аналитическую справку'); // Петров's
    const petrov = gas.mail.to('petrov@school.example')[0];
    expect(petrov?.body).toContain('Срок в ближайшие 7 дн. (1):');
    expect(petrov?.body).toContain('Подготовить аналитическую справку');
    expect(petrov?.body).not.toContain('Просрочено');
    expect(gas.mail.to('kuznetsov@school.example')[0]?.body).toContain('Провести заседание ШМО');
    // Сидорова's only activity is three months away and not started: nothing to say, no letter.
    expect(gas.mail.to('sidorova@school.example')).toEqual([]);

    const recorded = JSON.parse(gas.properties.document.data.get(LAST_SENT) ?? '{}');
    expect(recorded.week).toBe(weekStart(TODAY));
    expect([...recorded.to].sort()).toEqual(['ivanova@school.example', 'kuznetsov@school.example', 'petrov@school.example']);

    // The trigger firing again, or «Отправить рассылку сейчас», in the same week: no second letter.
    fire(gas, b);
    b.call('menuDigestSendNow');
    expect(gas.mail.calls).toBe(3);
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(
      `${D.report.none}\n${D.report.already(['Иванова И.И.', 'Кузнецов К.К.', 'Петров П.П.'], weekStart(TODAY).split('-').reverse().join('.'))}`,
    );

    // Next week (the record is of the previous week) the letters go again.
    gas.properties.document.data.set(LAST_SENT, JSON.stringify({ ...recorded, week: addDays(weekStart(TODAY), -7) }));
    fire(gas, b);
    expect(gas.mail.calls).toBe(6);
  });

  it('installed as an add-on (no spreadsheet, getDocumentLock() null in the trigger): the trigger says so and sends nothing', () => {
    const { gas, b } = setup();
    b.call('menuDigestEnable');
    expect(failure(() => fire(gas, b, 'addon-trigger'))).toBe(D.spreadsheetUnavailable);
    expect(gas.mail.calls).toBe(0);
    // Opening the spreadsheet by id is not a way out: the manifest does not grant the full scope.
    expect(() => gas.globals.SpreadsheetApp.openById(gas.ss.getId())).toThrow(
      /Required permissions: https:\/\/www\.googleapis\.com\/auth\/spreadsheets( \|\||$)/,
    );
    expect(b.source).not.toContain('openById');
  });

  it('sends nothing, records nothing and does not fail when there is nothing to say', () => {
    const quiet = [
      activity('1.1', 'Провести анализ результатов ВПР', day(-7), 'Иванова И.И.', 'Выполнено', 'act:a1'),
      activity('1.2', 'Подготовить аналитическую справку', day(40), 'Петров П.П.', 'Не начато', 'act:a2'),
      activity('1.3', 'Провести педсовет', day(-2), 'Петров П.П.', 'Отменено', 'act:a3'),
    ];
    const { gas, b } = setup({ activities: quiet });
    b.call('menuDigestEnable');
    expect(failure(() => fire(gas, b))).toBeNull();
    expect(gas.mail.calls).toBe(0);
    expect(gas.properties.document.data.has(LAST_SENT)).toBe(false);
    b.call('menuDigestSendNow');
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(D.report.nothing);
    expect(gas.mail.calls).toBe(0);
  });

  it('a wrong address on «Ответственные» is named by its cell and that person gets nothing; the others get their letters', () => {
    const addresses = ADDRESSES.map((r) => [...r]);
    (addresses[4] as string[])[1] = 'kuznetsov@school'; // row 5, column B
    const { gas, b } = setup({ addresses });
    b.call('menuDigestSendNow');
    expect(gas.mail.letters.map((l) => l.to)).toEqual(['ivanova@school.example', 'petrov@school.example']);
    expect(gas.mail.letters.some((l) => l.body.includes('Кузнецов'))).toBe(false);
    const prompt = gas.ui.alerts.at(-1)?.prompt ?? '';
    expect(prompt).toContain(D.report.sent(2, ['Иванова И.И.', 'Петров П.П.']));
    expect(prompt).toContain('Лист «Ответственные», ячейка B5 (строка 5, столбец B): «kuznetsov@school» — не адрес электронной почты');
    expect(prompt).toContain('письмо для «Кузнецов К.К.» не отправлено');
    expect(prompt).not.toContain(D.report.noAddress(['Кузнецов К.К.']));
  });

  it('in the trigger, a wrong address fails the run after the other letters went, so Apps Script notifies the owner', () => {
    const addresses = ADDRESSES.map((r) => [...r]);
    (addresses[1] as string[])[1] = 'ivanova at school.example'; // row 2, column B
    const { gas, b } = setup({ addresses });
    b.call('menuDigestEnable');
    const message = failure(() => fire(gas, b));
    expect(message).toContain(
      'Лист «Ответственные», ячейка B2 (строка 2, столбец B): «ivanova at school.example» — не адрес электронной почты',
    );
    expect(gas.mail.letters.map((l) => l.to)).toEqual(['kuznetsov@school.example', 'petrov@school.example']);
  });

  it('responsibles without an address are listed; a missing «Ответственные» sends nothing and says what to create', () => {
    const { gas, b } = setup({
      addresses: [
        ['Ответственный', 'E-mail'],
        ['Иванова И.И.', 'ivanova@school.example'],
      ],
    });
    b.call('menuDigestSendNow');
    expect(gas.mail.letters.map((l) => l.to)).toEqual(['ivanova@school.example']);
    expect(gas.ui.alerts.at(-1)?.prompt).toContain(D.report.noAddress(['Кузнецов К.К.', 'Петров П.П.']));

    const none = setup({ addresses: null });
    none.b.call('menuDigestSendNow');
    expect(none.gas.mail.calls).toBe(0);
    expect(none.gas.ui.alerts.at(-1)?.prompt).toContain(`Лист «Ответственные»: ${D.responsibles.missing}`);
  });

  it('a letter MailApp refuses stops the send; a later send writes only to those still without this week’s letter', () => {
    const { gas, b } = setup();
    gas.mail.quota = 1;
    b.call('menuDigestSendNow');
    expect(gas.mail.letters.map((l) => l.to)).toEqual(['ivanova@school.example']);
    expect(gas.ui.alerts.at(-1)?.prompt).toContain('Не удалось отправить письмо для «Кузнецов К.К.» (kuznetsov@school.example)');
    gas.mail.quota = 100;
    b.call('menuDigestSendNow');
    expect(gas.mail.letters.map((l) => l.to)).toEqual(['ivanova@school.example', 'kuznetsov@school.example', 'petrov@school.example']);
  });

  it('runs under the document lock: busy, the menu says so, and the trigger (after waiting) fails with what to do', () => {
    const { gas, b } = setup();
    b.call('menuDigestEnable');
    gas.lockService.lock.busy = true;
    b.call('menuDigestSendNow');
    expect(gas.ui.alerts.at(-1)?.prompt).toBe(D.busy);
    expect(failure(() => fire(gas, b))).toBe(D.busyInTrigger);
    expect(gas.mail.calls).toBe(0);
    gas.lockService.lock.busy = false;
    fire(gas, b);
    expect(gas.mail.calls).toBe(3);
  });

  it('the school edition is not widened: no MailApp, ScriptApp or digest entry point in dist/school/Code.js, no mail scope in dist/school/appsscript.json', () => {
    const school = readFileSync(join(ROOT, 'dist', 'school', 'Code.js'), 'utf8');
    expect(school).not.toMatch(/MailApp|sendEmail|ScriptApp|digestWeekly|menuDigest/);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'school', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toEqual([SCOPES.currentOnly, SCOPES.ui, SCOPES.driveFile]);
    expect(JSON.parse(readFileSync(join(ROOT, 'editions', 'school', 'appsscript.json'), 'utf8')).oauthScopes).toEqual([
      SCOPES.currentOnly,
      SCOPES.ui,
      SCOPES.driveFile,
    ]);
  });
});
