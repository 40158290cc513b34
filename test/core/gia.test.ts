// ОГЭ/ЕГЭ protocols in the regional centre's layout (issue 15): answer strings, score(max) pairs,
// per-task columns, broken strings; «Шкалы ГИА» thresholds counted like mark 2; the roadmap wording.
import { describe, expect, it } from 'vitest';
import { marksByGroup } from '../../src/core/analysis/mark-groups';
import type { CellValue } from '../../src/core/grid';
import { parseLongAnswers, parseShortAnswers } from '../../src/core/input/answer-strings';
import { runAnalysis } from '../../src/core/pipeline';
import { formatProblem } from '../../src/core/problems';
import { COL } from '../../src/core/roadmap/columns';
import { runRoadmap } from '../../src/core/roadmap/run';
import { egeProtocol, OGE_ROWS, ogePerTask, ogeProtocol, rowPoints } from '../fixtures/layouts/gia';

const r6 = (x: number) => x.toFixed(6);

/** Independent: straight from the fixture's strings, per class and for the school. */
function independent() {
  const out = new Map<string, { n: number; completion: string[]; mean: string; marks: number[] }>();
  const maxes = [1, 1, 2, 1, 1, 2, 2];
  const groups = new Map<string, typeof OGE_ROWS>([
    ['9А', OGE_ROWS.filter((r) => r.cls === '9А')],
    ['9Б', OGE_ROWS.filter((r) => r.cls === '9Б')],
    ['Школа', OGE_ROWS],
  ]);
  for (const [name, rows] of groups) {
    const pts = rows.map(rowPoints);
    const completion = maxes.map((m, i) => r6((pts.reduce((a, p) => a + (p[i] as number), 0) * 100) / (rows.length * m)));
    const total = pts.reduce((a, p) => a + p.reduce((x, y) => x + y, 0), 0);
    out.set(name, {
      n: rows.length,
      completion,
      mean: r6((total * 100) / (rows.length * 10)),
      marks: [2, 3, 4, 5].map((m) => rows.filter((r) => r.mark === m).length),
    });
  }
  return out;
}

describe('answer strings', () => {
  it('short answers: «+» 1, «-» 0, a digit its points; anything else names its position', () => {
    expect(parseShortAnswers('+-2+')).toEqual({ ok: true, scores: [1, 0, 2, 1] });
    expect(parseShortAnswers('+-a+')).toEqual({ ok: false, position: 3, symbol: 'a' });
  });
  it('long answers: score(max) pairs', () => {
    expect(parseLongAnswers('0(2)1(2)2(3)')).toEqual({
      ok: true,
      pairs: [
        [0, 2],
        [1, 2],
        [2, 3],
      ],
    });
    expect(parseLongAnswers('0(2)1(2)x(3)')).toEqual({ ok: false, at: 'x(3)' });
  });
});

