// Pieces shared by the statistics tabs («Статистика отметок», «Распределение баллов», «Задания по отметкам»)
// and «Дефициты по классам».
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import type { Lead, LeadKey, SpecBuilder } from './builder';

/** The leading filter columns of the per-procedure tabs, and their widths. */
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

/** Pads a block with blank rows up to the height its charts need. */
export function padForChart(b: SpecBuilder, blockStart: number): void {
  while (b.nextRow - blockStart < CHART_ROWS) b.blank();
}

/** «4А», «4 классы (параллель)», «ОО: МБОУ …» (or «Вся школа» when the file does not name it). */
export function groupTitle(g: GroupStats): string {
  if (g.level === 'class') return g.name;
  if (g.level === 'parallel') return `${g.name} (параллель)`;
  return g.name === 'Школа' ? 'Вся школа' : `ОО: ${g.name}`;
}

export function reliabilityText(n: number, s: Settings): string {
  return n >= s['sample.minReliable'] ? 'да' : S.unreliable(n, s['sample.minReliable']);
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
  if (!p.cuts) {
    if (p.markSource === 'none') return 'границы отметок неизвестны: в файле нет отметок и нет листа «Шкала отметок»';
    return 'границы отметок неизвестны: отметки файла не укладываются в одну шкалу по первичному баллу — добавьте лист «Шкала отметок»';
  }
  const src = p.markSource === 'scale' ? 'по листу «Шкала отметок»' : 'выведены из отметок файла как наименьший балл с каждой отметкой';
  return `границы отметок (${src}): «3» от ${p.cuts[0]}, «4» от ${p.cuts[1]}, «5» от ${p.cuts[2]} баллов`;
}
