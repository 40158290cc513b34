// Hand-checked statistics of marks, journal comparison, score distribution and task completion by
// mark groups, on a small form: two classes, one of 3 present students, an absent student, X scores,
// missing journal marks and ties (equal totals, equal marks).
import { describe, expect, it } from 'vitest';
import { completionByMark, marksByGroup } from '../../src/core/analysis/mark-groups';
import { exportSchema } from '../../src/core/export/schema';
import { CUT_BG } from '../../src/core/output/stats-distribution';
import { exportJson, runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { lead, rowAfter, tab, workbook } from '../helpers/stats';
import { col, order, rows, table } from '../helpers/tables';

const close = (got: unknown, want: number) => expect(got as number).toBeCloseTo(want, 9);

describe('statistics of marks and journal comparison per group (hand-checked)', () => {
  const run = runAnalysis(workbook());
  const a = run.analyses[0]!;
  const stats = marksByGroup(a);
  const by = new Map(stats.map((x) => [x.group.name, x]));

  it('reads the fixture without errors; 304 is absent', () => {
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.procedure.students.map((s) => s.mark)).toEqual([5, 2, 3, 4, 2, 3, 4, 4]);
    expect(a.procedure.absent.map((s) => s.code)).toEqual(['304']);
  });

  it('6А, a class of 3: one each of «2», «3», «5»', () => {
    // n = 3; 33.33 % each; quality = 1/3 = 33.33 %; успеваемость = 2/3 = 66.67 %
    const m = by.get('6А')!.marks;
    expect(m.n).toBe(3);
    expect(m.counts).toEqual({ 2: 1, 3: 1, 4: 0, 5: 1 });
    close(m.percent[2], 100 / 3);
    close(m.quality, 100 / 3);
    close(m.success, 200 / 3);
  });

  it('6Б: «2», «3», three «4»', () => {
    // n = 5: 20 / 20 / 60 / 0 %; quality 60 %; успеваемость 80 %
    const m = by.get('6Б')!.marks;
    expect(m.counts).toEqual({ 2: 1, 3: 1, 4: 3, 5: 0 });
    close(m.percent[4], 60);
    close(m.quality, 60);
    close(m.success, 80);
  });

  it('parallel and school: 8 participants with a mark', () => {
    // 2,2 «2»; 2 «3»; 3 «4»; 1 «5» → 25 / 25 / 37.5 / 12.5 %; quality 50 %; успеваемость 75 %
    for (const name of ['6 классы', 'Школа']) {
      const m = by.get(name)!.marks;
      expect(m.counts).toEqual({ 2: 2, 3: 2, 4: 3, 5: 1 });
      close(m.percent[5], 12.5);
      close(m.quality, 50);
      close(m.success, 75);
    }
  });

  it('compares with journal marks only where both marks exist', () => {
    // 6А: 301 =, 302 <, 303 no journal → n 2: 1 lowered (50 %), 1 confirmed (50 %)
    expect(by.get('6А')!.journal).toMatchObject({ n: 2, lowered: 1, confirmed: 1, raised: 0, loweredPct: 50 });
    // 6Б: 401 >, 402 =, 403 =, 404 <, 405 no journal → n 4: 25 / 50 / 25 %
    expect(by.get('6Б')!.journal).toMatchObject({ n: 4, lowered: 1, confirmed: 2, raised: 1, raisedPct: 25 });
    // school: n 6: 2 lowered (33.33 %), 3 confirmed (50 %), 1 raised (16.67 %)
    const j = by.get('Школа')!.journal;
    expect(j).toMatchObject({ n: 6, lowered: 2, confirmed: 3, raised: 1 });
    close(j.loweredPct, 100 / 3);
    close(j.raisedPct, 100 / 6);
  });
});

