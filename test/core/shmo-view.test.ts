// The ШМО view (src/core/output/shmo-view.ts): a person's own tab made of the matching rows of the
// analytic tabs, found by their filter columns (by id), written through a plan that touches nothing
// else. Checked on the sample school (its «Классы и учителя» names every class's teachers).
import { beforeAll, describe, expect, it } from 'vitest';
import { SpecBuilder } from '../../src/core/output/builder';
import { tablesOf } from '../../src/core/output/columns';
import { buildShmoView, type ShmoChoice, shmoContext, shmoTabName, shmoTabNames } from '../../src/core/output/shmo-view';
import type { SheetSpec } from '../../src/core/output/spec';
import { selectRows, stack } from '../../src/core/output/spec-rows';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { S, T } from '../../src/core/strings';
import { isGeneratedTab, isShmoView, staleGeneratedTabs, stepOfTab } from '../../src/core/tabs';
import { runShmoView } from '../../src/core/write/shmo';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { formRows, formWorkbook, withCell } from '../helpers/grids';
import { rows } from '../helpers/tables';

const none: ShmoChoice = { subjects: [], grades: [], classes: [], teachers: [] };

describe('rows of a spec', () => {
  /** A title, a header, three data rows with a rule reading the header's level row, a note and a merge. */
  function sample(): SheetSpec {
    const b = new SpecBuilder('Т');
    b.row(['Заголовок'], { bold: true });
    const h = b.header('byClassGroups', ['group', { span: 'tasks', labels: ['1'] }]);
    const level = b.line(h, { group: 'Уровень' }, { tasks: ['Б'] });
    b.line(h, { group: '5А' }, { tasks: [40] });
    b.line(h, { group: '5Б' }, { tasks: [70] });
    b.line(h, { group: '5В' }, { tasks: [55] });
    b.rules.push({ range: { row: 3, col: 1, rows: 3, cols: 1 }, formula: `=AND(ISNUMBER(B4),B4<IF(B$${level + 1}="Б",57,30))` });
    b.note(4, 1, 'заметка 5Б');
    b.merges.push({ row: 0, col: 0, rows: 1, cols: 2 });
    b.format({ row: 3, col: 0, rows: 3, cols: 2 }, { italic: true });
    return b.build();
  }

  it('keeps what is on the kept rows: formats cut into runs, rules re-anchored, notes and merges moved', () => {
    // Drop 5А (row 3): 5Б and 5В move up one row.
    const s = selectRows(sample(), [true, true, true, false, true, true]);
    expect(s.values.map((r) => r[0])).toEqual(['Заголовок', 'Группа', 'Уровень', '5Б', '5В']);
    expect(s.rules).toEqual([{ range: { row: 3, col: 1, rows: 2, cols: 1 }, formula: '=AND(ISNUMBER(B4),B4<IF(B$3="Б",57,30))' }]);
    expect(s.notes).toEqual([{ row: 3, col: 1, text: 'заметка 5Б' }]);
    expect(s.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 2 }]);
    expect(s.formats?.filter((f) => f.italic).map((f) => f.range)).toEqual([{ row: 3, col: 0, rows: 2, cols: 2 }]);
    expect(s.tables).toEqual([{ table: 'byClassGroups', header: 1, columns: { group: 0 }, spans: { tasks: { col: 1, cols: 1 } } }]);
  });

  it('drops a rule whose formula reads a row that is gone, and cuts a rule in two around a dropped row', () => {
    // Without the level row the status rule cannot be read: it goes.
    expect(selectRows(sample(), [true, true, false, true, true, true]).rules ?? []).toEqual([]);
    // Without 5Б: two runs, each anchored at its own first row.
    const s = selectRows(sample(), [true, true, true, true, false, true]);
    expect(s.rules?.map((r) => [r.range.row, r.range.rows, r.formula])).toEqual([
      [3, 1, '=AND(ISNUMBER(B4),B4<IF(B$3="Б",57,30))'],
      [4, 1, '=AND(ISNUMBER(B5),B5<IF(B$3="Б",57,30))'],
    ]);
  });

  it('stacks tabs with a blank row between; rules, notes and tables follow their rows', () => {
    const a = sample();
    const s = stack('Вместе', [a, a]);
    expect(s.values).toHaveLength(13);
    expect(s.values[6]).toEqual([]);
    expect(s.rules?.[1]).toEqual({ range: { row: 10, col: 1, rows: 3, cols: 1 }, formula: '=AND(ISNUMBER(B11),B11<IF(B$10="Б",57,30))' });
    expect(s.notes?.map((n) => n.row)).toEqual([4, 11]);
    expect(s.tables?.map((t) => t.header)).toEqual([1, 8]);
  });
});

