// The pieces every section of the справка shares: what a section is about (one procedure, one school,
// maybe one class), the section being written with its «Не проверено» lines, group names and order.
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { RiskProfile } from '../analysis/risk';
import { classKey } from '../input/teachers';
import type { Procedure } from '../model';
import { DS } from '../strings';
import { type DocsContext, studentLabel } from './context';
import { type Block, type CellInput, h, p, type Tone } from './spec';

/** One procedure for one school: what a section of the справка is about. */
export interface Part {
  a: ProcedureAnalysis;
  p: Procedure;
  school: string;
  groups: GroupStats[];
  /** The class asked for, or null. */
  cls: GroupStats | null;
}

/** Blocks of one section and the «Не проверено» lines collected while writing it. */
export class Section {
  readonly blocks: Block[] = [];
  readonly unchecked: string[] = [];
  add(...bs: Block[]): void {
    this.blocks.push(...bs);
  }
  skip(text: string): void {
    this.unchecked.push(text);
    this.blocks.push(p({ text: `${DS.report.notChecked}: `, bold: true, italic: true }, { text, italic: true }));
  }
}

export function sub(s: Section, n: string, text: string): void {
  s.add(h(3, `${n}. ${text}`));
}

/** «5А», «5-е классы» (a column header: «5-е кл.»), «Школа». */
export function groupName(g: GroupStats, short = false): string {
  if (g.level === 'class') return g.name;
  if (g.level === 'parallel') return short ? DS.report.parallelShort(g.grade) : DS.report.parallel(g.grade);
  return DS.report.schoolShort;
}

/** School first, then each parallel, then its classes (the order §3.7.3 reads them). */
export function ordered(part: Part): GroupStats[] {
  const school = part.groups.filter((g) => g.level === 'school');
  const pars = part.groups.filter((g) => g.level === 'parallel');
  const out: GroupStats[] = [...school];
  for (const par of pars) out.push(par, ...part.groups.filter((g) => g.level === 'class' && g.grade === par.grade));
  for (const g of part.groups) if (!out.includes(g)) out.push(g);
  return out;
}

export function summaryRow(g: GroupStats, cells: CellInput[]): CellInput[] {
  if (g.level === 'class') return cells;
  return cells.map((c) => ({ ...(c !== null && typeof c === 'object' ? c : { value: c }), bold: true, tone: 'summary' as Tone }));
}

/** At-risk profiles of the selection, with the reasons about these procedures (and «several subjects»). */
export function riskOf(ctx: DocsContext, proc: Procedure | null): RiskProfile[] {
  const procs = new Set(proc ? [proc] : ctx.analyses.map((a) => a.procedure));
  return ctx.run.findings.atRisk.filter(
    (r) =>
      r.reasons.some((x) => x.procedure && procs.has(x.procedure)) && (!ctx.className || classKey(r.className) === classKey(ctx.className)),
  );
}

/** A profile's student as the справка names them: by code, never by name. */
export function riskLabel(r: RiskProfile): string {
  const last = r.entries[r.entries.length - 1];
  return last ? studentLabel(last.student, false) : r.code;
}
