// The CLI on the sample school (both real layouts) against a deliberately naive recomputation
// straight from the .xlsx cells: completion % per class and task must agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OkoExport } from '../../src/core/export/schema';
import { analyzeFile } from '../../src/local/analyze-file';
import { writeSampleSchool } from '../../src/local/sample';
import { tempDir } from '../helpers/xlsx';

interface Naive {
  sheet: string;
  classes: Map<string, { n: number; sums: number[] }>;
  maxes: number[];
  ids: string[];
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v).trim();
}

async function naive(path: string): Promise<Naive[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const classNames = new Map<string, string>();
  wb.getWorksheet('Классы')?.eachRow((row) => {
    classNames.set(text(row.getCell(1).value), text(row.getCell(2).value));
  });
  const out: Naive[] = [];
  for (const ws of wb.worksheets) {
    let headerRow = 0;
    ws.eachRow((row, r) => {
      if (!headerRow && (row.values as ExcelJS.CellValue[]).some((v) => text(v) === 'Код участника')) headerRow = r;
    });
    if (!headerRow) continue;
    const header = ws.getRow(headerRow);
    const tasks: { col: number; id: string; max: number }[] = [];
    let codeCol = 0;
    let classCol = 0;
    let variantCol = 0;
    header.eachCell((cell, c) => {
      const t = text(cell.value);
      const m = /^(\S+) \((\d+)б\)$/.exec(t);
      if (m) tasks.push({ col: c, id: m[1]!, max: Number(m[2]) });
      if (t === 'Код участника') codeCol = c;
      if (t === 'Класс' || t === 'Порядковый номер класса') classCol = c;
      if (t === 'Вариант') variantCol = c;
    });
    // «Соответствие кодов» has a «Код участника» column too, but no tasks: it is not a results sheet.
    if (tasks.length === 0) continue;
    const classes = new Map<string, { n: number; sums: number[] }>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const code = text(row.getCell(codeCol).value);
      if (!/^\d+$/.test(code)) continue; // group rows, template rows
      if (variantCol && text(row.getCell(variantCol).value) === 'отсутствовал') continue;
      const cls = classNames.get(text(row.getCell(classCol).value)) ?? text(row.getCell(classCol).value);
      const acc = classes.get(cls) ?? { n: 0, sums: tasks.map(() => 0) };
      acc.n++;
      tasks.forEach((t, i) => {
        const v = text(row.getCell(t.col).value);
        acc.sums[i]! += v === 'X' || v === 'Х' ? 0 : Number(v);
      });
      classes.set(cls, acc);
    }
    out.push({ sheet: ws.name, classes, maxes: tasks.map((t) => t.max), ids: tasks.map((t) => t.id) });
  }
  return out;
}

describe('the CLI reproduces an independent computation on the sample school', () => {
  const dir = tempDir();
  const input = join(dir, 'sample.xlsx');
  let exported: OkoExport;
  let expected: Naive[];

  beforeAll(async () => {
    await writeSampleSchool(input, 11); // a seed the other tests do not use
    const json = join(dir, 'sample.json');
    const { run } = await analyzeFile(input, { out: join(dir, 'out.xlsx'), json });
    expect(run.ok).toBe(true);
    exported = JSON.parse(readFileSync(json, 'utf8'));
    expected = await naive(input);
  }, 60_000);

  it('finds every results sheet', () => {
    expect(exported.procedures.map((p) => p.sheet).sort()).toEqual(expected.map((e) => e.sheet).sort());
    expect(expected.length).toBeGreaterThanOrEqual(10);
  });

  it('agrees on participants and completion % for every class and task', () => {
    let compared = 0;
    for (const e of expected) {
      const p = exported.procedures.find((x) => x.sheet === e.sheet)!;
      expect(p.tasks.map((t) => t.id)).toEqual(e.ids);
      for (const [cls, acc] of e.classes) {
        const g = p.groups.find((x) => x.level === 'class' && x.name === cls)!;
        expect(g.participants, `${e.sheet} ${cls}`).toBe(acc.n);
        e.ids.forEach((id, i) => {
          expect(g.completion[id], `${e.sheet} ${cls} task ${id}`).toBeCloseTo((acc.sums[i]! / (acc.n * e.maxes[i]!)) * 100, 9);
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(400);
  });
});
