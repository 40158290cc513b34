// Retakes the sidebar pictures of the docs in Chromium (Debian's or the npm-packaged one, see
// test/browser/find-chromium.ts), over the same local backend as `npm run preview`:
//   docs/img/sidebar.jpg            the preview (sample school, after a run of every step), book beside the panel;
//   docs/img/first-run-empty.png    the panel on an empty spreadsheet, 300 × 700 (a laptop-height window);
//   docs/img/first-run-healthy.png  the panel on a healthy school before the first run, 300 × 700;
//   docs/img/analysis-after-run.png «Анализ» after a run of the example school, 300 × 700.
// `npx tsx scripts/sidebar-screenshot.ts` after `node scripts/build.mjs`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createBackend, type LocalBackend, sampleBackend } from '../test/browser/backend';
import { launchChromium } from '../test/browser/chromium';
import { findChromium } from '../test/browser/find-chromium';
import { startPreviewServer } from '../test/browser/server';
import { ROOT } from '../test/bundle/load';

const img = (name: string) => join(ROOT, 'docs', 'img', name);
mkdirSync(join(ROOT, 'docs', 'img'), { recursive: true });
const emptyBook = () => createBackend('Новая таблица', [{ name: 'Лист1', rows: [] }]);
const preview = await startPreviewServer(sampleBackend());
const browser = await launchChromium((await findChromium()).path);
const idle = (page: Page) => page.locator('body[aria-busy="false"]').waitFor({ timeout: 120_000 });

/** The panel alone at 300 × 700 on `backend`. */
async function panel(backend: LocalBackend): Promise<Page> {
  preview.setBackend(backend);
  const page = await browser.page(300, 700);
  await page.goto(`${preview.url}sidebar`);
  await idle(page);
  return page;
}

try {
  // The preview with the workbook: one work unfolded, a class line clicked (the book shows that row).
  {
    preview.setBackend(sampleBackend());
    const page = await browser.page(1000, 620);
    await page.goto(preview.url);
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('body[aria-busy="false"]').waitFor();
    await sidebar.getByRole('tab', { name: 'Анализ' }).click();
    await sidebar.locator('#run').click();
    await sidebar.locator('#summary details').first().waitFor({ timeout: 60_000 });
    await sidebar.locator('body[aria-busy="false"]').waitFor({ timeout: 60_000 });
    const work = sidebar
      .locator('#summary details')
      .filter({ has: sidebar.locator('summary', { hasText: /^ВПР 2026 Математика 5 класс$/ }) });
    await work.locator('summary').click();
    await work.getByRole('button', { name: /^5Б:/ }).click();
    await sidebar.locator('body[aria-busy="false"]').waitFor();
    await page.waitForTimeout(800);
    await work.locator('summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: img('sidebar.jpg'), type: 'jpeg', quality: 60 });
    await page.close();
  }
  {
    const page = await panel(emptyBook());
    await page.screenshot({ path: img('first-run-empty.png') });
    await page.close();
  }
  {
    const page = await panel(sampleBackend());
    await page.screenshot({ path: img('first-run-healthy.png') });
    await page.close();
  }
  {
    const page = await panel(emptyBook());
    await page.locator('#open-example').click();
    await idle(page);
    await page.locator('#go-run').click();
    await page.locator('#run').click();
    await page.waitForTimeout(300);
    await idle(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: img('analysis-after-run.png') });
    await page.close();
  }
  process.stdout.write(
    `${['sidebar.jpg', 'first-run-empty.png', 'first-run-healthy.png', 'analysis-after-run.png'].map(img).join('\n')}\n`,
  );
} finally {
  await browser.close();
  await preview.close();
}
