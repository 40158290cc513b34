// «Индивидуальный образовательный маршрут» (seed 002 §3.8.5, model roadmap row 2.8): one route per
// at-risk student — class, subjects, the tasks and skills with deficits and the planned results they
// belong to, work per skill section (activities.ts), checkpoints with dates from the roadmap, the
// teacher from «Классы и учителя». By code; the name only when the school's own sheet gives one and the
// caller keeps the document at school (`names`, default true: the CLI and the school edition do).
import type { RiskDeficit, RiskProfile } from '../analysis/risk';
import type { Workbook } from '../grid';
import { classKey } from '../input/teachers';
import type { Procedure, Task } from '../model';
import type { Problem } from '../problems';
import { slug } from '../roadmap/keys';
import type { PlannedRow } from '../roadmap/plan';
import { DR, DS } from '../strings';
import { type Activities, activityFor, readActivities } from './activities';
import { type DocsContext, nothingToWrite, schoolTitle, studentLabel, teachersOf } from './context';
import { fixed1, joinIds, ruDateOf } from './format';
import { fileNameOf, roundName } from './report';
import { type Block, type CellInput, type DocSpec, h, list, note, p, pageBreak, table } from './spec';

export interface Checkpoint {
  /** ISO. */
  date: string;
  text: string;
}

/** At-risk students whose reasons concern the selected procedures (and class). */
export function routeStudents(ctx: DocsContext): RiskProfile[] {
  const procs = new Set(ctx.analyses.map((a) => a.procedure));
  return ctx.run.findings.atRisk.filter(
    (r) =>
      r.reasons.some((x) => x.procedure && procs.has(x.procedure)) && (!ctx.className || classKey(r.className) === classKey(ctx.className)),
  );
}

/**
 * Checkpoints from the roadmap: the quarter ends of the template's intermediate assessment after the
 * route is due, and the analysis of the measures' effectiveness («до 25 декабря»).
 */
