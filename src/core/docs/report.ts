// «Аналитическая справка» (seed 002 §3.7.3; model roadmap rows 1.1–1.4): per procedure, or combined for a
// round, in the structure schools submit — passport; marks and quality beside the benchmarks; the
// journal comparison; task completion for the school, each parallel and each class with the ФИОКО
// status and the skill checked; deficits school → parallel → class → students; students at risk; signs
// to check objectivity; conclusions as hypotheses; proposed decisions from the roadmap's analysis rows;
// and a «Не проверено: …» line for everything the data did not allow. All numbers come from the run.
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import { groupStudents } from '../analysis/mark-groups';
import { markStats } from '../analysis/marks';
import { classKey } from '../input/teachers';
import { DS } from '../strings';
import { type DocsContext, groupSelected, schoolDisplayName, schoolTitle } from './context';
import { ruDateOf } from './format';
import { decisions, hypotheses, signature } from './report-conclusions';
import { deficits, objectivity, risk } from './report-deficits';
import { type Part, riskOf, Section } from './report-part';
import { journal, marks, passport, tasks } from './report-tables';
import { type Block, b, type CellInput, type DocSpec, h, list, note, p, pageBreak, table } from './spec';

export function buildReport(ctx: DocsContext): DocSpec {
  const parts = partsOf(ctx);
  const combined = parts.length > 1;
  const school = schoolTitle(ctx, parts[0]?.school ?? '');
  const round = roundName(ctx.analyses);
  const scope = scopeText(ctx);
  const blocks: Block[] = [
    { kind: 'paragraph', runs: [b(school)], align: 'center' },
    { kind: 'heading', level: 1, text: DS.report.title },
    { kind: 'paragraph', runs: [b(DS.report.subtitle(round, scope))], align: 'center' },
  ];
  if (ctx.request.date)
    blocks.push({ kind: 'paragraph', runs: [{ text: DS.report.dated(ruDateOf(ctx.request.date) as string) }], align: 'right' });
  blocks.push(note(DS.report.basis));
  const unchecked: string[] = [];

  if (combined) {
    blocks.push(...summarySection(ctx, parts));
    parts.forEach((part, i) => {
      const s = procedureSection(ctx, part, `${i + 1}`);
      blocks.push(pageBreak(), ...s.blocks);
      for (const u of s.unchecked) unchecked.push(`${part.p.title}: ${u}`);
    });
    blocks.push(pageBreak(), h(2, DS.report.decisionsHeading(`${parts.length + 1}`)), ...decisions(ctx, null));
    blocks.push(h(2, DS.report.uncheckedHeading(`${parts.length + 2}`)));
  } else if (parts[0]) {
    const s = procedureSection(ctx, parts[0], '');
    blocks.push(...s.blocks);
    unchecked.push(...s.unchecked);
    blocks.push(h(2, DS.report.decisionsHeading('9')), ...decisions(ctx, parts[0].p));
    blocks.push(h(2, DS.report.uncheckedHeading('10')));
  }
  blocks.push(unchecked.length ? list(unchecked.map((u) => `${DS.report.notChecked}: ${u}`)) : p(DS.report.allChecked));
  blocks.push(p(DS.report.datesNote(ctx.datesNote, ctx.year.label)));
  blocks.push(...signature());

  return {
    title: `${DS.report.title.toLowerCase().replace(/^./, (c) => c.toUpperCase())}: ${round}${scope ? `, ${scope}` : ''}`,
    fileName: fileNameOf([DS.report.fileWord, round, ctx.request.subject ?? '', ctx.className ?? '']),
    blocks,
  };
}

// ---- parts and names --------------------------------------------------------------------------------

function partsOf(ctx: DocsContext): Part[] {
  const out: Part[] = [];
  for (const a of ctx.analyses) {
    for (const school of a.procedure.schools) {
      const groups = a.groups.filter((g) => g.school === school && g.participants > 0);
      if (groups.length === 0) continue;
      const cls = ctx.className
        ? (groups.find((g) => g.level === 'class' && classKey(g.name) === classKey(ctx.className as string)) ?? null)
        : null;
      if (ctx.className && !cls) continue;
      out.push({ a, p: a.procedure, school, groups: groups.filter((g) => groupSelected(ctx, g, cls?.grade ?? null)), cls });
    }
  }
  return out;
}

