// `oko aggregate` over a folder of school workbooks, broken ones included: the same district tabs as
// the Google Sheets edition, a reason for every failed file and every ШНОР flag, the district roadmap
// kept across runs, no student name anywhere in the workbook, the JSON or the CSV.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { municipalExportSchema } from '../../src/core/municipal/export';
import { M } from '../../src/core/strings';
import { aggregateFolder } from '../../src/local/commands/aggregate';
import { municipalChunk } from '../../src/server/municipal/job';
import { ROOT } from '../bundle/load';
import { installFakeGas } from '../fakes';
import { createMunicipalGas } from '../fakes/municipal';
import { tempDir, writeWorkbookXlsx } from '../helpers/xlsx';
import { allStudentNames, sources, sourcesSheet, workbooks } from './fixtures';

const DISTRICT_TABS = [M.tabs.summary, M.tabs.deficits, M.tabs.shnor, M.tabs.execution];
const TODAY = '2026-05-20';
const ROADMAP = 'Дорожная карта · ШНОР 2026–2027';

async function folder(withSources: boolean): Promise<string> {
  const dir = tempDir('oko-municipal-');
  for (const { file, wb } of workbooks()) await writeWorkbookXlsx(join(dir, file), wb);
  writeFileSync(join(dir, 'Закрытая.xlsx'), 'PK\u0003\u0004 это не книга');
  await writeWorkbookXlsx(join(dir, 'Пустая.xlsx'), { name: 'Пустая', grids: [{ name: 'Лист1', values: [] }] });
  if (withSources) {
    await writeWorkbookXlsx(join(dir, 'Источники.xlsx'), {
      name: 'Источники',
      grids: [
        {
          name: 'Источники',
          values: [
            ['Файл', 'Код ОО', 'Школа', 'Местность'],
            ['Школа А.xlsx', 'edu000001', 'МБОУ «СОШ № 1»', 'город'],
            ['Школа Б', 'edu000002', 'МБОУ «Гимназия № 2»', 'город'],
            ['Выгрузка ФИС ОКО — район.xlsx', null, null, 'село'],
            [null, 'edu000004', null, 'село'],
            ['Школа Е.xlsx', 'edu000005', 'МБОУ «СОШ № 5»', 'город'],
            ['Закрытая.xlsx', 'edu000006', 'МБОУ «СОШ № 6»', 'город'],
            ['Нет такого.xlsx', 'edu000007', 'МБОУ «СОШ № 7»', 'село'],
            ['Не то.xlsx', 'edu000008', 'МБОУ «СОШ № 8»', 'село'],
            ['С ошибками.xlsx', 'edu000009', 'МБОУ «СОШ № 9»', 'город'],
            ['отчёт.pdf', 'edu000010', 'МБОУ «СОШ № 10»', 'город'],
            ['Школа Е.xlsx', 'edu000001', 'Повтор кода', 'город'],
          ],
        },
        // One work is enough for a criterion to count here (each school has one): school A is listed.
        {
          name: 'Настройки ОКО',
          values: [
            ['Ключ', 'Параметр', 'Значение'],
            ['shnor.minProcedures', '', 1],
          ],
        },
      ],
    });
  }
  return dir;
}

type Cell = string | number | boolean | null;

async function tabs(path: string): Promise<{ wb: ExcelJS.Workbook; values: Record<string, Cell[][]>; text: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const values: Record<string, Cell[][]> = {};
  const parts: string[] = [];
  for (const ws of wb.worksheets) {
    parts.push(ws.name);
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        const v = cell.value as Cell;
        out.push(v === undefined ? null : v);
        parts.push(String(v ?? ''), typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note ?? ''));
      }
      while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
      rows.push(out);
    }
    values[ws.name] = rows;
  }
  return { wb, values, text: parts.join('\n') };
}

