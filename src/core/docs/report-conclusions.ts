// The справка's conclusions, written as hypotheses, and the proposed decisions: the rows of the roadmap
// that the analysis adds (work programmes, ИОМ, objectivity checks), with their dates and responsible.
import type { GroupStats } from '../analysis/deficits';
import { groupStudents } from '../analysis/mark-groups';
import { markStats } from '../analysis/marks';
import type { Procedure } from '../model';
import { occurrenceText } from '../roadmap/deadlines';
import type { PlannedRow } from '../roadmap/plan';
import { DS } from '../strings';
import type { DocsContext } from './context';
import { type Part, riskLabel, riskOf, type Section, sub } from './report-part';
import { type Block, list, note, p, type Run } from './spec';

// ---- conclusions, as hypotheses ----------------------------------------------------------------------

export function hypotheses(ctx: DocsContext, part: Part, s: Section, n: string): void {
  const { p: proc, a } = part;
  sub(s, n, DS.report.hypothesesHeading);
  s.add(note(DS.report.hypothesesIntro));
  const out: string[] = [];
  const classes = part.groups.filter((g) => g.level === 'class');
  const school = part.groups.find((g) => g.level === 'school');
  const top = part.cls ?? school;
  if (top) {
    const badTop = proc.tasks.filter((_, i) => top.status[i] === 'insufficient');
    if (badTop.length)
      out.push(
        DS.report.hyp.topDeficits(
          part.cls ? part.cls.name : null,
          badTop.map((t) => t.id),
          [...new Set(badTop.map((t) => t.skill).filter((x): x is string => !!x))].slice(0, 3),
        ),
      );
  }
  if (!part.cls && classes.length > 1) {
    const everywhere: string[] = [];
    const onlyIn = new Map<string, string[]>();
    proc.tasks.forEach((t, i) => {
      const bad = classes.filter((g) => g.status[i] === 'insufficient');
      if (bad.length === classes.length) everywhere.push(t.id);
      else if (bad.length === 1 && school && school.status[i] === 'sufficient') {
        const name = (bad[0] as GroupStats).name;
        onlyIn.set(name, [...(onlyIn.get(name) ?? []), t.id]);
      }
    });
    if (everywhere.length) out.push(DS.report.hyp.everyClass(everywhere));
    for (const [name, ids] of onlyIn) out.push(DS.report.hyp.oneClass(name, ids));
  }
  // A class whose share of «2» is ≥ 10 p. p. above the school's: compared as integers (k/n − K/N ≥ 1/10).
  if (school && proc.markSource !== 'none') {
    const sm = markStats(groupStudents(proc, school));
    for (const g of classes) {
      const m = markStats(groupStudents(proc, g));
      if (m.n === 0 || sm.n === 0) continue;
      if (10 * (m.counts[2] * sm.n - sm.counts[2] * m.n) >= m.n * sm.n)
        out.push(DS.report.hyp.moreTwos(g.name, m.percent[2], sm.percent[2]));
    }
  }
  const advanced = proc.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.level === 'П' || t.level === 'В');
  if (top && advanced.length > 0 && advanced.every(({ i }) => top.status[i] === 'insufficient')) out.push(DS.report.hyp.advanced);
  const gi = top ? a.groups.indexOf(top) : -1;
  const systemic = gi >= 0 ? a.skills.filter((sk) => sk.systemic[gi] && sk.tasks.length > 1).map((sk) => sk.skill) : [];
  if (systemic.length) out.push(DS.report.hyp.systemic(systemic.slice(0, 3)));
  const signs = ctx.run.findings.objectivity.filter(
    (x) => x.procedure === proc && (!part.cls || x.group === part.cls.name || x.groupLevel === 'school'),
  );
  if (signs.length) out.push(DS.report.hyp.signs([...new Set(signs.map((x) => x.group))]));
  const steps = ctx.run.findings.dynamics.classes.filter(
    (c) => c.to.proc === proc && c.negative && (!part.cls || c.to.group.name === part.cls.name),
  );
  for (const c of steps)
    out.push(DS.report.hyp.negative(c.to.group.name, c.from.proc.title, c.from.marks.percent[2], c.to.marks.percent[2]));
  if (out.length === 0) out.push(DS.report.hyp.none);
  s.add(list(out));
}

// ---- proposed decisions: the roadmap's analysis rows -------------------------------------------------

/** «срок до 15.06.2026», or the row's own words when it has no date (they say why: «срок не определён (…)»). */
function when(r: PlannedRow): string {
  if (r.end) return `${DS.report.until} ${occurrenceText({ start: r.start, end: r.end })}`;
  return r.deadlineText || DS.report.noDeadline;
}

export function decisions(ctx: DocsContext, proc: Procedure | null): Block[] {
  const rows = (ctx.plan?.rows ?? []).filter((r) => r.kind === 'activity' && r.source !== 'template');
  const subject = proc?.meta.subject;
  const mine = rows.filter((r) => !subject || r.source !== 'deficit' || r.title.includes(`: ${subject},`));
  if (mine.length === 0) return [p(DS.report.noDecisions)];
  const out: Block[] = [note(DS.report.decisionsIntro)];
  const items: Run[][] = [];
  for (const r of mine.filter((x) => x.source === 'deficit'))
    items.push([{ text: r.title }, { text: ` — ${when(r)}; ${DS.report.responsible}: ${r.responsible}.` }]);
  // The per-student routes (the roadmap's «ИОМ» tab), not the plan's one summary line about them.
  const iom = (ctx.plan?.iomRows.length ? ctx.plan.iomRows : mine).filter((x) => x.kind === 'activity' && x.source === 'at-risk');
  if (iom.length) {
    const codes = riskOf(ctx, proc).map(riskLabel);
    items.push([{ text: DS.report.iomDecision(codes.length, codes) }, { text: ` — ${when(iom[0] as PlannedRow)}.` }]);
  }
  for (const r of mine.filter((x) => x.source === 'objectivity'))
    items.push([{ text: r.title }, { text: ` — ${when(r)}; ${DS.report.responsible}: ${r.responsible}.` }]);
  out.push(list(items, true));
  return out;
}

export function signature(): Block[] {
  return [p(''), p(DS.report.signature), p(DS.report.signatureDate)];
}
