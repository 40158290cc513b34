// «Приложение к рабочей программе» (seed 002 §3.8.1–3.8.2, model roadmap row 2.2): per class × subject,
// the unformed skills with the tasks that showed them, where in the programme to work on them, and the
// approval block (ШМО → заместитель директора → директор). One page per class and subject; the hours
// and lessons are left for the teacher to fill in: they are the teacher's decision, not the data's.
import type { GroupStats } from '../analysis/deficits';
import type { Workbook } from '../grid';
import { classKey } from '../input/teachers';
import type { Procedure, Task } from '../model';
import type { Problem } from '../problems';
import type { PlannedRow } from '../roadmap/plan';
import { DP, DS } from '../strings';
import { activityFor, readActivities } from './activities';
import { type DocsContext, nothingToWrite, schoolTitle, teachersOf } from './context';
import { fixed1, ruDateOf } from './format';
import { fileNameOf, roundName } from './report';
import { checkpoints } from './routes';
import { type Block, type CellInput, type DocSpec, h, note, p, pageBreak, table } from './spec';

interface Unformed {
  skill: string;
  planned: string | null;
  section: string | null;
  /** The tasks that showed it, with the class's completion. */
  tasks: { proc: Procedure; task: Task; completion: number }[];
}

interface ClassSubject {
  school: string;
  className: string;
  subject: string;
  groups: { proc: Procedure; group: GroupStats }[];
  skills: Unformed[];
}

/** Class × subject with insufficiently completed tasks, skills merged across the subject's procedures. */
export function appendixItems(ctx: DocsContext): ClassSubject[] {
  const byKey = new Map<string, ClassSubject>();
  for (const a of ctx.analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.level !== 'class' || g.participants === 0) continue;
      if (ctx.className && classKey(g.name) !== classKey(ctx.className)) continue;
      const bad = p.tasks.map((t, i) => ({ t, i })).filter(({ i }) => g.status[i] === 'insufficient');
      if (bad.length === 0) continue;
      const key = `${g.school}\u0000${classKey(g.name)}\u0000${p.meta.subject}`;
      const item = byKey.get(key) ?? { school: g.school, className: g.name, subject: p.meta.subject, groups: [], skills: [] };
      item.groups.push({ proc: p, group: g });
      for (const { t, i } of bad) {
        const name = t.skill ?? t.plannedResult ?? `${DS.report.taskWord} ${t.id}`;
        let u = item.skills.find((x) => x.skill === name);
        if (!u) {
          u = {
            skill: name,
            planned: t.plannedResult && t.plannedResult !== name ? t.plannedResult : null,
            section: t.section ?? t.topic ?? null,
            tasks: [],
          };
          item.skills.push(u);
        }
        u.tasks.push({ proc: p, task: t, completion: g.completion[i] as number });
      }
      byKey.set(key, item);
    }
  }
  return [...byKey.values()];
}

/** The roadmap's work-programme row for the class and subject: when the changes are due. */
function wpRow(ctx: DocsContext, className: string, subject: string): PlannedRow | undefined {
  return ctx.plan?.rows.find((r) => r.source === 'deficit' && r.title.includes(`: ${subject}, ${className}`));
}

export function buildAppendix(ctx: DocsContext, wb?: Workbook): { spec: DocSpec | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const acts = readActivities(wb, problems);
  const items = appendixItems(ctx);
  if (items.length === 0) return nothingToWrite(problems, 'docs-no-appendix', DS.errors.noAppendix);
  const round = roundName(ctx.analyses);
  const blocks: Block[] = [];
  items.forEach((it, n) => {
    if (n > 0) blocks.push(pageBreak());
    const teachers = teachersOf(ctx, it.className, it.subject);
    const row = wpRow(ctx, it.className, it.subject);
    const cps = checkpoints(ctx, row?.end ?? null);
    const until = cps[1]?.date ?? cps[0]?.date ?? null;
    blocks.push(
      table(
        [{ header: DP.reviewed }, { header: DP.agreed }, { header: DP.approved }],
        [[DP.reviewedText, DP.agreedText, DP.approvedText]],
        9,
      ),
      { kind: 'paragraph', runs: [{ text: schoolTitle(ctx, it.school), bold: true }], align: 'center' },
      h(1, DP.title),
      { kind: 'paragraph', runs: [{ text: DP.subtitle(it.subject, it.className, ctx.year.label), bold: true }], align: 'center' },
      p(DP.teacher(teachers.length ? teachers.join(', ') : null)),
      p(
        DP.basis(
          it.groups.map((x) => `${x.proc.title}${x.proc.meta.date ? ` (${ruDateOf(x.proc.meta.date)})` : ''}`).join('; '),
          it.groups.reduce((a, x) => Math.max(a, x.group.participants), 0),
        ),
      ),
    );
    if (it.groups.some((x) => !x.group.reliable)) blocks.push(note(DP.small(ctx.run.data.settings['sample.minReliable'])));
    const rows: CellInput[][] = it.skills.map((u, i) => [
      i + 1,
      u.planned ? `${u.skill}. ${DP.plannedWord}: ${u.planned}` : u.skill,
      u.tasks
        .map(
          (x) => `${x.task.id} (${x.task.level ?? '—'}) — ${fixed1(x.completion)} %${it.groups.length > 1 ? `, ${x.proc.meta.kind}` : ''}`,
        )
        .join('; '),
      u.section ?? DP.sectionUnknown,
      activityFor(acts, it.subject, (u.tasks[0] as { task: Task }).task),
      '',
      until ? DP.untilText(ruDateOf(until) as string) : DP.noDate,
    ]);
    blocks.push(
      table(
        [
          { header: '№', widthMm: 7, format: 'int', align: 'center' },
          { header: DP.colSkill },
          { header: DP.colTasks, widthMm: 26 },
          { header: DP.colSection, widthMm: 24 },
          { header: DP.colChange, widthMm: 42 },
          { header: DP.colHours, widthMm: 13 },
          { header: DP.colWhen, widthMm: 20 },
        ],
        rows,
        9,
      ),
      note(DP.legend(ctx.run.data.settings['deficit.basicUncertain'], ctx.run.data.settings['deficit.advancedUncertain'])),
    );
    if (it.skills.every((u) => u.tasks.every((x) => !x.task.skill && !x.task.plannedResult)))
      blocks.push(note(`${DS.report.notChecked}: ${DS.unchecked.skills}`));
    blocks.push(p(DP.due(row?.end ? (ruDateOf(row.end) as string) : null)));
    blocks.push(p(''), p(DP.signTeacher), p(DP.signDate));
  });
  return {
    spec: {
      title: `${DP.titleShort}: ${round}`,
      fileName: fileNameOf([DP.titleShort, round, ctx.request.subject ?? '', ctx.className ?? '']),
      blocks,
    },
    problems,
  };
}