/** «ВПР 2026» when every procedure is of one kind and year; otherwise «оценочных процедур». */
export function roundName(analyses: readonly ProcedureAnalysis[]): string {
  if (analyses.length === 1) return (analyses[0] as ProcedureAnalysis).procedure.title;
  const kinds = new Set(analyses.map((a) => `${a.procedure.meta.kind} ${a.procedure.meta.year ?? ''}`.trim()));
  return kinds.size === 1 ? ([...kinds][0] as string) : DS.report.manyProcedures;
}

function scopeText(ctx: DocsContext): string {
  const parts: string[] = [];
  if (ctx.request.subject && ctx.analyses.length > 1)
    parts.push(DS.report.scopeSubject(ctx.analyses[0]?.procedure.meta.subject ?? ctx.request.subject));
  if (ctx.className) parts.push(DS.report.scopeClass(ctx.className));
  return parts.join(', ');
}

export function fileNameOf(parts: string[]): string {
  return parts
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/[\\/:*?"<>|«»]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- the combined справка's first section --------------------------------------------------------

function summarySection(ctx: DocsContext, parts: Part[]): Block[] {
  const out: Block[] = [h(2, DS.report.summaryHeading)];
  const rows: CellInput[][] = parts.map((part) => {
    const top = part.cls ?? (part.groups.find((g) => g.level === 'school') as GroupStats);
    const students = groupStudents(part.p, top);
    const m = markStats(students);
    const signs = ctx.run.findings.objectivity.filter((x) => x.procedure === part.p && (!part.cls || x.group === part.cls.name)).length;
    return [
      part.p.title,
      top.participants,
      m.n > 0 ? m.percent[2] : null,
      m.n > 0 ? m.quality : null,
      top.meanCompletion,
      top.status.filter((x) => x === 'insufficient').length,
      signs,
    ];
  });
  out.push(
    p(DS.report.summaryIntro(parts.length, ctx.className)),
    table(
      [
        { header: DS.cols.procedure },
        { header: DS.cols.participants, widthMm: 20, format: 'int', align: 'right' },
        { header: DS.cols.mark2Pct, widthMm: 17, format: 'pct', align: 'right' },
        { header: DS.cols.qualityPct, widthMm: 20, format: 'pct', align: 'right' },
        { header: DS.cols.meanPct, widthMm: 22, format: 'pct', align: 'right' },
        { header: DS.cols.insufficientTasks, widthMm: 22, format: 'int', align: 'right' },
        { header: DS.cols.signs, widthMm: 20, format: 'int', align: 'right' },
      ],
      rows,
    ),
  );
  const risk = riskOf(ctx, null);
  const multi = risk.filter((r) => r.subjects.length > 1).length;
  const bullets: string[] = [];
  const worst = parts
    .map((part) => ({
      part,
      bad: (part.cls ?? (part.groups.find((g) => g.level === 'school') as GroupStats)).status.filter((x) => x === 'insufficient').length,
    }))
    .filter((x) => x.bad > 0)
    .sort((x, y) => y.bad - x.bad)
    .slice(0, 3);
  if (worst.length) bullets.push(DS.report.hyp.mostDeficits(worst.map((w) => `${w.part.p.title} (${w.bad})`)));
  if (risk.length) bullets.push(DS.report.hyp.riskTotal(risk.length, multi));
  const signs = ctx.run.findings.objectivity.filter((x) => ctx.analyses.some((a) => a.procedure === x.procedure)).length;
  if (signs) bullets.push(DS.report.hyp.signsTotal(signs));
  if (bullets.length === 0) bullets.push(DS.report.hyp.nothingStands);
  out.push(p(b(DS.report.summaryHypotheses)), list(bullets));
  return out;
}

// ---- one procedure ------------------------------------------------------------------------------

function procedureSection(ctx: DocsContext, part: Part, n: string): Section {
  const s = new Section();
  const num = (i: number) => (n ? `${n}.${i}` : `${i}`);
  const heading = part.p.schools.length > 1 ? `${part.p.title} — ${schoolDisplayName(part.school)}` : part.p.title;
  if (n) s.add(h(2, `${n}. ${heading}`));
  passport(ctx, part, s, num(1));
  marks(ctx, part, s, num(2));
  journal(part, s, num(3));
  tasks(ctx, part, s, num(4));
  deficits(ctx, part, s, num(5));
  risk(ctx, part, s, num(6));
  objectivity(ctx, part, s, num(7));
  hypotheses(ctx, part, s, num(8));
  return s;
}
