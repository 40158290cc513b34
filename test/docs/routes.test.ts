// ИОМ and the appendices to work programmes, rendered to .docx and read back.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityFor, defaultActivity, readActivities } from '../../src/core/docs/activities';
import { buildAppendix } from '../../src/core/docs/appendix';
import { type DocsContext, type DocsRequest, selectForDocs } from '../../src/core/docs/context';
import { buildRoutes, checkpoints, routeStudents } from '../../src/core/docs/routes';
import type { DocSpec } from '../../src/core/docs/spec';
import type { CellValue, Workbook } from '../../src/core/grid';
import type { Task } from '../../src/core/model';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { deficitFindings } from '../../src/core/roadmap/findings';
import { docxBuffer } from '../../src/local/docx';
import { readXlsx } from '../../src/local/xlsx';
import { formWorkbook, grid } from '../helpers/grids';
import { type DocxContent, readDocx } from './read-docx';

const F1 = join(import.meta.dirname, 'fixtures', 'f1-math6.xlsx');

function ctxOf(run: AnalysisRun, req: DocsRequest = {}): DocsContext {
  const sel = selectForDocs(run, { date: '2026-05-20', ...req });
  expect(sel.problems).toEqual([]);
  return sel.context as DocsContext;
}

async function rendered(spec: DocSpec | null): Promise<DocxContent> {
  expect(spec).not.toBeNull();
  return readDocx(await docxBuffer(spec as DocSpec));
}

/** A school's own table with names (generic layout): ФИО | Класс | tasks | Отметка. */
function namedWorkbook(extra: { name: string; values: CellValue[][] }[] = []): Workbook {
  return {
    name: 'Диагностика',
    grids: [
      grid('Входная диагностика 2026 Русский язык 5 класс', [
        ['ФИО', 'Класс', '1 (2б)', '2 (1б)', '3 (2б)', 'Отметка'],
        ['Иванов Пётр', '5А', 0, 0, 1, 2],
        ['Петрова Анна', '5А', 2, 1, 2, 5],
        ['Сидоров Илья', '5А', 2, 1, 1, 4],
        ['Кузнецова Мария', '5Б', 1, 0, 0, 2],
        ['Орлов Денис', '5Б', 2, 1, 2, 5],
      ]),
      grid('План заданий', [
        ['Задание', 'Макс. балл', 'Уровень', 'Умение', 'Раздел'],
        ['1', 2, 'Б', 'Соблюдать орфографические нормы', 'Орфография'],
        ['2', 1, 'Б', 'Распознавать части речи', 'Морфология'],
        ['3', 2, 'П', 'Составлять план прочитанного текста', 'Развитие речи'],
      ]),
      ...extra,
    ],
  };
}

describe('ИОМ on a Ф1 file written by LibreOffice', () => {
  let run: AnalysisRun;
  let doc: DocxContent;
  beforeAll(async () => {
    run = runAnalysis((await readXlsx(F1)).data);
    doc = await rendered(buildRoutes(ctxOf(run)).spec);
  });

  it('has a route for every student with «2», and for every other student at risk', () => {
    const p = run.analyses[0]?.procedure;
    const twos = p?.students.filter((s) => s.mark === 2).map((s) => s.code) ?? [];
    expect(twos.length).toBeGreaterThan(3);
    const headings = doc.paragraphs.filter((x) => x.startsWith('Маршрут № '));
    const codes = headings.map((x) => /участник (\d+)$/.exec(x)?.[1]);
    for (const code of twos) expect(codes, code).toContain(code);
    expect(new Set(codes)).toEqual(new Set(run.findings.atRisk.map((r) => r.code)));
    expect(headings).toHaveLength(run.findings.atRisk.length);
  });

  it('lists each route’s deficit tasks with the skill, the points and a dated checkpoint from the roadmap', () => {
    const ctx = ctxOf(run);
    const st = routeStudents(ctx)[0];
    expect(st).toBeDefined();
    const d = st?.deficits[0];
    const t = doc.tables.find((x) => (x.rows[0] ?? []).includes('Вид работы')) as { rows: string[][] };
    expect(t.rows.slice(1).map((r) => r[1]?.split(' ')[0])).toEqual(d?.tasks);
    const cps = checkpoints(ctx, null);
    // Checkpoints are the roadmap's quarter ends and its review date, in the route's future.
    expect(cps.length).toBeGreaterThan(1);
    const first = t.rows[1]?.[6] as string;
    expect(first).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    const plannedEnds = new Set((ctx.plan?.rows ?? []).map((r) => r.end).filter(Boolean));
    const iso = first.split('.').reverse().join('-');
    expect(plannedEnds.has(iso)).toBe(true);
  });

  it('names no one: the Ф1 file has codes only', () => {
    expect(doc.text).not.toMatch(/ФИО|фамили/);
    expect(doc.text).toContain('код участника 6000');
  });
});

