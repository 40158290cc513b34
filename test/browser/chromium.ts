// A Chromium driven by playwright-core (which never downloads a browser): headless, a fresh profile per
// launch, no network services of its own. Which Chromium — Debian's or the one packaged on npm — is
// decided once by the browser tests' global setup (test/setup/chromium.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ROOT } from '../bundle/load';

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

export interface Browser {
  context: BrowserContext;
  page(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

/** `executablePath`: by default the one the global setup found (test/setup/chromium.ts). */
export async function launchChromium(executablePath: string = inject('chromium').path): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'oko-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
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
