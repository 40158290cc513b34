// Debian's Chromium driven by playwright-core (which never downloads a browser): headless, a fresh
// profile per launch, no network services of its own.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from '../bundle/load';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Браузерные тесты панели требуют Chromium из пакетов Debian (${CHROMIUM}), а его нет. Установите: sudo apt-get install chromium (.ci/run ставит его сам).`,
    );
  }
}

export interface Browser {
  context: BrowserContext;
  page(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'oko-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 300, height: 900 },
    locale: 'ru-RU',
  });
  return {
    context,
    async page(width = 300, height = 900) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot under test-artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