describe('«Статистика отметок» tab', () => {
  const run = runAnalysis(workbook());
  const t = tab(run, S.tabs.markStats);

  it('shows counts and percentages per group: the group, quality and успеваемость first', () => {
    expect(order(t, 'marks').slice(0, 3)).toEqual(['group', 'quality', 'success']);
    const r = rows(t, 'marks');
    const a = r.find((x) => x.group === '6А')!;
    expect([a.participants, a.withMark, a.count2, a.count3, a.count4, a.count5]).toEqual([3, 3, 1, 1, 0, 1]);
    close(a.success, 200 / 3);
    expect(lead(t, a.$row)).toEqual(['Математика', 6, '6А']);
    const school = r.find((x) => x.group === 'Вся школа')!;
    // The school row: subject and parallel, no class.
    expect(lead(t, school.$row)).toEqual(['Математика', 6, '']);
    expect([school.participants, school.withMark, school.count2, school.count3, school.count4, school.count5]).toEqual([8, 8, 2, 2, 3, 1]);
    close(school.quality, 50);
    // A class of 3 is flagged, not hidden.
    expect(a.reliability).toBe('мало участников (3 < 10): выводы ненадёжны');
  });

  it('puts subject and parallel on every row of a procedure’s block, in hidden filter columns', () => {
    expect(t.frozenRows).toBe(2);
    expect(t.frozenCols).toBe(1);
    expect(t.hiddenColumns).toEqual(Object.values(t.filterColumns!));
    const title = t.values.findIndex((r) => String(r[0] ?? '').startsWith('ВПР Математика 6 класс (лист'));
    const gaps = rowAfter(t, 0, S.stats.gapHeading(2)).r;
    // The block: its blank row, title, both tables and the rows left for the chart; then a blank row before the gap list.
    // (Header rows repeat the filter labels instead.)
    const headers = new Set(t.tables!.map((x) => x.header));
    for (let r = title - 1; r < gaps - 1; r++)
      expect(lead(t, r).slice(0, 2)).toEqual(headers.has(r) ? ['Предмет', 'Параллель'] : ['Математика', 6]);
    expect(lead(t, gaps)).toEqual(['', '', '']);
  });

  it('shows the journal comparison with % first (the chart data) and the counts', () => {
    const b = rows(t, 'journal').find((x) => x.group === '6Б')!;
    expect(t.values[b.$row]!.slice(0, 9)).toEqual(['6Б', 25, 50, 25, 1, 2, 1, 4, 1]);
    const chart = t.charts!.find((c) => c.title.includes('журнал'))!;
    expect(chart.stacked).toBe(true);
    // Header + 6А, 6Б, parallel, school; categories in column A.
    expect(chart.data.col).toBe(0);
    expect(chart.data.row).toBe(table(t, 'journal').header);
    expect(chart.data.rows).toBe(5);
    expect(chart.data.cols).toBe(4);
    // Charts sit to the right of every table, left of the hidden filter columns.
    expect(chart.anchor.col).toBeGreaterThanOrEqual(14);
    expect(chart.anchor.col).toBeLessThan(t.filterColumns!.subject!);
  });

  it('lists students with a gap of 2 or more: 302 (−2) and 401 (+2), not 404 (−1); the class and the student first', () => {
    expect(rows(t, 'markGaps').map((r) => [r.className, r.code, r.gap, r.mark, r.journalMark, r.procedure])).toEqual([
      ['6А', '302', -2, 2, 4, 'ВПР Математика 6 класс'],
      ['6Б', '401', 2, 4, 2, 'ВПР Математика 6 класс'],
    ]);
    const head = table(t, 'markGaps').header;
    // The difference is signed and bold.
    expect(t.formats!.find((f) => f.numberFormat === '+0;-0;0')?.range).toEqual({
      row: head + 1,
      col: col(t, 'markGaps', 'gap'),
      rows: 2,
      cols: 1,
    });
  });

  it('follows the gap threshold setting', () => {
    const r = runAnalysis(
      workbook({
        'Настройки ОКО': [
          ['Ключ', 'Параметр', 'Значение'],
          ['journal.minGap', '', 1],
        ],
      }),
    );
    const tt = tab(r, S.tabs.markStats);
    expect(rows(tt, 'markGaps').map((x) => x.code)).toEqual(['302', '401', '404']);
    expect(tt.values[table(tt, 'markGaps').header - 1]![0]).toBe(S.stats.gapHeading(1));
  });

  it('says so when there are no marks', () => {
    const r = runAnalysis(workbook({}, false));
    const tt = tab(r, S.tabs.markStats);
    expect(tt.values.some((x) => x[0] === S.stats.noMarks)).toBe(true);
    expect(tt.charts ?? []).toEqual([]);
  });
});

