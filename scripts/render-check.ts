// «Readable everywhere»: renders ОКО's tabs as LibreOffice shows them, to PNG, for a person to look at.
// A documented check, not a timed test. Needs LibreOffice and poppler-utils:
//   apt-get install -y libreoffice-calc-nogui poppler-utils
//   npm run build && npx tsx scripts/render-check.ts [folder]     # → folder/<tab>.png (default out/render)
// Input: the corpus school made by openpyxl (test/corpus), analysed and given a roadmap by the CLI.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../src/local/read';

const TABS = ['Дефициты по классам', 'Группа риска', 'Объективность', 'Дорожная карта · ВПР МА 5', 'Исполнение'];

async function main(): Promise<void> {
  const out = process.argv[2] ?? join('out', 'render');
  mkdirSync(out, { recursive: true });
  const analysed = join(out, 'analysed.xlsx');
  const book = join(out, 'school.oko.xlsx');
  const oko = (...args: string[]) => execFileSync(process.execPath, ['bin/oko.cjs', ...args, '-q'], { stdio: 'inherit' });
  oko('analyze', 'test/corpus/files/openpyxl-plain.xlsx', '-o', analysed);
  oko(
    'roadmap',
    analysed,
    '--template',
    'region-model-roadmap',
    '--year',
    '2026',
    '--procedure',
    'ВПР, математика, 5 класс',
    '--results-date',
    '2026-05-15',
    '--today',
    '2026-11-23',
    '-o',
    book,
  );
  // One PDF page per sheet, each sheet whole on its page: page N is sheet N.
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
      '--outdir',
      out,
      book,
    ],
    {
      stdio: 'ignore',
    },
  );
  const pdf = join(out, 'school.oko.pdf');
  const names = (await readWorkbookFile(book)).workbook.grids.map((g) => g.name);
  for (const tab of TABS) {
    const page = names.indexOf(tab) + 1;
    if (page === 0) continue;
    const png = join(out, tab.replace(/[^\p{L}\p{N}]+/gu, '-'));
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-png', '-r', '70', '-singlefile', pdf, png]);
    process.stdout.write(`${png}.png — «${tab}»\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
