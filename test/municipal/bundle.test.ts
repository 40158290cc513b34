// dist/municipal/Code.js as Apps Script loads it: its own top-level functions, its own menu, and a
// whole collection run through the bundle against the fake services (other spreadsheets included).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { M } from '../../src/core/strings';
import { ensureBuilt, ROOT } from '../bundle/load';
import { createMunicipalGas, type MunicipalGas } from '../fakes/municipal';
import { sources, sourcesSheet } from './fixtures';

const CODE = join(ROOT, 'dist', 'municipal', 'Code.js');
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'municipalStartMenu',
  'municipalContinue',
  'municipalStopMenu',
  'municipalStatusMenu',
  'municipalSourcesMenu',
  'municipalSettingsMenu',
  'getAggregationStatus',
];

beforeAll(() => ensureBuilt(), 120_000);

function load(gas: MunicipalGas): { source: string; call: (name: string, ...args: unknown[]) => unknown; context: vm.Context } {
  const source = readFileSync(CODE, 'utf8');
  const context = vm.createContext({ ...gas.globals, console: { log() {}, error() {}, warn() {} }, Date });
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

describe('dist/municipal/Code.js', () => {
  it('declares every entry point as a top-level function, and the manifest has the municipal scopes', () => {
    const gas = createMunicipalGas();
    const b = load(gas);
    for (const name of ENTRY_POINTS) {
      expect(new RegExp(`^function ${name}\\(`, 'm').test(b.source), name).toBe(true);
      expect(typeof b.context[name], name).toBe('function');
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'municipal', 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/spreadsheets.readonly',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    const school = JSON.parse(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8'));
    expect(school.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.readonly');
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'municipal', '.clasp.json'), 'utf8')).rootDir).toBe('.');
  });

  it('onOpen builds the municipal menu and touches nothing else', () => {
    const gas = createMunicipalGas();
    const b = load(gas);
    gas.log.reset();
    b.call('onOpen', { authMode: 'NONE' });
    expect(gas.ui.menus[0]?.map((m) => (m === 'separator' ? m : m.fn))).toEqual([
      'municipalStartMenu',
      'municipalContinue',
      'municipalStopMenu',
      'municipalStatusMenu',
      'municipalSourcesMenu',
      'municipalSettingsMenu',
    ]);
    expect(gas.log.total('doc')).toBe(0);
  });

  it('«Собрать данные школ» through the bundle writes the district tabs; the status function answers in JSON', () => {
    const gas = createMunicipalGas();
    gas.ss.addSheet(M.tabs.sources, sourcesSheet());
    for (const s of sources()) {
      if (s.error) gas.denySource(s.id, s.error);
      else
        gas.addSource(
          s.id,
          s.name,
          s.grids.map((g) => [g.name, g.values] as const),
        );
    }
    const b = load(gas);
    b.call('municipalStartMenu');
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.ss.toasts.at(-1)?.msg).toContain('Часть 1: обработано 8 из 8 источников.');
    for (const t of [M.tabs.summary, M.tabs.deficits, M.tabs.shnor, M.tabs.status]) expect(gas.ss.tabNames()).toContain(t);
    const status = JSON.parse(JSON.stringify(b.call('getAggregationStatus')));
    expect(status).toMatchObject({ phase: 'finished', done: 8, total: 8, failed: 4 });
    b.call('municipalSourcesMenu');
    expect(gas.ss.active?.sheet.title).toBe(M.tabs.sources);
  });
});
