// «Аналитическая справка» (seed 002 §3.7.3; model roadmap rows 1.1–1.4): per procedure, or combined for a
// round, in the structure schools submit — passport; marks and quality beside the benchmarks; the
// journal comparison; task completion for the school, each parallel and each class with the ФИОКО
// status and the skill checked; deficits school → parallel → class → students; students at risk; signs
// to check objectivity; conclusions as hypotheses; proposed decisions from the roadmap's analysis rows;
// and a «Не проверено: …» line for everything the data did not allow. All numbers come from the run.
import type { GroupStats, ProcedureAnalysis, Status } from '../analysis/deficits';
import { groupStudents } from '../analysis/mark-groups';
import { journalStats, MARKS, type MarkStats, markStats } from '../analysis/marks';
import type { ObjectivityGroup } from '../analysis/objectivity';
import type { RiskProfile } from '../analysis/risk';
import { benchmarksOf, MARK_KEYS } from '../input/benchmarks';
import { classKey } from '../input/teachers';
import type { Procedure, Student, Task } from '../model';
import { markSourceText, planSourceText } from '../output/matrix';
import { occurrenceText } from '../roadmap/deadlines';
import type { PlannedRow } from '../roadmap/plan';
import { DS, S } from '../strings';
import { type DocsContext, groupSelected, schoolDisplayName, schoolTitle, studentLabel, teachersOf } from './context';
import { joinIds, pct, plural, ruDateOf } from './format';
import {
  type Block,
  b,
  type CellInput,
  type DocSpec,
  h,
  list,
  note,
  p,
  pageBreak,
  type Run,
  type TableColumn,
  type Tone,
  table,
} from './spec';

/** Group columns a task table holds beside the task, its level and its skill (the rest go to the next table). */
const GROUP_COLS_PER_TABLE = 6;
const TASK_COL = 14;
const LEVEL_COL = 9;
const GROUP_COL = 15;

const STATUS_TONE: Record<Status, Tone | undefined> = {
  insufficient: 'insufficient',
  uncertain: 'uncertain',
  sufficient: undefined,
  none: 'muted',
};

/** One procedure for one school: what a section of the справка is about. */
interface Part {
  a: ProcedureAnalysis;
  p: Procedure;
  school: string;
  groups: GroupStats[];
  /** The class asked for, or null. */
  cls: GroupStats | null;
}

