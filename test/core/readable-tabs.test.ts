// Readable tabs (issue 16, point 3), checked on every analytic tab of the sample school: what the row
// is about first and frozen with the header rows; headers wrapped; the filter and service columns
// hidden at the right; statuses as a word or a symbol beside their colour.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureAnalysis } from '../../src/core/analysis/deficits';
import { type TableName, tablesOf } from '../../src/core/output/columns';
import type { SheetSpec } from '../../src/core/output/spec';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { S, T } from '../../src/core/strings';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { order, rows } from '../helpers/tables';

/** The first column of every table: what its rows are about. */
const FIRST: Record<TableName, string> = {
  filter: '',
  matrix: 'className',
  byClassGroups: 'group',
  byClassTasks: 'group',
  byClassSkills: 'group',
  marks: 'group',
  journal: 'group',
  marksBenchmarks: 'group',
  journalBenchmarks: 'group',
  markGaps: 'className',
  distribution: 'score',
  tasksByMark: 'group',
  risk: 'className',
  dynamicsWorks: 'procedure',
  dynamicsPairs: 'step',
  dynamicsClasses: 'classes',
  dynamicsSkills: 'className',
  dynamicsStudents: 'className',
  objectivity: 'procedure',
  objectivitySigns: 'procedure',
  objectivityTeachers: 'teacher',
};

let run: AnalysisRun;
let analytic: SheetSpec[];
const tab = (name: string) => run.tabs.find((t) => t.name === name) as SheetSpec;

beforeAll(() => {
  run = runAnalysis(workbookGrids(buildSampleWorkbook(1), 'sample-school'));
  expect(run.ok).toBe(true);
  analytic = run.tabs.filter((t) => t.filterColumns);
});

describe('every analytic tab of the sample school', () => {
  it('is every tab the analysis writes: matrices, deficits, statistics, risk, dynamics, objectivity', () => {
    expect(analytic.map((t) => t.name)).toEqual(run.tabs.map((t) => t.name));
    expect(analytic.length).toBe(run.analyses.length + 7);
  });

  it('freezes its header rows and its first, identifying column', () => {
    for (const t of analytic) {
      expect(t.frozenRows, t.name).toBeGreaterThanOrEqual(1);
      expect(t.frozenCols, t.name).toBeGreaterThanOrEqual(1);
      for (const table of t.tables ?? []) {
        const first = Object.entries(table.columns).find(([, c]) => c === 0)?.[0];
        expect(first, `${t.name}: ${table.table}`).toBe(FIRST[table.table as TableName]);
      }
    }
    // Tabs of one table freeze its header; the others their title and legend.
    expect(tab(S.tabs.risk).frozenRows).toBe(tablesOf(tab(S.tabs.risk), 'risk')[0]!.header + 1);
    expect(tab(S.tabs.objectivity).frozenRows).toBe(tablesOf(tab(S.tabs.objectivity), 'objectivity')[0]!.header + 1);
    expect(tab(S.tabs.dynamics).frozenRows).toBe(2);
  });

  it('wraps every header', () => {
    for (const t of analytic) {
      for (const table of t.tables ?? []) {
        const width = Math.max(...Object.values(table.columns)) + 1;
        const wrapped = (t.formats ?? []).some(
          (f) =>
            f.wrap &&
            f.range.row <= table.header &&
            f.range.row + f.range.rows > table.header &&
            f.range.col === 0 &&
            f.range.cols >= width,
        );
        expect(wrapped, `${t.name}: ${table.table}`).toBe(true);
      }
    }
  });

  it('hides its filter columns right of everything it shows, and nothing it shows', () => {
    for (const t of analytic) {
      const filters = Object.values(t.filterColumns ?? {});
      expect(filters.length, t.name).toBeGreaterThanOrEqual(3);
      for (const c of filters) expect(t.hiddenColumns, t.name).toContain(c);
      const first = Math.min(...filters);
      for (const table of t.tables ?? []) {
        for (const [id, c] of Object.entries(table.columns)) {
          if (t.hiddenColumns?.includes(c)) expect(['key', 'highlightKeys'], `${t.name}: ${id}`).toContain(id);
          else expect(c, `${t.name}: ${table.table}.${id}`).toBeLessThan(first);
        }
      }
      for (const c of t.charts ?? []) expect(c.anchor.col, t.name).toBeLessThan(first);
    }
  });

  it('hides the service columns and the row of column ids: row keys, the highlight list', () => {
    const risk = tab(S.tabs.risk);
    const table = tablesOf(risk, 'risk')[0]!;
    expect(risk.hiddenColumns).toEqual(expect.arrayContaining([table.columns.key, table.columns.highlightKeys]));
    expect(risk.hiddenRows).toEqual([table.header - 1]);
    const obj = tab(S.tabs.objectivity);
    const o = tablesOf(obj, 'objectivity')[0]!;
    expect(obj.hiddenColumns).toContain(o.columns.key);
    expect(obj.hiddenRows).toEqual([o.header - 1]);
    // The user's own columns are in view.
    expect(risk.hiddenColumns).not.toContain(table.columns.done);
    expect(obj.hiddenColumns).not.toContain(o.columns.checkResult);
  });

  it('puts the decision columns first: % and mark on the matrix, the level and the signs on «Объективность»', () => {
    const m = analytic[0]!;
    expect(order(m, 'matrix').slice(0, 5)).toEqual(['className', 'code', 'completion', 'mark', 'deficits']);
    expect(order(tab(S.tabs.byClass), 'byClassGroups').slice(0, 2)).toEqual(['group', 'completion']);
    expect(order(tab(S.tabs.markStats), 'marks').slice(0, 3)).toEqual(['group', 'quality', 'success']);
    expect(order(tab(S.tabs.risk), 'risk').indexOf('reasons')).toBeLessThanOrEqual(5);
    expect(order(tab(S.tabs.objectivity), 'objectivity').slice(0, 7)).toEqual([
      'procedure',
      'group',
      'kind',
      'level',
      'signs',
      'checkResult',
      'comment',
    ]);
    expect(order(tab(S.tabs.dynamics), 'dynamicsClasses').slice(0, 2)).toEqual(['classes', 'verdict']);
  });
});

