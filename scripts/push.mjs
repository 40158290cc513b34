// `npm run push[:municipal|:digest]`: builds, then uploads ONE edition to its own Apps Script project
// with clasp. clasp 3.4.1 accepts a project path given with -P only when it is absolute (a relative
// one fails with «srcDir "." escapes project root»), so the path is made absolute here. The same
// arguments, with show-file-status instead of push, are what test/bundle/clasp.test.ts runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITIONS, editionDir, PLACEHOLDER_SCRIPT_ID } from './editions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** clasp's arguments for one edition: its own folder as the project, absolute. */
export function claspArgs(id, command) {
  if (!EDITIONS.some((e) => e.id === id)) throw new Error(`unknown edition ${id}`);
  return ['-P', resolve(editionDir(root, id)), command];
}

export const CLASP = join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const id = process.argv[2] ?? 'school';
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const project = JSON.parse(readFileSync(join(editionDir(root, id), '.clasp.json'), 'utf8'));
  if (PLACEHOLDER_SCRIPT_ID.test(project.scriptId)) {
    console.error(
      `ОКО: у редакции «${id}» не указан идентификатор скрипта. Впишите его в editions/${id}/.clasp.json (scriptId) и повторите.`,
    );
    process.exit(1);
  }
  const pushed = spawnSync(process.execPath, [CLASP, ...claspArgs(id, 'push'), ...process.argv.slice(3)], { stdio: 'inherit' });
  process.exit(pushed.status ?? 1);
}
