// The roadmap step of the sidebar in Chromium, over the built bundle and the in-memory fake (the same
// setup as `npm run preview`): the form with the server's defaults, a run with its summary and links,
// a readable refusal, marks typed into the roadmap tab kept by the next run, «Создать шаблон», the
// menu «Дорожная карта…» and «Запустить» skipping the step while its form is empty.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../src/core/roadmap/library';
import { S, UI } from '../../src/core/strings';
import type { FakeSheet } from '../fakes';
import { type LocalBackend, sampleBackend } from './backend';
import { screenshot } from './chromium';
import { idle, js, useSidebar } from './harness';

const PROCEDURE = 'ВПР 2026 Математика 5 класс';
const TAB = 'Дорожная карта · ВПР-2026 МА 5';
/** The roadmap's per-student routes (the sample school's 5th-grade mathematics has at-risk students). */
const IOM_TAB = 'ДК · ВПР-2026 МА 5 · ИОМ';

const h = useSidebar(() => sampleBackend());

/** The sidebar on `backend`, «Анализ» shown; alert/confirm dialogs are recorded (there must be none). */
async function openAnalysis(backend: LocalBackend, dialogs: string[] = [], showAnalysis = true): Promise<Page> {
  h.server.setBackend(backend);
  const page = await h.browser.page(300, 1400);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${h.server.url}sidebar`);
  await idle(page);
  await page.locator('#works ul, #works p').first().waitFor({ state: 'attached' });
  if (showAnalysis) await page.getByRole('tab', { name: UI.sections.analysis }).click();
  return page;
}

/** Only the roadmap step is ticked. */
async function onlyRoadmap(page: Page): Promise<void> {
  for (const id of ['analysis', 'risk', 'objectivity']) await page.locator(`#step-${id}-on`).uncheck();
  await page.locator('#step-roadmap-on').check();
}

async function fillForm(page: Page, year?: string): Promise<void> {
  await page.getByLabel(UI.roadmap.template, { exact: true }).selectOption('region-model-roadmap');
  if (year !== undefined) await page.getByLabel(UI.roadmap.year, { exact: true }).fill(year);
  await page.getByLabel(UI.roadmap.procedure, { exact: true }).fill(PROCEDURE);
  await page.getByLabel(UI.roadmap.resultsDate, { exact: true }).fill('2026-05-15');
}

async function run(page: Page): Promise<void> {
  await page.locator('#run').click();
  await idle(page);
}

function statusCell(sheet: FakeSheet): { row: number; col: number } {
  const values = sheet.snapshot();
  const h = values.findIndex((r) => r.includes('Статус') && r.includes('Ключ'));
  const col = (values[h] as unknown[]).indexOf('Статус') + 1;
  const keyCol = (values[h] as unknown[]).indexOf('Ключ') + 1;
  const row = values.findIndex((r, i) => i > h && String(r[keyCol - 1]).startsWith('act:')) + 1;
  return { row, col };
}

