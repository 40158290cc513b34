// The corpus (test/corpus/, made once by scripts/corpus/make.py with openpyxl, xlsxwriter, LibreOffice,
// hand edits): every file either gives the same numbers as its clean twin or a clear Russian refusal;
// what a school put in its workbook (charts, comments, dropdowns, defined names, merged cells, images,
// tables) is still in the output, byte for byte for every part ОКО did not have to touch.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { analyzeFile } from '../../src/local/analyze-file';
import { runAnalyze } from '../../src/local/commands/analyze';
import { CliError } from '../../src/local/commands/common';
import { Package } from '../../src/local/package/opc';
import { readWorkbookPart, workbookPath } from '../../src/local/package/workbook-part';
import { inflateEntry } from '../../src/local/package/zip';
import { readWorkbookFile, UnreadableWorkbook } from '../../src/local/read';

const CORPUS = join(__dirname, '..', 'corpus');
interface Item {
  file: string;
  program: string;
  twin?: 'small' | 'csv';
  refuse?: 'empty' | 'encrypted' | 'damaged' | 'not-workbook';
  features?: string[];
}
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Item[];
const twins = JSON.parse(readFileSync(join(CORPUS, 'twins.json'), 'utf8')) as Record<string, Workbook>;
const fileOf = (i: Item) => join(CORPUS, 'files', i.file);
const dir = mkdtempSync(join(tmpdir(), 'oko-corpus-'));

/** The numbers a file must give: per procedure, every group's participants, completion per task and status. */
function numbers(run: AnalysisRun) {
  return run.analyses.map((a) => ({
    students: a.procedure.students.map((s) => s.code),
    absent: a.procedure.absent.map((s) => s.code),
    tasks: a.procedure.tasks.map((t) => `${t.id}/${t.max}`),
    groups: a.groups.map((g) => ({
      group: `${g.level}:${g.name}`,
      participants: g.participants,
      completion: g.completion,
      mean: g.meanCompletion,
      status: g.status,
    })),
    atRisk: run.findings.atRisk.length,
  }));
}

const twinNumbers = Object.fromEntries(Object.entries(twins).map(([k, wb]) => [k, numbers(runAnalysis(wb))]));

describe('the corpus', { timeout: 60_000 }, () => {
  it('has at least 40 files made by other programs, with twins and refusals', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(40);
    for (const i of manifest) expect(existsSync(fileOf(i)), i.file).toBe(true);
    const programs = new Set(manifest.map((i) => i.program.split(' ')[0]));
    for (const p of ['openpyxl', 'xlsxwriter', 'LibreOffice']) expect(programs.has(p), p).toBe(true);
    for (const ext of ['.xls', '.ods', '.csv'])
      expect(
        manifest.some((i) => i.twin && i.file.endsWith(ext)),
        ext,
      ).toBe(true);
    for (const r of ['empty', 'encrypted', 'damaged', 'not-workbook'])
      expect(
        manifest.some((i) => i.refuse === r),
        r,
      ).toBe(true);
  });

  it('the twins are sound: the small one gives the hand-checked numbers', () => {
    // Hand computation in test/core/analysis.test.ts (max 1, 2, 3): 5А task 1 = (1+0+1)/3 = 66.67 %,
    // task 2 = 3/6 = 50 %, task 3 = 4/9 = 44.44 %; school = 3/5, 5/10, 6/15 = 60, 50, 40 %.
    const small = twinNumbers.small?.[0];
    const close = (xs: number[] | undefined) => xs?.map((x) => Math.round(x * 1e9) / 1e9);
    expect(close(small?.groups.find((g) => g.group === 'class:5А')?.completion)).toEqual(close([200 / 3, 50, 400 / 9]));
    expect(close(small?.groups.find((g) => g.group === 'school:Школа')?.completion)).toEqual([60, 50, 40]);
    expect(twinNumbers.csv?.[0]?.students).toEqual(['101', '102', '103', '201', '202']);
  });

  for (const item of manifest.filter((i) => i.twin)) {
    it(`${item.file} (${item.program}) gives the numbers of its twin`, async () => {
      const { workbook } = await readWorkbookFile(fileOf(item));
      const run = runAnalysis(workbook);
      expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(numbers(run)).toEqual(twinNumbers[item.twin as string]);
    });
  }

  for (const item of manifest.filter((i) => i.refuse)) {
    it(`${item.file} is refused as ${item.refuse}, with a Russian message naming the file`, async () => {
      const err = await readWorkbookFile(fileOf(item)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreadableWorkbook);
      const u = err as UnreadableWorkbook;
      expect(u.kind).toBe(item.refuse);
      expect(u.exitCode).toBe(2);
      expect(u.message).toContain(`«${item.file}»`);
      expect(u.message).toMatch(/^Файл «.+» (пустой|защищён паролем|повреждён|— это не книга Excel)/);
      expect(u.message).not.toMatch(/Error|undefined|at \w+ \(/);
    });
  }

  it('`oko analyze` on an unreadable file: exit code 2, the message, nothing written', async () => {
    for (const item of manifest.filter((i) => i.refuse)) {
      const out = join(dir, `${item.file}.out.xlsx`);
      const err = await runAnalyze([fileOf(item), '-o', out]).catch((e: unknown) => e);
      expect(err, item.file).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
      expect(existsSync(out), item.file).toBe(false);
    }
  });
});

