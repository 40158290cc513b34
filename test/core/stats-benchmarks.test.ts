// «Эталоны»: ФИС ОКО report rows pasted by the user, recognised by their header rows, tied to a
// procedure by their title rows, and compared with the school (differences in percentage points).
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/grid';
import { readBenchmarkBlocks } from '../../src/core/input/benchmarks';
import { runAnalysis } from '../../src/core/pipeline';
import type { Problem } from '../../src/core/problems';
import { S } from '../../src/core/strings';
import { formRows } from '../helpers/grids';
import { lead, rowAfter, tab, workbook } from '../helpers/stats';
import { col, rows, table } from '../helpers/tables';

const J_LOW = 'Понизили (Отметка < Отметка по журналу)';
const J_SAME = 'Подтвердили (Отметка = Отметке по журналу)';
const J_UP = 'Повысили (Отметка > Отметка по журналу)';

/** Layouts as in shared/reference/fis-oko/report-dumps.txt (1-based rows in the comments). */
function benchmarkRows(): CellValue[][] {
  return [
    ['Статистика по отметкам'], // 1
    [], // 2
    ['ВПР 2026 Математика 6 класс'], // 3
    ['Предмет:', 'Математика'], // 4
    ['Максимальный первичный балл:', 6], // 5
    ['Дата:', '20.04.2026'], // 6
    [], // 7
    ['Группы участников', 'Кол-во ОО', 'Кол-во участников', 2, 3, 4, 5], // 8
    ['Вся выборка', 35589, 1722202, 5.06, 32.92, 44.33, 17.69], // 9
    ['Чеченская Республика', 560, '30 216', '13,44', '44,15', '36,28', '6,14'], // 10: text with commas
    [], // 11: blank rows are tolerated
    ['Урус-Мартановский муниципальный район(reg20_m012)', 47, 3162, 13.57, 46.9, 33.65, 5.88], // 12
    [], // 13
    ['Сравнение отметок с отметками по журналу'], // 14
    ['ВПР 2026 Математика 6 класс'], // 15
    [
      'Группы участников',
      'Кол-во участников(всего)',
      `${J_LOW} %`,
      `${J_LOW} Кол-во участников`,
      `${J_SAME} %`,
      `${J_SAME} Кол-во участников`,
      `${J_UP} %`,
      `${J_UP} Кол-во участников`,
    ], // 16
    ['Чеченская Республика', 29589, 37.22, 11011, 60.67, 17951, 2.11, 624], // 17
    ['Выполнение заданий'], // 18: the next block's title right after data
    ['ВПР 2026 Математика 6 класс'], // 19
    ['Группы участников', 'Кол-во ОО', 'Кол-во участников', 1, 2, 3], // 20
    ['Макс балл', null, null, 1, 2, 3], // 21
    ['Вся выборка', 35589, 1722202, 70.5, 55.25, 30], // 22
  ];
}

const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');
const warnings = (ps: Problem[]) => ps.filter((p) => p.severity === 'warning');