export function checkpoints(ctx: DocsContext, after: string | null): Checkpoint[] {
  const rows = (ctx.plan?.rows ?? []).filter((r) => r.kind === 'activity' && r.source === 'template' && r.end);
  const out: Checkpoint[] = [];
  const later = (r: PlannedRow) => !after || (r.end as string) > after;
  const quarters = rows
    .filter((r) => /промежуточн/i.test(r.title) && later(r))
    .sort((a, b) => (a.end as string).localeCompare(b.end as string));
  for (const r of quarters.slice(0, 2)) out.push({ date: r.end as string, text: DR.checkpointQuarter });
  const review = rows
    .filter((r) => /эффективност/i.test(r.title) && later(r))
    .sort((a, b) => (a.end as string).localeCompare(b.end as string))[0];
  if (review) out.push({ date: review.end as string, text: DR.checkpointReview });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The roadmap's ИОМ row of a student, found by its key (core/roadmap/plan.ts): when the route must be ready. */
function iomRow(ctx: DocsContext, code: string): PlannedRow | undefined {
  const key = `iom:${slug(code)}`;
  return [...(ctx.plan?.iomRows ?? []), ...(ctx.plan?.rows ?? [])].find(
    (r) => r.source === 'at-risk' && (r.key === key || r.key.startsWith(`${key}#`)),
  );
}

export function buildRoutes(ctx: DocsContext, wb?: Workbook): { spec: DocSpec | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const acts = readActivities(wb, problems);
  const students = routeStudents(ctx);
  if (students.length === 0) return nothingToWrite(problems, 'docs-no-routes', DS.errors.noStudents);
  const names = ctx.request.names !== false;
  const personal = names && students.some((s) => !!s.name);
  const school = schoolTitle(ctx, students[0]?.school ?? '');
  const round = roundName(ctx.analyses);
  const blocks: Block[] = [
    { kind: 'paragraph', runs: [{ text: school, bold: true }], align: 'center' },
    h(1, DR.title),
    { kind: 'paragraph', runs: [{ text: DR.subtitle(round, students.length), bold: true }], align: 'center' },
    note(DR.intro(acts.source)),
    ...(personal ? [note(DR.personal)] : []),
  ];
  students.forEach((st, i) => {
    if (i > 0) blocks.push(pageBreak());
    blocks.push(...route(ctx, st, i + 1, acts, names));
  });
  return {
    spec: {
      title: `${DR.titleShort}: ${round}`,
      fileName: fileNameOf([DR.fileWord, round, ctx.request.subject ?? '', ctx.className ?? '']),
      blocks,
      ...(personal ? { personal: true } : {}),
    },
    problems,
  };
}

function route(ctx: DocsContext, st: RiskProfile, n: number, acts: Activities, names: boolean): Block[] {
  const procs = new Set(ctx.analyses.map((a) => a.procedure));
  const deficits = st.deficits.filter((d) => procs.has(d.procedure));
  const subjects = deficits.map((d) => d.subject);
  const row = iomRow(ctx, st.code);
  const due = row?.end ?? null;
  const cps = checkpoints(ctx, due);
  const last = cps[cps.length - 1]?.date ?? null;
  const latest = st.entries[st.entries.length - 1];
  const label = latest ? studentLabel(latest.student, names) : st.code;
  // A bare code reads «участник 60002»; a name or a row («стр. 5») stands as it is.
  const bare = latest ? label === latest.student.code && latest.student.code !== latest.student.name : true;
  const who = bare ? `${DR.codeWord} ${st.code}` : label;
  const teachers = subjects.map((s) => {
    const t = teachersOf(ctx, st.className, s);
    return `${s}: ${t.length ? t.join(', ') : DR.teacherUnknown}`;
  });
  const reasons = st.reasons.filter((r) => !r.procedure || procs.has(r.procedure)).map((r) => r.text);
  const passport: CellInput[][] = [
    [DR.student, who],
    [DR.className, st.className],
    [DR.year, ctx.year.label],
    [DR.subjects, subjects.join(', ') || DR.none],
    [DR.teachers, teachers.join('; ') || DR.teacherUnknown],
    [DR.reasons, reasons.join('; ')],
    [DR.due, due ? DR.dueText(ruDateOf(due) as string) : (row?.deadlineText ?? DR.noDate)],
    [DR.period, due && last ? `${ruDateOf(due)} – ${ruDateOf(last)}` : DR.noDate],
  ];
  const out: Block[] = [
    h(2, DR.routeHeading(n, bare ? `${DR.participant} ${st.code}` : label)),
    table([{ header: DR.colIndicator, widthMm: 48 }, { header: DR.colValue }], passport),
  ];
  if (!ctx.run.findings.teachers) out.push(note(`${DS.report.notChecked}: ${DS.unchecked.teachers}`));
  for (const d of deficits) out.push(...subjectPart(ctx, st, d, acts, cps));
  // Trend across the student's procedures of the subject (dynamics), when there is more than one.
  const trends = st.trends.filter((t) => subjects.includes(t.subject) && t.steps.length > 1);
  if (trends.length) {
    out.push(p({ text: DR.trendHeading, bold: true }));
    out.push(
      list(
        trends.map(
          (t) => `${t.subject}: ${t.steps.map((s) => `${s.proc.title} — ${s.mark ?? '—'} (${fixed1(s.completion)} %)`).join(' → ')}`,
        ),
      ),
    );
  }
  out.push(p({ text: DR.checkpointsHeading, bold: true }));
  out.push(cps.length ? list(cps.map((c) => `${ruDateOf(c.date)} — ${c.text}`)) : p(`${DS.report.notChecked}: ${DR.noCheckpoints}`));
  out.push(p(DR.resultExpected));
  out.push(p(''), p(DR.signTeacher), p(DR.signClassTeacher), p(DR.signParents));
  return out;
}

function subjectPart(ctx: DocsContext, st: RiskProfile, d: RiskDeficit, acts: Activities, cps: Checkpoint[]): Block[] {
  const proc: Procedure = d.procedure;
  const entry = st.entries.find((e) => e.proc === proc);
  const stats = ctx.analyses.find((a) => a.procedure === proc)?.students[entry?.index ?? -1];
  const out: Block[] = [
    h(3, DR.subjectHeading(d.subject, proc.title)),
    p(
      DR.result(
        entry?.student.total ?? 0,
        proc.maxTotal,
        stats ? fixed1(stats.completion) : '—',
        entry?.student.mark ?? null,
        proc.meta.date ? ruDateOf(proc.meta.date) : null,
      ),
    ),
  ];
  const tasks = d.tasks.map((id) => proc.tasks.find((t) => t.id === id)).filter((t): t is Task => !!t);
  if (tasks.length === 0) {
    out.push(p(DR.noTaskDeficits));
    return out;
  }
  const check = cps[0] ? ruDateOf(cps[0].date) : DR.noDate;
  const rows: CellInput[][] = tasks.map((t, i) => {
    const ti = proc.tasks.indexOf(t);
    const v = entry?.student.scores[ti];
    const got = v === 'X' ? `X / ${t.max}` : `${v ?? 0} / ${t.max}`;
    return [
      i + 1,
      `${t.id} (${t.level ?? '—'})`,
      got,
      skillCell(t),
      t.section ? `${t.section}${t.topic ? `: ${t.topic}` : ''}` : (t.topic ?? '—'),
      activityFor(acts, d.subject, t),
      check,
    ];
  });
  out.push(
    table(
      [
        { header: '№', widthMm: 7, format: 'int', align: 'center' },
        { header: DR.colTask, widthMm: 15 },
        { header: DR.colGot, widthMm: 14, align: 'center' },
        { header: DR.colSkill },
        { header: DR.colSection, widthMm: 26 },
        { header: DR.colActivity, widthMm: 46 },
        { header: DR.colCheck, widthMm: 19, align: 'center' },
      ],
      rows,
      9,
    ),
  );
  if (d.focus.length) out.push(p({ text: `${DR.focus}: `, italic: true }, { text: d.focus.join('; ') }));
  if (tasks.every((t) => !t.skill && !t.plannedResult)) out.push(note(`${DS.report.notChecked}: ${DS.unchecked.skills}`));
  out.push(note(DR.tasksNote(joinIds(tasks.map((t) => t.id)))));
  return out;
}

function skillCell(t: Task): string {
  if (t.skill && t.plannedResult && t.plannedResult !== t.skill) return `${t.skill}. ${DR.plannedWord}: ${t.plannedResult}`;
  return t.skill ?? t.plannedResult ?? DS.report.noSkill;
}
