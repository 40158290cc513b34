// Which Chromium the browser tests (and the screenshot script) drive: OKO_CHROMIUM when set, Debian's
// /usr/bin/chromium when installed, otherwise the Chromium inside the npm package @sparticuz/chromium
// (a compressed build with its libraries, unpacked to the temp folder on first use) — so
// `npm install && npm test` needs no system browser and nothing is downloaded.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumFound {
  path: string;
  source: 'env' | 'debian' | 'npm';
}

export async function findChromium(): Promise<ChromiumFound> {
  const fromEnv = process.env.OKO_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`OKO_CHROMIUM=${fromEnv}: такого файла нет`);
    return { path: fromEnv, source: 'env' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'npm' };
}
