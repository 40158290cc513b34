// Builds everything into dist/:
//   <edition>/     one folder per edition (scripts/editions.mjs), each the root of its own Apps Script
//                  project: Code.js (an IIFE + a top-level function per entry point, because Apps
//                  Script only sees top-level function declarations), Sidebar.html (script and styles
//                  inlined, no CDN), appsscript.json, .clasp.json;
//   cli/oko.mjs    the Node command line, ESM with one chunk per command (outside every edition's
//                  folder, so no push uploads it); bin/oko.cjs loads it.
// Code.js is minified: Apps Script parses the whole file on every execution (menu click, sidebar
// call, trigger), so its size is paid on each of them (`npm run bench` reports size and load time).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { EDITIONS, editionDir, PLACEHOLDER_SCRIPT_ID } from './editions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SIDEBAR_LIMIT = 150 * 1024;

/**
 * The server bundle of an edition. Its entry exports `topLevel`, an object of every function Apps
 * Script may call by name (src/server/edition.ts); the build loads the bundle once in node:vm to read
 * those names, and declares one top-level function for each.
 */
async function buildServer(edition, outDir) {
  const result = await build({
    entryPoints: [join(root, edition.entry)],
    bundle: true,
    format: 'iife',
    globalName: edition.global,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].text;
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: `${edition.id}/Code.js` });
  const exposed = context[edition.global]?.topLevel;
  if (!exposed || typeof exposed !== 'object') throw new Error(`${edition.entry} must export topLevel`);
  const names = Object.keys(exposed);
  for (const n of names) if (!/^[A-Za-z_$][\w$]*$/.test(n)) throw new Error(`${edition.entry}: entry point name ${n} is not an identifier`);
  if (names.length === 0) throw new Error(`${edition.entry} exposes nothing`);
  const footer = names.map((n) => `function ${n}() { return ${edition.global}.topLevel.${n}.apply(this, arguments); }`).join('\n');
  writeFileSync(join(outDir, 'Code.js'), `${code}\n// Entry points Apps Script can call by name.\n${footer}\n`);
  return names;
}

// A panel: <dir>/main.ts bundled into the one shell, sidebar/index.html, with the styles inlined and
// the panel's <title> if it has one; one file ≤ 150 KB.
async function buildSidebar({ dir, styles, title }) {
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
  const html = readFileSync(join(root, 'sidebar/index.html'), 'utf8')
    .replace(/^ *<!--TITLE-->\n/m, () => (title ? `    <title>${title}</title>\n` : ''))
    .replace('/*STYLES*/', () => css)
    .replace('/*SCRIPT*/', () => js);
  if (html.length > SIDEBAR_LIMIT) throw new Error(`${dir}: Sidebar.html is ${html.length} bytes, over the ${SIDEBAR_LIMIT} limit`);
  return html;
}

/**
 * dist/<id>/.clasp.json: the project file clasp pushes from (rootDir "." — the folder itself). The
 * script id comes from editions/<id>/.clasp.json once the maintainer has written it there; until
 * then an id written straight into dist/<id>/.clasp.json survives rebuilds.
 */
function claspFile(id, outDir) {
  const tracked = JSON.parse(readFileSync(join(root, 'editions', id, '.clasp.json'), 'utf8'));
  const target = join(outDir, '.clasp.json');
  let scriptId = tracked.scriptId;
  if (PLACEHOLDER_SCRIPT_ID.test(scriptId) && existsSync(target)) {
    const built = JSON.parse(readFileSync(target, 'utf8')).scriptId;
    if (typeof built === 'string' && !PLACEHOLDER_SCRIPT_ID.test(built)) scriptId = built;
  }
  writeFileSync(target, `${JSON.stringify({ scriptId, rootDir: '.' }, null, 2)}\n`);
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

async function buildEdition(edition, sidebars) {
  const out = editionDir(root, edition.id);
  mkdirSync(out, { recursive: true });
  const names = await buildServer(edition, out);
  const html = await sidebars.get(edition.sidebar.dir);
  writeFileSync(join(out, 'Sidebar.html'), html);
  copyFileSync(join(root, 'editions', edition.id, 'appsscript.json'), join(out, 'appsscript.json'));
  claspFile(edition.id, out);
  return `dist/${edition.id}: ${names.length} entry points, Code.js ${kb(readFileSync(join(out, 'Code.js')).length)}, Sidebar.html ${kb(html.length)}`;
}

const kb = (n) => `${Math.round(n / 1024)} KB`;

const started = Date.now();
mkdirSync(dist, { recursive: true });
rmSync(join(dist, 'cli'), { recursive: true, force: true });
rmSync(join(dist, 'oko.cjs'), { force: true });
// Files of the layout before one folder per edition: left in dist/, clasp would upload them with the school's.
for (const f of ['Code.js', 'Sidebar.html', 'appsscript.json']) rmSync(join(dist, f), { force: true });
// Each panel is built once, even when two editions share it.
const sidebars = new Map();
for (const e of EDITIONS) if (!sidebars.has(e.sidebar.dir)) sidebars.set(e.sidebar.dir, buildSidebar(e.sidebar));
const [, ...lines] = await Promise.all([buildCli(), ...EDITIONS.map((e) => buildEdition(e, sidebars))]);
console.log(`build: dist/cli/oko.mjs; ${lines.join('; ')} in ${Date.now() - started} ms`);
