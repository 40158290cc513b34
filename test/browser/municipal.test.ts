// The district panel (dist/municipal/Sidebar.html) in Debian's Chromium, its google.script.run shim
// wired to the built municipal server functions (dist/municipal/Code.js in node:vm) over the
// municipal fakes with the fake clock: a collection that needs three chunks, the panel polling its
// progress (the page's timers run on Playwright's clock, so a poll happens when the test says so).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/grid';
import { M } from '../../src/core/strings';
import { MUNICIPAL_SIDEBAR } from '../bundle/load';
import { sourcesSheet } from '../municipal/fixtures';
import { type Browser, launchChromium, screenshot } from './chromium';
import { idle, js } from './harness';
import { type MunicipalBackend, municipalBackend } from './municipal-backend';
import { type PreviewServer, startPreviewServer } from './server';

const HOSTILE = '<img src=x onerror=alert(1)>';
/** Each school spreadsheet takes 80 s to open: 3 fit in a 270 s chunk — chunks of 3, 3 and 2 sources. */
/** 40 s per Sheets API request: a school takes 80 s, three fit in a 270 s step (reserve 20 s). */
const SLOW = { api: 40_000, getValues: 500, doc: 50, service: 30, properties: 50 };
const POLL_MS = 5000;

let browser: Browser;
let server: PreviewServer;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** «Источники» of the fixtures, the school without access named with markup. */
function hostileSources(): CellValue[][] {
  const rows = sourcesSheet();
  (rows[6] as CellValue[])[2] = HOSTILE;
  return rows;
}

