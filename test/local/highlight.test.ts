// Highlighting at-risk students in the user's own sheets of an .xlsx, and removing it: values and the
// user's own conditional formats must stay exactly as they were.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/local/analyze-file';
import { unhighlightFile } from '../../src/local/commands/unhighlight';
import { DIAG, riskBook, VPR_MA, VPR_RU } from '../helpers/findings';
import { tempDir } from '../helpers/xlsx';

const root = join(__dirname, '..', '..');
const USER_SHEETS = [DIAG, VPR_MA, VPR_RU, 'Соответствие кодов'];
const MARKER = 'N("ОКО")';

type Cf = { ref: string; rules: { type: string; priority: number; formulae?: string[]; operator?: string }[] };
const cfOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
const ours = (ws: ExcelJS.Worksheet) => cfOf(ws).flatMap((b) => b.rules.filter((r) => r.formulae?.some((f) => f.includes(MARKER))));
const theirs = (ws: ExcelJS.Worksheet) =>
  cfOf(ws).flatMap((b) => b.rules.filter((r) => !r.formulae?.some((f) => f.includes(MARKER))).map((r) => ({ ref: b.ref, ...r })));

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of the user's sheets: address → value (formulas with their text and cached result). */
function cells(wb: ExcelJS.Workbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of USER_SHEETS) {
    const ws = wb.getWorksheet(name);
    ws?.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${name}!${cell.address}`, JSON.parse(JSON.stringify(cell.value)));
      });
    });
  }
  return out;
}

/** The user's workbook: the hand-made school plus a formula column and two conditional formats of their own. */
async function writeUserBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of riskBook().grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== '') ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }
  const ma = wb.getWorksheet(VPR_MA) as ExcelJS.Worksheet;
  // A note column with a formula the user keeps beside the results (not a task, not read).
  ma.getCell('G1').value = 'Заметка';
  ma.getCell('G2').value = { formula: 'C2+D2', result: 12 } as ExcelJS.CellFormulaValue;
  ma.addConditionalFormatting({
    ref: 'E2:E9',
    rules: [{ type: 'expression', priority: 1, formulae: ['$E2=2'], style: { font: { color: { argb: 'FFFF0000' } } } }],
  });
  ma.addConditionalFormatting({
    ref: 'C2:D9',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        priority: 2,
        formulae: ['8'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } },
      },
    ],
  });
  await wb.xlsx.writeFile(path);
}

describe('highlighting at-risk rows in the user’s .xlsx', () => {
  const dir = tempDir();
  const input = join(dir, 'школа.xlsx');
  const first = join(dir, 'первый.xlsx');
  const second = join(dir, 'второй.xlsx');
  const cleared = join(dir, 'снято.xlsx');
  let before: Map<string, unknown>;
  let userRules: ReturnType<typeof theirs>;

  beforeAll(async () => {
    await writeUserBook(input);
    const src = await open(input);
    before = cells(src);
    userRules = theirs(src.getWorksheet(VPR_MA) as ExcelJS.Worksheet);
    await analyzeFile(input, { out: first });
    await analyzeFile(first, { out: second });
    await unhighlightFile(second, cleared);
  });

  it('the user’s two rules are read from the file (ExcelJS keeps them)', () => {
    expect(userRules.map((r) => [r.ref, r.type, r.formulae])).toEqual([
      ['E2:E9', 'expression', ['$E2=2']],
      ['C2:D9', 'cellIs', ['8']],
    ]);
  });

  it('adds one marked rule per results sheet with an at-risk row, after the user’s rules', async () => {
    const wb = await open(first);
    for (const name of [DIAG, VPR_MA, VPR_RU]) expect(ours(wb.getWorksheet(name) as ExcelJS.Worksheet)).toHaveLength(1);
    const ma = wb.getWorksheet(VPR_MA) as ExcelJS.Worksheet;
    const rule = ours(ma)[0];
    expect(rule?.formulae).toEqual([`AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$P:$P"),"=${VPR_MA}|"&$A2)>0)`]);
    // Lowest precedence: the user's rules (priorities 1, 2) win where they apply.
    expect(rule?.priority).toBeGreaterThan(Math.max(...theirs(ma).map((r) => r.priority)));
    // Rows 2–9 (first to last student, the absent one included), across the header up to the user's «Заметка» (G).
    expect(cfOf(ma).find((b) => b.rules.includes(rule as Cf['rules'][number]))?.ref).toBe('A2:G9');
    // The keys the rule looks up are on the generated tab.
    expect(wb.getWorksheet('Группа риска')?.getCell('P6').value).toBe(`${VPR_MA}|101`);
  });

  it('leaves every value of the user’s sheets as it was, cell by cell — after analysing, re-analysing and un-highlighting', async () => {
    for (const path of [first, second, cleared]) {
      const after = cells(await open(path));
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [addr, v] of before) expect(after.get(addr), addr).toEqual(v);
    }
  });

  it('re-running replaces its own rule (no copies) and keeps the user’s rules once', async () => {
    const ma = (await open(second)).getWorksheet(VPR_MA) as ExcelJS.Worksheet;
    expect(ours(ma)).toHaveLength(1);
    expect(theirs(ma).map((r) => [r.ref, r.type, r.formulae])).toEqual(userRules.map((r) => [r.ref, r.type, r.formulae]));
  });

  it('«Снять подсветку» removes only its own rules', async () => {
    const wb = await open(cleared);
    for (const name of USER_SHEETS) expect(ours(wb.getWorksheet(name) as ExcelJS.Worksheet)).toEqual([]);
    expect(theirs(wb.getWorksheet(VPR_MA) as ExcelJS.Worksheet).map((r) => [r.ref, r.type, r.formulae])).toEqual(
      userRules.map((r) => [r.ref, r.type, r.formulae]),
    );
    // The generated tabs keep their own (unmarked) colour rules.
    expect(cfOf(wb.getWorksheet('Дефициты по классам') as ExcelJS.Worksheet).length).toBeGreaterThan(0);
  });

  it('oko unhighlight <file> -o <out> does the same from the command line', () => {
    const out = join(dir, 'cli.xlsx');
    const r = spawnSync(process.execPath, [join(root, 'bin', 'oko.cjs'), 'unhighlight', second, '-o', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Подсветка ОКО снята (правил: 3).');
    const again = spawnSync(process.execPath, [join(root, 'bin', 'oko.cjs'), 'unhighlight', out, '-o', join(dir, 'cli2.xlsx')], {
      encoding: 'utf8',
    });
    expect(again.stdout).toContain('Подсветки ОКО в таблице нет.');
    // Two Node processes reading and writing a workbook: seconds on a shared 2-core machine, not a speed check.
  }, 60_000);
});
