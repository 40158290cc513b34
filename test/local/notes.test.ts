// `oko analyze` over its own output: notes typed (here with ExcelJS) into «Группа риска» and
// «Объективность» are in the next output, in the same rows, and in the one after it.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { S } from '../../src/core/strings';
import { analyzeFile } from '../../src/local/analyze-file';
import { riskBook, VPR_MA } from '../helpers/findings';
import { tempDir } from '../helpers/xlsx';

const KEY = 'Ключ (не менять)';

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function writeSchool(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of riskBook().grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== '') ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }
  await wb.xlsx.writeFile(path);
}

/** 1-based header row (with the key column) and a label's 1-based column there. */
function header(ws: ExcelJS.Worksheet): { row: number; col: (label: string) => number } {
  for (let r = 1; r <= Math.min(ws.rowCount, 40); r++) {
    const labels: unknown[] = [];
    ws.getRow(r).eachCell((c, i) => {
      labels[i] = c.value;
    });
    if (!labels.includes(KEY)) continue;
    return {
      row: r,
      col: (label) => {
        const c = labels.indexOf(label);
        if (c < 0) throw new Error(`«${ws.name}»: no column «${label}»`);
        return c;
      },
    };
  }
  throw new Error(`«${ws.name}»: no header row with «${KEY}»`);
}

function rowWhere(ws: ExcelJS.Worksheet, label: string, value: unknown): number {
  const h = header(ws);
  for (let r = h.row + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(h.col(label)).value === value) return r;
  throw new Error(`«${ws.name}»: no row with «${label}» = ${String(value)}`);
}

const cell = (ws: ExcelJS.Worksheet, row: number, label: string) => ws.getRow(row).getCell(header(ws).col(label)).value;

describe('notes in the .xlsx output', () => {
  it('survive `oko analyze` run on its own output, twice', async () => {
    const dir = tempDir();
    const input = join(dir, 'школа.xlsx');
    const first = join(dir, 'первый.xlsx');
    const typed = join(dir, 'с заметками.xlsx');
    const second = join(dir, 'второй.xlsx');
    const third = join(dir, 'третий.xlsx');
    await writeSchool(input);
    expect((await analyzeFile(input, { out: first })).run.ok).toBe(true);

    // The user opens the output and types into both tabs.
    const wb = await open(first);
    const risk = wb.getWorksheet(S.tabs.risk) as ExcelJS.Worksheet;
    const r104 = rowWhere(risk, 'Код', '104');
    risk.getRow(r104).getCell(header(risk).col('Что сделано')).value = 'Беседа с родителями';
    risk.getRow(r104).getCell(header(risk).col('Комментарий')).value = 'Повторить в мае';
    const obj = wb.getWorksheet(S.tabs.objectivity) as ExcelJS.Worksheet;
    const o = header(obj);
    const groupKey = obj.getRow(o.row + 1).getCell(o.col(KEY)).value;
    expect(typeof groupKey).toBe('string');
    obj.getRow(o.row + 1).getCell(o.col('Результат проверки')).value = 'Не подтвердилось';
    await wb.xlsx.writeFile(typed);

    await analyzeFile(typed, { out: second });
    await analyzeFile(second, { out: third });
    for (const path of [second, third]) {
      const out = await open(path);
      const r = out.getWorksheet(S.tabs.risk) as ExcelJS.Worksheet;
      const row = rowWhere(r, 'Код', '104');
      expect(cell(r, row, 'Что сделано'), path).toBe('Беседа с родителями');
      expect(cell(r, row, 'Комментарий'), path).toBe('Повторить в мае');
      expect(cell(r, row, KEY), path).toBe('104');
      expect(cell(r, rowWhere(r, 'Код', '101'), 'Что сделано'), path).toBeNull();
      // Column P (hidden) still lists the highlight keys the user's sheets' rules look up.
      expect(r.getCell('P6').value, path).toBe(`${VPR_MA}|101`);
      expect(r.getColumn('P').hidden, path).toBe(true);
      const ob = out.getWorksheet(S.tabs.objectivity) as ExcelJS.Worksheet;
      expect(cell(ob, rowWhere(ob, KEY, groupKey), 'Результат проверки'), path).toBe('Не подтвердилось');
      // One copy of each tab, no archive.
      expect(out.worksheets.filter((w) => w.name === S.tabs.risk)).toHaveLength(1);
      const texts: unknown[] = [];
      r.eachRow((x) => {
        x.eachCell((c) => {
          texts.push(c.value);
        });
      });
      expect(texts).not.toContain(S.notes.archive);
    }
  });
});
