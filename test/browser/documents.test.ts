// «Справка и ИОМ в Google Документах» from the sidebar, in Chromium: the built bundle over the fake
// SpreadsheetApp and the strict fake Drive service of test/docs (wired into the bundle's globals as
// test/docs/bundle.test.ts does). Options go to `createDocuments`; the links open in a new tab and are
// built as text; progress while the documents are made; Google's failures read as what to do; the card
// is reached from «Что дальше».
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UI } from '../../src/core/strings';
import { GOOGLE_DOC } from '../docs/fake-drive';
import { documentsBackend, type LocalBackend } from './backend';
import { screenshot } from './chromium';
import { idle, js, useSidebar } from './harness';

const h = useSidebar(() => documentsBackend().backend);

async function openDocuments(backend: LocalBackend, dialogs: string[] = []): Promise<Page> {
  h.server.setBackend(backend);
  const page = await h.browser.page(300, 700);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${h.server.url}sidebar`);
  await idle(page);
  await page.getByRole('tab', { name: UI.sections.analysis }).click();
  await page.locator('#docs-create').scrollIntoViewIfNeeded();
  return page;
}

describe('documents from the sidebar', () => {
  it('makes the справка, the ИОМ and the appendices for one subject, with progress, and shows the links safely', async () => {
    const { backend, docs } = documentsBackend();
    const dialogs: string[] = [];
    const page = await openDocuments(backend, dialogs);
    const before = backend.gas.ss.tabNames();
    await page.locator('#docs-subject').selectOption('Математика');
    h.server.latencyMs = 600;
    await page.locator('#docs-create').click();
    // While the documents are made: the button is disabled and the card says so, with the time.
    await expect(page.locator('#docs-status').textContent()).resolves.toMatch(/^Документы создаются… \d+\sс/);
    await expect(page.locator('#docs-create').isDisabled()).resolves.toBe(true);
    await idle(page);
    h.server.latencyMs = 0;

    // One Drive conversion per document, all for mathematics; nothing written to the spreadsheet.
    expect(docs.log.count('Drive.Files.create')).toBe(3);
    expect(docs.drive.docs.every((d) => d.mimeType === GOOGLE_DOC)).toBe(true);
    expect(docs.drive.docs.map((d) => d.name)).toEqual([
      'Аналитическая справка: ВПР 2026, предмет «Математика» (Пример школы — МБОУ «СОШ № 7»)',
      'Индивидуальные образовательные маршруты: ВПР 2026 (Пример школы — МБОУ «СОШ № 7»)',
      'Приложения к рабочим программам: ВПР 2026 (Пример школы — МБОУ «СОШ № 7»)',
    ]);
    // All three about mathematics only.
    for (const d of docs.drive.docs) {
      expect(d.html, d.name).toContain('Математика');
      expect(d.html, d.name).not.toContain('Русский язык');
    }
    expect(backend.gas.ss.tabNames()).toEqual(before);

    await expect(page.locator('#docs-status').textContent()).resolves.toBe(UI.docs.created(3));
    const links = await js<{ text: string; href: string; target: string; rel: string }[]>(
      page,
      "[...document.querySelectorAll('#docs-links a')].map((a) => ({ text: a.textContent, href: a.href, target: a.target, rel: a.rel }))",
    );
    expect(links.map((l) => l.text)).toEqual(docs.drive.docs.map((d) => d.name));
    for (const [i, l] of links.entries()) {
      expect(l.href).toBe(`https://docs.google.com/document/d/${docs.drive.docs[i]?.id}/edit?usp=drivesdk`);
      expect(l.target).toBe('_blank');
      expect(l.rel).toContain('noopener');
    }
    expect(await js<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    await screenshot(page, 'sidebar-documents');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('sends only the documents and the class asked for', async () => {
    const { backend, docs } = documentsBackend();
    const page = await openDocuments(backend);
    await page.locator('#docs-kind-routes').uncheck();
    await page.locator('#docs-kind-appendix').uncheck();
    await page.locator('#docs-class').selectOption('5Б');
    await page.locator('#docs-create').click();
    await idle(page);
    expect(docs.drive.docs).toHaveLength(1);
    expect(docs.drive.docs[0]?.name).toMatch(/^Аналитическая справка: /);
    // The class teacher's справка: about 5Б.
    expect(docs.drive.docs[0]?.title).toBe('Аналитическая справка: ВПР 2026, 5Б класс');
    // No document ticked: nothing is sent.
    await page.locator('#docs-kind-report').uncheck();
    await page.locator('#docs-create').click();
    await expect(page.locator('#docs-status').textContent()).resolves.toBe(UI.docs.chooseKind);
    expect(docs.log.count('Drive.Files.create')).toBe(1);
    await page.close();
  });

  it('a Drive failure reads as what to do, beside the card; a link that is not https is shown as text', async () => {
    const { backend, docs } = documentsBackend();
    const page = await openDocuments(backend);
    docs.drive.failNext = new Error('User rate limit exceeded.');
    await page.locator('#docs-create').click();
    await idle(page);
    const error = page.locator('#docs-error');
    await expect(error.getAttribute('role')).resolves.toBe('alert');
    await expect(error.textContent()).resolves.toMatch(
      /^Ошибка: Google Диск ограничивает, сколько документов можно создать за минуту\. Подождите минуту/,
    );
    await expect(page.locator('#docs-status').textContent()).resolves.toBe('');

    // A hostile link from the server: never an <a> with a script URL.
    const create = docs.drive.Files.create;
    docs.drive.Files.create = (resource, media, args) => ({ ...create(resource, media, args), webViewLink: 'javascript:alert(1)' });
    await page.locator('#docs-create').click();
    await idle(page);
    await expect(page.locator('#docs-error').isHidden()).resolves.toBe(true);
    await expect(page.locator('#docs-links a').count()).resolves.toBe(0);
    await expect(page.locator('#docs-links li').count()).resolves.toBe(3);
    await page.close();
  });

  it('is reached from «Что дальше» after a run', async () => {
    const { backend } = documentsBackend();
    const page = await openDocuments(backend);
    await page.locator('#run').click();
    await idle(page);
    await page.locator('#next-docs').click();
    await expect(js(page, 'document.activeElement?.id')).resolves.toBe('docs-create');
    const box = await page.locator('#docs-create').boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 700).toBe(true);
    await page.close();
  });
});