describe('the roadmap step in the sidebar', () => {
  it('offers the form with the server\u2019s defaults, runs it, and shows the summary with links to both tabs', async () => {
    const backend = sampleBackend();
    const dialogs: string[] = [];
    const page = await openAnalysis(backend, dialogs);
    const form = page.locator('#rm-form');
    // A step of its own: not ticked and its form folded away until the user asks for it.
    await expect(page.locator('#step-roadmap-on').isChecked()).resolves.toBe(false);
    await expect(form.isVisible()).resolves.toBe(false);
    await page.locator('#step-roadmap-on').check();
    await expect(form.isVisible()).resolves.toBe(true);
    // Defaults from the server: no template yet, the current academic year (Sep–Aug), the first analysed work.
    await expect(page.getByLabel(UI.roadmap.template, { exact: true }).inputValue()).resolves.toBe('');
    const now = new Date();
    const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
    await expect(page.getByLabel(UI.roadmap.year, { exact: true }).inputValue()).resolves.toBe(`${start}/${start + 1}`);
    await expect(page.getByLabel(UI.roadmap.procedure, { exact: true }).inputValue()).resolves.toMatch(/^ВПР 2026 /);
    const suggestions = await js<string[]>(page, "[...document.querySelectorAll('#rm-procedures option')].map((o) => o.value)");
    expect(suggestions).toContain(PROCEDURE);
    const templates = await js<string[]>(page, "[...document.querySelectorAll('#rm-template option')].map((o) => o.value)");
    expect(templates).toEqual([
      '',
      'school-complex-analysis',
      'school-objectivity-plan',
      'region-model-roadmap',
      'school-objectivity-roadmap',
      'municipal-low-results',
    ]);
    // Short names in the picker (full titles run up to 244 characters).
    const names = await js<string[]>(page, "[...document.querySelectorAll('#rm-template option')].map((o) => o.textContent)");
    expect(names.slice(1)).toEqual(builtInTemplates().map((t) => t.shortTitle));
    for (const level of ['НШ', 'ОШ', 'СШ']) await expect(page.getByLabel(level, { exact: true }).isChecked()).resolves.toBe(true);
    expect(await js<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);

    await onlyRoadmap(page);
    await fillForm(page, '2026/2027');
    await run(page);
    await expect(page.locator('#step-roadmap').getAttribute('data-state')).resolves.toBe('done');
    const summary = page.locator('#summary');
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain(TAB);
    expect(text).toMatch(/Мероприятий: \d+ \(выполнено 0, в работе 0, не начато \d+, отменено 0\)\./);
    expect(text).toMatch(/Выполнение: 0 % \(выполнено 0 из \d+ неотменённых\)\./);
    expect(text).toMatch(/Просрочено на \d\d\.\d\d\.\d{4}: \d+\.|Просроченных на \d\d\.\d\d\.\d{4} нет\./);
    // The tabs were written: the roadmap, its «ИОМ» tab, then «Исполнение»; the step lists them as links.
    expect(backend.gas.ss.tabNames().slice(-3)).toEqual([TAB, IOM_TAB, S.tabs.execution]);
    await expect(page.locator('#step-roadmap .tabs-here').textContent()).resolves.toBe(
      `${UI.analysis.tabsHere} ${TAB}, ${IOM_TAB}, ${S.tabs.execution}`,
    );
    await screenshot(page, 'sidebar-roadmap');
    await summary.getByRole('button', { name: S.tabs.execution, exact: true }).click();
    await idle(page);
    expect(backend.gas.ss.active?.sheet.title).toBe(S.tabs.execution);
    await summary.getByRole('button', { name: TAB, exact: true }).click();
    await idle(page);
    expect(backend.gas.ss.active?.sheet.title).toBe(TAB);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the school year follows the results date until the user types a year', async () => {
    const page = await openAnalysis(sampleBackend());
    await page.locator('#step-roadmap-on').check();
    const year = page.getByLabel(UI.roadmap.year, { exact: true });
    const results = page.getByLabel(UI.roadmap.resultsDate, { exact: true });
    for (const [date, label] of [
      ['2026-05-15', '2026/2027'], // right after a spring ВПР: the coming year
      ['2026-10-10', '2026/2027'],
      ['2027-02-01', '2026/2027'],
      ['2025-05-15', '2025/2026'],
    ]) {
      await results.fill(date as string);
      await expect(year.inputValue(), date).resolves.toBe(label);
    }
    await year.fill('2030');
    await results.fill('2026-05-15');
    await expect(year.inputValue()).resolves.toBe('2030');
    await page.close();
  });

  it('shows a readable message for a bad year and writes nothing', async () => {
    const backend = sampleBackend();
    const page = await openAnalysis(backend);
    const before = backend.gas.ss.tabNames();
    await onlyRoadmap(page);
    await fillForm(page, 'абв');
    await run(page);
    await expect(page.locator('#step-roadmap').getAttribute('data-state')).resolves.toBe('failed');
    await expect(page.locator('#run-status').textContent()).resolves.toBe(UI.roadmap.refused);
    await expect(page.locator('#summary').textContent()).resolves.toContain(S.roadmap.yearBad('абв'));
    await expect(page.locator('#error').isHidden()).resolves.toBe(true);
    expect(backend.gas.ss.tabNames()).toEqual(before);
    await screenshot(page, 'sidebar-roadmap-refused');
    await page.close();
  });

  it('keeps a status typed into the roadmap tab when the roadmap is built again', async () => {
    const backend = sampleBackend();
    const page = await openAnalysis(backend);
    await onlyRoadmap(page);
    await fillForm(page);
    await run(page);
    await expect(page.locator('#step-roadmap').getAttribute('data-state')).resolves.toBe('done');
    // A user marks the first activity done in the spreadsheet.
    const tab = backend.gas.ss.tab(TAB);
    const at = statusCell(tab);
    tab.getRange(at.row, at.col, 1, 1).setValues([['Выполнено']]);
    const title = tab.peek(at.row, at.col - 7)?.value;

    await run(page);
    await expect(page.locator('#step-roadmap').getAttribute('data-state')).resolves.toBe('done');
    const again = backend.gas.ss.tab(TAB);
    // The same sheet, rewritten in place: links and formulas pointing at it keep working.
    expect(again).toBe(tab);
    const now = statusCell(again);
    expect(again.peek(now.row, now.col)?.value).toBe('Выполнено');
    expect(again.peek(now.row, now.col - 7)?.value).toBe(title);
    const text = (await page.locator('#summary').textContent()) ?? '';
    expect(text).toMatch(/Мероприятий: \d+ \(выполнено 1, /);
    expect(text).toMatch(/Перенесено отметок с прежней версии карты: \d+/);
    await page.close();
  });

  it('«Запустить» leaves the roadmap alone while its form is empty; ticked with an empty form, it runs nothing and says so at the form', async () => {
    const backend = sampleBackend();
    const page = await openAnalysis(backend);
    const states = () => js<string[]>(page, "[...document.querySelectorAll('.step')].map((e) => e.dataset.state)");
    // Not ticked: the other steps run, the roadmap is not counted as «не запускался».
    await run(page);
    expect(await states()).toEqual(['done', 'done', 'done', 'off']);
    await expect(page.locator('#run-counts').textContent()).resolves.toMatch(/^Выполнено шагов: 3 из 3\./);
    await expect(page.locator('#summary').textContent()).resolves.not.toContain(UI.roadmap.notFilled(UI.steps.roadmap.title));
    // Ticked with no template: nothing starts, the cursor goes to the template.
    const before = backend.gas.log.count('Range.setValues');
    await page.locator('#step-roadmap-on').check();
    await page.locator('#run').click();
    await expect(page.locator('#run-status').textContent()).resolves.toBe(UI.roadmap.fillFirst);
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('rm-template');
    expect(backend.gas.log.count('Range.setValues')).toBe(before);
    expect(backend.gas.ss.tabNames().some((n) => n.startsWith('Дорожная карта'))).toBe(false);
    await page.close();
  });

  it('the menu «Дорожная карта…» opens the panel on the form; «Создать шаблон» copies the chosen template once', async () => {
    const backend = sampleBackend();
    backend.bundle.call('menuRoadmap');
    const page = await openAnalysis(backend, [], false);
    await expect(page.getByRole('tab', { name: UI.sections.analysis }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('rm-template');

    await page.locator('#rm-copy').click();
    await expect(page.locator('#rm-status').textContent()).resolves.toBe(UI.roadmap.chooseTemplateFirst);
    await page.getByLabel(UI.roadmap.template, { exact: true }).selectOption('school-objectivity-plan');
    await page.locator('#rm-copy').click();
    await idle(page);
    await expect(page.locator('#rm-status').textContent()).resolves.toMatch(
      /^Шаблон «План по объективности оценивания \(школа\)» скопирован на лист «Шаблон дорожной карты»/,
    );
    // The template is named by its short title; its internal id never reaches the user.
    await expect(page.locator('#rm-status').textContent()).resolves.not.toContain('school-objectivity-plan');
    expect(backend.gas.ss.tabNames()).toContain(S.tabs.roadmapTemplate);
    const options = await js<string[]>(page, "[...document.querySelectorAll('#rm-template option')].map((o) => o.value)");
    expect(options.at(-1)).toBe('лист');
    await page.locator('#rm-copy').click();
    await idle(page);
    await expect(page.locator('#rm-status').textContent()).resolves.toBe(S.roadmap.templateSheetExists(S.tabs.roadmapTemplate));
    // The menu item takes the template the form remembers.
    backend.bundle.call('menuRoadmapTemplate');
    expect(backend.gas.ui.alerts.at(-1)?.prompt).toBe(S.roadmap.templateSheetExists(S.tabs.roadmapTemplate));
    await page.close();
  });
});