/** Empty cells as null, no trailing empty cells or rows: how both hosts' grids compare. */
function normalise(rows: Cell[][]): Cell[][] {
  const out = rows.map((r) => {
    const x = r.map((v) => (v === '' || v === undefined ? null : v));
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  while (out.length && (out[out.length - 1] as Cell[]).length === 0) out.pop();
  return out;
}

describe('oko aggregate', () => {
  it('a folder with broken workbooks: the district tabs, each failed file with its reason', async () => {
    const dir = await folder(false);
    const out = join(dir, 'municipal.xlsx');
    const stdout = execFileSync(process.execPath, [join(ROOT, 'bin', 'oko.cjs'), 'aggregate', dir, '-o', out, '--today', TODAY], {
      encoding: 'utf8',
    });
    expect(stdout).toContain('ОШИБКА. Закрытая.xlsx: Файл «Закрытая.xlsx» повреждён (файл обрезан: не хватает конца)');
    expect(stdout).toContain(`ОШИБКА. Не то.xlsx: ${M.read.noResults}`);
    expect(stdout).toContain('ОШИБКА. Пустая.xlsx');
    expect(stdout).toMatch(/ОШИБКА\. С ошибками\.xlsx: в данных ошибок: 2/);
    const { wb, values } = await tabs(out);
    for (const t of [...DISTRICT_TABS, ROADMAP, M.tabs.status, 'Настройки ОКО', M.tabs.state]) expect(wb.getWorksheet(t), t).toBeDefined();
    expect(wb.getWorksheet(M.tabs.state)?.state).toBe('hidden');
    const status = values[M.tabs.status] ?? [];
    const failed = status.filter((r) => r[4] === M.status.failed);
    expect(failed.map((r) => r[1])).toEqual(['Закрытая.xlsx', 'Не то.xlsx', 'Пустая.xlsx', 'С ошибками.xlsx']);
    for (const r of failed) expect(String(r[5] ?? '')).not.toBe('');
    // Without «Источники», each file is its own school (named by the file) or, for the export, its schools.
    const codes = (values[M.tabs.summary] ?? []).slice(6).map((r) => r[1]);
    expect(codes).toEqual(['Школа А', 'Школа Б', 'Школа Е', 'edu000003', 'edu000004']);
  });

  it('with «Источники»: clusters, every ШНОР flag with its criterion and numbers, the same tabs as Google Sheets', async () => {
    const dir = await folder(true);
    const out = join(dir, 'municipal.xlsx');
    const json = join(dir, 'svod.json');
    const csv = join(dir, 'svod.csv');
    const { report } = await aggregateFolder(dir, { out, json, csv, today: TODAY });
    expect(report.district.schools.map((s) => s.code)).toEqual(['edu000001', 'edu000002', 'edu000005', 'edu000003', 'edu000004']);
    const { values, text } = await tabs(out);
    const shnor = values[M.tabs.shnor] ?? [];
    // School A, listed by two criteria of its one work: one row per criterion, with its numbers.
    const names: string[] = Object.values(M.shnor.criterion);
    const flagRows = shnor.filter((r) => r[0] === 'edu000001' && names.includes(String(r[2])));
    expect(flagRows.map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
      [M.shnor.criterion.meanCompletion, 'да', 1, 1],
      [M.shnor.criterion.riskShare, 'да', 1, 1],
    ]);
    expect(String(flagRows[0]?.[7])).toBe('ВПР 2026 Математика 5 класс: среднее выполнение 45 % < 50 %');
    // Its support rows in the district roadmap; a status set there survives the next run.
    const roadmap = values[ROADMAP] ?? [];
    expect(roadmap.filter((r) => String(r[13] ?? '').endsWith('|edu000001')).map((r) => r[13])).toEqual([
      'act:sup-coordinator|edu000001',
      'act:sup-diagnostics|edu000001',
      'act:sup-plan|edu000001',
      'act:sup-partner|edu000001',
    ]);
    expect(shnor.flat().join(' ')).not.toMatch(/место|рейтинг школ|ранг/i);
    expect(shnor[1]?.[0]).toContain('п. 2.1');
    // «Источники» problems are listed with their place.
    expect(text).toContain('Лист «Источники», ячейка A11 (строка 11, столбец A): «отчёт.pdf» — не имя файла .xlsx.');
    expect(text).toContain('Лист «Источники», ячейка B12 (строка 12, столбец B): Код ОО «edu000001» повторяется');

    // The JSON follows its schema; the CSV is the long table.
    const exported = municipalExportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(exported.schools).toHaveLength(5);
    expect(exported.shnor.flags.map((f) => [f.code, f.criterion])).toEqual([
      ['edu000001', 'meanCompletion'],
      ['edu000001', 'riskShare'],
    ]);
    expect(exported.shnor.schools.find((x) => x.code === 'edu000001')?.listed).toBe(true);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'school_code,school_name,cluster,procedure_key,procedure,kind,year,subject,grade,participants,mean_completion,quality,risk_share,task_id,task_level,task_max,completion,status',
    );
    expect(lines).toHaveLength(1 + 5 * 3);

    // No student name anywhere: workbook (values and notes, the hidden state included), JSON, CSV.
    const everything = `${text}\n${readFileSync(json, 'utf8')}\n${readFileSync(csv, 'utf8')}`;
    for (const name of allStudentNames()) expect(everything).not.toContain(name);

    // A status typed into the district roadmap (the coordinator's mark) ...
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet(ROADMAP) as ExcelJS.Worksheet;
    let marked = 0;
    sheet.eachRow((row) => {
      if (row.getCell(14).value === 'act:sup-coordinator|edu000001') {
        row.getCell(10).value = 'Выполнено';
        marked++;
      }
    });
    expect(marked).toBe(1);
    await book.xlsx.writeFile(out);
    // ... and a second run on its own output re-analyses nothing, writes the same tabs and keeps the mark.
    const again = await aggregateFolder(dir, { out, today: TODAY });
    const status = again.report.district.sources.map((s) => s.record?.changed);
    expect(status.every((c) => c === false)).toBe(true);
    const second = await tabs(out);
    for (const t of DISTRICT_TABS) expect(second.values[t]).toEqual(values[t]);
    expect(second.values[ROADMAP]?.find((r) => r[13] === 'act:sup-coordinator|edu000001')?.[9]).toBe('Выполнено');

    // The Google Sheets edition, given the same schools as spreadsheets, writes the same tabs.
    const gas = createMunicipalGas();
    gas.clock.now = Date.UTC(2026, 4, 20, 9);
    const undo = installFakeGas(gas);
    try {
      gas.ss.addSheet(M.tabs.sources, sourcesSheet());
      gas.ss.addSheet('Настройки ОКО', [
        ['Ключ', 'Параметр', 'Значение'],
        ['shnor.minProcedures', '', 1],
      ]);
      for (const src of sources()) {
        if (src.error) gas.denySource(src.id, src.error);
        else
          gas.addSource(
            src.id,
            src.name,
            src.grids.map((g) => [g.name, g.values] as const),
          );
      }
      municipalChunk(gas.ss, 'start', gas.clock.read);
      for (const t of DISTRICT_TABS) expect(normalise(gas.ss.tab(t).snapshot() as Cell[][]), t).toEqual(normalise(values[t] ?? []));
    } finally {
      undo();
    }
  });
});