describe('statuses read without colour', () => {
  /** The symbol a summary cell's number format shows, or ''. */
  const symbolAt = (t: SheetSpec, row: number, col: number): string => {
    const f = (t.formats ?? []).filter(
      (x) =>
        x.numberFormat && x.range.row <= row && x.range.row + x.range.rows > row && x.range.col <= col && x.range.col + x.range.cols > col,
    );
    return /"\s*(.)"/.exec(f.at(-1)?.numberFormat ?? '')?.[1] ?? '';
  };
  const expected = (st: string | undefined) => T.statusSymbol[st as keyof typeof T.statusSymbol] ?? '';

  it('on every matrix: each task of a class, parallel and school row shows ✓, ± or ✗ — its status from the analysis', () => {
    let checked = 0;
    run.analyses.forEach((a: ProcedureAnalysis, i) => {
      const m = analytic[i]!;
      const tasks = tablesOf(m, 'matrix')[0]!.spans!.tasks!;
      const summaries = rows(m, 'matrix').filter((r) => r.code === T.matrix.summaryMark);
      expect(summaries.length, m.name).toBe(a.groups.length);
      summaries.forEach((r, gi) => {
        const g = a.groups[gi]!;
        expect(r.className, m.name).toBe(g.name);
        g.status.forEach((st, k) => {
          expect(symbolAt(m, r.$row, tasks.col + k), `${m.name} ${g.name} task ${k + 1}`).toBe(expected(st));
          checked++;
        });
      });
    });
    expect(checked).toBeGreaterThan(500);
    // All three symbols occur in the sample school.
    const all = new Set(run.analyses.flatMap((a) => a.groups.flatMap((g) => g.status)));
    expect(all).toEqual(new Set(['sufficient', 'uncertain', 'insufficient']));
  });

  it('on «Дефициты по классам» too; its lists and «Объективность» say the status in words', () => {
    const t = tab(S.tabs.byClass);
    const blocks = tablesOf(t, 'byClassGroups');
    expect(blocks.length).toBe(run.analyses.length);
    blocks.forEach((b, i) => {
      const a = run.analyses[i]!;
      const groups = rows(t, 'byClassGroups', i).slice(1);
      groups.forEach((r, gi) => {
        a.groups[gi]!.status.forEach((st, k) => {
          expect(symbolAt(t, r.$row, b.spans!.tasks!.col + k)).toBe(expected(st));
        });
      });
    });
    const words = new Set(tablesOf(t, 'byClassTasks').flatMap((_, i) => rows(t, 'byClassTasks', i).map((r) => r.status)));
    expect(words).toEqual(new Set([S.status.insufficient, S.status.uncertain, T.byClass.noBadTasks]));
    const levels = new Set(rows(tab(S.tabs.objectivity), 'objectivity').map((r) => r.level));
    for (const l of levels) expect(['—', S.objectivity.levelShort.medium, S.objectivity.levelShort.high]).toContain(l);
  });
});
