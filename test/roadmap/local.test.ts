// `oko roadmap` over real .xlsx files: statuses typed into the output (through ExcelJS, as Excel
// would save them) survive a regeneration on that output.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COL } from '../../src/core/roadmap/columns';
import { roadmapFile } from '../../src/local/commands/roadmap';
import { copyTemplateFile, templatesText } from '../../src/local/commands/templates';
import { tempDir, writeWorkbookXlsx } from '../helpers/xlsx';
import { baseWorkbook, REQ } from './helpers';

const TAB = 'Дорожная карта · ВПР МА 5';

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** 1-based row of the key in the roadmap sheet. */
function rowOfKey(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(COL.key + 1).value === key) return r;
  throw new Error(`no ${key}`);
}

describe('oko roadmap on .xlsx', () => {
  const dir = tempDir('oko-roadmap-');
  const input = join(dir, 'школа.xlsx');
  const out1 = join(dir, 'карта-1.xlsx');
  const edited = join(dir, 'карта-1-правки.xlsx');
  const out2 = join(dir, 'карта-2.xlsx');

  beforeAll(async () => {
    await writeWorkbookXlsx(input, baseWorkbook());
    const first = await roadmapFile(input, out1, REQ);
    expect(first.result.ok).toBe(true);
    expect(first.written).toEqual([out1]);

    // A user opens the output and marks execution.
    const wb = await open(out1);
    const ws = wb.getWorksheet(TAB)!;
    const r11 = rowOfKey(ws, 'wp:математика|5а');
    ws.getRow(r11).getCell(COL.status + 1).value = 'Выполнено';
    ws.getRow(r11).getCell(COL.doneDate + 1).value = new Date(Date.UTC(2026, 5, 10));
    ws.getRow(r11).getCell(COL.link + 1).value = 'https://disk.example/rp-5a';
    ws.getRow(r11).getCell(COL.comment + 1).value = 'Согласовано на ШМО';
    const rB = rowOfKey(ws, 'wp:математика|5б');
    ws.getRow(rB).getCell(COL.status + 1).value = 'В работе';
    // …and adds a row of their own at the bottom.
    const mine = ws.getRow(ws.rowCount + 1);
    mine.getCell(COL.title + 1).value = 'Открытый урок по дробям';
    mine.getCell(COL.status + 1).value = 'Не начато';
    await wb.xlsx.writeFile(edited);

    const second = await roadmapFile(edited, out2, REQ);
    expect(second.result.ok).toBe(true);
  });

  it('writes the roadmap and «Исполнение» beside the input sheets', async () => {
    const wb = await open(out1);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'ВПР Математика 5 класс',
      'Классы',
      'План заданий',
      'Шкала отметок',
      TAB,
      'ДК · ВПР МА 5 · ИОМ',
      'Исполнение',
    ]);
    const ws = wb.getWorksheet(TAB)!;
    expect(ws.getRow(4).getCell(COL.status + 1).value).toBe('Статус');
    const r = rowOfKey(ws, 'wp:математика|5а');
    expect(ws.getRow(r).getCell(COL.status + 1).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Не начато,В работе,Выполнено,Отменено"'],
    });
    expect(ws.getRow(r).getCell(COL.end + 1).value).toEqual(new Date(Date.UTC(2026, 5, 15)));
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]?.rules[0]?.formulae[0]).toContain('TODAY()');
    const dash = wb.getWorksheet('Исполнение')!;
    expect(String((dash.getCell('B6').value as { formula: string }).formula)).toContain(`COUNTIF('${TAB}'!$J$5:`);
  });

  it("keeps the statuses, dates, links and comments typed into the output, and the user's own row", async () => {
    const wb = await open(out2);
    const ws = wb.getWorksheet(TAB)!;
    const r = ws.getRow(rowOfKey(ws, 'wp:математика|5а'));
    expect(r.getCell(COL.status + 1).value).toBe('Выполнено');
    expect(r.getCell(COL.doneDate + 1).value).toEqual(new Date(Date.UTC(2026, 5, 10)));
    expect(r.getCell(COL.link + 1).value).toBe('https://disk.example/rp-5a');
    expect(r.getCell(COL.comment + 1).value).toBe('Согласовано на ШМО');
    expect(ws.getRow(rowOfKey(ws, 'wp:математика|5б')).getCell(COL.status + 1).value).toBe('В работе');
    const titles: unknown[] = [];
    ws.eachRow((row) => titles.push(row.getCell(COL.title + 1).value));
    expect(titles.filter((t) => t === 'Открытый урок по дробям')).toHaveLength(1);
    expect(wb.worksheets.filter((w) => w.name === TAB)).toHaveLength(1);
  });

  it('writes nothing when the key column is damaged', async () => {
    const wb = await open(out2);
    const ws = wb.getWorksheet(TAB)!;
    ws.getRow(rowOfKey(ws, 'wp:математика|5б')).getCell(COL.key + 1).value = 'испорчено';
    const broken = join(dir, 'сломано.xlsx');
    await wb.xlsx.writeFile(broken);
    const out3 = join(dir, 'карта-3.xlsx');
    const third = await roadmapFile(broken, out3, REQ);
    expect(third.result.ok).toBe(false);
    expect(third.written).toEqual([]);
    expect(existsSync(out3)).toBe(false);
    expect(third.result.problems.find((p) => p.severity === 'error')?.code).toBe('roadmap-key-bad');
  });

  it('«Создать шаблон» adds the editable sheet once, and the roadmap is built from it', async () => {
    const withSheet = join(dir, 'с-шаблоном.xlsx');
    await copyTemplateFile('school-objectivity-plan', input, withSheet);
    const wb = await open(withSheet);
    expect(wb.getWorksheet('Шаблон дорожной карты')?.getRow(4).getCell(5).value).toBe('Мероприятие');
    await expect(copyTemplateFile('school-objectivity-plan', withSheet, join(dir, 'дважды.xlsx'))).rejects.toThrow(/уже есть/);
    const out = join(dir, 'из-листа.xlsx');
    const r = await roadmapFile(withSheet, out, { ...REQ, template: 'лист' });
    expect(r.result.ok).toBe(true);
    expect(r.result.activities).toBeGreaterThanOrEqual(20);
  });

  it('lists the templates', () => {
    const text = templatesText();
    expect(text).toContain('region-model-roadmap');
    expect(text).toContain('school-objectivity-plan      школа: разделов 5, мероприятий 20');
  });
});
