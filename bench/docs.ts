// `npm run bench:docs`: time to build the sample school's documents (core: DocSpec) and to render them
// (.docx with the docx library, HTML for Google Docs), with their sizes. Median of several runs after a
// warm-up; the analysis itself is measured by `npm run bench`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectForDocs } from '../src/core/docs/context';
import { renderHtml } from '../src/core/docs/html';
import { buildDocument, DOCUMENT_KINDS } from '../src/core/docs/index';
import { runAnalysis } from '../src/core/pipeline';
import { docxBuffer } from '../src/local/docx';
import { writeSampleSchool } from '../src/local/sample';
import { readXlsx } from '../src/local/xlsx';

const RUNS = Number(process.env.OKO_BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const file = join(mkdtempSync(join(tmpdir(), 'oko-bench-docs-')), 'sample-school.xlsx');
await writeSampleSchool(file);
const { data } = await readXlsx(file);
const run = runAnalysis(data);
const req = { procedure: 'ВПР 2026', resultsDate: '2026-05-15', year: 2026, date: '2026-05-29' };

console.log(`Пример школы: ${run.analyses.length} работ, учеников группы риска ${run.findings.atRisk.length}; ${RUNS} прогонов, медиана`);
console.log('| документ | блоков | построение (ядро), мс | .docx, мс | .docx, КБ | HTML, мс | HTML, КБ |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const kind of DOCUMENT_KINDS) {
  const build: number[] = [];
  const docx: number[] = [];
  const html: number[] = [];
  let docxSize = 0;
  let htmlSize = 0;
  let blocks = 0;
  for (let i = 0; i <= RUNS; i++) {
    let t = performance.now();
    const ctx = selectForDocs(run, req).context;
    if (!ctx) throw new Error('no selection');
    const spec = buildDocument(kind, ctx, data).spec;
    if (!spec) throw new Error(`no ${kind}`);
    const b = performance.now() - t;
    t = performance.now();
    const buf = await docxBuffer(spec);
    const d = performance.now() - t;
    t = performance.now();
    const h = renderHtml(spec);
    const hh = performance.now() - t;
    if (i === 0) continue; // warm-up
    build.push(b);
    docx.push(d);
    html.push(hh);
    docxSize = buf.length;
    htmlSize = Buffer.byteLength(h);
    blocks = spec.blocks.length;
  }
  console.log(
    `| ${kind} | ${blocks} | ${median(build).toFixed(0)} | ${median(docx).toFixed(0)} | ${(docxSize / 1024).toFixed(0)} | ${median(html).toFixed(0)} | ${(htmlSize / 1024).toFixed(0)} |`,
  );
}
