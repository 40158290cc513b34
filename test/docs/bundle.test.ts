// «Справка и ИОМ в Google Документах» in the built bundle: dist/Code.js in node:vm with the fake
// SpreadsheetApp (test/fakes) plus the strict fake Drive service, called by name as Apps Script does.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { readXlsx } from '../../src/local/xlsx';
import type { DocumentsResult } from '../../src/server/contract';
import { type Bundle, json, loadBundle } from '../bundle/load';
import { createFakeGas, type FakeGas } from '../fakes';
import { type FakeDocServices, fakeDocServices } from './fake-drive';

const F1 = join(import.meta.dirname, 'fixtures', 'f1-math6.xlsx');
/** A name with «&» and «<»: it reaches the dialog's HTML, which must escape it. */
const BOOK = 'Результаты ВПР 2026 — Гимназия 3 & <Лицей>';

let input: Workbook;
beforeAll(async () => {
  input = (await readXlsx(F1)).data;
});

/** The fake spreadsheet with the Ф1 file's sheets, and the document services beside SpreadsheetApp. */
function setup(): { gas: FakeGas; docs: FakeDocServices; bundle: Bundle } {
  const gas = createFakeGas({ name: BOOK });
  for (const g of input.grids) gas.ss.addSheet(g.name, g.values);
  const docs = fakeDocServices();
  Object.assign(gas.globals.Utilities, { newBlob: docs.blobs.newBlob.bind(docs.blobs) });
  Object.assign(gas.globals.HtmlService, { createHtmlOutput: docs.dialogs.createHtmlOutput.bind(docs.dialogs) });
  Object.assign(gas.ui, { showModalDialog: docs.dialogs.showModalDialog.bind(docs.dialogs) });
  const bundle = loadBundle({ ...gas, globals: { ...gas.globals, Drive: docs.drive } as FakeGas['globals'] });
  return { gas, docs, bundle };
}

describe('dist/Code.js: documents in Google Docs', () => {
  it('the menu has «Справка и ИОМ в Google Документах», a top-level function', () => {
    const { gas, bundle } = setup();
    bundle.call('onOpen', { authMode: 'NONE' });
    expect(gas.ui.menus[0]).toContainEqual({ caption: 'Справка и ИОМ в Google Документах', fn: 'menuDocuments' });
    for (const name of ['menuDocuments', 'createDocuments']) {
      expect(new RegExp(`^function ${name}\\(`, 'm').test(bundle.source), name).toBe(true);
    }
  });

  it('createDocuments makes the справка, the ИОМ and the appendices: one Drive call each, nothing written to the spreadsheet', () => {
    const { gas, docs, bundle } = setup();
    const before = gas.ss.tabNames();
    const r = json(bundle.call('createDocuments') as DocumentsResult);
    expect(r.ok).toBe(true);
    expect(r.documents.map((d) => d.kind)).toEqual(['report', 'routes', 'appendix']);
    expect(r.documents.map((d) => d.title)).toEqual([
      `Аналитическая справка: ВПР 2026 Математика 6 класс (${BOOK})`,
      `Индивидуальные образовательные маршруты: ВПР 2026 Математика 6 класс (${BOOK})`,
      `Приложения к рабочим программам: ВПР 2026 Математика 6 класс (${BOOK})`,
    ]);
    for (const d of r.documents) expect(d.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/doc\d\/edit/);
    expect(docs.log.count('Drive.Files.create')).toBe(3);
    expect(docs.log.count('Utilities.newBlob')).toBe(3);
    expect(gas.ss.tabNames()).toEqual(before);
    // Reads only: every spreadsheet call is a getter.
    const methods = Object.keys(gas.log.byMethod('doc'));
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((m) => !/\.get[A-Z]\w*$/.test(m))).toEqual([]);
    // The справка in Google Docs: every class, and the school's completion per task as the analysis has it.
    const report = docs.drive.docs[0];
    const run = runAnalysis(input);
    const school = run.analyses[0]?.groups.find((g) => g.level === 'school');
    const table = report?.blocks.find(
      (b) => b.kind === 'table' && (b.rows?.[0] ?? []).some((c) => c.startsWith('Школа')) && (b.rows?.[0] ?? [])[0] === 'Задание',
    );
    const col = (table?.rows?.[0] ?? []).findIndex((c) => c.startsWith('Школа'));
    run.analyses[0]?.procedure.tasks.forEach((t, i) => {
      const row = table?.rows?.find((rw) => rw[0]?.startsWith(`${t.id} `));
      const expected = (Math.round((school?.completion[i] as number) * 10) / 10).toFixed(1).replace('.', ',');
      expect(row?.[col], t.id).toBe(expected);
    });
    for (const c of ['6А', '6Б', '6В']) expect(report?.html).toContain(c);
    // ИОМ: one route per student at risk.
    const routes = docs.drive.docs[1]?.blocks.filter((b) => b.kind === 'heading' && b.level === 2) ?? [];
    expect(routes).toHaveLength(run.findings.atRisk.length);
  });

  it('one document, narrowed to a class; a class the spreadsheet does not have is refused with its list, and nothing is created', () => {
    const { docs, bundle } = setup();
    const one = json(bundle.call('createDocuments', { kinds: ['report'], className: '6В' }) as DocumentsResult);
    expect(one.documents).toHaveLength(1);
    expect(docs.drive.docs[0]?.blocks.some((b) => b.text === 'по результатам ВПР 2026 Математика 6 класс (6В класс)')).toBe(true);
    const bad = json(bundle.call('createDocuments', { className: '9Я' }) as DocumentsResult);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.message)).toEqual(['Класса «9Я» нет в выбранных работах. Есть классы: 6А, 6Б, 6В.']);
    expect(docs.log.count('Drive.Files.create')).toBe(1);
  });

  it('bad arguments and Drive failures reach the caller as Russian messages', () => {
    const { docs, bundle } = setup();
    expect(() => bundle.call('createDocuments', { kinds: ['всё'] })).toThrow(/Панель передала неверные данные в «createDocuments»/);
    docs.drive.failNext = new Error('User rate limit exceeded');
    // Google's words become what to do (src/server/api.ts documentsFailure), the original kept in brackets.
    expect(() => bundle.call('createDocuments', { kinds: ['report'] })).toThrow(
      /^Google Диск ограничивает, сколько документов можно создать за минуту\. Подождите минуту .*\(User rate limit exceeded\)$/,
    );
  });

  it('the menu item shows the links in a dialog, every title escaped', () => {
    const { gas, docs, bundle } = setup();
    bundle.call('menuDocuments');
    expect(gas.ui.alerts).toEqual([]);
    expect(docs.dialogs.shown).toHaveLength(1);
    const shown = docs.dialogs.shown[0] as { title: string; html: string };
    expect(shown.title).toBe('Документы ОКО');
    expect(shown.html.match(/<a href="https:\/\/docs\.google\.com\/document\/d\/doc\d\/edit\?usp=drivesdk"/g)).toHaveLength(3);
    expect(shown.html).toContain(
      'Аналитическая справка: ВПР 2026 Математика 6 класс (Результаты ВПР 2026 — Гимназия 3 &amp; &lt;Лицей&gt;)',
    );
    expect(shown.html).not.toContain('<Лицей>');
  });
});