describe('reading «Эталоны»', () => {
  it('recognises the three report blocks by their headers, with their title rows', () => {
    const { value: blocks, problems } = readBenchmarkBlocks({ name: 'Эталоны', values: benchmarkRows() });
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.kind, b.headerRow, b.meta.subject, b.meta.grade, b.rows.length])).toEqual([
      ['marks', 8, 'Математика', 6, 3],
      ['journal', 16, 'Математика', 6, 1],
      ['tasks', 20, 'Математика', 6, 1],
    ]);
    expect(blocks[0]!.title).toContain('Статистика по отметкам');
    expect(blocks[2]!.title).toBe('Выполнение заданий ВПР 2026 Математика 6 класс');
    const chechnya = blocks[0]!.rows[1]!;
    expect(chechnya).toMatchObject({ group: 'Чеченская Республика', participants: 30216, schools: 560, row: 10 });
    expect(chechnya).toHaveProperty('percent', { 2: 13.44, 3: 44.15, 4: 36.28, 5: 6.14 });
    expect(blocks[1]!.rows[0]).toMatchObject({
      percent: { lowered: 37.22, confirmed: 60.67, raised: 2.11 },
      count: { lowered: 11011, confirmed: 17951, raised: 624 },
      participants: 29589,
    });
    expect(blocks[2]!.tasks).toEqual(['1', '2', '3']);
    expect([...(blocks[2]!.rows[0] as { completion: Map<string, number> }).completion]).toEqual([
      ['1', 70.5],
      ['2', 55.25],
      ['3', 30],
    ]);
  });

  it('reports a bad number with sheet, row and column, as an error that stops the run', () => {
    const bad = benchmarkRows();
    (bad[9] as CellValue[])[4] = 'сорок'; // row 10, column E: «3», %
    (bad[16] as CellValue[])[2] = 137; // row 17, column C: a percentage over 100
    const run = runAnalysis(workbook({ Эталоны: bad }));
    expect(run.ok).toBe(false);
    expect(run.tabs).toEqual([]);
    const errs = errors(run.problems).map((p) => [p.code, p.sheet, p.row, p.col]);
    expect(errs).toEqual([
      ['benchmark-number', 'Эталоны', 10, 5],
      ['benchmark-number', 'Эталоны', 17, 3],
    ]);
    expect(errors(run.problems)[0]!.message).toBe(S.benchmarkBadNumber('«3», %', 'сорок'));
  });

  it('warns when the shares of a row do not add up to 100 %', () => {
    const off = benchmarkRows();
    (off[8] as CellValue[])[6] = 4.33; // 5.06 + 32.92 + 4.33 + 17.69 = 60
    const run = runAnalysis(workbook({ Эталоны: off }));
    expect(run.ok).toBe(true);
    expect(warnings(run.problems).map((p) => [p.code, p.row])).toEqual([['benchmark-sum', 9]]);
  });

  it('applies an untitled block to the only procedure, reads a merged two-row journal header', () => {
    const rows: CellValue[][] = [
      ['Группы участников', 'Кол-во участников(всего)', 'Понизили', null, 'Подтвердили', null, 'Повысили', null],
      [null, null, '%', 'Кол-во участников', '%', 'Кол-во участников', '%', 'Кол-во участников'],
      ['Вся выборка', 100, 20, 20, 70, 70, 10, 10],
    ];
    const run = runAnalysis(workbook({ Эталоны: rows }));
    expect(run.problems.filter((p) => p.code.startsWith('benchmark'))).toEqual([]);
    const pb = run.data.benchmarks.byProcedure.get(run.data.procedures[0]!)!;
    expect(pb.journal[0]).toMatchObject({ group: 'Вся выборка', percent: { lowered: 20, confirmed: 70, raised: 10 } });
  });

  it('leaves out, with a warning, blocks that fit no procedure or several', () => {
    const other = benchmarkRows().map((r) => r.map((v) => (v === 'ВПР 2026 Математика 6 класс' ? 'ВПР 2026 Русский язык 6 класс' : v)));
    other[3] = ['Предмет:', 'Русский язык'];
    const run = runAnalysis(workbook({ Эталоны: other }));
    expect(run.ok).toBe(true);
    expect(warnings(run.problems).map((p) => [p.code, p.row])).toEqual([
      ['benchmark-unmatched', 8],
      ['benchmark-unmatched', 16],
      ['benchmark-unmatched', 20],
    ]);
    expect(run.data.benchmarks.byProcedure.size).toBe(0);

    // Two procedures (grades 5 and 6): an untitled block, or one titled only «Математика», is ambiguous.
    const two = runAnalysis(
      workbook({
        'ВПР Математика 5 класс': formRows(),
        Эталоны: [
          ['Математика'],
          ['Группы участников', 'Кол-во ОО', 'Кол-во участников', 2, 3, 4, 5],
          ['Вся выборка', 1, 10, 10, 20, 30, 40],
        ],
      }),
    );
    const w = warnings(two.problems).find((p) => p.code === 'benchmark-unmatched')!;
    expect(w.message).toContain('подходит к нескольким работам');
  });

  it('warns when the sheet has text but no ФИС ОКО table', () => {
    const run = runAnalysis(workbook({ Эталоны: [['сюда вставить отчёты']] }));
    expect(warnings(run.problems).map((p) => p.code)).toEqual(['benchmark-no-blocks']);
  });
});

