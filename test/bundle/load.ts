// Loads the built dist/school/Code.js the way Apps Script does: one script in a fresh global scope that has
// only the Google services (our fakes), no Node globals. Builds it first when missing or older
// than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { FakeGas } from '../fakes';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CODE = join(ROOT, 'dist', 'school', 'Code.js');
export const SIDEBAR = join(ROOT, 'dist', 'school', 'Sidebar.html');
/** The district panel (municipal edition), built from sidebar/municipal/. */
export const MUNICIPAL_SIDEBAR = join(ROOT, 'dist', 'municipal', 'Sidebar.html');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(): void {
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'sidebar')));
  const built = [CODE, SIDEBAR, MUNICIPAL_SIDEBAR].every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
  if (!built) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface Bundle {
  source: string;
  context: vm.Context;
  /** Calls a top-level function by name, as Apps Script does for menus, triggers and google.script.run. */
  call(name: string, ...args: unknown[]): unknown;
}

export function loadBundle(gas: FakeGas, logs: unknown[][] = []): Bundle {
  const source = readFileSync(CODE, 'utf8');
  const quiet = {
    log: (...a: unknown[]) => logs.push(a),
    error: (...a: unknown[]) => logs.push(a),
    warn: (...a: unknown[]) => logs.push(a),
  };
  // Date is shared so that dates crossing between the fakes and the bundle are one kind of Date.
  const context = vm.createContext({ ...gas.globals, console: quiet, Date });
  vm.runInContext(source, context, { filename: 'Code.js' });
  return {
    source,
    context,
    call(name, ...args) {
      context.__args = args;
      try {
        return vm.runInContext(`${name}.apply(this, __args)`, context);
      } finally {
        delete context.__args;
      }
    },
  };
}

/** Plain JSON, as google.script.run would carry it (and a check that it can). */
export function json<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
