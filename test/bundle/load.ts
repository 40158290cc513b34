// Loads a built Apps Script bundle (dist/<edition>/Code.js) the way Apps Script does: one script in a
// fresh global scope that has only the Google services (our fakes), no Node globals. The one loader of
// every edition's bundle; test/setup/build.ts builds dist/ once before any test runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CODE = join(ROOT, 'dist', 'school', 'Code.js');
export const SIDEBAR = join(ROOT, 'dist', 'school', 'Sidebar.html');
/** The municipal edition's bundle and district panel, built from src/server/municipal and sidebar/municipal/. */
export const MUNICIPAL_CODE = join(ROOT, 'dist', 'municipal', 'Code.js');
export const MUNICIPAL_SIDEBAR = join(ROOT, 'dist', 'municipal', 'Sidebar.html');
/** The «школа + рассылка» edition's bundle. */
export const DIGEST_CODE = join(ROOT, 'dist', 'digest', 'Code.js');

/** Fails with a clear message when dist/ is missing (the global setup builds it; see vitest.config.ts). */
export function requireBuilt(file: string): void {
  if (!existsSync(file))
    throw new Error(`${file} не собран: запустите тесты через vitest (сборка в test/setup/build.ts) или npm run build`);
}

export interface Bundle {
  source: string;
  context: vm.Context;
  /** Calls a top-level function by name, as Apps Script does for menus, triggers and google.script.run. */
  call(name: string, ...args: unknown[]): unknown;
}

export interface LoadOptions {
  /** Which bundle (default: the school edition, dist/school/Code.js). */
  code?: string;
  /** Collects the bundle's console output; silent when omitted. */
  logs?: unknown[][];
  /**
   * The Date the bundle sees. Default: the host's Date, so that dates crossing between the fakes and the
   * bundle are one kind of Date; a fake clock's constructor for time-driven jobs.
   */
  Date?: DateConstructor;
}

export function loadBundle(gas: { globals: object }, opts: LoadOptions | unknown[][] = {}): Bundle {
  const o: LoadOptions = Array.isArray(opts) ? { logs: opts } : opts;
  const file = o.code ?? CODE;
  requireBuilt(file);
  const source = readFileSync(file, 'utf8');
  const logs = o.logs;
  const sink = (...a: unknown[]) => {
    if (logs) logs.push(a);
  };
  const context = vm.createContext({ ...gas.globals, console: { log: sink, error: sink, warn: sink }, Date: o.Date ?? Date });
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
