// `oko report`, `oko routes`, `oko appendix` through the built command (dist/oko.cjs, docx bundled by esbuild).
// Each run starts a Node process: the «files» group's timeouts (vitest.config.ts) fit that.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../bundle/load';
import { tempDir } from '../helpers/xlsx';
import { readDocx } from './read-docx';

const CLI = join(ROOT, 'bin', 'oko.cjs');
const F1 = join(import.meta.dirname, 'fixtures', 'f1-math6.xlsx');

const oko = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the oko document commands', () => {
  it('report, routes and appendix write .docx files that read back whole', () => {
    const dir = tempDir();
    for (const [cmd, file, marker] of [
      ['report', 'справка.docx', 'АНАЛИТИЧЕСКАЯ СПРАВКА'],
      ['routes', 'ИОМ.docx', 'ИНДИВИДУАЛЬНЫЕ ОБРАЗОВАТЕЛЬНЫЕ МАРШРУТЫ'],
      ['appendix', 'приложения.docx', 'ПРИЛОЖЕНИЕ К РАБОЧЕЙ ПРОГРАММЕ'],
    ] as const) {
      const out = join(dir, file);
      const r = oko(cmd, F1, '-o', out, '--date', '2026-05-20');
      expect(r.stderr).toBe('');
      expect(r.status, cmd).toBe(0);
      expect(r.stdout).toContain(`Записано: ${out}`);
      const doc = readDocx(readFileSync(out));
      expect(doc.paragraphs, cmd).toContain(marker);
      expect(doc.files.has('[Content_Types].xml')).toBe(true);
    }
  });

  it('--subject and --class narrow the справка; an unknown class is refused with exit code 2 and nothing written', () => {
    const dir = tempDir();
    const ok = oko('report', F1, '-o', join(dir, 'a.docx'), '--subject', 'математика', '--class', '6В');
    expect(ok.status).toBe(0);
    expect(readDocx(readFileSync(join(dir, 'a.docx'))).paragraphs).toContain('по результатам ВПР 2026 Математика 6 класс (6В класс)');
    const bad = oko('report', F1, '-o', join(dir, 'b.docx'), '--class', '9Я');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Класса «9Я» нет в выбранных работах. Есть классы: 6А, 6Б, 6В.');
    expect(existsSync(join(dir, 'b.docx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('oko-tmp'))).toEqual([]);
  });

  it('names the usage when the workbook is missing', () => {
    const r = oko('routes');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Укажите книгу: oko routes <книга.xlsx>');
  });
});