describe('an ОГЭ protocol in the РЦОИ layout', () => {
  const run = runAnalysis(ogeProtocol());
  const a = run.analyses[0];
  const p = a?.procedure;

  it('is read: ОГЭ 2026 Математика 9 класс, 7 participants named by their three name columns', () => {
    expect(run.problems.filter((x) => x.severity === 'error').map(formatProblem)).toEqual([]);
    expect(p?.layout).toBe('gia-protocol');
    expect(p?.meta).toMatchObject({ kind: 'ОГЭ', year: 2026, subject: 'Математика', grade: 9 });
    expect(p?.students.map((s) => s.name)[0]).toBe('Иванов Иван Иванович');
    // Short tasks 1–5 (task 3 worth 2: a «2» appears in its place), long tasks 6 and 7 from the pairs.
    expect(p?.tasks.map((t) => [t.id, t.max])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 2],
      ['4', 1],
      ['5', 1],
      ['6', 2],
      ['7', 2],
    ]);
    expect(run.problems.find((x) => x.code === 'max-inferred')?.message).toContain('заданий 3');
  });

  it('gives per-class and school completion and marks equal to an independent computation', () => {
    const want = independent();
    for (const g of a?.groups ?? []) {
      if (g.level === 'parallel') continue;
      const w = want.get(g.name);
      expect(g.participants, g.name).toBe(w?.n);
      expect(g.completion.map(r6), g.name).toEqual(w?.completion);
      expect(r6(g.meanCompletion), g.name).toBe(w?.mean);
    }
    // By hand: 9А task 3 — 2 + 1 + 0 + 2 = 5 of 8 = 62.5 %; task 6 — 1 + 0 + 0 + 2 = 3 of 8 = 37.5 %;
    // 9Б work — 6 + 3 + 8 = 17 of 30; school work — 38 of 70 = 54.29 %.
    expect(a?.groups.find((g) => g.name === '9А')?.completion[2]).toBe(62.5);
    expect(a?.groups.find((g) => g.name === '9А')?.completion[5]).toBe(37.5);
    expect(a?.groups.find((g) => g.level === 'school')?.meanCompletion).toBeCloseTo((38 * 100) / 70, 12);
    const school = marksByGroup(a!).find((m) => m.group.level === 'school');
    expect([2, 3, 4, 5].map((m) => school?.marks.counts[m as 2 | 3 | 4 | 5])).toEqual(want.get('Школа')?.marks);
  });

  it('counts «не преодолели минимальный порог» (below 4 primary points on «Шкалы ГИА») as «2» and puts them in the risk group', () => {
    expect(p?.threshold).toMatchObject({ score: 4, on: 'primary' });
    expect(p?.students.filter((s) => s.belowThreshold).map((s) => s.name)).toEqual(['Сидорова Анна Сергеевна', 'Волков Денис Андреевич']);
    // Петров has exactly 4: not below.
    expect(p?.students.find((s) => s.name?.startsWith('Петров'))?.belowThreshold).toBe(false);
    const risk = run.findings.atRisk.map((r) => [r.name, r.reasons.map((x) => x.rule)]);
    expect(risk).toEqual([
      ['Сидорова Анна Сергеевна', ['mark2']],
      ['Волков Денис Андреевич', ['mark2']],
    ]);
    expect(run.findings.atRisk[0]?.reasons[0]?.text).toBe(
      'Не преодолён минимальный порог ОГЭ 2026 Математика 9 класс: меньше 4 первичных баллов (как отметка «2»)',
    );
  });

  it('no journal comparison unless the protocol has journal marks: «не проверено», not «не найдено»', () => {
    expect(run.summary.procedures[0]?.checks.journal).toBe('в файле нет отметок по журналу');
    expect(run.summary.procedures[0]?.checks.marks).toBeNull();
  });

  it('one column per task instead of strings gives the same figures', () => {
    const other = runAnalysis(ogePerTask());
    expect(other.ok).toBe(true);
    const fig = (r: typeof run) => r.analyses[0]?.groups.map((g) => [g.name, g.participants, g.completion.map(r6)]);
    expect(fig(other)).toEqual(fig(run));
  });
});

describe('broken answer strings are errors naming the cell', () => {
  const broken = (change: (rows: typeof OGE_ROWS) => void) => {
    const rows = OGE_ROWS.map((r) => ({ ...r }));
    change(rows);
    return runAnalysis(ogeProtocol(rows));
  };
  // Header on row 3; the first participant on row 4; short answers in column L (12), long in M (13).
  it.each([
    ['a character missing', (rows: typeof OGE_ROWS) => (rows[1]!.short = '+-1-'), 'answers-length', 5, 12, '4 симв., а заданий 5'],
    ['a wrong symbol', (rows: typeof OGE_ROWS) => (rows[2]!.short = '--a+-'), 'answers-symbol', 6, 12, 'символ «a» (позиция 3)'],
    ['a broken pair', (rows: typeof OGE_ROWS) => (rows[3]!.long = '2(2)1[2]'), 'answers-pairs', 7, 13, '«1[2]»'],
    ['another max in the brackets', (rows: typeof OGE_ROWS) => (rows[4]!.long = '1(3)1(2)'), 'answers-max', 8, 13, 'максимальный балл 3'],
    ['a score above the max of its pair', (rows: typeof OGE_ROWS) => (rows[5]!.long = '3(2)1(2)'), 'score-above-max', 9, 13, 'Балл 3'],
  ])('%s', (_name, change, code, row, col, text) => {
    const run = broken(change as (rows: typeof OGE_ROWS) => void);
    expect(run.ok).toBe(false);
    const p = run.problems.find((x) => x.code === code);
    expect(p, JSON.stringify(run.problems.filter((x) => x.severity === 'error'))).toMatchObject({ severity: 'error', row, col });
    expect(p?.message).toContain(text);
    expect(formatProblem(p!)).toMatch(/^Лист «ОГЭ Математика», ячейка [LM]\d+/);
  });
});

