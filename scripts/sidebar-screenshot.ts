// Retakes docs/img/sidebar.jpg: the preview (sample school, after a run of every step) in Chromium
// (Debian's or the npm-packaged one, see test/browser/find-chromium.ts). `npx tsx scripts/sidebar-screenshot.ts` after `node scripts/build.mjs`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleBackend } from '../test/browser/backend';
import { launchChromium } from '../test/browser/chromium';
import { findChromium } from '../test/browser/find-chromium';
import { startPreviewServer } from '../test/browser/server';
import { ROOT } from '../test/bundle/load';

const out = join(ROOT, 'docs', 'img', 'sidebar.jpg');
const backend = sampleBackend();
const preview = await startPreviewServer(backend);
const browser = await launchChromium((await findChromium()).path);
try {
  const page = await browser.page(1000, 620);
  await page.goto(preview.url);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('body[aria-busy="false"]').waitFor();
  await sidebar.getByRole('tab', { name: 'Анализ' }).click();
  await sidebar.locator('#run').click();
  await sidebar.locator('#summary details').first().waitFor({ timeout: 60_000 });
  await sidebar.locator('body[aria-busy="false"]').waitFor({ timeout: 60_000 });
  // One work unfolded, a class line clicked: the workbook shows that class's row of its matrix.
  const work = sidebar
    .locator('#summary details')
    .filter({ has: sidebar.locator('summary', { hasText: /^ВПР 2026 Математика 5 класс$/ }) });
  await work.locator('summary').click();
  await work.getByRole('button', { name: /^5Б:/ }).click();
  await sidebar.locator('body[aria-busy="false"]').waitFor();
  await page.waitForTimeout(800);
  await work.locator('summary').scrollIntoViewIfNeeded();
  mkdirSync(join(ROOT, 'docs', 'img'), { recursive: true });
  await page.screenshot({ path: out, type: 'jpeg', quality: 60 });
  if (process.env.OKO_PNG) await page.screenshot({ path: process.env.OKO_PNG });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
  await preview.close();
}
