// Pieces shared by the statistics tabs («Статистика отметок», «Распределение баллов», «Задания по отметкам»)
// and «Дефициты по классам».
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import { DEFAULT_SCHOOL } from '../input/results';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, type HeaderRow, type Lead, type LeadKey, type SpecBuilder } from './builder';
import type { SpecCell } from './spec';

/** The filter columns of the per-procedure tabs. */
export const PROCEDURE_LEAD: readonly LeadKey[] = ['subject', 'grade', 'className'];

/**
 * Lead cells of a procedure's rows: its subject and parallel on every row (titles, headers, notes,
 * blank rows of the block), the class on a class's rows only — parallel and school rows keep it empty,
 * so a class filter leaves them in view for comparison.
 */
export function procedureLead(p: Procedure, g?: GroupStats): Lead {
  return { subject: p.meta.subject, grade: g?.grade ?? p.meta.grade, className: g?.level === 'class' ? g.name : '' };
}

/** Charts float over rows: a block with a chart takes at least this many rows, so charts never overlap. */
export const CHART_HEIGHT = 300;
export const CHART_WIDTH = 520;
export const CHART_ROWS = Math.ceil(CHART_HEIGHT / 21) + 2;
/** Default column width in Sheets: charts side by side are this many default columns apart. */
export const CHART_COLS = Math.ceil(CHART_WIDTH / 100) + 1;

export const PCT = '0.0';
/** Differences in percentage points: always with a sign. */
export const PP = '+0.0;-0.0;0.0';

export const orNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Task columns a per-procedure tab needs: its widest procedure's, at least one (the title row's width). */
export function widestTasks(analyses: readonly ProcedureAnalysis[]): number {
  return Math.max(1, ...analyses.map((a) => a.procedure.tasks.length));
}

/** The four deficit thresholds in the order the legends print them: basic, basic edge, advanced, advanced edge. */
export function deficitThresholds(s: Settings): [number, number, number, number] {
  return [s['deficit.basicSufficient'], s['deficit.basicUncertain'], s['deficit.advancedSufficient'], s['deficit.advancedUncertain']];
}

/**
 * Our school's row of a benchmark table, bold on the summary colour across the table, so the benchmark
 * rows below read as compared with it.
 */
export function schoolSummaryLine<Id extends string>(
  b: SpecBuilder,
  h: HeaderRow<Id | 'group'>,
  school: GroupStats,
  values: Partial<Record<Id, SpecCell>>,
): void {
  const r = b.line(h, { group: T.marks.school(school.name), ...values } as Partial<Record<Id | 'group', SpecCell>>);
  b.format({ row: r, col: 0, rows: 1, cols: h.width }, { bold: true, background: COLORS.summaryBg });
}

/** Pads a block with blank rows up to the height its charts need. */
export function padForChart(b: SpecBuilder, blockStart: number): void {
  while (b.nextRow - blockStart < CHART_ROWS) b.blank();
}

/** «4А», «4 классы (параллель)», «ОО: МБОУ …» (or «Вся школа» when the file does not name it). */
export function groupTitle(g: GroupStats): string {
  if (g.level === 'class') return g.name;
  if (g.level === 'parallel') return T.marks.parallel(g.name);
  return g.name === DEFAULT_SCHOOL ? T.marks.wholeSchool : T.marks.school(g.name);
}

export function reliabilityText(n: number, s: Settings): string {
  return n >= s['sample.minReliable'] ? T.yes : S.unreliable(n, s['sample.minReliable']);
}

/** Differences from a benchmark: always with a sign. */
const PP_WORSE = '+0.0" ▼";-0.0" ▼";0.0';

/**
 * A difference from a benchmark (ours − theirs, p.p.) that is worse for the school: in red by a rule,
 * and with ▼ by its number format, so it reads without colour. `worse`: '>' when more is worse («2»).
 */
export function worseSymbol(b: SpecBuilder, row: number, col: number, value: number | null, worse: '>' | '<'): void {
  if (value === null || !Number.isFinite(value)) return;
  if (worse === '>' ? value > 0 : value < 0) b.format({ row, col, rows: 1, cols: 1 }, { numberFormat: PP_WORSE });
}

/** School-level groups of an analysis (a municipal download has many). */
export function schoolGroups(a: ProcedureAnalysis): GroupStats[] {
  return a.groups.filter((g) => g.level === 'school');
}

/** Title of a procedure block: the procedure, and the school when the procedure has several. */
export function blockTitle(p: Procedure, school: GroupStats): string {
  return p.schools.length > 1 ? `${p.title} — ${school.name}` : p.title;
}

export function cutsText(p: Procedure): string {
  const t = T.distribution;
  if (!p.cuts) return p.markSource === 'none' ? t.noCuts : t.mixedCuts;
  return t.cuts(p.markSource === 'scale' ? t.cutsFromScale : t.cutsFromMarks, p.cuts[0], p.cuts[1], p.cuts[2]);
}