describe('ЕГЭ: test score and the minimum', () => {
  const run = runAnalysis(egeProtocol());
  const p = run.data.procedures[0];
  it('reads the test score and marks «2» below the minimum (24), «3» at or above it, without «качество»', () => {
    expect(run.ok).toBe(true);
    expect(p?.meta).toMatchObject({ kind: 'ЕГЭ', subject: 'Русский язык', grade: 11 });
    expect(p?.students.map((s) => [s.testScore, s.mark, s.belowThreshold])).toEqual([
      [60, 3, false],
      [20, 2, true],
      [24, 3, false],
      [10, 2, true],
    ]);
    expect(p?.markSource).toBe('threshold');
    const school = marksByGroup(run.analyses[0]!).find((m) => m.group.level === 'school');
    expect(school?.marks.success).toBe(50);
    expect(Number.isNaN(school?.marks.quality)).toBe(true);
  });
  it('creates «Шкалы ГИА» once, pre-filled for 2026 with the source named', () => {
    const tab = run.write.ensure.find((t) => t.name === 'Шкалы ГИА');
    expect(tab).toBeDefined();
    const rows = tab?.values ?? [];
    const ruEge = rows.find((r) => r[0] === 'ЕГЭ' && r[1] === 'Русский язык');
    expect(ruEge?.slice(2, 5)).toEqual([2026, 'тестовый', 24]);
    expect(String(ruEge?.[7])).toContain('Рособрнадзор');
    const mathOge = rows.find((r) => r[0] === 'ОГЭ' && r[1] === 'Математика');
    expect(mathOge?.slice(4, 7)).toEqual([8, 15, 22]);
    // With the sheet present it is the user's: not created again, and its values are used.
    const again = runAnalysis(ogeProtocol());
    expect(again.write.ensure.some((t) => t.name === 'Шкалы ГИА')).toBe(false);
  });
});

describe('a plan gives the real max of a task the strings under-report', () => {
  it('«План заданий» raises an inferred max without an error', () => {
    const wb = ogeProtocol();
    const plan: CellValue[][] = [
      ['Задание', 'Макс. балл'],
      ...['1', '2', '3', '4', '5', '6', '7'].map((id, i) => [id, [1, 2, 2, 1, 1, 2, 2][i] as number]),
    ];
    wb.grids.push({ name: 'План заданий', values: plan });
    const run = runAnalysis(wb);
    expect(run.ok).toBe(true);
    // Task 2 is worth 2 by the plan; nobody scored more than 1 on it.
    expect(run.data.procedures[0]?.tasks[1]?.max).toBe(2);
    expect(run.data.procedures[0]?.maxTotal).toBe(11);
  });
});

describe('the roadmap says «подготовка к ГИА» for ГИА classes', () => {
  it('names the work-programme rows of an ОГЭ class as preparation for the exam', () => {
    const r = runRoadmap(ogeProtocol(), {
      template: 'region-model-roadmap',
      year: 2025,
      procedure: 'ОГЭ 2026 Математика',
      resultsDate: '2026-06-20',
      today: '2026-06-25',
    });
    expect(r.ok).toBe(true);
    const titles = r.tabs[0]!.values.filter((row) => String(row[COL.key] ?? '').startsWith('wp:')).map((row) => String(row[COL.title]));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => t.startsWith('Подготовка к ГИА: внести изменения в рабочую программу: Математика'))).toBe(true);
  });
});
