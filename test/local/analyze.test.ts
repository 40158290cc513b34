import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJsonSchema } from '../../src/core/export/json-schema';
import { exportSchema } from '../../src/core/export/schema';
import { analyzeFile } from '../../src/local/analyze-file';
import { readXlsx } from '../../src/local/xlsx';
import { formRows, formWorkbook, withCell } from '../helpers/grids';
import { tempDir, writeWorkbookXlsx } from '../helpers/xlsx';

const root = join(__dirname, '..', '..');
const FORM = 'ВПР Математика 5 класс';

describe('oko analyze on an .xlsx', () => {
  const dir = tempDir();
  const input = join(dir, 'школа.xlsx');
  const out = join(dir, 'школа.oko.xlsx');
  const json = join(dir, 'школа.json');

  beforeAll(async () => {
    await writeWorkbookXlsx(input, formWorkbook());
    await analyzeFile(input, { out, json });
  });

  it('keeps the input sheets untouched and adds the generated tabs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // Input sheets first, in place; then the generated tabs (more are added as features land); settings last.
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 6)).toEqual([FORM, 'Классы', 'План заданий', 'Шкала отметок', 'Матрица дефицитов · МА 5', 'Дефициты по классам']);
    expect(names).toEqual(expect.arrayContaining(['Статистика отметок', 'Распределение баллов', 'Задания по отметкам']));
    expect(names.at(-1)).toBe('Настройки ОКО');
    expect(new Set(names).size).toBe(names.length);
    const src = wb.getWorksheet(FORM)!;
    expect(src.getRow(3).values).toEqual([undefined, 102, 2, 0, 1, 'X', 1, 3, 1]);
  });

  it('writes formatting: frozen panes, conditional rules, notes', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const m = wb.getWorksheet('Матрица дефицитов · МА 5')!;
    expect(m.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(m.getCell('H3').note).toBeDefined();
    // 5Б row: 50 % on task 1 (hand-checked in test/core/analysis.test.ts), after the class, the student and the decision columns.
    expect(m.getCell('F3').value).toBe('1');
    expect(m.getCell('F12').value).toBe(50);
    // The filter columns are hidden: K, L, M (subject, parallel, class).
    expect(['K', 'L', 'M'].map((c) => m.getColumn(c).hidden)).toEqual([true, true, true]);
    expect(m.getColumn('J').hidden).toBe(false);
    const cf = (m as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.length).toBe(5);
  });

  it('re-running on its own output replaces the tabs instead of adding copies', async () => {
    const again = join(dir, 'again.xlsx');
    await analyzeFile(out, { out: again });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.filter((w) => w.name.startsWith('Матрица')).length).toBe(1);
    expect(wb.worksheets.filter((w) => w.name === 'Настройки ОКО').length).toBe(1);
  });

  it('writes a JSON export valid against its schema, with X distinct from 0', () => {
    const data = exportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    const p = data.procedures[0]!;
    expect(p.subject).toBe('Математика');
    expect(p.grade).toBe(5);
    expect(p.students.find((s) => s.code === '102')!.scores).toEqual({ '1': 0, '2': 1, '3': 'X' });
    expect(p.groups.find((g) => g.name === '5Б')!.completion['3']).toBeCloseTo(100 / 3, 10);
  });

  it('keeps docs/oko-export.schema.json in step with the zod schema (npm run schema)', () => {
    expect(readFileSync(join(root, 'docs/oko-export.schema.json'), 'utf8')).toBe(exportJsonSchema());
  });
});

describe('the oko command', () => {
  const cli = join(root, 'bin', 'oko.cjs');

  it('refuses bad input with exit code 2, names the cell, and writes nothing', async () => {
    const dir = tempDir();
    const input = join(dir, 'bad.xlsx');
    await writeWorkbookXlsx(input, formWorkbook({ [FORM]: withCell(formRows(), 3, 4, 7) }));
    const out = join(dir, 'out.xlsx');
    const r = spawnSync(process.execPath, [cli, 'analyze', input, '-o', out, '--json', join(dir, 'o.json')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'Лист «ВПР Математика 5 класс», ячейка D3 (строка 3, столбец D): Балл 7 за задание «2» больше максимального (2).',
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'o.json'))).toBe(false);
  });

  it('prints a summary on good input', async () => {
    const dir = tempDir();
    const input = join(dir, 'good.xlsx');
    await writeWorkbookXlsx(input, formWorkbook());
    const r = spawnSync(process.execPath, [cli, 'analyze', input], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ВПР Математика 5 класс');
    expect(r.stdout).toContain('5А: 1*, 5Б: 2*');
    expect(existsSync(join(dir, 'good.oko.xlsx'))).toBe(true);
  });

  it('explains a missing file', () => {
    const r = spawnSync(process.execPath, [cli, 'analyze', '/nonexistent.xlsx'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Файл не найден');
  });
});

describe('reading .xlsx values', () => {
  it('keeps a formula whose cached result is 0 (ExcelJS drops falsy results from `value`)', async () => {
    const dir = tempDir();
    const path = join(dir, 'f.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист');
    ws.getCell('A1').value = { formula: 'SUM(B1:C1)', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: 'SUM(B1:C1)', result: 5 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(path);
    const { data } = await readXlsx(path);
    expect(data.grids[0]!.values).toEqual([[0], [5]]);
  });
});