describe('«Распределение баллов» tab', () => {
  const run = runAnalysis(workbook());
  const t = tab(run, S.tabs.distribution);

  it('counts participants per score with marks and cut-offs', () => {
    // totals 6,1,2,4,0,2,4,5 (304 absent): 0→1, 1→1, 2→2, 3→0, 4→2, 5→1, 6→1; n = 8
    const r = rows(t, 'distribution');
    expect(r.slice(0, 7).map((x) => [x.score, x.count, x.mark, x.boundary])).toEqual([
      [0, 1, 2, ''],
      [1, 1, 2, ''],
      [2, 2, 3, 'граница «3»'],
      [3, 0, 3, ''],
      [4, 2, 4, 'граница «4»'],
      [5, 1, 4, ''],
      [6, 1, 5, 'граница «5»'],
    ]);
    close(r[2]!.pct, 25);
    expect([r[7]!.score, r[7]!.count, r[7]!.pct]).toEqual(['Всего', 8, 100]);
    // The distribution is the school's: subject and parallel on every row, no class.
    for (let x = table(t, 'distribution').header + 1; x <= r[7]!.$row; x++) expect(lead(t, x)).toEqual(['Математика', 6, '']);
  });

  it('marks the cut-off rows by a rule, draws a histogram, flags the small sample', () => {
    const head = table(t, 'distribution').header;
    const rule = t.rules!.find((r) => r.background === CUT_BG)!;
    expect(rule.range).toEqual({ row: head + 1, col: 0, rows: 7, cols: 5 });
    // «Граница» is column E.
    expect(col(t, 'distribution', 'boundary')).toBe(4);
    expect(rule.formula).toBe(`=$E${head + 2}<>""`);
    const chart = t.charts![0]!;
    expect(chart).toMatchObject({ type: 'column', data: { row: head, col: 0, rows: 8, cols: 2 } });
    expect(chart.anchor.col).toBeGreaterThan(4);
    expect(t.values.some((r) => r[0] === S.stats.smallSample(8, 50))).toBe(true);
    expect(t.values.some((r) => String(r[0]).includes('«3» от 2, «4» от 4, «5» от 6'))).toBe(true);
  });

  it('says when the cut-offs are unknown', () => {
    const tt = tab(runAnalysis(workbook({}, false)), S.tabs.distribution);
    expect(tt.values.some((r) => String(r[0]).includes('границы отметок неизвестны'))).toBe(true);
    const r = rows(tt, 'distribution');
    expect([r[2]!.mark, r[2]!.boundary]).toEqual(['', '']);
  });
});

