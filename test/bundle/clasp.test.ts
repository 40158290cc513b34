// Each push uploads exactly one edition: clasp's own file list (show-file-status, offline — it only
// reads the project folder) for every edition, with the very arguments `npm run push…` uses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../scripts/editions.mjs';
import { CLASP, claspArgs } from '../../scripts/push.mjs';
import { ROOT } from './load';

/** A home without clasp credentials: the status needs none, and the test must not find any. */
const HOME = mkdtempSync(join(tmpdir(), 'oko-clasp-'));

function fileStatus(id: string): { filesToPush: string[]; untrackedFiles: string[] } {
  const r = spawnSync(process.execPath, [CLASP, ...claspArgs(id, 'show-file-status'), '--json'], {
    cwd: ROOT,
    env: { ...process.env, HOME, clasp_config_auth: join(HOME, '.clasprc.json') },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
}

/** Names declared as top-level functions (Apps Script calls these by name). */
function topLevelFunctions(source: string): string[] {
  return [...source.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string);
}

describe('clasp sees one edition per project', () => {
  for (const edition of EDITIONS) {
    it(`${edition.id}: one manifest, that edition's scripts only, no function declared twice`, () => {
      const { filesToPush } = fileStatus(edition.id);
      const dir = join('dist', edition.id);
      expect(filesToPush.map((f) => f.replaceAll('\\', '/')).sort()).toEqual([
        `${dir}/Code.js`,
        `${dir}/Sidebar.html`,
        `${dir}/appsscript.json`,
      ]);
      expect(filesToPush.filter((f) => basename(f) === 'appsscript.json')).toHaveLength(1);
      const names = filesToPush.filter((f) => f.endsWith('.js')).flatMap((f) => topLevelFunctions(readFileSync(join(ROOT, f), 'utf8')));
      expect(names).toContain('onOpen');
      expect(names.length).toBeGreaterThan(5);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    });
  }

  it('the editions are built into sibling folders, none inside another', () => {
    const dirs = EDITIONS.map((e) => `dist/${e.id}/`);
    for (const a of dirs) for (const b of dirs) if (a !== b) expect(a.startsWith(b)).toBe(false);
    expect(new Set(EDITIONS.map((e) => e.global)).size).toBe(EDITIONS.length);
  });
});
