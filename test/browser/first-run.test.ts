// A first-time user's hour, in Chromium at 300 × 700 px (the panel on a laptop-height window): what is
// in view without scrolling is checked with element bounding boxes against the viewport. An empty
// spreadsheet (numbered first steps, no «ошибка», the example school), a healthy school (the first steps
// and the works above the fold, information notes folded behind a count), a school with errors (the error
// first, «Указать» for what ОКО could not read), settings filled with the defaults, and «Анализ»: the run
// bar in view during a run, honest counts, «Что дальше». Same setup as test/browser/sidebar.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SETTING_DEFS } from '../../src/core/settings';
import { S, UI } from '../../src/core/strings';
import { smallProtocol } from '../sheets/fixtures';
import { createBackend, type LocalBackend, sampleBackend } from './backend';
import { screenshot } from './chromium';
import { idle, js, useSidebar } from './harness';

const W = 300;
const H = 700;

const h = useSidebar(() => createBackend('Новая таблица', [{ name: 'Лист1', rows: [] }]));

async function open(backend: LocalBackend): Promise<Page> {
  h.server.setBackend(backend);
  const page = await h.browser.page(W, H);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${h.server.url}sidebar`);
  await idle(page);
  await page.locator('#works ul, #works p').first().waitFor();
  return page;
}

/** The element is shown (not folded away, not hidden) and lies wholly inside the 300 × 700 viewport as it is scrolled now. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return js<boolean>(
    page,
    `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return false;
      const r = e.getBoundingClientRect(); if (!e.checkVisibility() || r.width === 0 || r.height === 0) return false;
      return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; })()`,
  );
}

/** Texts of the visible elements matching `selector` that are at least partly in the viewport. */
function visibleTexts(page: Page, selector: string): Promise<string[]> {
  return js<string[]>(
    page,
    `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => { const r = e.getBoundingClientRect();
      return e.checkVisibility() && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight; }).map((e) => e.textContent.trim())`,
  );
}

const scrollTop = (page: Page) => js<number>(page, 'window.scrollY');

describe('the first run at 300 × 700', () => {
  it('an empty spreadsheet: numbered first steps and the example in view, no «ошибка»; the example opens and leads to a run', async () => {
    const backend = createBackend('Новая таблица', [{ name: 'Лист1', rows: [] }]);
    const page = await open(backend);
    expect(await scrollTop(page)).toBe(0);
    const body = (await page.locator('#app').textContent()) ?? '';
    expect(body).not.toContain(UI.data.severity.error);
    expect(body).not.toContain('«Новая таблица»');
    await expect(page.locator('.problem-error').count()).resolves.toBe(0);
    expect(await inView(page, '#first-steps h2')).toBe(true);
    expect(await js<string[]>(page, "[...document.querySelectorAll('.first-step')].map((e) => e.dataset.state)")).toEqual([
      'now',
      'later',
      'later',
    ]);
    expect(await inView(page, '#open-example')).toBe(true);
    expect(await js<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(W);
    await screenshot(page, 'first-run-empty');
    await expect(page.locator('#docs-blocked').textContent()).resolves.toBe(UI.docs.noData);

    await page.locator('#open-example').click();
    await idle(page);
    await page.locator('#works li').first().waitFor();
    await expect(page.locator('#data-status').textContent()).resolves.toMatch(/^Пример записан на листы «Пример · Математика 4»/);
    expect(backend.gas.ss.tabNames()).toEqual(['Лист1', 'Пример · Математика 4', 'Пример · Русский язык 4', 'Классы и учителя']);
    // Each work with its subject, grade and date; step 1 and 2 done, step 3 now, its button in view.
    await expect(page.locator('#works li .facts').allTextContents()).resolves.toEqual([
      'ВПР · Математика · 4 класс · 15.04.2026',
      'ВПР · Русский язык · 4 класс · 17.04.2026',
    ]);
    expect(await js<string[]>(page, "[...document.querySelectorAll('.first-step')].map((e) => e.dataset.state)")).toEqual([
      'done',
      'done',
      'now',
    ]);
    expect(await inView(page, '#go-run')).toBe(true);
    expect(await inView(page, '#remove-example')).toBe(true);
    await screenshot(page, 'first-run-example');

    // «Перейти к анализу»: «Анализ» with «Запустить» under the cursor, in view.
    await page.locator('#go-run').click();
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('run');
    expect(await inView(page, '#run')).toBe(true);
    await expect(page.locator('#progress-label').textContent()).resolves.toMatch(/^Выбрано шагов: 3 — примерно \d+\s(с|мин\s\d\d\sс)\.$/);

    // During a run the bar stays in view, wherever the panel is scrolled, with the step and its time.
    h.server.latencyMs = 700;
    await page.locator('#run').click();
    await page.locator('.step[data-state="running"]').first().waitFor();
    await js(page, 'window.scrollTo(0, document.body.scrollHeight)');
    expect(await scrollTop(page)).toBeGreaterThan(0);
    expect(await inView(page, '#runbar')).toBe(true);
    expect(await inView(page, '#progress')).toBe(true);
    await expect(page.locator('#progress-label').textContent()).resolves.toMatch(/^Шаг [123] из 3: /);
    await expect(page.locator('#run-timer').textContent()).resolves.toMatch(/^\d:\d\d \/ ~\d+:\d\d/);
    await idle(page);
    h.server.latencyMs = 0;

    // After it: honest counts, and «Что дальше» in view with the weakest class first.
    await expect(page.locator('#run-counts').textContent()).resolves.toMatch(/^Выполнено шагов: 3 из 3\./);
    expect(await inView(page, '#run-counts')).toBe(true);
    expect(await inView(page, '#next-h')).toBe(true);
    const first = page.locator('#next li').first();
    await expect(first.textContent()).resolves.toMatch(
      /^Откройте матрицу дефицитов самого слабого класса: 4В, ВПР 2026 (Математика|Русский язык) 4 класс — недостаточно выполнено \d+ из \d+ заданий$/,
    );
    await expect(page.locator('#next').textContent()).resolves.toContain(UI.analysis.nextDocs);
    await expect(page.locator('#next').textContent()).resolves.toContain(UI.analysis.nextRoadmap);
    await screenshot(page, 'first-run-analysis');
    await first.getByRole('button').click();
    await idle(page);
    const active = backend.gas.ss.active;
    expect(active?.sheet.title.startsWith(`${S.tabs.matrix} · `)).toBe(true);
    const row = Number(active?.a1.replace(/^[A-Z]+/, ''));
    expect(active?.sheet.peek(row, 1)?.value).toBe('4В');

    // «Построить дорожную карту» from «Что дальше»: the roadmap step ticked, its form under the cursor.
    await page.locator('#next-roadmap').click();
    await expect(page.locator('#step-roadmap-on').isChecked()).resolves.toBe(true);
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('rm-template');
    expect(await inView(page, '#rm-template')).toBe(true);

    // The example leaves when asked; the user's own sheet stays.
    await page.getByRole('tab', { name: UI.sections.data }).click();
    await page.locator('#remove-example').click();
    await idle(page);
    expect(backend.gas.ss.tabNames().filter((n) => !n.startsWith(`${S.tabs.matrix} · `) && !n.includes('·'))).toContain('Лист1');
    expect(backend.gas.ss.tabNames().some((n) => n.startsWith('Пример'))).toBe(false);
    await page.close();
  });

  it('a healthy school: the first steps and the first works above the fold, the ~30 information notes folded behind a count', async () => {
    const page = await open(sampleBackend());
    expect(await inView(page, '#first-steps')).toBe(true);
    expect(await inView(page, '#go-run')).toBe(true);
    // The list of works starts on the first screen.
    expect(await inView(page, '#works-h')).toBe(true);
    expect(await inView(page, '#works li:first-child .sheet-name')).toBe(true);
    // Notes: one line with their count, closed; none of them in view.
    const notes = page.locator('#info-notes');
    await expect(notes.getAttribute('open')).resolves.toBeNull();
    await expect(notes.locator('summary').textContent()).resolves.toMatch(/^Сведения \(\d{2}\)/);
    expect(await inView(page, '#info-notes > summary')).toBe(true);
    expect(await visibleTexts(page, '#problems li')).toEqual([]);
    expect(await visibleTexts(page, '.severity.info')).toEqual([]);
    await screenshot(page, 'first-run-healthy');
    await page.close();
  });

  it('a school with errors: the error is in view first; «Указать» names the work\u2019s subject and grade', async () => {
    const rows = smallProtocol();
    (rows[2] as unknown[])[2] = 3; // task 1 (max 2) of 10002: row 3, column C
    const backend = createBackend('Новая таблица', [{ name: 'Протокол', rows }]);
    const page = await open(backend);
    expect(await inView(page, '.counts.has-errors')).toBe(true);
    expect(await inView(page, '#problems li.problem-error')).toBe(true);
    await expect(page.locator('#problems li.problem-error').textContent()).resolves.toContain('ячейка C3');
    expect(await js<string[]>(page, "[...document.querySelectorAll('.first-step')].map((e) => e.dataset.state)")).toEqual([
      'done',
      'now',
      'later',
    ]);
    await screenshot(page, 'first-run-errors');
    // Documents wait for the data to be fixed, and say so.
    await expect(page.locator('#docs-blocked').textContent()).resolves.toBe(UI.docs.fixFirst);
    await expect(page.locator('#docs-form').count()).resolves.toBe(1);
    await expect(js<boolean>(page, "document.getElementById('docs-form').checkVisibility()")).resolves.toBe(false);

    // The work lacks a subject and a grade: «Указать» asks for them and puts them into the sheet's name.
    const work = page.locator('#works li').first();
    await expect(work.locator('.missing').textContent()).resolves.toContain(UI.data.subjectUnknown);
    await work.getByRole('button', { name: UI.data.describe }).click();
    await work.getByLabel(UI.data.subject).selectOption('Математика');
    await work.getByLabel(UI.data.grade).fill('4');
    await work.getByRole('button', { name: UI.data.describeSave }).click();
    await idle(page);
    await page.locator('#works li .facts', { hasText: 'Математика' }).waitFor();
    expect(backend.gas.ss.tabNames()).toEqual(['Протокол · Математика 4 класс']);
    await expect(page.locator('#works li .facts').first().textContent()).resolves.toBe('Процедура · Математика · 4 класс');
    await expect(page.locator('#data-status').textContent()).resolves.toContain('переименован');
    await page.close();
  });

  it('settings open filled with the defaults; changing one value saves it, with no «Нужно число.»', async () => {
    const backend = createBackend('Форма сбора результатов ВПР Математика 4 класс', [{ name: 'Протокол', rows: smallProtocol() }]);
    const page = await open(backend);
    await page.getByRole('tab', { name: UI.sections.settings }).click();
    await idle(page);
    const values = await js<string[]>(page, "[...document.querySelectorAll('#panel-settings input')].map((i) => i.value)");
    expect(values).toEqual(SETTING_DEFS.map((d) => String(d.default).replace('.', ',')));
    await page.getByLabel('Базовое задание: «достаточно» от, %').fill('62');
    // An emptied field stands for its default.
    await page.getByLabel('Базовое задание: «на грани» от, %').fill('');
    await page.locator('#settings-save').click();
    await idle(page);
    await expect(js<number>(page, "[...document.querySelectorAll('.field-error')].filter((e) => !e.hidden).length")).resolves.toBe(0);
    await expect(page.locator('#panel-settings').textContent()).resolves.not.toContain(UI.settings.invalidNumber);
    await expect(page.locator('#panel-settings .status').textContent()).resolves.toContain(UI.settings.created);
    const sheet = backend.gas.ss.tab(S.tabs.settings);
    // Russian names first on the sheet; the key last.
    expect(sheet.snapshot()[0]?.[0]).toBe('Параметр');
    expect(sheet.peek(2, 1)?.value).toBe('Базовое задание: «достаточно» от, %');
    expect(sheet.peek(2, 2)?.value).toBe(62);
    expect(sheet.peek(3, 2)?.value).toBe(57);
    await page.close();
  });

  it('«Анализ» on a healthy school: «Запустить» and the expected time in view before the run', async () => {
    const page = await open(sampleBackend());
    await page.getByRole('tab', { name: UI.sections.analysis }).click();
    expect(await inView(page, '#run')).toBe(true);
    expect(await inView(page, '#progress-label')).toBe(true);
    await expect(page.locator('#progress-label').textContent()).resolves.toMatch(/^Выбрано шагов: 3 — примерно/);
    // The roadmap is not ticked with an empty form.
    await expect(page.locator('#step-roadmap').getAttribute('data-state')).resolves.toBe('off');
    await page.close();
  });
});
