// «Исполнение»: the execution dashboard over every roadmap tab of the workbook. Everything is a
// formula over the roadmap tabs (COUNTIF / SUMPRODUCT / INDEX–SMALL, which Excel and Google Sheets
// both evaluate, no array or FILTER formulas), so a status changed in a roadmap shows here at once:
// % done overall, per stage and per responsible, the overdue count and list, and a chart per roadmap.
import type { CellValue } from '../grid';
import { type ColumnId, STATUS } from '../roadmap/columns';
import type { RoadmapTabRead } from '../roadmap/tab-read';
import { S } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import type { SheetSpec, SpecCell } from './spec';

export const EXECUTION_TAB = S.tabs.execution;
/** The overdue list of one roadmap is capped (its rows are formulas that stay empty when nothing is due). */
export const MAX_OVERDUE_SLOTS = 300;

const { todo: TODO, doing: DOING, done: DONE, cancelled: CANCELLED } = STATUS;
const C = S.execution.columns;

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const colLetter = (c: number) => ref(0, c).replace(/\d+$/, '');

/** What the dashboard needs to know about one roadmap tab. */
export interface RoadmapRange {
  name: string;
  /** 1-based first and last row of the active part (the archive excluded). */
  first: number;
  last: number;
  columns: Partial<Record<ColumnId, number>>;
  stages: string[];
  responsibles: string[];
  /** Rows with a dated deadline: the most the overdue list can need. */
  dated: number;
}

const isDateLike = (v: CellValue | undefined) => v instanceof Date || typeof v === 'number';

export function roadmapRange(t: RoadmapTabRead): RoadmapRange | null {
  const first = t.headerRow + 1;
  const last = t.archiveRow !== null ? t.archiveRow - 1 : t.lastRow;
  if (last < first || t.columns.status === undefined) return null;
  const active = t.rows.filter((r) => r.row <= last && r.cells.status !== undefined);
  const distinct = (id: ColumnId) => [...new Set(active.map((r) => String(r.cells[id] ?? '').trim()).filter((x) => x !== ''))];
  return {
    name: t.name,
    first,
    last,
    columns: t.columns,
    stages: t.columns.stage === undefined ? [] : distinct('stage'),
    responsibles: t.columns.responsible === undefined ? [] : distinct('responsible'),
    dated: t.rows.filter((r) => r.row <= last && isDateLike(r.cells.end)).length,
  };
}

