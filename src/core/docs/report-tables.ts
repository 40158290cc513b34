// The справка's tables: the passport, marks and quality (with every «2» and the benchmarks), the journal
// comparison, task completion for the school, the parallel and each class.
import type { GroupStats, Status } from '../analysis/deficits';
import { groupStudents } from '../analysis/mark-groups';
import { journalStats, MARKS, type MarkStats, markStats } from '../analysis/marks';
import { benchmarksOf, MARK_KEYS } from '../input/benchmarks';
import { classKey } from '../input/teachers';
import type { Student, Task } from '../model';
import { markSourceText, planSourceText } from '../output/matrix';
import { DS, S } from '../strings';
import { type DocsContext, schoolTitle, studentLabel, teachersOf } from './context';
import { joinIds, pct, ruDateOf } from './format';
import { groupName, ordered, type Part, type Section, sub, summaryRow } from './report-part';
import { b, type CellInput, figure, list, note, p, type Run, type Tone, table } from './spec';

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

export function passport(ctx: DocsContext, part: Part, s: Section, n: string): void {
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

export function marks(ctx: DocsContext, part: Part, s: Section, n: string): void {
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
        figure(DS.cols.withMark, 18, 'int'),
        ...MARKS.map((k) => figure(`«${k}»`, 10, 'int')),
        figure(DS.cols.mark2Pct, 14, 'pct'),
        figure(DS.cols.qualityPct, 19, 'pct'),
        figure(DS.cols.successPct, 27, 'pct'),
        figure(DS.cols.meanPct, 24, 'pct'),
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
          ...MARK_KEYS.map((k) => figure(`«${k}», %`, 15, 'pct')),
          figure(DS.cols.qualityPct, 19, 'pct'),
          figure(DS.cols.successPct, 23, 'pct'),
          figure(DS.cols.qualityDiff, 24, 'pp'),
        ],
        [brow(DS.report.schoolShort, oursPct, 'summary').map((c, i) => (i === 7 ? null : c)), ...bm.map((r) => brow(r.group, r.percent))],
      ),
      note(DS.report.benchmarksLegend),
    );
  } else if (!part.cls) s.skip(DS.unchecked.benchmarksMarks);
}

export function journal(part: Part, s: Section, n: string): void {
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
        figure(DS.cols.bothMarks, 24, 'int'),
        figure(DS.cols.lowered, 20, 'int'),
        figure('%', 14, 'pct'),
        figure(DS.cols.confirmed, 24, 'int'),
        figure('%', 14, 'pct'),
        figure(DS.cols.raised, 20, 'int'),
        figure('%', 14, 'pct'),
      ],
      rows,
    ),
    note(DS.report.journalLegend),
  );
}

export function tasks(ctx: DocsContext, part: Part, s: Section, n: string): void {
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
      ...chunk.map((g) => figure(`${groupName(g, true)}\n(${g.participants})`, GROUP_COL, 'pct')),
    ];
    const rows = proc.tasks.map((t, i) => [
      DS.report.taskWithMax(t.id, t.max),
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
          figure(DS.report.schoolShort, 17, 'pct'),
          ...shown.map((r) => figure(r.group, undefined, 'pct')),
          figure(DS.cols.diffLast, 22, 'pp'),
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
export function skillShort(t: Task, limit = 160): string {
  const text = t.skill ?? t.plannedResult ?? DS.report.noSkill;
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

export function skillFull(t: Task): string {
  return t.skill ?? t.plannedResult ?? DS.report.noSkill;
}

export function taskLine(t: Task, c: number, status: Status): Run[] {
  return [
    b(`${DS.report.taskWord} ${t.id}`),
    { text: ` (${t.level ?? '—'}, ${pct(c)}${status === 'uncertain' ? `, ${S.status.uncertain}` : ''}): ${skillFull(t)}` },
  ];
}