describe('ИОМ with names from the school’s own sheet', () => {
  it('prints the name beside the code, and only the code with names: false', async () => {
    const run = runAnalysis(namedWorkbook());
    const named = await rendered(buildRoutes(ctxOf(run)).spec);
    // A table with ФИО and no code: the name is the student's identity here.
    expect(named.paragraphs).toContain('Маршрут № 1: Иванов Пётр');
    expect(named.paragraphs).toContain('Маршрут № 2: Кузнецова Мария');
    expect(named.text).toContain('остаётся в школе');
    const coded = buildRoutes(ctxOf(run, { names: false })).spec as DocSpec;
    expect(coded.personal).toBeUndefined();
    const text = (await rendered(coded)).text;
    expect(text).not.toContain('Иванов');
    expect(text).not.toContain('Кузнецова');
    // Without a code column the student is the row of the school's sheet.
    expect(text).toContain('Маршрут № 1: стр. 2');
  });

  it('takes «Вид работы» from the sheet «Виды работы ИОМ» when a row matches, else the defaults', async () => {
    const sheet = grid('Виды работы ИОМ', [
      ['Предмет', 'Раздел или умение', 'Уровень', 'Вид работы'],
      ['Русский язык', 'орфограф', '', 'Тренажёр «Орфограммы корня», 10 минут в день'],
      ['', '', 'П', 'Работа в паре с консультантом'],
      ['Математика', '', '', 'не для русского языка'],
    ]);
    const wb = namedWorkbook([sheet]);
    const run = runAnalysis(wb);
    const built = buildRoutes(ctxOf(run), wb);
    expect(built.problems).toEqual([]);
    const doc = await rendered(built.spec);
    const rows = doc.tables.filter((x) => (x.rows[0] ?? []).includes('Вид работы')).flatMap((x) => x.rows.slice(1));
    const byTask = new Map<string, Set<string>>();
    for (const r of rows) {
      const id = r[1]?.split(' ')[0] as string;
      byTask.set(id, new Set([...(byTask.get(id) ?? []), r[5] as string]));
    }
    // At risk: Иванов (0, 0, 1 of 2, 1, 2) → tasks 1, 2; Кузнецова (1, 0, 0) → tasks 2, 3.
    // Task 1 (орфография) → the sheet; 2 (Б, морфология, no sheet row) → the default; 3 (П) → the sheet's level row.
    expect([...(byTask.get('1') ?? [])]).toEqual(['Тренажёр «Орфограммы корня», 10 минут в день']);
    expect([...(byTask.get('2') ?? [])].every((x) => x.startsWith('Морфологический разбор'))).toBe(true);
    expect([...(byTask.get('3') ?? [])]).toEqual(['Работа в паре с консультантом']);
  });

  it('warns about a sheet without a «Вид работы» column and keeps the defaults', () => {
    const problems: Parameters<typeof readActivities>[1] = [];
    const acts = readActivities({ name: 'x', grids: [grid('Виды работы ИОМ', [['Раздел', 'Что-то']])] }, problems);
    expect(acts.rules).toEqual([]);
    expect(problems[0]?.severity).toBe('warning');
    expect(problems[0]?.message).toMatch(/Нет строки заголовков со столбцом «Вид работы»/);
  });

  it('defaults: the section speaks before the skill, then the level', () => {
    const t = (over: Partial<Task>): Task => ({ id: '1', max: 1, level: 'Б', ...over });
    expect(defaultActivity(t({ section: 'Текстовые задачи', skill: 'Решать задачи на части' }))).toMatch(/^Решение текстовых задач/);
    expect(defaultActivity(t({ section: 'Развитие речи', skill: 'Составлять план прочитанного текста' }))).toMatch(/^Развитие речи/);
    expect(defaultActivity(t({ level: 'П' }))).toMatch(/^Разобрать решение задания-образца/);
    expect(activityFor({ rules: [], source: '' }, 'Математика', t({ level: 'В' }))).toMatch(/^Задачи с нестандартной/);
  });
});

