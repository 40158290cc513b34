// Global setup: builds dist/ once before any test file runs (the bundle, browser and CLI tests load
// it), and only when the sources are newer than what is built — so `npm test` builds once, and
// `npx vitest run test/x.test.ts` works on a fresh clone too. Runs in the main process before the
// workers start, so no two workers ever build at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const OUTPUTS = ['dist/school/Code.js', 'dist/school/Sidebar.html', 'dist/cli/oko.mjs', 'dist/municipal/Code.js', 'dist/digest/Code.js'];
const INPUTS = ['src', 'sidebar', 'editions', 'scripts/build.mjs', 'appsscript.json', 'package.json'];

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

export function setup(): void {
  const sources = Math.max(
    ...INPUTS.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newest),
  );
  const built = OUTPUTS.map((p) => join(ROOT, p));
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs >= sources)) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