describe('task completion by mark groups (hand-checked)', () => {
  const run = runAnalysis(workbook());
  const a = run.analyses[0]!;
  // «2»: 302 (0,1,X), 402 (0,X,X): 0/2 = 0 %; (1+0)/(2·2) = 25 %; 0/6 = 0 %; work 1/12 = 8.33 %
  // «3»: 303 (1,1,0), 403 (1,0,1): 2/2 = 100 %; 1/4 = 25 %; 1/6 = 16.67 %; work 4/12 = 33.33 %
  // «4»: 401 (1,2,1), 404 (0,2,2), 405 (1,2,2): 2/3 = 66.67 %; 6/6 = 100 %; 5/9 = 55.56 %; work 13/18 = 72.22 %
  // «5»: 301 (1,2,3): 100 % each
  // all 8: 5/8 = 62.5 %; 10/16 = 62.5 %; 9/24 = 37.5 %; work 24/48 = 50 %
  const expected: [number, number, number[], number][] = [
    [2, 2, [0, 25, 0], 100 / 12],
    [3, 2, [100, 25, 100 / 6], 100 / 3],
    [4, 3, [200 / 3, 100, 500 / 9], 1300 / 18],
    [5, 1, [100, 100, 100], 100],
  ];

  it('computes completion among the students of each mark', () => {
    const groups = completionByMark(a.procedure);
    expected.forEach(([mark, n, completion, mean], i) => {
      const g = groups[i]!;
      expect([g.mark, g.n]).toEqual([mark, n]);
      g.completion.forEach((c, k) => {
        close(c, completion[k]!);
      });
      close(g.meanCompletion, mean);
    });
  });

  it('is NaN for a mark nobody got', () => {
    const only5 = a.procedure.students.filter((s) => s.mark === 5);
    const g = completionByMark(a.procedure, only5);
    expect(g.map((x) => x.n)).toEqual([0, 0, 0, 1]);
    expect(Number.isNaN(g[0]!.completion[0])).toBe(true);
  });

  it('fills «Задания по отметкам» with status colours (and symbols) from the level row', () => {
    const t = tab(run, S.tabs.tasksByMark);
    const c0 = table(t, 'tasksByMark').spans!.tasks!.col;
    expect(c0).toBe(4);
    const r = rows(t, 'tasksByMark');
    const r4 = r.find((x) => x.group === 'Получили «4»')!;
    expect(r4.participants).toBe(3);
    expect(lead(t, r4.$row)).toEqual(['Математика', 6, '']);
    close(r4.completion, 1300 / 18);
    close(t.values[r4.$row]![c0 + 2], 500 / 9);
    const all = r.find((x) => x.group === 'Все участники')!;
    close(t.values[all.$row]![c0], 62.5);
    close(t.values[all.$row]![c0 + 2], 37.5);
    // 62,5 % basic: sufficient ✓ (twice); 37,5 % advanced: sufficient ✓.
    expect(t.formats!.filter((f) => f.range.row === all.$row && f.numberFormat?.includes('"')).map((f) => f.numberFormat)).toEqual([
      '0.0" ✓"',
    ]);
    const level = r[0]!;
    expect(level.group).toBe('Уровень');
    expect(t.values[level.$row]!.slice(c0, c0 + 3)).toEqual(['Б', 'Б', 'П']);
    // Three status rules (insufficient, uncertain, sufficient) reading the level row; task 1 is column E.
    const status = t.rules!.filter((x) => x.formula.includes(`E$${level.$row + 1}`));
    expect(status).toHaveLength(3);
    expect(status[0]!.range).toMatchObject({ row: level.$row + 1, col: c0, cols: 3 });
  });
});

describe('JSON export of marks and journal', () => {
  it('carries counts per group and validates against the schema', () => {
    const run = runAnalysis(workbook());
    const data = exportSchema.parse(JSON.parse(JSON.stringify(exportJson(run, 'Школа 9'))));
    const groups = new Map(data.procedures[0]!.groups.map((g) => [g.name, g]));
    expect(groups.get('6А')).toMatchObject({ marks: { 2: 1, 3: 1, 4: 0, 5: 1 }, journal: { lowered: 1, confirmed: 1, raised: 0 } });
    expect(groups.get('6Б')).toMatchObject({ marks: { 2: 1, 3: 1, 4: 3, 5: 0 }, journal: { lowered: 1, confirmed: 2, raised: 1 } });
    expect(groups.get('Школа')).toMatchObject({ marks: { 2: 2, 3: 2, 4: 3, 5: 1 }, journal: { lowered: 2, confirmed: 3, raised: 1 } });
  });
});
