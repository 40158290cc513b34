// The built sidebar (dist/school/Sidebar.html) in Debian's Chromium, its google.script.run shim wired to the
// built server functions (dist/school/Code.js in node:vm) over the in-memory SpreadsheetApp fake: the same
// setup as `npm run preview`. Screenshots go to test-artifacts/.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTING_DEFS } from '../../src/core/settings';
import { S, UI } from '../../src/core/strings';
import type { DataOverview } from '../../src/server/contract';
import { smallProtocol } from '../sheets/fixtures';
import { createBackend, type LocalBackend, SAMPLE_BOOK, sampleBackend } from './backend';
import { screenshot } from './chromium';
import { idle, js, useSidebar } from './harness';

const BOOK = 'Форма сбора результатов ВПР Математика 4 класс';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The sample school, for tests that only read; tests that change data get their own copy. */
let sample: LocalBackend;
/** Messages of alert/confirm/prompt dialogs each page opened (there must be none). */
const dialogs = new WeakMap<Page, string[]>();

const h = useSidebar(() => (sample = sampleBackend()));

beforeEach(() => {
  h.server.latencyMs = 0;
});

/** Opens the sidebar as Sheets shows it (300 px wide) on `backend`, and waits for the data overview. */
async function openSidebar(backend: LocalBackend, width = 300): Promise<Page> {
  h.server.setBackend(backend);
  const page = await h.browser.page(width, 900);
  const seen: string[] = [];
  dialogs.set(page, seen);
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${h.server.url}sidebar`);
  await idle(page);
  await page.locator('#works ul, #works p').first().waitFor();
  return page;
}

function stepStates(page: Page): Promise<string[]> {
  return js(page, "[...document.querySelectorAll('.step')].map((e) => e.dataset.state)");
}

async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await idle(page);
}

function protocolBackend(rows: unknown[][] = smallProtocol(), extra: { name: string; rows: unknown[][] }[] = []): LocalBackend {
  return createBackend(BOOK, [{ name: 'Протокол', rows }, ...extra]);
}

describe('the sidebar in Chromium', () => {
  it('lists the recognised works with subject, grade and date, the other sheets, and goes to a sheet by its link', async () => {
    const page = await openSidebar(sample);
    const sheet = page.locator('#works li', { hasText: 'ВПР 2026 Математика 5 класс' });
    await expect(sheet.textContent()).resolves.toContain('форма сбора ВПР');
    await expect(sheet.locator('.facts').textContent()).resolves.toBe('ВПР · Математика · 5 класс');
    await expect(sheet.textContent()).resolves.toMatch(/\d+ учени(к|ка|ков)(, не было \d+)? · классы 5А, 5Б, 5В/);
    // An ФИС ОКО export carries its date: shown as the user writes it.
    await expect(page.locator('#works li', { hasText: 'МА 4 Индивидуальные результаты' }).locator('.facts').textContent()).resolves.toMatch(
      /^ВПР · Математика · 4 класс · \d\d\.\d\d\.2026$/,
    );
    await expect(page.locator('#sheets li', { hasText: 'Классы и учителя' }).textContent()).resolves.toContain('учителя');
    const overview = sample.call('getDataOverview', []);
    if (!overview.ok) throw new Error(overview.message);
    const { errors, warnings } = overview.value as DataOverview;
    expect(errors).toBe(0);
    await expect(page.locator('.counts').textContent()).resolves.toBe(
      errors + warnings === 0 ? UI.data.healthy : UI.data.counts(errors, warnings),
    );
    // 300 px and nothing sticks out sideways.
    expect(await js<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await sheet.getByRole('button').first().click();
    await idle(page);
    expect(sample.gas.ss.active?.sheet.title).toBe('ВПР 2026 Математика 5 класс');
    await screenshot(page, 'sidebar-data');
    await page.close();
  });

  it('works from the keyboard: tabs with arrows, Enter on links, visible focus', async () => {
    const page = await openSidebar(sample);
    const tab = (name: string) => page.getByRole('tab', { name });
    // The selected tab is the one tab stop of the tab list.
    await page.keyboard.press('Tab');
    await expect(js(page, 'document.activeElement?.textContent')).resolves.toBe(UI.sections.data);
    await page.keyboard.press('ArrowRight');
    await expect(tab(UI.sections.settings).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(js(page, 'document.activeElement?.textContent')).resolves.toBe(UI.sections.settings);
    await expect(page.locator('#panel-settings').isVisible()).resolves.toBe(true);
    await page.keyboard.press('End');
    await expect(tab(UI.sections.filter).getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Home');
    await expect(tab(UI.sections.data).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(tab(UI.sections.analysis).getAttribute('tabindex')).resolves.toBe('-1');
    // Tab → the panel, Tab → «Обновить»: focus is drawn.
    await page.keyboard.press('Tab');
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('panel-data');
    await page.keyboard.press('Tab');
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('refresh');
    const outline = await js<string>(page, 'getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    // Enter on a sheet link moves the cursor in the spreadsheet; Space works too.
    await page.locator('#other-sheets > summary').click();
    await page.locator('#sheets li', { hasText: 'Шкала отметок' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await idle(page);
    expect(sample.gas.ss.active?.sheet.title).toBe('Шкала отметок');
    await page.locator('#sheets li', { hasText: 'План заданий' }).getByRole('button').focus();
    await page.keyboard.press('Space');
    await idle(page);
    expect(sample.gas.ss.active?.sheet.title).toBe('План заданий');
    await page.close();
  });

  it('runs the steps with progress, buttons disabled meanwhile, then a summary whose links jump to the tabs', async () => {
    const backend = sampleBackend();
    const page = await openSidebar(backend);
    await section(page, UI.sections.analysis);
    const steps = page.locator('.steps .step');
    await expect(steps.count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.locator('.steps label').allTextContents()).resolves.toEqual(
      expect.arrayContaining([UI.steps.analysis.title, UI.steps.risk.title, UI.steps.objectivity.title]),
    );
    h.server.latencyMs = 400;
    await page.locator('#run').click();
    // While a call runs: the run button is disabled, the first step is running, the progress bar shows.
    await page.locator('.step[data-state="running"]').first().waitFor();
    await expect(page.locator('#run').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#refresh').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#progress').isVisible()).resolves.toBe(true);
    await expect(page.locator('#cancel').isEnabled()).resolves.toBe(true);
    await expect(page.locator('#step-analysis-on').isDisabled()).resolves.toBe(true);
    await idle(page);
    await expect(page.locator('#run').isDisabled()).resolves.toBe(false);
    // The roadmap is a step of its own (test/browser/roadmap.test.ts): not ticked while its form is empty.
    expect(await stepStates(page)).toEqual(['done', 'done', 'done', 'off']);
    await expect(page.locator('#run-status').textContent()).resolves.toBe(UI.analysis.done);
    await expect(page.locator('#run-counts').textContent()).resolves.toMatch(/^Выполнено шагов: 3 из 3\. Заняло \d+\s(с|мин\s\d\d\sс)\.$/);
    const progress = await js<number[]>(page, "[document.getElementById('progress').value, document.getElementById('progress').max]");
    expect(progress[0]).toBe(progress[1]);
    const summary = page.locator('#summary');
    await expect(summary.textContent()).resolves.toContain('ВПР 2026 Математика 5 класс');
    await expect(summary.textContent()).resolves.toMatch(
      /5А: (\d+ из \d+ заданий выполнен[оы] недостаточно|все задания выполнены достаточно)/,
    );
    await expect(summary.textContent()).resolves.toMatch(/В группе риска \d+ учени(к|ка|ков) — список с причинами/);
    await expect(summary.textContent()).resolves.toMatch(/Признаков (для проверки: \d+|необъективности не найдено)/);
    await screenshot(page, 'sidebar-analysis');

    // Works fold to their titles; a class line leads to the class's «% выполнения» row of its matrix.
    const ru5 = summary.locator('details').filter({ has: page.locator('summary', { hasText: /^ВПР 2026 Русский язык 5 класс$/ }) });
    await expect(ru5.getAttribute('open')).resolves.toBeNull();
    await ru5.locator('summary').click();
    await ru5.getByRole('button', { name: /^5А: / }).click();
    await idle(page);
    const active = backend.gas.ss.active;
    expect(active?.sheet.title.startsWith('Матрица дефицитов · РУ 5')).toBe(true);
    const row = Number(active?.a1.replace(/^[A-Z]+/, ''));
    expect(active?.sheet.peek(row, 1)?.value).toBe('5А');
    expect(active?.sheet.peek(row, 2)?.value).toBe('% выполнения');
    // A tab link of the summary.
    await summary.getByRole('button', { name: S.tabs.risk, exact: true }).click();
    await idle(page);
    expect(backend.gas.ss.active?.sheet.title).toBe(S.tabs.risk);
    await page.close();
  });

  it('stops after the running step when asked, leaving the other steps\u2019 tabs as they were', async () => {
    const backend = sampleBackend();
    backend.call('runStep', ['analysis']);
    backend.call('runStep', ['risk']);
    const riskBefore = backend.gas.ss.tab(S.tabs.risk);
    const page = await openSidebar(backend);
    await section(page, UI.sections.analysis);
    h.server.latencyMs = 600;
    await page.locator('#run').click();
    await page.locator('.step[data-state="running"]').first().waitFor();
    await page.locator('#cancel').click();
    await idle(page);
    expect(await stepStates(page)).toEqual(['done', 'skipped', 'skipped', 'off']);
    await expect(page.locator('#run-status').textContent()).resolves.toBe(UI.analysis.cancelled);
    // Honest counts: one of three done, two not run — never «3 из 3».
    await expect(page.locator('#run-counts').textContent()).resolves.toMatch(/^Выполнено: 1 из 3, не запускались: 2\./);
    // The risk step did not run: its tab is the very same sheet.
    expect(backend.gas.ss.tab(S.tabs.risk)).toBe(riskBefore);
    await page.close();
  });

  it('shows a score above the maximum as an error with a link to its cell, and runs nothing', async () => {
    const rows = smallProtocol();
    (rows[2] as unknown[])[2] = 3; // task 1 (max 2) of 10002: row 3, column C
    const backend = protocolBackend(rows);
    const page = await openSidebar(backend);
    await expect(page.locator('.counts').textContent()).resolves.toMatch(/^Ошибок: 1, предупреждений: \d+\.$/);
    const problem = page.locator('#problems li.problem-error');
    await expect(problem.textContent()).resolves.toContain('Лист «Протокол», ячейка C3 (строка 3, столбец C)');
    await expect(problem.textContent()).resolves.toContain('больше максимального (2)');
    await problem.getByRole('button').click();
    await idle(page);
    expect(backend.gas.ss.active).toMatchObject({ a1: 'C3' });
    expect(backend.gas.ss.active?.sheet.title).toBe('Протокол');
    await screenshot(page, 'sidebar-error');

    await section(page, UI.sections.analysis);
    await page.locator('#run').click();
    await idle(page);
    await expect(page.locator('#run-status').textContent()).resolves.toBe(UI.analysis.stoppedOnErrors);
    await expect(page.locator('.step').first().getAttribute('data-state')).resolves.toBe('failed');
    await expect(page.locator('#summary').textContent()).resolves.toContain('ячейка C3');
    // Honest counts after a failure: none done, one failed, the rest not run.
    await expect(page.locator('#run-counts').textContent()).resolves.toMatch(/^Выполнено: 0 из 3, с ошибкой: 1, не запускались: 2\./);
    expect(backend.gas.ss.tabNames()).toEqual(['Протокол']);
    await page.close();
  });

  it('validates settings in the form and on the server, and saves a good value to the sheet', async () => {
    const backend = protocolBackend();
    const page = await openSidebar(backend);
    await section(page, UI.sections.settings);
    const first = page.getByLabel('Базовое задание: «достаточно» от, %');
    const uncertain = page.getByLabel('Базовое задание: «на грани» от, %');
    // No sheet yet: the fields show the defaults the analysis uses.
    await expect(first.inputValue()).resolves.toBe('60');
    await expect(page.locator('#panel-settings').textContent()).resolves.toContain(UI.settings.missingSheet);

    // Client side: not a number, out of range — refused with a message, nothing sent.
    const saves = () => backend.gas.log.count('Spreadsheet.insertSheet') + backend.gas.log.count('Range.setValues');
    await page.locator('#settings-defaults').click();
    await first.fill('abc');
    await page.locator('#settings-save').click();
    await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#set-deficit-basicSufficient-err').textContent()).resolves.toBe(UI.settings.invalidNumber);
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('set-deficit-basicSufficient');
    await first.fill('150');
    await page.locator('#settings-save').click();
    await expect(page.locator('#set-deficit-basicSufficient-err').textContent()).resolves.toBe(UI.settings.outOfRange(0, 100));
    expect(saves()).toBe(0);

    // Server side: «на грани» above «достаточно» passes the form but not the server; nothing written.
    await first.fill('60');
    await uncertain.fill('70');
    await page.locator('#settings-save').click();
    await idle(page);
    await expect(uncertain.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#set-deficit-basicUncertain-err').textContent()).resolves.toMatch(/должно быть не больше/);
    expect(backend.gas.ss.tabNames()).toEqual(['Протокол']);
    await screenshot(page, 'sidebar-settings-refused');

    // A good value: the sheet is created with the defaults and the value.
    await uncertain.fill('57');
    await first.fill('65,5');
    await page.locator('#settings-save').click();
    await idle(page);
    await expect(page.locator('#panel-settings .status').textContent()).resolves.toContain(UI.settings.created);
    const sheet = backend.gas.ss.tab(S.tabs.settings);
    expect(sheet.peek(2, 1)?.value).toBe('Базовое задание: «достаточно» от, %');
    expect(sheet.peek(2, 2)?.value).toBe(65.5);
    expect(sheet.peek(3, 2)?.value).toBe(57);
    expect(sheet.peek(2, 4)?.value).toBe('deficit.basicSufficient');

    // Saving again writes only the value cells, in one call, into the same sheet.
    await first.fill('64');
    backend.gas.log.reset();
    await page.locator('#settings-save').click();
    await idle(page);
    await expect(page.locator('#panel-settings .status').textContent()).resolves.toBe(UI.settings.saved(SETTING_DEFS.length));
    expect(backend.gas.log.count('Range.setValues')).toBe(1);
    expect(backend.gas.log.count('Spreadsheet.insertSheet')).toBe(0);
    expect(backend.gas.ss.tab(S.tabs.settings)).toBe(sheet);
    expect(sheet.peek(2, 2)?.value).toBe(64);
    expect(sheet.peek(2, 1)?.value).toBe('Базовое задание: «достаточно» от, %');
    await page.close();
  });

  it('shows hostile cell contents as text: no element made, no dialog', async () => {
    const rows = smallProtocol();
    (rows[1] as unknown[])[0] = HOSTILE;
    (rows[2] as unknown[])[0] = HOSTILE;
    const backend = protocolBackend(rows, [{ name: '<b onclick=alert(2)>Заметки</b>', rows: [['<script>alert(3)</script>']] }]);
    const page = await openSidebar(backend);
    const problems = page.locator('#problems');
    await expect(problems.textContent()).resolves.toContain(`Код участника «${HOSTILE}» повторяется`);
    await expect(page.locator('#sheets').textContent()).resolves.toContain('<b onclick=alert(2)>Заметки</b>');
    await expect(page.locator('img, b').count()).resolves.toBe(0);
    await expect(page.locator('#app script').count()).resolves.toBe(0);
    await page.locator('#problems li.problem-error').getByRole('button').click();
    await idle(page);
    await page.waitForTimeout(200);
    expect(dialogs.get(page)).toEqual([]);
    await screenshot(page, 'sidebar-hostile');
    await page.close();
  });

  it('shows a readable Russian message when a call fails, on the server or on the way', async () => {
    const backend = protocolBackend();
    const page = await openSidebar(backend);
    await section(page, UI.sections.analysis);
    backend.gas.lockService.lock.busy = true;
    await page.locator('#run').click();
    await idle(page);
    // Beside the run bar, not at the top of the panel.
    await expect(page.locator('#run-error').textContent()).resolves.toMatch(
      /^Ошибка: Дефициты и статистика: Анализ уже выполняется в этой таблице/,
    );
    await expect(page.locator('.step').first().getAttribute('data-state')).resolves.toBe('failed');
    backend.gas.lockService.lock.busy = false;

    // The network fails: Google's English message is wrapped in a Russian one.
    await page.route('**/api/call', (route) => route.abort('connectionfailed'));
    await page.locator('#run').click();
    await idle(page);
    await expect(page.locator('#run-error').textContent()).resolves.toMatch(
      /^Ошибка: Дефициты и статистика: Не удалось выполнить запрос к Google Таблицам \(.+\)\. Проверьте подключение/,
    );
    await expect(page.locator('#run-error').getAttribute('role')).resolves.toBe('alert');
    await page.unroute('**/api/call');
    await page.close();
  });

  it('the preview page shows the workbook beside the sidebar', async () => {
    h.server.setBackend(sample);
    const page = await h.browser.page(1200, 800);
    await page.goto(h.server.url);
    const frame = page.frameLocator('#sidebar');
    await frame.locator('body[aria-busy="false"]').waitFor();
    await expect(page.frameLocator('#book').locator('nav').textContent()).resolves.toContain('ВПР 2026 Математика 5 класс');
    await expect(page.title()).resolves.toContain(SAMPLE_BOOK);
    await screenshot(page, 'preview');
    await page.close();
  });
});
