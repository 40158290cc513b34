// What every browser test file shares: one Chromium and one preview server for the file (started before
// its tests, closed after), and the two waits every test uses.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalBackend } from './backend';
import { type Browser, launchChromium } from './chromium';
import { type PreviewServer, startPreviewServer } from './server';

export interface Harness {
  readonly browser: Browser;
  readonly server: PreviewServer;
}

/**
 * Registers the file's beforeAll/afterAll: a preview server on `backend()` (made inside beforeAll, so a
 * failing fixture fails the file's tests, not its import) and a Chromium. Read `browser`/`server` in tests.
 */
export function useSidebar(backend: () => LocalBackend): Harness {
  const h = {} as { browser: Browser; server: PreviewServer };
  beforeAll(async () => {
    h.server = await startPreviewServer(backend());
    h.browser = await launchChromium();
  });
  afterAll(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}

/** No server call running (the sidebar marks the body aria-busy while one is). */
export async function idle(page: Page): Promise<void> {
  await page.locator('body[aria-busy="false"]').waitFor({ timeout: 60_000 });
}

/** Evaluates an expression in the page (a string: the tests are type-checked without the DOM library). */
export function js<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}
