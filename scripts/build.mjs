// Builds everything into dist/:
//   Code.js        the Apps Script bundle: an IIFE (global OKO) + a top-level function per export,
//                  because Apps Script only sees top-level function declarations;
//   Sidebar.html   the sidebar, script and styles inlined (no CDN);
//   appsscript.json the manifest; cli/oko.mjs (+ chunks) the Node command line;
//   municipal/     the municipal edition (Code.js, Sidebar.html from sidebar/municipal/, appsscript.json,
//                  .clasp.json template).
//   digest/        the e-mail digest edition «школа + рассылка» (Code.js, the school's Sidebar.html,
//                  appsscript.json, .clasp.json template).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const GLOBAL = 'OKO';
const SIDEBAR_LIMIT = 150 * 1024;

async function buildServer(entry = 'src/server/index.ts', outDir = dist, globalName = GLOBAL) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    metafile: true,
    write: false,
    legalComments: 'none',
  });
  const out = result.outputFiles[0];
  // esbuild lists an entry's exports in the metafile only for ESM output, so the names come from an
  // ESM pass of the same entry (nothing is written).
  const esm = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const meta = Object.values(esm.metafile.outputs).find((o) => o.entryPoint);
  const names = meta.exports.filter((n) => n !== 'default');
  if (names.length === 0) throw new Error(`${entry} exports nothing`);
  const footer = names.map((n) => `function ${n}() { return ${globalName}.${n}.apply(this, arguments); }`).join('\n');
  writeFileSync(join(outDir, 'Code.js'), `${out.text}\n// Entry points Apps Script can call by name.\n${footer}\n`);
  return names;
}

// A panel: <dir>/main.ts bundled into <dir>/index.html with the styles inlined, one file ≤ 150 KB.
async function buildSidebar(dir = 'sidebar', outDir = dist, styles = ['sidebar/styles.css']) {
  const result = await build({
    entryPoints: [join(root, dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    minify: true,
    write: false,
    legalComments: 'none',
    tsconfig: join(root, 'sidebar/tsconfig.json'),
  });
  // A literal "</script" inside the inlined bundle would end the script element early.
  const js = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = styles.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
  const html = readFileSync(join(root, dir, 'index.html'), 'utf8')
    .replace('/*STYLES*/', () => css)
    .replace('/*SCRIPT*/', () => js);
  if (html.length > SIDEBAR_LIMIT) throw new Error(`${dir}: Sidebar.html is ${html.length} bytes, over the ${SIDEBAR_LIMIT} limit`);
  writeFileSync(join(outDir, 'Sidebar.html'), html);
  return html.length;
}

async function buildCli() {
  // ESM with code splitting: `oko --version` and `oko help` load only the small entry chunk; each
  // command's code (and ExcelJS or SheetJS) is loaded when that command runs.
  await build({
    entryPoints: { oko: join(root, 'src/local/cli.ts') },
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'node',
    target: 'node20',
    outdir: join(dist, 'cli'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Loaded only by the commands that need them.
    external: ['exceljs', 'playwright-core', '@e965/xlsx'],
    define: { OKO_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    charset: 'utf8',
    legalComments: 'none',
  });
}

const started = Date.now();
rmSync(join(dist, 'cli'), { recursive: true, force: true });
rmSync(join(dist, 'oko.cjs'), { force: true });
const tasks = [buildCli()];
if (existsSync(join(root, 'src/server/index.ts'))) tasks.push(buildServer());
if (existsSync(join(root, 'sidebar/main.ts'))) tasks.push(buildSidebar());
const [, names, sidebarBytes] = await Promise.all(tasks);
for (const m of ['appsscript.json']) copyFileSync(join(root, m), join(dist, m));
// The municipal edition (docs/municipal.md): its own entry, manifest and clasp project in dist/municipal/.
// .clasp.json is copied only when missing, so a scriptId written into dist/municipal survives rebuilds.
let municipalNames = null;
let municipalSidebarBytes = null;
if (existsSync(join(root, 'src/server/municipal/index.ts'))) {
  const out = join(dist, 'municipal');
  mkdirSync(out, { recursive: true });
  municipalNames = await buildServer('src/server/municipal/index.ts', out, 'OKO_MUNICIPAL');
  if (existsSync(join(root, 'sidebar/municipal/main.ts')))
    municipalSidebarBytes = await buildSidebar('sidebar/municipal', out, ['sidebar/styles.css', 'sidebar/municipal/styles.css']);
  copyFileSync(join(root, 'editions/municipal/appsscript.json'), join(out, 'appsscript.json'));
  if (!existsSync(join(out, '.clasp.json'))) copyFileSync(join(root, 'editions/municipal/.clasp.json'), join(out, '.clasp.json'));
}
// The e-mail digest edition (docs/roadmap.md, «Еженедельная рассылка»): the school edition plus the digest entry
// points, with its own manifest (mail and trigger scopes) in dist/digest/; the school's dist/ is not widened.
let digestNames = null;
if (existsSync(join(root, 'src/server/digest/index.ts'))) {
  const out = join(dist, 'digest');
  mkdirSync(out, { recursive: true });
  digestNames = await buildServer('src/server/digest/index.ts', out, 'OKO_DIGEST');
  if (sidebarBytes) copyFileSync(join(dist, 'Sidebar.html'), join(out, 'Sidebar.html'));
  copyFileSync(join(root, 'editions/digest/appsscript.json'), join(out, 'appsscript.json'));
  if (!existsSync(join(out, '.clasp.json'))) copyFileSync(join(root, 'editions/digest/.clasp.json'), join(out, '.clasp.json'));
}
console.log(
  `build: dist/cli/oko.mjs${names ? `, dist/Code.js (${names.length} entry points)` : ''}${sidebarBytes ? `, dist/Sidebar.html (${Math.round(sidebarBytes / 1024)} KB)` : ''}${municipalNames ? `, dist/municipal/Code.js (${municipalNames.length} entry points)` : ''}${municipalSidebarBytes ? `, dist/municipal/Sidebar.html (${Math.round(municipalSidebarBytes / 1024)} KB)` : ''}${digestNames ? `, dist/digest/Code.js (${digestNames.length} entry points)` : ''} in ${Date.now() - started} ms`,
);
