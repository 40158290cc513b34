// dist/municipal/Code.js as Apps Script loads it: its own top-level functions, its own menu, and a
// whole collection run through the bundle against the fake services (other spreadsheets included).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { M, S } from '../../src/core/strings';
import { type AggregationDetails, type ChunkView, MUNICIPAL_FUNCTIONS } from '../../src/server/municipal/contract';
import { loadBundle, MUNICIPAL_CODE, MUNICIPAL_SIDEBAR, ROOT } from '../bundle/load';
import { createMunicipalGas, type MunicipalGas } from '../fakes/municipal';
import { sources, sourcesSheet } from './fixtures';

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'municipalStartMenu',
  'municipalContinue',
  'municipalStopMenu',
  'municipalStatusMenu',
  'municipalSidebarMenu',
  'municipalSourcesMenu',
  'municipalReportsMenu',
  'municipalSettingsMenu',
];

const load = (gas: MunicipalGas) => loadBundle(gas, { code: MUNICIPAL_CODE });

describe('dist/municipal/Code.js', () => {
  it('declares every entry point as a top-level function, and the manifest has the municipal scopes', () => {
    const gas = createMunicipalGas();
    const b = load(gas);
    // The menu and trigger handlers, and every function of the panel's contract (google.script.run).
    for (const name of [...ENTRY_POINTS, ...MUNICIPAL_FUNCTIONS]) {
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
    // Nothing in the district edition opens a spreadsheet by id (that needs the full `spreadsheets` scope).
    expect(b.source).not.toContain('openById');
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }]);
    const school = JSON.parse(readFileSync(join(ROOT, 'dist', 'school', 'appsscript.json'), 'utf8'));
    expect(school.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.readonly');
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'municipal', '.clasp.json'), 'utf8')).rootDir).toBe('.');
  });

  it('onOpen builds the municipal menu and touches nothing else', () => {
    const gas = createMunicipalGas();
    const b = load(gas);
    gas.log.reset();
    b.call('onOpen', { authMode: 'NONE' });
    expect(gas.ui.menuCaptions).toEqual(['ОКО']);
    expect(gas.ui.menus[0]?.map((m) => (m === 'separator' ? m : m.fn))).toEqual([
      'municipalStartMenu',
      'municipalContinue',
      'municipalStopMenu',
      'municipalStatusMenu',
      'municipalSidebarMenu',
      'municipalSourcesMenu',
      'municipalReportsMenu',
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
    expect(gas.ss.toasts.at(-1)?.msg).toContain(M.status.chunk(1, 8, 8));
    for (const t of [M.tabs.summary, M.tabs.deficits, M.tabs.shnor, M.tabs.execution, M.tabs.status])
      expect(gas.ss.tabNames()).toContain(t);
    expect(gas.ss.tabNames().some((t) => t.startsWith('Дорожная карта · ШНОР '))).toBe(true);
    const status = JSON.parse(JSON.stringify(b.call('getAggregationStatus')));
    expect(status).toMatchObject({ phase: 'finished', done: 8, total: 8, failed: 4 });
    b.call('municipalSourcesMenu');
    expect(gas.ss.active?.sheet.title).toBe(M.tabs.sources);
    // «Лист «Сроки отчётов»» creates the sheet (header with help notes) and opens it; a second click keeps it.
    b.call('municipalReportsMenu');
    expect(gas.ss.active?.sheet.title).toBe(M.reports.sheet);
    expect(gas.ss.tab(M.reports.sheet).snapshot()[0]).toEqual([...M.reports.templateHeader]);
    expect(gas.ss.toasts.at(-1)?.msg).toBe(M.reports.created);
    gas.ss.tab(M.reports.sheet).cellAt(2, 1).value = 'Анализ ВПР';
    b.call('municipalReportsMenu');
    expect(gas.ss.tab(M.reports.sheet).cellAt(2, 1).value).toBe('Анализ ВПР');
  });

  it('the panel: «Открыть панель», a chunk from the panel, failed sources with reasons, the district tabs', () => {
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
    b.call('municipalSidebarMenu');
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.ui.sidebars.map((x) => [x.file, x.getTitle()])).toEqual([['Sidebar', M.panel.title]]);

    const before = JSON.parse(JSON.stringify(b.call('getAggregationDetails'))) as AggregationDetails;
    expect(before.sources).toBe(8);
    expect(before.failed).toEqual([]);
    expect(before.tabs.map((t) => t.exists)).toEqual([false, false, false, false]);
    // The «abc» row and the repeated code: problems of «Источники», with their place.
    expect(before.problems.some((p) => p.includes('ячейка A11') && p.includes('«abc»'))).toBe(true);
    expect(() => b.call('activateDistrictTab', 'shnor')).toThrow(M.panel.tabNotFound(M.tabs.shnor));

    const nothing = JSON.parse(JSON.stringify(b.call('continueAggregation'))) as ChunkView;
    expect(nothing).toMatchObject({ ran: false, message: M.status.nothingToContinue, status: { phase: 'idle' } });
    const r = JSON.parse(JSON.stringify(b.call('startAggregation'))) as ChunkView;
    expect(r).toMatchObject({ ran: true, processed: 8, finished: true, status: { phase: 'finished', done: 8, total: 8, failed: 4 } });
    expect(r.message).toContain(M.status.chunk(1, 8, 8));
    expect(r.status.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const after = JSON.parse(JSON.stringify(b.call('getAggregationDetails'))) as AggregationDetails;
    expect(after.failed.map((f) => [f.codes.join(), f.rows.join(), f.reason])).toEqual([
      ['edu000006', '7', M.read.noAccess],
      // The Sheets API answers «Requested entity was not found» for an unknown id.
      ['edu000007', '8', M.read.notFound],
      ['edu000008', '9', M.read.noResults],
      ['edu000009', '10', expect.stringMatching(/^в данных ошибок: /)],
    ]);
    expect(after.failed[0]?.name).toBe('МБОУ «СОШ № 6»');
    for (const f of after.failed) expect(f.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(after.tabs).toEqual([
      { id: 'summary', name: M.tabs.summary, exists: true },
      { id: 'deficits', name: M.tabs.deficits, exists: true },
      { id: 'shnor', name: M.tabs.shnor, exists: true },
      { id: 'execution', name: M.tabs.execution, exists: true },
    ]);
    expect(b.call('activateDistrictTab', 'deficits')).toMatchObject({ sheet: M.tabs.deficits });
    expect(gas.ss.active?.sheet.title).toBe(M.tabs.deficits);
    // Arguments are checked against the contract: anything else is refused with a readable message.
    expect(() => b.call('activateDistrictTab', 'Источники')).toThrow(S.menu.badRequest('activateDistrictTab'));
    expect(() => b.call('getAggregationStatus', 'extra')).toThrow(S.menu.badRequest('getAggregationStatus'));
  });
});

describe('dist/municipal/Sidebar.html', () => {
  it('is one self-contained file under 150 KB that never uses innerHTML', () => {
    const html = readFileSync(MUNICIPAL_SIDEBAR, 'utf8');
    expect(statSync(MUNICIPAL_SIDEBAR).size).toBeLessThanOrEqual(150 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain('innerHTML');
    expect(html).not.toContain('/*SCRIPT*/');
    expect(html).not.toContain('/*STYLES*/');
    expect(html).toContain('lang="ru"');
    expect(html).toContain(M.panel.start);
  });
});