describe('приложения к рабочим программам', () => {
  it('one per class × subject with insufficient tasks, each unformed skill with the tasks that showed it', async () => {
    const run = runAnalysis((await readXlsx(F1)).data);
    const ctx = ctxOf(run);
    const doc = await rendered(buildAppendix(ctx).spec);
    const expected = deficitFindings(run.analyses);
    expect(expected.length).toBe(3);
    const titles = doc.paragraphs.filter((p) => p.startsWith('по учебному предмету'));
    expect(titles.map((x) => /для (\S+) класса/.exec(x)?.[1])).toEqual(expected.map((d) => d.className));
    const tables = doc.tables.filter((x) => (x.rows[0] ?? []).some((c) => c.startsWith('Несформированное умение')));
    tables.forEach((t, i) => {
      const f = expected[i] as (typeof expected)[number];
      const ids = t.rows.slice(1).flatMap((r) => (r[2] ?? '').split('; ').map((x) => x.split(' ')[0]));
      expect(ids.sort()).toEqual(f.tasks.map((x) => x.id).sort());
      // Completion of the class, as in the analysis.
      for (const task of f.tasks) {
        const cell = t.rows.slice(1).find((r) => (r[2] ?? '').split('; ').some((x) => x.startsWith(`${task.id} (`)))?.[2] ?? '';
        expect(cell).toContain(`${(Math.round(task.completion * 10) / 10).toFixed(1).replace('.', ',')} %`);
      }
    });
    expect(doc.text).toContain('РАССМОТРЕНО');
    expect(doc.text).toContain('на заседании ШМО');
  });

  it('the hand-checked form: 5А and 5Б both lack task 2 (50 % < 57 %), 5Б also task 1', async () => {
    const run = runAnalysis(formWorkbook());
    const doc = await rendered(buildAppendix(ctxOf(run)).spec);
    const tables = doc.tables.filter((x) => (x.rows[0] ?? []).some((c) => c.startsWith('Несформированное умение')));
    expect(tables).toHaveLength(2);
    // Both tasks share the skill «Вычисления»: one row with both tasks in 5Б.
    expect(tables[0]?.rows.slice(1).map((r) => r[2])).toEqual(['2 (Б) — 50,0 %']);
    expect(tables[1]?.rows.slice(1).map((r) => r[2])).toEqual(['1 (Б) — 50,0 %; 2 (Б) — 50,0 %']);
  });

  it('refuses when no class has an insufficient task', () => {
    const run = runAnalysis(namedWorkbook());
    const ctx = ctxOf(run, { className: '5А' });
    const none = buildAppendix({ ...ctx, analyses: [] });
    expect(none.spec).toBeNull();
    expect(none.problems[0]?.message).toMatch(/нет классов с недостаточно выполненными заданиями/);
  });
});