// ---- what the writer keeps --------------------------------------------------------------------------

function wellFormed(name: string, bytes: Uint8Array): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  p.on('error', (e) => {
    error ??= e;
  });
  p.write(new TextDecoder().decode(bytes)).close();
  expect(error, name).toBeNull();
}

const stripCf = (xml: string) => xml.replace(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g, '');

const xlsxItems = manifest.filter((i) => i.twin && /^(openpyxl|xlsxwriter|libreoffice|roundtrip)-.*\.xlsx$/.test(i.file));

describe('the output keeps the school’s workbook', { timeout: 60_000 }, () => {
  for (const item of xlsxItems) {
    it(`${item.file}: untouched parts byte for byte, the user's sheets with only the highlight rule edited`, async () => {
      const out = join(dir, item.file.replace(/\.xlsx$/, '.oko.xlsx'));
      const { run, report } = await analyzeFile(fileOf(item), { out });
      expect(run.ok).toBe(true);
      const input = new Package(readFileSync(fileOf(item)));
      const output = new Package(readFileSync(out));
      const inWb = readWorkbookPart(input, workbookPath(input) as string);
      const outWb = readWorkbookPart(output, workbookPath(output) as string);
      const generated = new Set([...run.write.replace, ...run.write.ensure].map((t) => t.name));
      // Parts ОКО may change: the workbook, its rels, content types, styles; its own tabs (and what hangs off them);
      // the user sheets that get (or lose) the highlight rule; calcChain (a cache) when a tab of ours is replaced.
      const mayChange = new Set([
        '[content_types].xml',
        inWb.path.toLowerCase(),
        `${inWb.path.replace(/[^/]+$/, '')}_rels/${inWb.path.split('/').pop()}.rels`.toLowerCase(),
      ]);
      for (const r of inWb.rels) if (r.part && /\/(styles|calcChain)$/.test(r.type)) mayChange.add(r.part.toLowerCase());
      const ours = inWb.sheets.filter((s) => generated.has(s.name));
      for (const s of ours) {
        if (!s.part) continue;
        mayChange.add(s.part.toLowerCase());
        mayChange.add(s.part.replace(/([^/]+)$/, '_rels/$1.rels').toLowerCase());
        for (const r of input.rels(s.part)) if (r.part) mayChange.add(r.part.toLowerCase());
      }
      const userSheets = inWb.sheets.filter((s) => !generated.has(s.name) && s.part);
      for (const s of userSheets) mayChange.add((s.part as string).toLowerCase());

      for (const e of input.entries) {
        const o = output.entry(e.name);
        if (mayChange.has(e.name.toLowerCase())) continue;
        expect(o, `${e.name} kept`).toBeDefined();
        // Copied as stored: the same compressed bytes and CRC, not just the same content.
        expect(o?.crc, e.name).toBe(e.crc);
        expect(Buffer.from(o?.raw ?? []).equals(Buffer.from(e.raw)), e.name).toBe(true);
      }
      // User sheets: byte-identical but for ОКО's conditional-format blocks.
      for (const s of userSheets) {
        const a = input.text(s.part as string) as string;
        const b = output.text(s.part as string) as string;
        if (a === b) continue;
        expect((run.write.highlights ?? []).map((h) => h.sheet).concat(report?.highlights?.removed ? [s.name] : []), s.name).toContain(
          s.name,
        );
        expect(stripCf(b)).toBe(stripCf(a));
      }
      // ОКО's highlight rule: exactly the ones this run asked for, none left over from an earlier run.
      for (const s of userSheets) {
        const markers = ((output.text(s.part as string) ?? '').match(/N\((?:"|&quot;)ОКО(?:"|&quot;)\)/g) ?? []).length;
        const wanted = (run.write.highlights ?? []).filter((h) => h.sheet === s.name).reduce((n, h) => n + h.rules.length, 0);
        expect(markers, `${s.name}: ОКО rules`).toBe(wanted);
      }
      // Every sheet of the input is still there, in its place (but stale tabs of ours), before ОКО's new tabs.
      const names = outWb.sheets.map((s) => s.name);
      const kept = inWb.sheets.map((s) => s.name).filter((n) => !report?.deleted.includes(n));
      expect(names.slice(0, kept.length)).toEqual(kept);
      for (const g of generated)
        expect(
          names.filter((n) => n === g),
          g,
        ).toHaveLength(1);
      // What the school made is all there.
      const wbXml = output.text(outWb.path) as string;
      for (const dn of inWb.xml.match(/<definedName[\s\S]*?<\/definedName>/g) ?? []) expect(wbXml, dn).toContain(dn);
      const sheetXml = userSheets.map((s) => output.text(s.part as string) ?? '').join('');
      const features = item.features ?? [];
      if (features.includes('dropdowns')) expect(sheetXml).toMatch(/<(x14:)?dataValidation[\s>]/);
      if (features.includes('merges')) expect(sheetXml + [...output.entries].map((e) => e.name).join()).toMatch(/<mergeCell /);
      if (features.includes('comments')) expect(output.entries.some((e) => /comments\d*\.xml$/i.test(e.name))).toBe(true);
      if (features.includes('chart')) expect(output.entries.some((e) => /charts\/chart\d+\.xml$/i.test(e.name))).toBe(true);
      if (features.includes('image')) expect(output.entries.some((e) => /media\/image\d+\.png$/i.test(e.name))).toBe(true);
      if (features.includes('table')) expect(output.entries.some((e) => /tables\/table\d+\.xml$/i.test(e.name))).toBe(true);
      if (features.includes('userRules')) expect(sheetXml).toMatch(/<cfRule type="cellIs"/);
      // Every part ОКО wrote is well-formed, namespaced XML.
      for (const e of output.entries) {
        const before = input.entry(e.name);
        if (before && before.crc === e.crc) continue;
        if (/\.(xml|rels|vml)$/i.test(e.name)) wellFormed(e.name, inflateEntry(e));
      }
    });
  }

  it('a second run on its own output replaces ОКО’s parts: no copies, no growth', async () => {
    const item = manifest.find((i) => i.file === 'xlsxwriter-everything.xlsx') as Item;
    const first = join(dir, 'again-1.xlsx');
    const second = join(dir, 'again-2.xlsx');
    await analyzeFile(fileOf(item), { out: first });
    await analyzeFile(first, { out: second });
    const a = new Package(readFileSync(first));
    const b = new Package(readFileSync(second));
    expect(b.entries.map((e) => e.name).sort()).toEqual(a.entries.map((e) => e.name).sort());
    const wa = readWorkbookPart(a, workbookPath(a) as string);
    const wb = readWorkbookPart(b, workbookPath(b) as string);
    expect(wb.sheets.map((s) => s.name)).toEqual(wa.sheets.map((s) => s.name));
    const styles = (p: Package, w: typeof wa) => p.text(w.rels.find((r) => r.type.endsWith('/styles'))?.part as string);
    expect(styles(b, wb)).toBe(styles(a, wa));
    // The generated tabs read back the same values.
    const ga = (await readWorkbookFile(first)).workbook.grids;
    const gb = (await readWorkbookFile(second)).workbook.grids;
    expect(gb).toEqual(ga);
  });
});