describe('the ШМО view of the sample school', () => {
  let run: AnalysisRun;
  /** The view, with `spec`: both of its tabs one below the other (for lookups by table). */
  const view = (choice: Partial<ShmoChoice>) => {
    const v = buildShmoView(run.tabs, { ...none, ...choice }, shmoContext(run.data));
    return { ...v, spec: stack('both', v.specs) };
  };
  beforeAll(() => {
    run = runAnalysis(workbookGrids(buildSampleWorkbook(1), 'sample-school'));
    expect(run.ok).toBe(true);
  });

  it('is tabs of its own, named by the choice, never read as input and never stale for an analysis', () => {
    const name = shmoTabName({ ...none, subjects: ['Математика'], classes: ['5Б'] });
    expect(name).toBe('ШМО · Математика · 5Б');
    expect(shmoTabNames({ ...none, subjects: ['Математика'], classes: ['5Б'] })).toEqual([name, 'ШМО выводы · Математика · 5Б']);
    expect(isShmoView('ШМО выводы · Математика · 5Б')).toBe(true);
    expect(isGeneratedTab(name)).toBe(true);
    expect(isShmoView(name)).toBe(true);
    expect(stepOfTab(name)).toBeNull();
    expect(staleGeneratedTabs([name, S.tabs.byClass], [])).toEqual([S.tabs.byClass]);
    expect(shmoTabName({ ...none, teachers: ['Александрова-Петровская Екатерина Николаевна'] }).length).toBeLessThanOrEqual(31);
  });

  it('by subject: only mathematics — its matrices, its blocks and rows on every analytic tab', () => {
    const v = view({ subjects: ['Математика'] });
    const sheets = v.sections.map((s) => s.sheet);
    expect(sheets.filter((s) => s.startsWith(S.tabs.matrix)).every((s) => s.includes('· МА'))).toBe(true);
    expect(sheets).toEqual(expect.arrayContaining([S.tabs.byClass, S.tabs.markStats, S.tabs.risk, S.tabs.objectivity, S.tabs.dynamics]));
    // Mathematics matrices whole; on the shared tabs, fewer rows than there are.
    for (const s of v.sections) {
      if (s.sheet.startsWith(S.tabs.matrix)) expect(s.visible, s.sheet).toBe(s.total);
      else expect(s.visible, s.sheet).toBeLessThan(s.total);
    }
    // Every block of «Дефициты по классам» in the view is a mathematics one.
    const titles = v.spec.values.map((r) => r[0]).filter((x) => typeof x === 'string' && /^(ВПР|Входная).* класс$/.test(x));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((x) => String(x).includes('Математика'))).toBe(true);
    // At-risk students: each of them is at risk in mathematics (perhaps also in another subject).
    const risk = tablesOf(v.spec, 'risk');
    expect(risk).toHaveLength(1);
    const students = rows(v.spec, 'risk');
    expect(students.length).toBeGreaterThan(0);
    for (const r of students) expect(String(r.subjects)).toContain('Математика');
  });

  it('by class: the class’s rows with its parallel and school rows for comparison; other classes and parallels go', () => {
    const v = view({ classes: ['5Б'] });
    // Matrices of grade 5 only, each with 5Б's students and the class, parallel and school rows.
    const matrices = tablesOf(v.spec, 'matrix');
    expect(matrices.length).toBe(v.sections.filter((s) => s.sheet.startsWith(S.tabs.matrix)).length);
    expect(v.sections.filter((s) => s.sheet.startsWith(S.tabs.matrix)).every((s) => / 5( |$)/.test(s.sheet))).toBe(true);
    for (let i = 0; i < matrices.length; i++) {
      const cls = new Set(
        rows(v.spec, 'matrix', i)
          .slice(2)
          .map((r) => r.className),
      );
      expect(cls).toEqual(new Set(['5Б', '5 классы', 'Школа']));
    }
    for (let i = 0; i < tablesOf(v.spec, 'byClassGroups').length; i++) {
      expect(rows(v.spec, 'byClassGroups', i).map((r) => r.group)).toEqual(['Уровень', '5Б', '5 классы', 'Школа']);
    }
    for (const r of rows(v.spec, 'risk')) expect(r.className).toBe('5Б');
    // «Объективность»: 5Б, the teachers' rows over 5Б, and the school rows of grade 5.
    const groups = rows(v.spec, 'objectivity');
    expect(new Set(groups.map((g) => g.kind))).toEqual(new Set(['класс', 'учитель', 'школа']));
    for (const g of groups) if (g.kind === 'класс') expect(g.group).toBe('5Б');
    for (const g of groups) expect(String(g.procedure)).toMatch(/ 5 класс$/);
  });

  it('by teacher: the classes they teach in their subject (from «Классы и учителя»)', () => {
    const ctx = shmoContext(run.data);
    const maths = ctx.teaching.filter((t) => t.subject === 'Математика');
    const teacher = maths.find((t) => ctx.teaching.filter((x) => x.teacher === t.teacher).every((x) => x.subject === 'Математика'));
    if (!teacher) throw new Error('no mathematics-only teacher in the sample');
    const theirs = new Set(ctx.teaching.filter((t) => t.teacher === teacher.teacher).map((t) => t.className));
    const v = view({ teachers: [teacher.teacher] });
    const matrixSheets = v.sections.filter((s) => s.sheet.startsWith(S.tabs.matrix)).map((s) => s.sheet);
    expect(matrixSheets.length).toBeGreaterThan(0);
    expect(matrixSheets.every((s) => s.includes('· МА'))).toBe(true);
    for (let i = 0; i < tablesOf(v.spec, 'matrix').length; i++) {
      // Students of their classes; the class rows of their classes, the parallel and the school.
      for (const r of rows(v.spec, 'matrix', i).slice(2)) {
        const cls = String(r.className);
        if (r.code !== T.matrix.summaryMark) expect(theirs.has(cls), cls).toBe(true);
        else expect(theirs.has(cls) || / классы$/.test(cls) || cls === 'Школа', cls).toBe(true);
      }
    }
  });

  it('looks like the tabs it comes from: the same colours, symbols and notes; no hidden service columns or rows', () => {
    const v = view({ subjects: ['Математика'], classes: ['5Б'] });
    expect(v.spec.rules?.length).toBeGreaterThan(0);
    expect(v.spec.formats?.some((f) => f.numberFormat?.includes('✗') || f.numberFormat?.includes('✓'))).toBe(true);
    expect(v.spec.hiddenColumns).toBeUndefined();
    expect(v.spec.hiddenRows).toBeUndefined();
    expect(v.spec.filterColumns).toBeUndefined();
    // No row key, highlight key or filter value leaks into the view.
    const cells = v.spec.values.flat().map(String);
    expect(cells.some((c) => c.startsWith('oko:'))).toBe(false);
    expect(cells).not.toContain(S.columns.risk.highlightKeys);
    expect(cells).not.toContain(S.columns.risk.key);
    expect(v.specs.map((x) => x.values[0]?.[0])).toEqual(['ШМО · Математика · 5Б', 'ШМО выводы · Математика · 5Б']);
    for (const x of v.specs)
      expect([x.frozenRows, x.frozenCols, x.hiddenColumns, x.hiddenRows], x.name).toEqual([1, 1, undefined, undefined]);
    // The numbers on the first tab, the findings on the second: their columns do not share widths.
    expect(v.sections.filter((x) => x.tab === v.specs[1]!.name).map((x) => x.sheet)).toEqual([
      S.tabs.risk,
      S.tabs.dynamics,
      S.tabs.objectivity,
    ]);
    expect(tablesOf(v.specs[0]!, 'risk')).toEqual([]);
    expect(tablesOf(v.specs[1]!, 'matrix')).toEqual([]);
    // No column wider than 200 px: a wider text column of a tab wraps in the view.
    for (const x of v.specs) expect(Math.max(...Object.values(x.columnWidths ?? {})), x.name).toBeLessThanOrEqual(200);
  });

  it('is written by a plan that touches nothing else: no shared tab, no highlight, no settings, nothing removed', () => {
    const wb = workbookGrids(buildSampleWorkbook(1), 'sample-school');
    const r = runShmoView(wb, { ...none, subjects: ['Математика'] });
    expect(r.ok).toBe(true);
    expect(r.write).toEqual({
      replace: [expect.objectContaining({ name: 'ШМО · Математика' }), expect.objectContaining({ name: 'ШМО выводы · Математика' })],
      ensure: [],
      remove: [],
      highlights: null,
      documents: [],
    });
    // Nothing chosen: nothing to build, nothing written.
    expect(runShmoView(wb, none)).toMatchObject({ ok: false, write: { replace: [], remove: [] } });
  });
});

describe('the ШМО view on bad data', () => {
  it('is refused with the data’s errors, and writes nothing', () => {
    const r = runShmoView(formWorkbook({ 'ВПР Математика 5 класс': withCell(formRows(), 2, 3, 7) }), { ...none, subjects: ['Математика'] });
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(r.write.replace).toEqual([]);
  });
});