describe('benchmarks beside the school', () => {
  const run = runAnalysis(workbook({ Эталоны: benchmarkRows() }));

  it('runs cleanly', () => {
    expect(run.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('compares marks: ОО − эталон in percentage points; worse reads ▼ as well as red', () => {
    // School: 25 / 25 / 37.5 / 12.5 %, quality 50 %, успеваемость 75 %.
    // Вся выборка: 5.06 / 32.92 / 44.33 / 17.69; quality 62.02; успеваемость 94.94
    //   → +19.94, −7.92, −6.83, −5.19; quality −12.02; успеваемость −19.94
    const t = tab(run, S.tabs.markStats);
    const r = rows(t, 'marksBenchmarks');
    const school = r.find((x) => x.group === 'ОО: Школа')!;
    expect([school.pct2, school.pct3, school.pct4, school.pct5, school.quality, school.success, school.participants]).toEqual([
      25, 25, 37.5, 12.5, 50, 75, 8,
    ]);
    const all = r.find((x) => x.group === 'Вся выборка')!;
    // Benchmark rows belong to the procedure's block: its subject and parallel, no class.
    expect(lead(t, all.$row)).toEqual(['Математика', 6, '']);
    expect([all.pct2, all.pct3, all.pct4, all.pct5]).toEqual([5.06, 32.92, 44.33, 17.69]);
    expect(all.quality as number).toBeCloseTo(62.02, 9);
    expect(all.participants).toBe(1722202);
    const diffs = ['diff2', 'diff3', 'diff4', 'diff5', 'diffQuality', 'diffSuccess'];
    [19.94, -7.92, -6.83, -5.19, -12.02, -19.94].forEach((d, i) => {
      expect(all[diffs[i]!] as number).toBeCloseTo(d, 9);
    });
    expect(r.find((x) => x.group === 'Чеченская Республика')!.diff2 as number).toBeCloseTo(25 - 13.44, 9);
    // Worse than the benchmark («2» higher) in red, by a rule on the «2» difference column (I)…
    const c2 = col(t, 'marksBenchmarks', 'diff2');
    expect(c2).toBe(8);
    const head = table(t, 'marksBenchmarks').header;
    const worse = t.rules!.find((x) => x.range.col === c2)!;
    expect(worse.formula).toBe(`=AND(ISNUMBER(I${head + 2}),I${head + 2}>0)`);
    // …and with ▼: more «2», lower quality and lower успеваемость than the whole sample are all worse.
    const marked = (id: 'diff2' | 'diffQuality' | 'diffSuccess') =>
      t.formats!.filter((f) => f.range.row === all.$row && f.range.col === col(t, 'marksBenchmarks', id)).at(-1)?.numberFormat;
    expect([marked('diff2'), marked('diffQuality'), marked('diffSuccess')]).toEqual([
      '+0.0" ▼";-0.0" ▼";0.0',
      '+0.0" ▼";-0.0" ▼";0.0',
      '+0.0" ▼";-0.0" ▼";0.0',
    ]);
    // A chart of the school and the three benchmark rows, «2»…«5».
    const chart = t.charts!.find((c) => c.title.includes('эталон'))!;
    expect(chart.data).toMatchObject({ col: 0, rows: 5, cols: 5 });
    expect(t.values[chart.data.row + 1]![0]).toBe('ОО: Школа');
  });

  it('compares the journal: ОО − эталон', () => {
    // School 33.33 / 50 / 16.67 % vs 37.22 / 60.67 / 2.11 → −3.89, −10.67, +14.56
    const t = tab(run, S.tabs.markStats);
    const row = rows(t, 'journalBenchmarks').find((x) => x.group === 'Чеченская Республика')!;
    expect([row.loweredPct, row.confirmedPct, row.raisedPct, row.participants]).toEqual([37.22, 60.67, 2.11, 29589]);
    [100 / 3 - 37.22, 50 - 60.67, 100 / 6 - 2.11].forEach((d, i) => {
      expect(row[['diffLowered', 'diffConfirmed', 'diffRaised'][i]!] as number).toBeCloseTo(d, 9);
    });
  });

  it('compares task completion on «Задания по отметкам»', () => {
    // School 62.5 / 62.5 / 37.5 % vs 70.5 / 55.25 / 30 → −8, +7.25, +7.5
    const t = tab(run, S.tabs.tasksByMark);
    const all = rows(t, 'tasksByMark').find((x) => x.group === 'Вся выборка')!;
    expect(lead(t, all.$row)).toEqual(['Математика', 6, '']);
    expect(t.values[all.$row]!.slice(0, 7)).toEqual(['Вся выборка', null, 1722202, 'эталон', 70.5, 55.25, 30]);
    const diff = rowAfter(t, 0, 'ОО − Вся выборка, п.п.');
    expect(diff.row.slice(4, 7)).toEqual([-8, 7.25, 7.5]);
    // Below the benchmark: ▼ beside the red.
    expect(t.formats!.filter((f) => f.range.row === diff.r && f.numberFormat?.includes('▼')).map((f) => f.range.col)).toEqual([4]);
    // Red below the benchmark, green above: rules from task 1 (column E) of the difference rows.
    expect(t.rules!.filter((r) => r.range.row === diff.r).map((r) => r.formula)).toEqual([
      `=AND(ISNUMBER(E${diff.r + 1}),E${diff.r + 1}<0)`,
      `=AND(ISNUMBER(E${diff.r + 1}),E${diff.r + 1}>0)`,
    ]);
  });
});
