// ФИС ОКО «Достижение планируемых результатов» (issue 15): recognised by content, it gives a grade-6 ВПР
// (no built-in plan) every task's skill and the Russia / region / municipality figures beside the school's.
import { describe, expect, it } from 'vitest';
import { exportJson, runAnalysis } from '../../src/core/pipeline';
import { formatProblem } from '../../src/core/problems';
import { grade6Book, PERCENTS, reportRows, SKILLS } from '../fixtures/layouts/plan-report';

const strings = (values: readonly (readonly unknown[])[]) => values.map((r) => r.map((v) => (v === null ? '' : String(v))));

describe('a grade-6 ВПР form with the «Достижение планируемых результатов» report beside it', () => {
  const run = runAnalysis(grade6Book());
  const p = run.data.procedures[0];
  const a = run.analyses[0];

  it('recognises the report by its content and takes every task’s skill from it', () => {
    expect(run.problems.filter((x) => x.severity === 'error').map(formatProblem)).toEqual([]);
    expect(run.data.sheets.find((s) => s.name === 'МА 6 Достижение планируемых результатов')?.kind).toBe('planReport');
    expect(p?.planSource).toBe('report:МА 6 Достижение планируемых результатов');
    expect(p?.tasks.map((t) => t.skill)).toEqual(SKILLS);
    // The report's school figure equals the file's: no mismatch warning.
    expect(run.problems.some((x) => x.code === 'plan-report-mismatch')).toBe(false);
  });

  it('finds the systemic deficit of a skill whose tasks are insufficient', () => {
    // Tasks 5 and 6 («Умение решать текстовые задачи»): 6А 2 + 0… → 2 of 10 = 20 % each; school 6 of 20 = 30 %:
    // both below 57 % in every group → the skill is a systemic deficit everywhere; the others are not.
    const skill = a?.skills.find((s) => s.skill === 'Умение решать текстовые задачи');
    expect(skill?.tasks).toEqual([4, 5]);
    expect(skill?.systemic).toEqual([true, true, true, true]);
    expect(a?.skills.filter((s) => s.systemic.some(Boolean))).toHaveLength(1);
    const tab = strings(run.tabs.find((t) => t.name === 'Дефициты по классам')?.values ?? []);
    expect(tab.filter((r) => r.includes('2 из 2') && r.includes('Умение решать текстовые задачи')).map((r) => r[0])).toEqual([
      '6А',
      '6Б',
      '6 классы (параллель)',
      'Школа (школа)',
    ]);
  });

  it('shows the region’s and Russia’s figures next to the school’s on the matrix and «Задания по отметкам»', () => {
    const matrix = run.tabs.find((t) => t.name.startsWith('Матрица дефицитов'));
    const row = (name: string) => matrix?.values.find((r) => r[0] === name)?.slice(3);
    // School completion by hand: 7/10, 6/10, 12/20, 6/10, 6/20, 6/20 = 70, 60, 60, 60, 30, 30 %.
    expect(a?.groups.find((g) => g.level === 'school')?.completion).toEqual([70, 60, 60, 60, 30, 30]);
    expect(row('Вся выборка (Россия)')?.slice(2, 8)).toEqual(PERCENTS.map((x) => x[0]));
    expect(row('Краснодарский край (регион)')?.slice(2, 8)).toEqual(PERCENTS.map((x) => x[1]));
    expect(row('Город Сочи (муниципалитет)')?.slice(2, 8)).toEqual(PERCENTS.map((x) => x[2]));
    const stats = run.tabs.find((t) => t.name === 'Задания по отметкам');
    const ru = stats?.values.find((r) => r.includes('Вся выборка (Россия)'));
    expect(ru).toBeDefined();
    const label = 'ОО − Вся выборка (Россия), п.п.';
    const diff = stats?.values.find((r) => r.includes(label));
    // ОО − Россия on task 1 (four cells after the label: work %, participants, reliability): 70 − 74.12 = −4.12 п.п.
    expect(diff?.[(diff?.indexOf(label) ?? 0) + 4]).toBeCloseTo(70 - 74.12, 9);
  });

  it('carries the skills into the JSON export', () => {
    const json = exportJson(run, 'x');
    expect(json.procedures[0]?.tasks.map((t) => t.skill)).toEqual(SKILLS);
    expect(json.procedures[0]?.notChecked.skills).toBeUndefined();
  });
});

describe('the report, other ways', () => {
  it('a school figure that differs from ОКО’s computation is a warning naming the tasks', () => {
    const percents = PERCENTS.map((r) => [...r]);
    (percents[2] as number[])[3] = 65; // task 3: the report says 65 %, the file gives 60 %
    const run = runAnalysis(grade6Book({ report: reportRows(percents) }));
    const w = run.problems.find((x) => x.code === 'plan-report-mismatch');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('задание 3: в отчёте 65 %, по файлу 60 %');
    expect(w?.message).toContain('неполный или это другая работа');
  });

  it('pasted into «Эталоны», it works the same', () => {
    const run = runAnalysis(grade6Book({ inBenchmarks: true }));
    expect(run.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(run.data.procedures[0]?.planSource).toBe('report:Эталоны');
    expect(run.data.procedures[0]?.tasks[4]?.skill).toBe('Умение решать текстовые задачи');
  });

  it('an explicit «План заданий» wins over the report (the report still gives the benchmarks)', () => {
    const run = runAnalysis(grade6Book({ plan: true }));
    expect(run.data.procedures[0]?.planSource).toBe('sheet');
    expect(run.data.procedures[0]?.tasks[0]?.skill).toBe('Умение из плана 1');
    expect(run.tabs.find((t) => t.name.startsWith('Матрица'))?.values.some((r) => r[0] === 'Вся выборка (Россия)')).toBe(true);
  });

  it('without the report the skills check says «не проверено»', () => {
    const run = runAnalysis(grade6Book({ report: null }));
    expect(run.summary.procedures[0]?.checks.skills).toContain('Достижение планируемых результатов');
  });
});
