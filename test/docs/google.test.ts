// The Google Docs renderer against the strict fake of the Drive service: one call per document whatever
// its size, the converted document holding the same numbers as the .docx, user text never markup.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectForDocs } from '../../src/core/docs/context';
import { escapeHtml, renderHtml } from '../../src/core/docs/html';
import { buildDocument } from '../../src/core/docs/index';
import { buildReport } from '../../src/core/docs/report';
import type { DocSpec } from '../../src/core/docs/spec';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { docxBuffer } from '../../src/local/docx';
import { readXlsx } from '../../src/local/xlsx';
import { createGoogleDoc, type DocumentServices } from '../../src/sheets/docs';
import { UserFacingError } from '../../src/sheets/errors';
import { formWorkbook } from '../helpers/grids';
import { docModel, type FakeDocServices, fakeDocServices, parseHtml } from './fake-drive';
import { readDocx, tableWithHeaders } from './read-docx';

const F1 = join(import.meta.dirname, 'fixtures', 'f1-math6.xlsx');

function services(f: FakeDocServices): DocumentServices {
  return { drive: f.drive, blobs: f.blobs, html: f.dialogs, ui: () => f.dialogs };
}

describe('Google Docs from DocSpecs (Drive conversion of one HTML file)', () => {
  let run: AnalysisRun;
  let spec: DocSpec;
  beforeAll(async () => {
    run = runAnalysis((await readXlsx(F1)).data);
    spec = buildReport(selectForDocs(run, { date: '2026-05-20' }).context as NonNullable<ReturnType<typeof selectForDocs>['context']>);
  });

  it('makes one Drive call and one blob per document, and the document holds the .docx’s tables', async () => {
    const f = fakeDocServices();
    const doc = createGoogleDoc(spec, 'Справка (тест)', services(f));
    expect(f.log.calls).toEqual(['Utilities.newBlob', 'Drive.Files.create']);
    expect(doc.url).toBe('https://docs.google.com/document/d/doc1/edit?usp=drivesdk');
    const made = f.drive.docs[0];
    expect(made?.name).toBe('Справка (тест)');
    const docx = readDocx(await docxBuffer(spec));
    const gTables = made?.blocks.filter((b) => b.kind === 'table') ?? [];
    expect(gTables.map((t) => t.rows)).toEqual(docx.tables.map((t) => t.rows));
    // Status colours survive as cell backgrounds, where the .docx has its shading.
    const tasks = tableWithHeaders(docx, 'Задание', 'Школа');
    const gTasks = gTables[docx.tables.indexOf(tasks)];
    expect(gTasks?.fills?.map((r) => r.map((c) => c.replace('#', '')))).toEqual(
      tasks.fills.map((r, i) => (i === 0 ? r.map(() => 'D9D9D9') : r)),
    );
    // Portrait A4: the columns add up to the content width (170 mm = 481,9 pt) or less.
    for (const t of gTables) expect((t.widthsPt ?? []).reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(482);
    // The page breaks of a combined справка come as page-break-before on the next block.
    expect(made?.blocks[0]?.text).toBe('МАОУ «Гимназия № 3»');
  });

  it('one call per document for the largest document too (ИОМ of every student at risk)', () => {
    const ctx = selectForDocs(run, {}).context as NonNullable<ReturnType<typeof selectForDocs>['context']>;
    const routes = buildDocument('routes', ctx).spec as DocSpec;
    const f = fakeDocServices();
    createGoogleDoc(routes, 'ИОМ', services(f));
    expect(f.log.count('Drive.Files.create')).toBe(1);
    expect(f.log.calls).toHaveLength(2);
    const headings = f.drive.docs[0]?.blocks.filter((b) => b.kind === 'heading' && b.level === 2) ?? [];
    expect(headings).toHaveLength(run.findings.atRisk.length);
    // Every route after the first starts on a new page.
    expect(headings.slice(1).every((h) => h.pageBreakBefore)).toBe(true);
    expect(headings[0]?.pageBreakBefore).toBe(false);
  });

  it('never turns data into markup: a skill or a sheet name with «<», «&» or quotes stays text', () => {
    const wb = formWorkbook();
    const plan = wb.grids.find((g) => g.name === 'План заданий');
    if (plan) plan.values[1] = ['1', 1, 'Б', '<b>Вычисления</b> & «дроби» "x" \'y\''];
    const r = runAnalysis(wb);
    const s = buildReport(selectForDocs(r, {}).context as NonNullable<ReturnType<typeof selectForDocs>['context']>);
    const html = renderHtml(s);
    const blocks = docModel(parseHtml(html));
    expect(blocks.some((b) => b.text.includes('<b>Вычисления</b> & «дроби» "x" \'y\''))).toBe(true);
    expect(html).not.toContain('<b>Вычисления');
    expect(escapeHtml('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('the strict fake refuses what the API would (so the renderer is tested against it)', () => {
    const f = fakeDocServices();
    expect(() =>
      f.drive.Files.create({ name: 'x', mimeType: 'text/plain' }, f.blobs.newBlob('<!DOCTYPE html>', 'text/html', 'x'), {}),
    ).toThrow(/expected a Google Docs conversion/);
    expect(() => f.drive.Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document', title: 'y' }, null, {})).toThrow(
      /Invalid field/,
    );
    expect(() => parseHtml('<!DOCTYPE html><html><body><p>a < b</p></body></html>')).toThrow(/raw/);
    expect(() => parseHtml('<!DOCTYPE html><html><body><p>a &nbsp; b</p></body></html>')).toThrow(/unknown entity/);
    expect(() => parseHtml('<!DOCTYPE html><html><body><p><strong>a</p></strong></body></html>')).toThrow(/closes/);
    expect(() => parseHtml('<!DOCTYPE html><html><body><script>x</script></body></html>')).toThrow(/not kept/);
  });

  it('a Drive failure or a missing Drive service is a Russian message, not a stack trace', () => {
    const f = fakeDocServices();
    expect(() => createGoogleDoc(spec, 'x', { ...services(f), drive: undefined })).toThrow(UserFacingError);
    expect(() => createGoogleDoc(spec, 'x', { ...services(f), drive: undefined })).toThrow(/Служба Google Drive не подключена/);
    expect(f.log.calls).toEqual([]);
  });
});

describe('images, where a host can place them', () => {
  // A 1×1 PNG (red pixel).
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const spec: DocSpec = {
    title: 'Картинка',
    fileName: 'картинка',
    blocks: [{ kind: 'image', png: new Uint8Array(PNG), widthMm: 40, heightMm: 20, alt: 'Распределение баллов' }],
  };

  it('.docx embeds the picture; the Google HTML carries it as data and its alternative text', async () => {
    const doc = readDocx(await docxBuffer(spec));
    const media = [...doc.files.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(doc.files.get(media[0] as string)?.equals(PNG)).toBe(true);
    expect(doc.xml).toContain('descr="Распределение баллов"');
    const html = renderHtml(spec);
    expect(html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(html).toContain('alt="Распределение баллов"');
    expect(docModel(parseHtml(html))).toHaveLength(1);
  });
});
