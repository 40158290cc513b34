// The at-risk highlight rule (src/core/output/highlight.ts) needs INDIRECT, which HyperFormula does
// not have; it is computed by LibreOffice Calc instead (scripts/libreoffice-formulas.ts, run by
// `npm run formulas:libreoffice`), and what LibreOffice computed is committed beside this test. The
// test checks that the committed formulas are exactly the ones ОКО writes today (otherwise: run the
// script again) and that LibreOffice's values are the right ones: a row is highlighted exactly when
// its participant is at risk, and COUNTIF wildcards in a sheet name do not match other sheets' keys.
import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import computed from './libreoffice/highlight.json';
import { highlightCase } from './libreoffice/highlight-case';

describe('the at-risk highlight rule, computed by LibreOffice Calc', () => {
  const now = highlightCase();

  it('the committed computation is of the formulas ОКО writes today', () => {
    const strip = (c: { sheet: string; row: number; col: number; code: string; formula: string; expected: boolean }) => ({
      sheet: c.sheet,
      row: c.row,
      col: c.col,
      code: c.code,
      formula: c.formula,
      expected: c.expected,
    });
    expect(computed.checks.map(strip)).toEqual(now.checks.map(strip));
    expect(computed.engine).toMatch(/^LibreOffice \d+\./);
    // LibreOffice saved the formulas it computed unchanged (it read them, it did not drop them).
    for (const c of computed.checks) expect(c.savedFormula, `${c.sheet} ${c.row}`).toBe(c.formula.replace(/^=/, ''));
  });

  it('highlights exactly the rows of at-risk participants (102, 103, 202 of the form)', () => {
    const form = computed.checks.filter((c) => c.sheet === 'ВПР Математика 5 класс');
    expect(form.filter((c) => c.value === true).map((c) => c.code)).toEqual(['102', '103', '202']);
    expect(form.filter((c) => c.value === false).map((c) => c.code)).toEqual(['101', '104', '201']);
  });

  it('matches a sheet name with «*», «?» and an apostrophe literally: the decoy key is not highlighted', () => {
    const wild = computed.checks.filter((c) => c.sheet === 'Знаки в имени листа');
    expect(wild.map((c) => [c.code, c.value])).toEqual([
      ['7', true],
      ['8', false],
      ['9', false],
    ]);
  });

  it('is checked by LibreOffice because HyperFormula has no INDIRECT', () => {
    const e = new Engine([{ name: 'Лист', values: [[1]] }]);
    expect(e.hf.calculateFormula('=INDIRECT("A1")', 0)).toMatchObject({ value: '#NAME?' });
  });
});
