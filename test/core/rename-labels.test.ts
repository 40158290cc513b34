// Columns are found by id, never by header text (issue 13): renaming any column label in the string
// table (src/core/strings/columns.ts) changes the headers and nothing else — users' notes are kept,
// also on a tab written before the rename, and the ШМО view finds the same rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { CellValue, Grid, Workbook } from '../../src/core/grid';
import { tablesOf } from '../../src/core/output/columns';
import { buildShmoView, shmoContext } from '../../src/core/output/shmo-view';
import type { SheetSpec } from '../../src/core/output/spec';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { specToGrid } from '../../src/core/roadmap/run';
import { S } from '../../src/core/strings';
import { COLUMNS } from '../../src/core/strings/columns';
import { isGeneratedTab } from '../../src/core/tabs';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { objectivityBook, riskBook } from '../helpers/findings';

/** The string table's labels as shipped, to put back after each test. */
const ORIGINAL: Record<string, Record<string, string>> = JSON.parse(JSON.stringify(COLUMNS));

/** Renames every label of every column table: «Класс» → «Класс (новое имя)». */
function renameAll(): void {
  for (const [table, labels] of Object.entries(COLUMNS) as [string, Record<string, string>][]) {
    for (const id of Object.keys(labels)) labels[id] = `${ORIGINAL[table]![id]} (новое имя)`;
  }
}

afterEach(() => {
  for (const [table, labels] of Object.entries(COLUMNS) as [string, Record<string, string>][]) Object.assign(labels, ORIGINAL[table]);
});

/** The workbook as a host leaves it after writing the run. */
function written(wb: Workbook, run: AnalysisRun): Workbook {
  expect(run.ok).toBe(true);
  const grids = wb.grids.filter((g) => !run.tabs.some((t) => t.name === g.name));
  return { name: wb.name, grids: [...grids, ...run.tabs.map(specToGrid)] };
}

/** Types `text` into the `id` column of the row whose `by` column holds `value`, on `tab` (found through the spec). */
function type(wb: Workbook, spec: SheetSpec, table: 'risk' | 'objectivity', by: string, value: string, id: string, text: string): Workbook {
  const t = tablesOf(spec, table)[0]!;
  const g = wb.grids.find((x) => x.name === spec.name) as Grid;
  const values = g.values.map((r) => [...r]);
  const row = values.findIndex((r, i) => i > t.header && r[t.columns[by]!] === value);
  expect(row).toBeGreaterThan(0);
  const cells = values[row] as CellValue[];
  while (cells.length <= t.columns[id]!) cells.push(null);
  cells[t.columns[id]!] = text;
  return { name: wb.name, grids: wb.grids.map((x) => (x === g ? { name: g.name, values } : x)) };
}

/** The input sheets with the generated tabs of `prev`: what the next run reads. */
const next = (input: Workbook, prev: Workbook): Workbook => ({
  name: input.name,
  grids: [...input.grids, ...prev.grids.filter((g) => isGeneratedTab(g.name))],
});

function cell(run: AnalysisRun, tab: string, table: 'risk' | 'objectivity', by: string, value: string, id: string): unknown {
  const spec = run.tabs.find((t) => t.name === tab) as SheetSpec;
  const t = tablesOf(spec, table)[0]!;
  return spec.values.find((r, i) => i > t.header && r[t.columns[by]!] === value)?.[t.columns[id]!] ?? null;
}

describe('renaming every column label in the string table', () => {
  it('renames the headers', () => {
    renameAll();
    const run = runAnalysis(riskBook());
    const risk = run.tabs.find((t) => t.name === S.tabs.risk) as SheetSpec;
    const t = tablesOf(risk, 'risk')[0]!;
    expect(risk.values[t.header]?.[t.columns.done!]).toBe('Что сделано (новое имя)');
    expect(risk.values[t.header]?.[t.columns.className!]).toBe('Класс (новое имя)');
  });

  it('keeps users’ notes on «Группа риска» and «Объективность» through regenerations', () => {
    renameAll();
    const risk = riskBook();
    const r1 = runAnalysis(risk);
    let wb = written(risk, r1);
    wb = type(wb, r1.tabs.find((t) => t.name === S.tabs.risk)!, 'risk', 'code', '104', 'comment', 'Беседа с родителями');
    const r2 = runAnalysis(next(risk, wb));
    expect(cell(r2, S.tabs.risk, 'risk', 'code', '104', 'comment')).toBe('Беседа с родителями');

    const obj = objectivityBook();
    const o1 = runAnalysis(obj);
    let ow = written(obj, o1);
    ow = type(ow, o1.tabs.find((t) => t.name === S.tabs.objectivity)!, 'objectivity', 'group', '6Б', 'checkResult', 'Перепроверено');
    const o2 = runAnalysis(next(obj, ow));
    expect(cell(o2, S.tabs.objectivity, 'objectivity', 'group', '6Б', 'checkResult')).toBe('Перепроверено');
  });

  it('keeps the notes of a tab written before the rename: its columns are read by their ids, not by the old labels', () => {
    const risk = riskBook();
    const before = runAnalysis(risk);
    let wb = written(risk, before);
    wb = type(wb, before.tabs.find((t) => t.name === S.tabs.risk)!, 'risk', 'code', '104', 'done', 'ИОМ составлен');
    // A later version renames every label; the user's tab still has the old ones.
    renameAll();
    const after = runAnalysis(next(risk, wb));
    expect(cell(after, S.tabs.risk, 'risk', 'code', '104', 'done')).toBe('ИОМ составлен');
    const tab = after.tabs.find((t) => t.name === S.tabs.risk) as SheetSpec;
    expect(tab.values.flat()).not.toContain(S.notes.archive);
  });

  it('finds the same rows for the ШМО view', () => {
    const wb = workbookGrids(buildSampleWorkbook(1), 'sample-school');
    const choice = { subjects: ['Математика'], grades: [], classes: ['5Б'], teachers: [] };
    const view = () => {
      const run = runAnalysis(wb);
      return buildShmoView(run.tabs, choice, shmoContext(run.data));
    };
    const was = view();
    renameAll();
    const now = view();
    expect(now.sections).toEqual(was.sections);
    expect(now.specs.map((x) => x.values.length)).toEqual(was.specs.map((x) => x.values.length));
    expect(now.specs[0]?.values.flat()).toContain('Класс (новое имя)');
  });
});
