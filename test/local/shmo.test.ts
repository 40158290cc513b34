// `oko shmo`: the ШМО view of a .xlsx, through the same write plan as in Google Sheets — one tab more,
// every other sheet as it was (values, formats, hidden columns) — and `--remove` takes it away again.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle/load';
import { tempDir } from '../helpers/xlsx';

const cli = join(ROOT, 'bin', 'oko.cjs');
const oko = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell value of every sheet, as text, by sheet. */
function cells(wb: ExcelJS.Workbook): Map<string, string> {
  return new Map(
    wb.worksheets.map((ws) => {
      const rows: string[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => rows.push(`${r}:${JSON.stringify(row.values)}`));
      const hidden = ws.columns?.map((c) => (c.hidden ? 1 : 0)).join('') ?? '';
      return [ws.name, `${rows.join('\n')}|${hidden}`];
    }),
  );
}

describe('oko shmo', () => {
  const dir = tempDir();
  // The sample school as `oko demo` leaves it: analysed, with its roadmap.
  const analysed = join(dir, 'sample-school.oko.xlsx');
  beforeAll(() => {
    const demo = oko('demo', '--out', dir);
    expect(demo.status, demo.stderr).toBe(0);
  }, 120_000);

  it('adds the view tab of the choice and leaves every other sheet as it was', async () => {
    const out = join(dir, 'view.xlsx');
    const r = oko('shmo', analysed, '--subject', 'Математика', '--class', '5Б', '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Вкладка «ШМО · Математика · 5Б», строки из вкладок:');
    expect(r.stdout).toContain('Вкладка «ШМО выводы · Математика · 5Б», строки из вкладок:');
    expect(r.stdout).toMatch(/ {2}Дефициты по классам: \d+ из \d+/);
    const before = await open(analysed);
    const after = await open(out);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.map((w) => w.name),
      'ШМО · Математика · 5Б',
      'ШМО выводы · Математика · 5Б',
    ]);
    const was = cells(before);
    const now = cells(after);
    for (const [name, text] of was) expect(now.get(name), name).toBe(text);
    const view = after.getWorksheet('ШМО · Математика · 5Б') as ExcelJS.Worksheet;
    const first = new Set<string>();
    view.eachRow((row) => first.add(String(row.getCell(1).value)));
    expect(first.has('5Б')).toBe(true);
    expect(first.has('5А')).toBe(false);
    expect(view.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });

    const removed = join(dir, 'removed.xlsx');
    const rm = oko('shmo', out, '--subject', 'Математика', '--class', '5Б', '--remove', '-o', removed);
    expect(rm.status, rm.stderr).toBe(0);
    expect(rm.stdout).toContain('Удалено: ШМО · Математика · 5Б, ШМО выводы · Математика · 5Б');
    expect((await open(removed)).worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
  }, 120_000);

  it('asks for a choice, and names a bad parallel', () => {
    const none = oko('shmo', analysed);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Выберите предмет, параллель, класс или учителя.');
    const bad = oko('shmo', analysed, '--grade', 'пятый');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Параллель «пятый»: нужно число от 1 до 12.');
  }, 60_000);
});