async function openPanel(backend: MunicipalBackend, dialogs: string[]): Promise<Page> {
  if (server) server.setBackend(backend);
  else server = await startPreviewServer(backend, { sidebar: MUNICIPAL_SIDEBAR });
  const page = await browser.page(300, 900);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The page's timers on a clock the test moves: the poll fires on runFor, never on its own.
  await page.clock.install({ time: new Date('2026-04-21T09:00:00Z') });
  await page.goto(`${server.url}sidebar`);
  await idle(page);
  await page.clock.pauseAt(new Date('2026-04-21T09:00:10Z'));
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();

describe('the district panel in Chromium', () => {
  it('follows a collection over three chunks, lists failed sources with reasons, opens the district tabs', async () => {
    const backend = municipalBackend({ latency: SLOW, sourcesRows: hostileSources() });
    const dialogs: string[] = [];
    const page = await openPanel(backend, dialogs);

    // Before the first run: nothing collected, the sources counted, the bad rows of «Источники» listed.
    await expect(text(page, '#phase')).resolves.toBe(M.panel.phase.idle);
    // Not «0 из 0»: how many tables are listed, and what to press.
    await expect(text(page, '#progress-text')).resolves.toBe(M.panel.notStarted(8));
    expect(await page.locator('#bar').isVisible()).toBe(false);
    await expect(text(page, '#sources')).resolves.toBe(M.panel.sources(8));
    await expect(text(page, '#failed')).resolves.toBe(M.panel.noFailed);
    await expect(text(page, '#problems')).resolves.toContain('«abc» — не ссылка на Google Таблицу');
    await expect(page.locator('#tabs button').count()).resolves.toBe(0);
    await expect(text(page, '#tabs')).resolves.toContain(`${M.tabs.shnor} — ${M.panel.tabMissing}`);
    expect(await page.locator('#polling').isVisible()).toBe(false);
    await page.getByRole('button', { name: M.panel.resume }).click();
    await idle(page);
    await expect(text(page, '#status')).resolves.toBe(M.status.nothingToContinue);

    // «Начать сбор»: both buttons are disabled while the chunk runs; it reads 3 of 8 sources.
    server.latencyMs = 400;
    await page.getByRole('button', { name: M.panel.start }).click();
    await expect(js(page, "['start', 'resume'].every((id) => document.getElementById(id).disabled)")).resolves.toBe(true);
    await expect(text(page, '#status')).resolves.toBe(M.panel.working);
    await idle(page);
    server.latencyMs = 0;
    await expect(js(page, "['start', 'resume'].some((id) => document.getElementById(id).disabled)")).resolves.toBe(false);
    await expect(text(page, '#phase')).resolves.toBe(M.panel.phase.running);
    await expect(text(page, '#progress-text')).resolves.toBe(M.panel.progress(3, 8));
    await expect(text(page, '#count')).resolves.toBe('3 / 8');
    await expect(js(page, "[document.getElementById('bar').value, document.getElementById('bar').max]")).resolves.toEqual([3, 8]);
    await expect(text(page, '#server-text')).resolves.toBe(`${M.status.line(3, 8, 0)} ${M.status.running(1)}`);
    await expect(text(page, '#status')).resolves.toBe('');
    await expect(text(page, '#failed-count')).resolves.toBe(M.panel.failed(0));
    await expect(text(page, '#started')).resolves.toMatch(/^Начат: 21\.04\.2026, \d{2}:\d{2}:\d{2}$/);
    await expect(text(page, '#last-chunk')).resolves.toMatch(/^Последний шаг: 21\.04\.2026, \d{2}:\d{2}:\d{2}$/);
    await expect(text(page, '#next-at')).resolves.toMatch(/^Следующий шаг — около 21\.04\.2026, \d{2}:\d{2}:\d{2}/);
    // No jargon on the panel: no «частей», no «триггер», no English.
    await expect(text(page, '#job')).resolves.not.toMatch(/част[ьеи]й? сбора|триггер|[A-Za-z]{4,}/);
    expect(await page.locator('#polling').isVisible()).toBe(true);
    await screenshot(page, 'municipal-running');

    // The trigger runs the second chunk; the panel sees it at its next poll, and only then.
    backend.fireTrigger();
    const polls = backend.calls.get('getAggregationStatus') ?? 0;
    await page.clock.runFor(POLL_MS - 500);
    expect(backend.calls.get('getAggregationStatus') ?? 0).toBe(polls);
    await expect(text(page, '#progress-text')).resolves.toBe(M.panel.progress(3, 8));
    await page.clock.runFor(500);
    // Step 2: E, the denied, the missing and the junk spreadsheet (one request each for the two that cannot be opened).
    await page.locator('#progress-text', { hasText: M.panel.progress(7, 8) }).waitFor();
    expect(backend.calls.get('getAggregationStatus')).toBe(polls + 1);
    await page.locator('#failed-count', { hasText: M.panel.failed(3) }).waitFor();
    await page.locator('#failed li').nth(2).waitFor();
    await expect(text(page, '#failed-heading')).resolves.toBe(`${M.panel.failedHeading} (3)`);

    // «Продолжить сбор» runs the last chunk at once: 8 of 8, the district tabs written, polling stops.
    await page.getByRole('button', { name: M.panel.resume }).click();
    await idle(page);
    await expect(text(page, '#progress-text')).resolves.toBe(M.panel.progress(8, 8));
    await expect(text(page, '#count')).resolves.toBe('8 / 8');
    await expect(text(page, '#phase')).resolves.toBe(M.panel.phase.finished);
    await expect(text(page, '#failed-count')).resolves.toBe(M.panel.failed(4));
    await expect(text(page, '#server-text')).resolves.toContain(M.status.finished);
    expect(await page.locator('#polling').isVisible()).toBe(false);

    // The failed sources, each with its reason; the school named with markup is text, nothing more.
    const failed = page.locator('#failed li');
    await expect(failed.count()).resolves.toBe(4);
    const first = await failed.nth(0).textContent();
    expect(first).toContain(HOSTILE);
    expect(first).toContain('edu000006');
    expect(first).toContain(M.read.noAccess);
    expect(first).toContain(M.panel.row(7));
    await expect(failed.nth(2).textContent()).resolves.toContain(M.read.noResults);
    await expect(failed.nth(3).textContent()).resolves.toContain('в данных ошибок:');
    await expect(failed.nth(0).locator('.source-name').textContent()).resolves.toBe(HOSTILE);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(js(page, "document.querySelectorAll('[onerror]').length")).resolves.toBe(0);

    // No more polls once the collection has finished.
    const finalPolls = backend.calls.get('getAggregationStatus') ?? 0;
    await page.clock.runFor(6 * POLL_MS);
    expect(backend.calls.get('getAggregationStatus') ?? 0).toBe(finalPolls);

    // Links to the district tabs move the spreadsheet to them.
    for (const tab of [M.tabs.summary, M.tabs.deficits, M.tabs.shnor, M.tabs.execution]) {
      await page.getByRole('button', { name: tab }).click();
      await idle(page);
      expect(backend.gas.ss.active?.sheet.title).toBe(tab);
    }
    await expect(page.locator('#error').isVisible()).resolves.toBe(false);
    expect(await js<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'municipal-finished');
    await page.close();
  });

  it('says why a collection cannot start, in Russian, and starts nothing', async () => {
    const backend = municipalBackend({ sourcesRows: [['Что-то'], ['не то']] });
    const dialogs: string[] = [];
    const page = await openPanel(backend, dialogs);
    await expect(text(page, '#problems')).resolves.toContain('строка заголовков');
    await page.getByRole('button', { name: M.panel.start }).click();
    await idle(page);
    await expect(text(page, '#error')).resolves.toContain(M.sources.header);
    await expect(text(page, '#phase')).resolves.toBe(M.panel.phase.idle);
    expect(backend.gas.scriptApp.triggers).toEqual([]);
    await page.getByRole('button', { name: M.panel.resume }).click();
    await idle(page);
    // Nothing to continue, and the sheet still cannot be read: the same explanation.
    await expect(text(page, '#error')).resolves.toContain(M.sources.header);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