/** Blocks of one section and the «Не проверено» lines collected while writing it. */
class Section {
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
    fileName: fileNameOf(['Справка', round, ctx.request.subject ?? '', ctx.className ?? '']),
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

/** «5А», «5-е классы» (a column header: «5-е кл.»), «Школа». */
function groupName(g: GroupStats, short = false): string {
  if (g.level === 'class') return g.name;
  if (g.level === 'parallel') return short ? DS.report.parallelShort(g.grade) : DS.report.parallel(g.grade);
  return DS.report.schoolShort;
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

function sub(s: Section, n: string, text: string): void {
  s.add(h(3, `${n}. ${text}`));
}

function passport(ctx: DocsContext, part: Part, s: Section, n: string): void {
  const { p: proc } = part;
  sub(s, n, DS.report.passportHeading);
  const classes = part.groups.filter((g) => g.level === 'class');
  const inSchool = (st: Student) => st.school === part.school && (!part.cls || classKey(st.className) === classKey(part.cls.name));
  const present = proc.students.filter(inSchool).length;
  const absent = proc.absent.filter(inSchool).length;
  const rows: CellInput[][] = [
    [DS.passport.procedure, `${proc.meta.kind}${proc.meta.year ? ` ${proc.meta.year}` : ''}`],
    [DS.passport.subject, proc.meta.subject],
    [DS.passport.grade, proc.meta.grade === null ? DS.passport.unknown : DS.passport.gradeText(proc.meta.grade)],
    [DS.passport.date, ruDateOf(proc.meta.date) ?? DS.passport.noDate],
    [DS.passport.school, schoolTitle(ctx, part.school)],
    [DS.passport.classes, classes.map((g) => `${g.name} (${g.participants})`).join(', ')],
    [DS.passport.listed, present + absent],
    [DS.passport.present, present],
    [DS.passport.absent, absent],
    [DS.passport.maxTotal, proc.maxTotal],
    [DS.passport.tasks, `${proc.tasks.length}: ${joinIds(proc.tasks.map((t) => t.id))}`],
    [DS.passport.sources, `${DS.passport.sheet(proc.sheet)}; ${planSourceText(proc)}; ${markSourceText(proc)}`],
  ];
  const teachers = [...new Set(classes.flatMap((g) => teachersOf(ctx, g.name, proc.meta.subject).map((t) => `${g.name} — ${t}`)))];
  if (teachers.length) rows.push([DS.passport.teachers, teachers.join('; ')]);
  s.add(table([{ header: DS.cols.indicator, widthMm: 55 }, { header: DS.cols.value }], rows));
  if (!ctx.run.findings.teachers) s.skip(DS.unchecked.teachers);
  if (proc.meta.date === null) s.skip(DS.unchecked.date);
  const small = classes.filter((g) => !g.reliable);
  if (small.length)
    s.add(
      note(
        DS.report.smallGroups(
          small.map((g) => `${g.name} (${g.participants})`),
          ctx.run.data.settings['sample.minReliable'],
        ),
      ),
    );
}

function marks(ctx: DocsContext, part: Part, s: Section, n: string): void {
  const { p: proc } = part;
  sub(s, n, DS.report.marksHeading);
  if (proc.markSource === 'none') {
    s.skip(DS.unchecked.marks);
    return;
  }
  const rows: CellInput[][] = [];
  const stats: { g: GroupStats; m: MarkStats }[] = [];
  for (const g of ordered(part)) {
    const m = markStats(groupStudents(proc, g));
    stats.push({ g, m });
    rows.push(
      summaryRow(g, [
        groupName(g),
        m.n,
        ...MARKS.map((k) => m.counts[k]),
        m.n > 0 ? m.percent[2] : null,
        m.n > 0 ? m.quality : null,
        m.n > 0 ? m.success : null,
        g.meanCompletion,
      ]),
    );
  }
  s.add(
    table(
      [
        { header: DS.cols.group },
        { header: DS.cols.withMark, widthMm: 18, format: 'int', align: 'right' },
        ...MARKS.map((k): Omit<TableColumn, 'widthMm'> & { widthMm: number } => ({
          header: `«${k}»`,
          widthMm: 10,
          format: 'int',
          align: 'right',
        })),
        { header: DS.cols.mark2Pct, widthMm: 14, format: 'pct', align: 'right' },
        { header: DS.cols.qualityPct, widthMm: 19, format: 'pct', align: 'right' },
        { header: DS.cols.successPct, widthMm: 27, format: 'pct', align: 'right' },
        { header: DS.cols.meanPct, widthMm: 24, format: 'pct', align: 'right' },
      ],
      rows,
    ),
    note(DS.report.marksLegend),
  );
  // Every student with «2», by class: the list the справка must not lose.
  const twos = part.groups
    .filter((g) => g.level === 'class')
    .map((g) => ({
      g,
      codes: groupStudents(proc, g)
        .filter((st) => st.mark === 2)
        .map((st) => studentLabel(st, false)),
    }))
    .filter((x) => x.codes.length > 0);
  const total = twos.reduce((a, x) => a + x.codes.length, 0);
  if (total === 0) s.add(p(DS.report.noTwos));
  else {
    const byRow = twos.some((x) => x.codes.some((c) => /^стр\. \d/.test(c)));
    s.add(p(b(DS.report.twosHeading(total, byRow))));
    s.add(list(twos.map((x) => [b(`${x.g.name}: `), { text: x.codes.join(', ') }])));
  }

  // Benchmarks: the school beside the municipality, the region and Russia.
  const bm = benchmarksOf(ctx.run.data.benchmarks, proc).marks;
  const school = stats.find((x) => x.g.level === 'school');
  if (bm.length > 0 && school) {
    s.add(p(b(DS.report.benchmarksHeading)));
    const ours = school.m;
    const brow = (name: string, pc: Record<'2' | '3' | '4' | '5', number>, tone?: Tone): CellInput[] => {
      const q = pc['4'] + pc['5'];
      return [
        tone ? { value: name, bold: true, tone } : name,
        ...MARK_KEYS.map((k) => pc[k]),
        q,
        pc['3'] + pc['4'] + pc['5'],
        ours.n > 0 ? ours.quality - q : null,
      ];
    };
    const oursPct = { '2': ours.percent[2], '3': ours.percent[3], '4': ours.percent[4], '5': ours.percent[5] };
    s.add(
      table(
        [
          { header: DS.cols.group },
          ...MARK_KEYS.map((k): Omit<TableColumn, 'widthMm'> & { widthMm: number } => ({
            header: `«${k}», %`,
            widthMm: 15,
            format: 'pct',
            align: 'right',
          })),
          { header: DS.cols.qualityPct, widthMm: 19, format: 'pct', align: 'right' },
          { header: DS.cols.successPct, widthMm: 23, format: 'pct', align: 'right' },
          { header: DS.cols.qualityDiff, widthMm: 24, format: 'pp', align: 'right' },
        ],
        [brow(DS.report.schoolShort, oursPct, 'summary').map((c, i) => (i === 7 ? null : c)), ...bm.map((r) => brow(r.group, r.percent))],
      ),
      note(DS.report.benchmarksLegend),
    );
  } else if (!part.cls) s.skip(DS.unchecked.benchmarksMarks);
}

function journal(part: Part, s: Section, n: string): void {
  const { p: proc } = part;
  sub(s, n, DS.report.journalHeading);
  const rows: CellInput[][] = [];
  let any = false;
  for (const g of ordered(part)) {
    const j = journalStats(groupStudents(proc, g));
    if (j.n > 0) any = true;
    rows.push(
      summaryRow(g, [
        groupName(g),
        j.n,
        j.lowered,
        j.n > 0 ? j.loweredPct : null,
        j.confirmed,
        j.n > 0 ? j.confirmedPct : null,
        j.raised,
        j.n > 0 ? j.raisedPct : null,
      ]),
    );
  }
  if (!any) {
    s.skip(DS.unchecked.journal);
    return;
  }
  s.add(
    table(
      [
        { header: DS.cols.group },
        { header: DS.cols.bothMarks, widthMm: 24, format: 'int', align: 'right' },
        { header: DS.cols.lowered, widthMm: 20, format: 'int', align: 'right' },
        { header: '%', widthMm: 14, format: 'pct', align: 'right' },
        { header: DS.cols.confirmed, widthMm: 24, format: 'int', align: 'right' },
        { header: '%', widthMm: 14, format: 'pct', align: 'right' },
        { header: DS.cols.raised, widthMm: 20, format: 'int', align: 'right' },
        { header: '%', widthMm: 14, format: 'pct', align: 'right' },
      ],
      rows,
    ),
    note(DS.report.journalLegend),
  );
}

/** School first, then each parallel, then its classes (the order §3.7.3 reads them). */
function ordered(part: Part): GroupStats[] {
  const school = part.groups.filter((g) => g.level === 'school');
  const pars = part.groups.filter((g) => g.level === 'parallel');
  const out: GroupStats[] = [...school];
  for (const par of pars) out.push(par, ...part.groups.filter((g) => g.level === 'class' && g.grade === par.grade));
  for (const g of part.groups) if (!out.includes(g)) out.push(g);
  return out;
}

function summaryRow(g: GroupStats, cells: CellInput[]): CellInput[] {
  if (g.level === 'class') return cells;
  return cells.map((c) => ({ ...(c !== null && typeof c === 'object' ? c : { value: c }), bold: true, tone: 'summary' as Tone }));
}

function tasks(ctx: DocsContext, part: Part, s: Section, n: string): void {
  const { p: proc } = part;
  const st = ctx.run.data.settings;
  sub(s, n, DS.report.tasksHeading);
  s.add(
    note(
      DS.report.tasksLegend(
        st['deficit.basicSufficient'],
        st['deficit.basicUncertain'],
        st['deficit.advancedSufficient'],
        st['deficit.advancedUncertain'],
      ),
    ),
  );
  const groups = ordered(part);
  for (let from = 0; from < groups.length; from += GROUP_COLS_PER_TABLE) {
    const chunk = groups.slice(from, from + GROUP_COLS_PER_TABLE);
    const cols = [
      { header: DS.cols.task, widthMm: TASK_COL },
      { header: DS.cols.level, widthMm: LEVEL_COL, align: 'center' as const },
      { header: DS.cols.skill },
      ...chunk.map((g) => ({
        header: `${groupName(g, true)}\n(${g.participants})`,
        widthMm: GROUP_COL,
        format: 'pct' as const,
        align: 'right' as const,
      })),
    ];
    const rows = proc.tasks.map((t, i) => [
      `${t.id} (${t.max} б.)`,
      t.level ?? '—',
      skillShort(t),
      ...chunk.map((g): CellInput => {
        const c = g.completion[i] as number;
        const status = g.status[i] as Status;
        const tone = STATUS_TONE[status];
        return { value: Number.isFinite(c) ? c : null, bold: status === 'insufficient', ...(tone ? { tone } : {}) };
      }),
    ]);
    s.add(table(cols, rows, 9));
  }
  const unknown = proc.tasks.filter((t) => !t.skill && !t.plannedResult).length;
  if (unknown === proc.tasks.length) s.skip(DS.unchecked.skills);
  else if (proc.tasks.some((t) => t.level === null)) s.skip(DS.unchecked.levels);

  const bm = benchmarksOf(ctx.run.data.benchmarks, proc).tasks;
  const school = part.groups.find((g) => g.level === 'school');
  if (bm.length > 0 && school && !part.cls) {
    const shown = bm.slice(0, 4);
    s.add(p(b(DS.report.taskBenchmarksHeading)));
    s.add(
      table(
        [
          { header: DS.cols.task, widthMm: TASK_COL },
          { header: DS.cols.level, widthMm: LEVEL_COL, align: 'center' },
          { header: DS.report.schoolShort, widthMm: 17, format: 'pct', align: 'right' },
          ...shown.map((r) => ({ header: r.group, format: 'pct' as const, align: 'right' as const })),
          { header: DS.cols.diffLast, widthMm: 22, format: 'pp', align: 'right' },
        ],
        proc.tasks.map((t, i) => {
          const ours = school.completion[i] as number;
          const last = shown[shown.length - 1]?.completion.get(t.id);
          return [t.id, t.level ?? '—', ours, ...shown.map((r) => r.completion.get(t.id) ?? null), last === undefined ? null : ours - last];
        }),
        9,
      ),
    );
  } else if (!part.cls) s.skip(DS.unchecked.benchmarksTasks);
}

/** The skill checked (or the planned result), shortened to fit a table cell. */
function skillShort(t: Task, limit = 160): string {
  const text = t.skill ?? t.plannedResult ?? DS.report.noSkill;
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

function skillFull(t: Task): string {
  return t.skill ?? t.plannedResult ?? DS.report.noSkill;
}

function taskLine(t: Task, c: number, status: Status): Run[] {
  return [
    b(`${DS.report.taskWord} ${t.id}`),
    { text: ` (${t.level ?? '—'}, ${pct(c)}${status === 'uncertain' ? `, ${S.status.uncertain}` : ''}): ${skillFull(t)}` },
  ];
}

function deficits(ctx: DocsContext, part: Part, s: Section, n: string): void {
  const { p: proc, a } = part;
  sub(s, n, DS.report.deficitsHeading);
  s.add(note(DS.report.deficitsIntro(ctx.run.data.settings['deficit.studentShare'])));
  const levels: { title: string; groups: GroupStats[] }[] = [
    { title: DS.report.levelSchool, groups: part.cls ? [] : part.groups.filter((g) => g.level === 'school') },
    { title: DS.report.levelParallel, groups: part.cls ? [] : part.groups.filter((g) => g.level === 'parallel') },
    { title: DS.report.levelClass, groups: part.groups.filter((g) => g.level === 'class') },
  ];
  for (const level of levels) {
    if (level.groups.length === 0) continue;
    s.add(p(b(level.title)));
    for (const g of level.groups) {
      const gi = a.groups.indexOf(g);
      const bad = proc.tasks.map((t, i) => ({ t, i })).filter(({ i }) => g.status[i] === 'insufficient' || g.status[i] === 'uncertain');
      const name = g.level === 'school' ? schoolTitle(ctx, g.name) : g.level === 'parallel' ? DS.report.parallelLong(g.grade) : g.name;
      const head = `${name} (${g.participants} ${plural(g.participants, 'участник', 'участника', 'участников')}${g.reliable ? '' : `; ${S.unreliable(g.participants, ctx.run.data.settings['sample.minReliable'])}`})`;
      if (bad.length === 0) {
        s.add(p(b(`${head}: `), { text: DS.report.noDeficits }));
        continue;
      }
      s.add(p(b(`${head}:`)));
      s.add(list(bad.map(({ t, i }) => taskLine(t, g.completion[i] as number, g.status[i] as Status))));
      // A skill of one task repeats the line above: only skills with several tasks are worth naming.
      const systemic = a.skills.filter((sk) => sk.systemic[gi] && sk.tasks.length > 1).map((sk) => sk.skill);
      if (systemic.length) s.add(p({ text: `${DS.report.systemic}: `, italic: true }, { text: systemic.join('; ') }));
    }
  }

  // Students (§3.7.3 а): every participant with the tasks where they got less than the set share.
  s.add(p(b(DS.report.levelStudents)));
  const rows: CellInput[][] = [];
  for (const g of part.groups.filter((x) => x.level === 'class')) {
    for (const m of g.members) {
      const st = proc.students[m] as Student;
      const stats = a.students[m];
      if (!stats) continue;
      const ids = proc.tasks.filter((_, i) => stats.deficit[i]).map((t) => t.id);
      rows.push([
        studentLabel(st, false),
        st.className,
        st.total,
        st.mark === 2 ? { value: 2, bold: true, tone: 'insufficient' } : st.mark,
        stats.completion,
        ids.length ? joinIds(ids) : DS.report.none,
      ]);
    }
  }
  s.add(
    table(
      [
        { header: DS.cols.code, widthMm: 24 },
        { header: DS.cols.class, widthMm: 14 },
        { header: DS.cols.score, widthMm: 14, format: 'int', align: 'right' },
        { header: DS.cols.mark, widthMm: 16, format: 'int', align: 'right' },
        { header: DS.cols.completionPct, widthMm: 20, format: 'pct', align: 'right' },
        { header: DS.cols.deficitTasks },
      ],
      rows,
      9,
    ),
  );
}

/** At-risk profiles of the selection, with the reasons about these procedures (and «several subjects»). */
function riskOf(ctx: DocsContext, proc: Procedure | null): RiskProfile[] {
  const procs = new Set(proc ? [proc] : ctx.analyses.map((a) => a.procedure));
  return ctx.run.findings.atRisk.filter(
    (r) =>
      r.reasons.some((x) => x.procedure && procs.has(x.procedure)) && (!ctx.className || classKey(r.className) === classKey(ctx.className)),
  );
}

/** A profile's student as the справка names them: by code, never by name. */
function riskLabel(r: RiskProfile): string {
  const last = r.entries[r.entries.length - 1];
  return last ? studentLabel(last.student, false) : r.code;
}

function risk(ctx: DocsContext, part: Part, s: Section, n: string): void {
  sub(s, n, DS.report.riskHeading);
  // The linking may name the school from another sheet (Ф1 «Название ОО»): match by the student's row here.
  const profiles = riskOf(ctx, part.p).filter((r) => r.entries.some((e) => e.proc === part.p && e.student.school === part.school));
  if (profiles.length === 0) {
    s.add(p(DS.report.noRisk));
    return;
  }
  s.add(p(DS.report.riskIntro(profiles.length)));
  s.add(
    table(
      [
        { header: DS.cols.code, widthMm: 24 },
        { header: DS.cols.class, widthMm: 14 },
        { header: DS.cols.reasons },
        { header: DS.cols.deficitTasks, widthMm: 40 },
      ],
      profiles.map((r) => {
        const d = r.deficits.find((x) => x.procedure === part.p);
        return [
          riskLabel(r),
          r.className,
          r.reasons
            .filter((x) => !x.procedure || x.procedure === part.p || x.rule === 'multiSubject')
            .map((x) => x.text)
            .join('; '),
          d?.tasks.length ? joinIds(d.tasks) : DS.report.none,
        ];
      }),
      9,
    ),
  );
  s.add(note(DS.report.riskNote));
}

function objectivity(ctx: DocsContext, part: Part, s: Section, n: string): void {
  sub(s, n, DS.report.objectivityHeading);
  s.add(note(S.objectivity.intro));
  const groups = ctx.run.findings.objectivityGroups.filter(
    (g) =>
      g.procedure === part.p &&
      g.school === part.school &&
      (!part.cls || g.level === 'school' || g.classes.some((c) => classKey(c) === classKey(part.cls?.name ?? ''))),
  );
  const signs = groups.flatMap((g) => g.signs.map((x) => ({ g, x })));
  if (signs.length === 0) s.add(p(DS.report.noSigns));
  else {
    s.add(
      list(
        signs.map(({ g, x }) => [
          b(`${objName(g)}: `),
          { text: `${S.objectivity.ruleName[x.rule] ?? x.rule} — ${x.text}` },
          ...(x.reliable ? [] : [{ text: ` (${DS.report.unreliableSign})`, italic: true }]),
        ]),
      ),
    );
  }
  const school = groups.find((g) => g.level === 'school');
  if (school && school.journal.n === 0) s.skip(DS.unchecked.objectivityJournal);
  if (school && school.distribution === null && school.peaksNote) s.skip(DS.unchecked.peaks(school.peaksNote));
}

function objName(g: ObjectivityGroup): string {
  if (g.level === 'class') return g.teacher ? `${g.name} (${DS.report.teacherWord} ${g.teacher})` : g.name;
  if (g.level === 'teacher') return `${DS.report.teacherWord} ${g.name} (${g.classes.join(', ')})`;
  return schoolDisplayName(g.name);
}

// ---- conclusions, as hypotheses ----------------------------------------------------------------------

function hypotheses(ctx: DocsContext, part: Part, s: Section, n: string): void {
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

function when(r: PlannedRow): string {
  if (r.end) return occurrenceText({ start: r.start, end: r.end });
  return r.deadlineText || DS.report.noDeadline;
}

function decisions(ctx: DocsContext, proc: Procedure | null): Block[] {
  const rows = (ctx.plan?.rows ?? []).filter((r) => r.kind === 'activity' && r.source !== 'template');
  const subject = proc?.meta.subject;
  const mine = rows.filter((r) => !subject || r.source !== 'deficit' || r.title.includes(`: ${subject},`));
  if (mine.length === 0) return [p(DS.report.noDecisions)];
  const out: Block[] = [note(DS.report.decisionsIntro)];
  const items: Run[][] = [];
  for (const r of mine.filter((x) => x.source === 'deficit'))
    items.push([{ text: r.title }, { text: ` — ${DS.report.until} ${when(r)}; ${DS.report.responsible}: ${r.responsible}.` }]);
  const iom = mine.filter((x) => x.source === 'at-risk');
  if (iom.length) {
    const codes = riskOf(ctx, proc).map(riskLabel);
    items.push([{ text: DS.report.iomDecision(iom.length, codes) }, { text: ` — ${DS.report.until} ${when(iom[0] as PlannedRow)}.` }]);
  }
  for (const r of mine.filter((x) => x.source === 'objectivity'))
    items.push([{ text: r.title }, { text: ` — ${DS.report.until} ${when(r)}; ${DS.report.responsible}: ${r.responsible}.` }]);
  out.push(list(items, true));
  return out;
}

function signature(): Block[] {
  return [p(''), p(DS.report.signature), p(DS.report.signatureDate)];
}
