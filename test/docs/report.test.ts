// The аналитическая справка, rendered to .docx and read back: its numbers against a hand-checked
// workbook and against an independent computation from the raw cells of a Ф1 file LibreOffice wrote.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocsRequest, selectForDocs } from '../../src/core/docs/context';
import { buildReport } from '../../src/core/docs/report';
import { CONTENT_WIDTH_MM, type DocSpec } from '../../src/core/docs/spec';
import type { Workbook } from '../../src/core/grid';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { docxBuffer } from '../../src/local/docx';
import { readXlsx } from '../../src/local/xlsx';
import { formWorkbook } from '../helpers/grids';
import { type DocxContent, num, readDocx, tableWithHeaders } from './read-docx';

const F1 = join(import.meta.dirname, 'fixtures', 'f1-math6.xlsx');
const TWIPS_PER_MM = 1440 / 25.4;

function report(run: AnalysisRun, req: DocsRequest = {}): DocSpec {
  const sel = selectForDocs(run, { date: '2026-05-20', ...req });
  expect(sel.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return buildReport(sel.context as NonNullable<typeof sel.context>);
}

async function rendered(spec: DocSpec): Promise<DocxContent> {
  return readDocx(await docxBuffer(spec));
}

/** The row of a table whose first cell starts with `first`. */
function rowOf(rows: string[][], first: string): string[] {
  const r = rows.find((x) => (x[0] ?? '').startsWith(first));
  if (!r) throw new Error(`no row «${first}»`);
  return r;
}

describe('справка on the hand-checked form (test/helpers/grids.ts)', () => {
  // 5А: 101 (1,2,3), 102 (0,1,X), 103 (1,0,1); 104 absent. 5Б: 201 (0,2,2), 202 (1,X,0). Max 1, 2, 3;
  // levels Б, Б, П; scale 3 ≥ 2, 4 ≥ 4, 5 ≥ 6 → marks 5, 2, 3 | 4, 2. Journal 5, 3, 4 | —, 2.
  let doc: DocxContent;
  beforeAll(async () => {
    doc = await rendered(report(runAnalysis(formWorkbook())));
  });

  it('states completion per task for the school, the parallel and each class', () => {
    const t = tableWithHeaders(doc, 'Задание', 'Школа', '5А', '5Б');
    const head = t.rows[0] as string[];
    const col = (name: string) => head.findIndex((c) => c.startsWith(name));
    const at = (task: string, group: string) => num(rowOf(t.rows.slice(1), task)[col(group)] as string);
    // Task 1: 5А 2/3, 5Б 1/2, school 3/5. Task 2: 3/6, 2/4, 5/10. Task 3: 4/9, 2/6, 6/15.
    expect([at('1 ', 'Школа'), at('1 ', '5-е кл.'), at('1 ', '5А'), at('1 ', '5Б')]).toEqual([60, 60, 66.7, 50]);
    expect([at('2 ', 'Школа'), at('2 ', '5-е кл.'), at('2 ', '5А'), at('2 ', '5Б')]).toEqual([50, 50, 50, 50]);
    expect([at('3 ', 'Школа'), at('3 ', '5-е кл.'), at('3 ', '5А'), at('3 ', '5Б')]).toEqual([40, 40, 44.4, 33.3]);
    // Status as shading: task 2 (Б, 50 %) is insufficient everywhere; task 3 (П, ≥ 30 %) nowhere.
    const row2 = t.rows.findIndex((r) => (r[0] ?? '').startsWith('2 '));
    const row3 = t.rows.findIndex((r) => (r[0] ?? '').startsWith('3 '));
    expect(t.fills[row2]?.slice(3)).toEqual(['F4CCCC', 'F4CCCC', 'F4CCCC', 'F4CCCC']);
    expect(t.fills[row3]?.slice(3)).toEqual(['', '', '', '']);
  });

  it('marks, quality and the journal comparison', () => {
    const m = tableWithHeaders(doc, 'Группа', '«2»', 'Качество');
    // School: 5 with a mark: «2» 2, «3» 1, «4» 1, «5» 1 → «2» 40 %, quality 40 %, success 60 %.
    expect(rowOf(m.rows, 'Школа').slice(1, 9)).toEqual(['5', '2', '1', '1', '1', '40,0', '40,0', '60,0']);
    expect(rowOf(m.rows, '5А').slice(1, 6)).toEqual(['3', '1', '1', '0', '1']);
    const j = tableWithHeaders(doc, 'С обеими отметками', 'Понизили');
    // Both marks: 101 (5=5), 102 (2<3), 103 (3<4), 202 (2=2) → lowered 2 of 4, confirmed 2, raised 0.
    expect(rowOf(j.rows, 'Школа').slice(1)).toEqual(['4', '2', '50,0', '2', '50,0', '0', '0,0']);
  });

  it('lists every student with «2» and each student’s deficit tasks', () => {
    expect(doc.text).toMatch(/Получили отметку «2» \(2 участника/);
    expect(doc.paragraphs.some((p) => p === '5А: 102')).toBe(true);
    expect(doc.paragraphs.some((p) => p === '5Б: 202')).toBe(true);
    const s = tableWithHeaders(doc, 'Код участника', 'Задания с дефицитом');
    // Less than half of the points: 102 → 1 (0 of 1) and 3 (X); 103 → 2, 3; 201 → 1; 202 → 2 (X), 3; 101 → none.
    const deficitsOf = (code: string) => rowOf(s.rows, code)[5];
    expect(['101', '102', '103', '201', '202'].map(deficitsOf)).toEqual(['нет', '1, 3', '2, 3', '1', '2, 3']);
    // 102: 1 point of 6 = 16,7 %.
    expect(rowOf(s.rows, '102').slice(1, 5)).toEqual(['5А', '1', '2', '16,7']);
  });

  it('says what it could not check, as «Не проверено» lines', () => {
    expect(doc.text).toMatch(/Не проверено: сравнение отметок с муниципалитетом/);
    expect(doc.text).toMatch(/Не проверено: учителя классов — нет листа «Классы и учителя»/);
    // The form has no date.
    expect(doc.text).toMatch(/Не проверено: дата проведения работы/);
  });

  it('writes conclusions as hypotheses and decisions from the roadmap’s analysis rows', () => {
    expect(doc.text).toMatch(/Задание 2 недостаточно выполнено во всех классах: вероятно/);
    expect(doc.text).toMatch(/Внести изменения в рабочую программу: Математика, 5А/);
    // At risk: 102 and 202 («2», under 50 %), 103 (33,3 % — under 50 %).
    expect(doc.text).toMatch(
      /Разработать индивидуальные образовательные маршруты \(ИОМ\) для 3 обучающихся группы риска \(коды: 102, 103, 202\)/,
    );
  });
});

describe('справка on a Ф1 file written by LibreOffice', () => {
  let run: AnalysisRun;
  let wb: Workbook;
  let doc: DocxContent;
  beforeAll(async () => {
    wb = (await readXlsx(F1)).data;
    run = runAnalysis(wb);
    doc = await rendered(report(run));
  });

  /** Straight from the cells: class numbers → names («Классы»), sums per class and task. */
  async function independent() {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(F1);
    const names = new Map<number, string>();
    x.getWorksheet('Классы')?.eachRow((row, r) => {
      if (r > 1) names.set(Number(row.getCell(1).value), String(row.getCell(2).value));
    });
    const ws = x.getWorksheet('МА 6 Индивидуальные результаты') as ExcelJS.Worksheet;
    const header = ws.getRow(8).values as unknown[];
    const tasks: { col: number; id: string; max: number }[] = [];
    header.forEach((v, c) => {
      const m = /^(\S+) \((\d+)б\)$/.exec(String(v ?? ''));
      if (m) tasks.push({ col: c, id: m[1] as string, max: Number(m[2]) });
    });
    const classes = new Map<string, { n: number; sums: number[]; twos: string[] }>();
    for (let r = 10; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const code = String(row.getCell(4).value ?? '');
      if (!/^\d+$/.test(code)) continue;
      const cls = names.get(Number(row.getCell(5).value)) as string;
      const acc = classes.get(cls) ?? { n: 0, sums: tasks.map(() => 0), twos: [] };
      acc.n++;
      tasks.forEach((t, i) => {
        acc.sums[i] = (acc.sums[i] as number) + Number(row.getCell(t.col).value);
      });
      if (Number(row.getCell(header.indexOf('Отметка')).value) === 2) acc.twos.push(code);
      classes.set(cls, acc);
    }
    const all = { n: 0, sums: tasks.map(() => 0), twos: [] as string[] };
    for (const c of classes.values()) {
      all.n += c.n;
      c.sums.forEach((v, i) => {
        all.sums[i] = (all.sums[i] as number) + v;
      });
      all.twos.push(...c.twos);
    }
    const pct = (g: { n: number; sums: number[] }, i: number) => ((g.sums[i] as number) / (g.n * (tasks[i] as { max: number }).max)) * 100;
    return { tasks, classes, all, pct };
  }

  it('states school, parallel and class completion per task equal to the cells', async () => {
    const ind = await independent();
    const t = tableWithHeaders(doc, 'Задание', 'Школа');
    const head = t.rows[0] as string[];
    const col = (name: string) => head.findIndex((c) => c.startsWith(name));
    expect(ind.classes.size).toBe(3);
    ind.tasks.forEach((task, i) => {
      const row = rowOf(t.rows.slice(1), `${task.id} `);
      const round = (x: number) => Math.round(x * 10) / 10;
      expect(num(row[col('Школа')] as string), `school, task ${task.id}`).toBe(round(ind.pct(ind.all, i)));
      // One parallel: it is the whole school.
      expect(num(row[col('6-е кл.')] as string), `parallel, task ${task.id}`).toBe(round(ind.pct(ind.all, i)));
      for (const [name, c] of ind.classes) expect(num(row[col(name)] as string), `${name}, task ${task.id}`).toBe(round(ind.pct(c, i)));
    });
  });

  it('names every class and lists every student with «2»', async () => {
    const ind = await independent();
    for (const name of ind.classes.keys()) {
      expect(doc.text).toContain(name);
      expect(doc.paragraphs.some((p) => p.startsWith(`${name} (`))).toBe(true);
    }
    expect(ind.all.twos.length).toBeGreaterThan(3);
    const twosLines = doc.paragraphs.filter((p) => /^6[АБВ]: \d/.test(p)).join(', ');
    for (const code of ind.all.twos) expect(twosLines, code).toContain(code);
    expect(doc.text).toMatch(new RegExp(`Получили отметку «2» \\(${ind.all.twos.length} участник`));
  });

  it('names the school, the date and the skills from «План заданий», and flags the small class', () => {
    expect(doc.paragraphs[0]).toBe('МАОУ «Гимназия № 3»');
    const passport = tableWithHeaders(doc, 'Показатель', 'Значение');
    expect(rowOf(passport.rows, 'Дата проведения')[1]).toBe('16.04.2026');
    expect(rowOf(passport.rows, 'Классы')[1]).toBe('6А (25), 6Б (24), 6В (9)');
    expect(doc.text).toContain('Решать текстовые задачи на движение');
    expect(doc.text).toMatch(/6В \(9\)\): их статистика ненадёжна/);
  });

  it('fits portrait A4: every table within the content width', () => {
    expect(doc.page.w).toBe(Math.round(210 * TWIPS_PER_MM));
    expect(doc.page.h).toBe(Math.round(297 * TWIPS_PER_MM));
    expect(doc.page.orient === null || doc.page.orient === 'portrait').toBe(true);
    const content = doc.page.w - doc.page.left - doc.page.right;
    expect(content).toBeLessThanOrEqual(Math.round(CONTENT_WIDTH_MM * TWIPS_PER_MM) + 2);
    expect(doc.tables.length).toBeGreaterThan(5);
    for (const t of doc.tables) expect(t.grid.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(content + 2);
  });

  it('a class teacher’s справка: one class beside its parallel and the school', async () => {
    const one = await rendered(report(run, { className: '6 б' }));
    const t = tableWithHeaders(one, 'Задание', 'Школа');
    expect((t.rows[0] as string[]).slice(3).map((c) => c.split('\n')[0])).toEqual(['Школа', '6-е кл.', '6Б']);
    const s = tableWithHeaders(one, 'Код участника', 'Задания с дефицитом');
    expect(new Set(s.rows.slice(1).map((r) => r[1]))).toEqual(new Set(['6Б']));
    expect(s.rows.length - 1).toBe(24);
    expect(one.paragraphs).toContain('по результатам ВПР 2026 Математика 6 класс (6Б класс)');
  });

  it('refuses data with errors: the run’s own messages, with sheet and cell, and no document', () => {
    const bad = formWorkbook();
    const sheet = bad.grids.find((g) => g.name === 'ВПР Математика 5 класс');
    if (sheet?.values[1]) sheet.values[1][3] = 7; // task 2 is worth 2 points
    const sel = selectForDocs(runAnalysis(bad), {});
    expect(sel.ok).toBe(false);
    expect(sel.context).toBeUndefined();
    const err = sel.problems.find((p) => p.severity === 'error');
    expect(err).toMatchObject({ sheet: 'ВПР Математика 5 класс', row: 2, col: 4 });
    expect(err?.message).toMatch(/Балл 7 за задание «2» больше максимального \(2\)/);
  });

  it('refuses a class or a subject the workbook does not have, naming what it has', () => {
    const a = selectForDocs(run, { className: '7А' });
    expect(a.ok).toBe(false);
    expect(a.problems[0]?.message).toBe('Класса «7А» нет в выбранных работах. Есть классы: 6А, 6Б, 6В.');
    const b = selectForDocs(run, { subject: 'физика' });
    expect(b.ok).toBe(false);
    expect(b.problems[0]?.message).toContain('Нет работ по предмету «физика». Есть предметы: «Математика»');
  });
});
