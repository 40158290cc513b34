// The sample school (npm start): the combined справка of the latest round, read back from .docx.
import { beforeAll, describe, expect, it } from 'vitest';
import { groupStudents } from '../../src/core/analysis/mark-groups';
import { markStats } from '../../src/core/analysis/marks';
import { type DocsContext, selectForDocs } from '../../src/core/docs/context';
import { buildReport } from '../../src/core/docs/report';
import { benchmarksOf } from '../../src/core/input/benchmarks';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { docxBuffer } from '../../src/local/docx';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { type DocxContent, num, readDocx, tableWithHeaders } from './read-docx';

let run: AnalysisRun;
let ctx: DocsContext;
let doc: DocxContent;
let info: string[];
beforeAll(async () => {
  run = runAnalysis(workbookGrids(buildSampleWorkbook(1), 'sample-school'));
  const sel = selectForDocs(run, { date: '2026-05-29' });
  ctx = sel.context as DocsContext;
  info = sel.problems.map((p) => p.message);
  doc = readDocx(await docxBuffer(buildReport(ctx)));
});

describe('the sample school’s combined справка', () => {
  it('takes the latest round (ВПР 2026) and says which works stayed out', () => {
    expect(run.analyses).toHaveLength(15);
    expect(ctx.analyses.map((a) => `${a.procedure.meta.kind} ${a.procedure.meta.year}`)).toEqual(Array(12).fill('ВПР 2026'));
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(
      /^В документы вошли работы «ВПР 2026» — последняя серия в книге\. Не вошли: «ВПР 2025 Математика 4 класс», «Входная диагностика 2025/,
    );
  });

  it('summarises every work with the numbers of its section', () => {
    const summary = tableWithHeaders(doc, 'Работа', 'Участников', 'Качество');
    expect(summary.rows.slice(1).map((r) => r[0])).toEqual(ctx.analyses.map((a) => a.procedure.title));
    for (const a of ctx.analyses) {
      const school = a.groups.find((g) => g.level === 'school');
      const row = summary.rows.find((r) => r[0] === a.procedure.title) as string[];
      expect(Number(row[1]), a.procedure.title).toBe(school?.participants);
      expect(num(row[4] as string)).toBe(Math.round((school?.meanCompletion as number) * 10) / 10);
      expect(Number(row[5])).toBe(school?.status.filter((s) => s === 'insufficient').length);
      // Each work has its own section, starting on a new page.
      expect(doc.paragraphs.some((p) => p.endsWith(`. ${a.procedure.title}`))).toBe(true);
    }
    expect(doc.xml.match(/<w:br w:type="page"\/>/g)?.length).toBeGreaterThanOrEqual(12);
  });

  it('puts the grade-4 works beside their benchmarks from «Эталоны», and names teachers', () => {
    const bm = doc.tables.filter((t) => (t.rows[0] ?? []).some((c) => c.startsWith('Качество: разница')));
    expect(bm).toHaveLength(2);
    const grade4 = ctx.analyses.filter((a) => benchmarksOf(run.data.benchmarks, a.procedure).marks.length > 0);
    expect(grade4.map((a) => a.procedure.meta.grade)).toEqual([4, 4]);
    grade4.forEach((a, i) => {
      const t = bm[i] as (typeof bm)[number];
      const rows = benchmarksOf(run.data.benchmarks, a.procedure).marks;
      expect(t.rows.slice(1).map((r) => r[0])).toEqual(['Школа', ...rows.map((r) => r.group)]);
      // Quality difference, school − benchmark, in percentage points.
      const school = a.groups.find((g) => g.level === 'school');
      const ours = markStats(groupStudents(a.procedure, school as NonNullable<typeof school>)).quality;
      rows.forEach((r, j) => {
        const diff = Math.round((ours - (r.percent['4'] + r.percent['5'])) * 10) / 10;
        expect(num(t.rows[j + 2]?.[7] as string), r.group).toBe(diff);
      });
    });
    expect(doc.text).toContain('Учителя (лист «Классы и учителя»)');
    expect(doc.text).not.toContain('Не проверено: учителя классов');
  });
});
