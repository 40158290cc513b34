// «Фильтр ШМО» in Chromium: the built sidebar (dist/school/Sidebar.html) over the built server
// (dist/school/Code.js) and the fake SpreadsheetApp, as `npm run preview` runs it. Choosing a subject,
// parallel, class or teacher creates the person's own tab «ШМО · …»; nothing another user sees changes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UI } from '../../src/core/strings';
import type { DataOverview } from '../../src/server/contract';
import { type LocalBackend, sampleBackend } from './backend';
import { screenshot } from './chromium';
import { idle, useSidebar } from './harness';

const h = useSidebar(() => sampleBackend());

/** The sample school with its analysis written, as a ШМО head opens it. */
function analysed(): LocalBackend {
  const backend = sampleBackend();
  for (const step of ['analysis', 'risk', 'objectivity']) expect(backend.call('runStep', [step]).ok).toBe(true);
  return backend;
}

/** The sidebar at 300 × 700 px (a laptop-height window), on the «Фильтр ШМО» section. */
async function openFilter(backend: LocalBackend): Promise<Page> {
  h.server.setBackend(backend);
  const page = await h.browser.page(300, 700);
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(`${h.server.url}sidebar`);
  await idle(page);
  await page.getByRole('tab', { name: UI.sections.filter }).click();
  await idle(page);
  return page;
}

const states = (backend: LocalBackend) => new Map(backend.gas.ss.tabNames().map((n) => [n, backend.gas.ss.tab(n).state()]));

describe('«Фильтр ШМО» in Chromium', () => {
  it('makes the person’s own tab with the chosen rows, opens it, and changes nothing else; the choice is restored', async () => {
    const backend = analysed();
    const before = states(backend);
    const page = await openFilter(backend);
    await page.getByLabel('Математика', { exact: true }).check();
    await page.locator('#flt-grade').selectOption('5');
    await page.locator('#flt-class').selectOption('5А');
    await page.locator('#filter-apply').click();
    await idle(page);
    const tab = 'ШМО · Математика · 5А';
    const findings = 'ШМО выводы · Математика · 5А';
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(UI.filter.done(`${tab}, ${findings}`));
    const result = page.locator('#filter-result');
    await expect(result.textContent()).resolves.toContain('Дефициты по классам: ');
    await expect(result.textContent()).resolves.toContain('Группа риска: ');
    await expect(result.getByRole('button', { name: UI.filter.openTab(tab) }).isVisible()).resolves.toBe(true);
    await expect(result.getByRole('button', { name: UI.filter.openTab(findings) }).isVisible()).resolves.toBe(true);
    // 300 px and nothing sticks out sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await screenshot(page, 'sidebar-filter');

    const ss = backend.gas.ss;
    // The view is the person's own two tabs, and the first is the one in front of them now.
    expect(ss.tabNames().slice(-2)).toEqual([tab, findings]);
    expect(ss.active?.sheet.title).toBe(tab);
    const rows = ss.tab(tab).snapshot();
    const firstColumn = new Set(rows.map((r) => String(r[0])));
    expect(firstColumn.has('5А')).toBe(true);
    expect(firstColumn.has('5Б')).toBe(false);
    expect(rows.some((r) => String(r[0]).startsWith('ВПР 2026 Русский язык'))).toBe(false);
    // Every tab another user sees is exactly as it was: no filter, nothing hidden.
    for (const [name, state] of before) expect(ss.tab(name).state(), name).toBe(state);

    // The choice is kept for this user and restored when the panel opens again.
    // (The other user properties say how long the steps took here: the run bar's expected time.)
    const filterProps = [...backend.gas.properties.user.data].filter(([k]) => k.startsWith('oko.filter.'));
    expect(filterProps.map(([, v]) => JSON.parse(v))).toEqual([{ subjects: ['Математика'], grades: [5], classes: ['5А'], teachers: [] }]);
    await page.reload();
    await idle(page);
    await page.getByRole('tab', { name: UI.sections.filter }).click();
    await idle(page);
    await expect(page.getByLabel('Математика', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.locator('#flt-grade').inputValue()).resolves.toBe('5');
    await expect(page.locator('#flt-class').inputValue()).resolves.toBe('5А');
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(UI.filter.restored);

    // «Удалить мою вкладку»: only the view goes.
    await page.locator('#filter-clear').click();
    await idle(page);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(UI.filter.removed(`${tab}, ${findings}`));
    expect(states(backend)).toEqual(before);
    await page.close();
  });

  it('by teacher: the view of a teacher’s classes in their subject, from «Классы и учителя»', async () => {
    const backend = analysed();
    const overview = backend.call('getDataOverview', []);
    if (!overview.ok) throw new Error(overview.message);
    const { teachers } = (overview.value as DataOverview).filter.options;
    const teacher = teachers.find((t) => t.subjects.length === 1 && t.subjects[0] === 'Математика');
    if (!teacher) throw new Error('the sample school has no mathematics teacher');
    const page = await openFilter(backend);
    await page.locator('#flt-teacher').selectOption(teacher.name);
    await page.locator('#filter-apply').click();
    await idle(page);
    const tab = `ШМО · ${teacher.name}`;
    await expect(page.locator('#filter-status').textContent()).resolves.toContain(tab);
    // The matrices in the view are mathematics ones; their student rows are of the teacher's classes only.
    const text = await page.locator('#filter-result').textContent();
    expect(text).toContain('Матрица дефицитов · МА');
    expect(text).not.toContain('Матрица дефицитов · РУ');
    const mine = new Set(teacher.classes);
    const students = backend.gas.ss
      .tab(tab)
      .snapshot()
      .filter((r) => /^\d{5}$/.test(String(r[1])));
    expect(students.length).toBeGreaterThan(0);
    for (const r of students) expect(mine.has(String(r[0])), String(r[0])).toBe(true);
    await page.close();
  });

  it('asks for a choice when nothing is chosen, and writes nothing', async () => {
    const backend = analysed();
    const before = states(backend);
    const page = await openFilter(backend);
    await page.locator('#filter-apply').click();
    await idle(page);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe(UI.filter.empty);
    expect(states(backend)).toEqual(before);
    await page.close();
  });
});
