// Test groups with timeouts that fit what they do. Timeouts are ceilings for a machine under load
// (2 cores, another process busy), never a measure of speed: speed is measured by `npm run bench`.
// dist/ is built once, before the run, by test/setup/build.ts (each group lists it; it skips when
// dist/ is up to date, so a whole run builds at most once).
import { defineConfig } from 'vitest/config';

const BUILD = ['test/setup/build.ts'];
/** Tests that load a built Apps Script bundle (dist/**\/Code.js) into node:vm. */
const BUNDLE = ['test/bundle/**/*.test.ts', 'test/municipal/bundle.test.ts', 'test/digest/**/*.test.ts', 'test/docs/bundle.test.ts'];
/** Tests that read and write real files or start the CLI in a child process. */
const FILES = ['test/local/**/*.test.ts', 'test/municipal/local.test.ts', 'test/docs/cli.test.ts'];
const BROWSER = ['test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...BUNDLE, ...FILES, ...BROWSER],
          globalSetup: BUILD,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: { name: 'files', include: FILES, globalSetup: BUILD, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        test: { name: 'bundle', include: BUNDLE, globalSetup: BUILD, testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        // Chromium: Debian's when installed, else the one inside @sparticuz/chromium (test/setup/chromium.ts).
        test: {
          name: 'browser',
          include: BROWSER,
          globalSetup: [...BUILD, 'test/setup/chromium.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
