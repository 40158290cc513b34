// The справка's deficits (school → parallel → class → each student, §3.7.3), students at risk, and the
// signs to check objectivity, worded as signs, not findings.
import type { GroupStats, Status } from '../analysis/deficits';
import type { ObjectivityGroup } from '../analysis/objectivity';
import { classKey } from '../input/teachers';
import type { Student } from '../model';
import { DS, S } from '../strings';
import { type DocsContext, schoolDisplayName, schoolTitle, studentLabel } from './context';
import { joinIds } from './format';
import { type Part, riskLabel, riskOf, type Section, sub } from './report-part';
import { taskLine } from './report-tables';
import { b, type CellInput, list, note, p, table } from './spec';

export function deficits(ctx: DocsContext, part: Part, s: Section, n: string): void {
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
      const unreliable = g.reliable ? null : S.unreliable(g.participants, ctx.run.data.settings['sample.minReliable']);
      const head = DS.report.groupHead(name, g.participants, unreliable);
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

export function risk(ctx: DocsContext, part: Part, s: Section, n: string): void {
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

export function objectivity(ctx: DocsContext, part: Part, s: Section, n: string): void {
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