export function buildExecutionTab(ranges: readonly RoadmapRange[]): SheetSpec {
  const b = new SpecBuilder(EXECUTION_TAB);
  const width = 8;
  b.preamble(S.execution.title, width, [S.execution.legend]);
  b.blank();

  const rng = (t: RoadmapRange, id: ColumnId) => {
    const c = t.columns[id];
    if (c === undefined) return null;
    const L = colLetter(c);
    return `${quoteSheet(t.name)}!$${L}$${t.first}:$${L}$${t.last}`;
  };
  const head = (label: string) =>
    b.row([label, C.done, C.doing, C.todo, C.cancelled, C.total, C.overdue, C.percent], {
      bold: true,
      background: COLORS.headerBg,
      wrap: true,
    });
  const pctCell = (r: number): SpecCell => ({ formula: `=IF(${ref(r, 5)}=0,"",${ref(r, 1)}/${ref(r, 5)})` });
  /** One line of counts; `where` is an extra SUMPRODUCT factor («('tab'!$B$5:$B$80=$A7)») or null for the whole roadmap. */
  const countsRow = (t: RoadmapRange, label: string, where: ((r: number) => string) | null) => {
    const st = rng(t, 'status') as string;
    const end = rng(t, 'end');
    const r = b.nextRow;
    const f = where ? `${where(r)}*` : '';
    const count = (status: string) =>
      where ? { formula: `=SUMPRODUCT(${f}(${st}="${status}"))` } : { formula: `=COUNTIF(${st},"${status}")` };
    const total = where
      ? { formula: `=SUMPRODUCT(${f}(${st}<>"")*(${st}<>"${CANCELLED}"))` }
      : { formula: `=COUNTIF(${st},"<>")-COUNTIF(${st},"${CANCELLED}")` };
    const overdue = end
      ? { formula: `=SUMPRODUCT(${f}(${st}<>"${DONE}")*(${st}<>"${CANCELLED}")*(${st}<>"")*ISNUMBER(${end})*(${end}<TODAY()))` }
      : '';
    b.row([label, count(DONE), count(DOING), count(TODO), count(CANCELLED), total, overdue, pctCell(r)]);
    b.format({ row: r, col: 7, rows: 1, cols: 1 }, { numberFormat: '0%', bold: true });
    return r;
  };

  // ---- all roadmaps -------------------------------------------------------------------------
  b.row([S.execution.overall], { bold: true });
  head(C.roadmap);
  const sumStart = b.nextRow;
  for (const t of ranges) countsRow(t, t.name, null);
  if (ranges.length > 1) {
    const r = b.nextRow;
    const sum = (c: number): SpecCell => ({ formula: `=SUM(${ref(sumStart, c)}:${ref(r - 1, c)})` });
    b.row([S.execution.total, sum(1), sum(2), sum(3), sum(4), sum(5), sum(6), pctCell(r)], { bold: true });
    b.format({ row: r, col: 7, rows: 1, cols: 1 }, { numberFormat: '0%' });
  }
  const overallRows = b.nextRow - sumStart;
  if (overallRows > 0) overdueRule(b, sumStart, overallRows);

  for (const t of ranges) {
    // ---- per stage, with its chart ----------------------------------------------------------
    const stage = rng(t, 'stage');
    if (stage && t.stages.length > 0) {
      b.blank();
      b.row([S.execution.byStage(t.name)], { bold: true });
      const h = head(C.stage);
      const start = b.nextRow;
      for (const s of t.stages) countsRow(t, s, (r) => `(${stage}=${ref(r, 0, false, true)})`);
      b.format({ row: start, col: 0, rows: t.stages.length, cols: 1 }, { wrap: true });
      overdueRule(b, start, t.stages.length);
      b.charts.push({
        type: 'bar',
        title: S.execution.chart(t.name),
        data: { row: h, col: 0, rows: t.stages.length + 1, cols: 4 },
        anchor: { row: h, col: width + 1 },
        stacked: true,
        width: 640,
        height: Math.max(240, 60 + 40 * t.stages.length),
      });
    }
    // ---- per responsible ----------------------------------------------------------------------
    const resp = rng(t, 'responsible');
    if (resp && t.responsibles.length > 0) {
      b.blank();
      b.row([S.execution.byResponsible(t.name)], { bold: true });
      head(C.responsible);
      const start = b.nextRow;
      for (const p of t.responsibles) countsRow(t, p, (r) => `(${resp}=${ref(r, 0, false, true)})`);
      b.format({ row: start, col: 0, rows: t.responsibles.length, cols: 1 }, { wrap: true });
      overdueRule(b, start, t.responsibles.length);
    }
    // ---- overdue list -------------------------------------------------------------------------
    b.blank();
    b.row([S.execution.overdueList(t.name)], { bold: true });
    const helper = rng(t, 'overdue');
    if (!helper) {
      b.row([S.execution.noHelper], { italic: true, fontColor: COLORS.muted });
      continue;
    }
    const cols: ColumnId[] = ['title', 'number', 'end', 'responsible', 'status'];
    b.row(
      cols.map((id) => S.roadmap.columns[id]),
      { bold: true, background: COLORS.headerBg },
    );
    const slots = Math.min(MAX_OVERDUE_SLOTS, Math.max(1, t.dated));
    const start = b.nextRow;
    for (let k = 1; k <= slots; k++) {
      b.row(
        cols.map((id): SpecCell => {
          const c = t.columns[id];
          if (c === undefined) return '';
          const L = colLetter(c);
          return { formula: `=IFERROR(INDEX(${quoteSheet(t.name)}!$${L}:$${L},SMALL(${helper},${k})),"")` };
        }),
      );
    }
    b.format({ row: start, col: 2, rows: slots, cols: 1 }, { numberFormat: 'dd.mm.yyyy' });
    b.format({ row: start, col: 0, rows: slots, cols: 1 }, { wrap: true });
    b.format({ row: start, col: 0, rows: slots, cols: 5 }, { fontColor: COLORS.danger });
  }
  b.columnWidths = { 0: 340, 1: 95, 2: 95, 3: 160, 4: 95, 5: 95, 6: 95, 7: 95 };
  return b.build({ frozenRows: 2, tabColor: '#3c78d8' });
}

function overdueRule(b: SpecBuilder, row: number, rows: number): void {
  const cell = ref(row, 6, false, true);
  b.rules.push({
    range: { row, col: 6, rows, cols: 1 },
    formula: `=AND(ISNUMBER(${cell}),${cell}>0)`,
    background: COLORS.insufficientBg,
    fontColor: COLORS.danger,
  });
}
