// «Динамика»: procedures of each subject in time order, what is comparable between them, then the
// same class and the same student from one procedure to the next. Every row of every table carries
// its subject, parallel and class (this year's: the later procedure's) in the leading columns, so the
// ШМО filter narrows the tab; rows about a whole procedure leave the class empty.
import { type Dynamics, ruDate, stepLabel } from '../analysis/dynamics';
import { effectiveDate, type Links, schoolYear } from '../analysis/linking';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, type Lead, ref, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';
import { PROCEDURE_LEAD } from './stats-common';

const fin = (n: number) => (Number.isFinite(n) ? n : null);

const lead = (p: Procedure, className = '', grade: number | null = p.meta.grade): Lead => ({
  subject: p.meta.subject,
  grade,
  className,
});

/**
 * «Динамика» in named stages, one table each: the procedures of each subject in order, what is
 * comparable between them, the classes, the skills they share, the students. Without a pair of
 * procedures to compare, only the first table and a note. The first column of every table names
 * what the row is about (frozen); each row's subject, parallel and class are in hidden filter columns.
 */
export function buildDynamicsTab(d: Dynamics, links: Links, s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.dynamics);
  b.preamble(S.tabs.dynamics, WIDEST, [T.dynamics.intro(links.mapped, S.num(s['dynamics.twoRise']))]);
  b.leadColumns(PROCEDURE_LEAD);
  proceduresTable(b, links);
  if (d.comparisons.length > 0) {
    comparisonsTable(b, d);
    classesTable(b, d, s);
    skillsTable(b, d);
    studentsTable(b, d);
  } else {
    b.lead = null;
    b.blank();
    b.row([S.dynamics.noPairs], { italic: true });
  }
  // Few distinct widths: Sheets sets each run of equal widths in one call.
  b.columnWidths = { 0: 190, 1: 300, 2: 190 };
  for (let c = 3; c < WIDEST; c++) b.columnWidths[c] = 90;
  // Title and intro, and what each row is about, stay in view.
  return b.build({ frozenRows: 2, frozenCols: 1 });
}

/** The widest table (classes). */
const WIDEST = 15;

/** Procedures per subject, in the order they are compared. */
function proceduresTable(b: SpecBuilder, links: Links): void {
  b.section(T.dynamics.worksHeading);
  const h = b.header('dynamicsWorks', ['procedure', 'date', 'year', 'participants', 'sheet', 'number']);
  for (const sr of links.series) {
    sr.procedures.forEach((p, i) => {
      const y = schoolYear(p);
      const date = effectiveDate(p);
      b.lead = lead(p);
      b.line(h, {
        number: i + 1,
        procedure: p.title,
        sheet: p.sheet,
        date: p.meta.date ? ruDate(p.meta.date) : date ? T.dynamics.dateFromSheet(ruDate(date).slice(3)) : '',
        year: y === null ? '' : `${y}/${y + 1}`,
        participants: p.students.length,
      });
    });
  }
}

/** Each pair of consecutive procedures and what can be compared between them. */
function comparisonsTable(b: SpecBuilder, d: Dynamics): void {
  b.section(T.dynamics.pairsHeading);
  const h = b.header('dynamicsPairs', ['step', 'from', 'to', 'what']);
  for (const c of d.comparisons) {
    // The later procedure's parallel: the class as it is now.
    b.lead = lead(c.to);
    b.line(h, { step: stepLabel(c.from, c.to), from: c.from.title, to: c.to.title, what: c.text });
  }
}

/** The same class in both procedures: the verdict first, then participants, completion, share of «2», quality. */
function classesTable(b: SpecBuilder, d: Dynamics, s: Settings): void {
  b.section(T.dynamics.classesHeading);
  const h = b.header('dynamicsClasses', [
    'classes',
    'verdict',
    'step',
    'participantsFrom',
    'participantsTo',
    'linked',
    'completionFrom',
    'completionTo',
    'completionDelta',
    'twoFrom',
    'twoTo',
    'twoDelta',
    'qualityFrom',
    'qualityTo',
    'qualityDelta',
  ]);
  const cStart = b.nextRow;
  b.lead = null;
  if (d.classes.length === 0) b.row([T.dynamics.noClasses]);
  for (const c of d.classes) {
    const names = c.from.group.name === c.to.group.name ? c.to.group.name : `${c.from.group.name} → ${c.to.group.name}`;
    // A municipal download: the same class name in several schools.
    const cls = c.to.proc.schools.length > 1 ? `${names} (${c.school})` : names;
    const unreliable = !c.from.group.reliable || !c.to.group.reliable;
    const verdict = c.negative
      ? S.dynamics.negative(c.from.marks.percent[2], c.to.marks.percent[2], c.twoDelta, s['dynamics.twoRise'])
      : Number.isFinite(c.twoDelta)
        ? T.dynamics.noNegative
        : T.dynamics.noMarks;
    b.lead = lead(c.to.proc, c.to.group.name, c.to.group.grade ?? c.to.proc.meta.grade);
    b.line(h, {
      classes: cls,
      verdict: unreliable
        ? `${verdict}; ${S.unreliable(Math.min(c.from.group.participants, c.to.group.participants), s['sample.minReliable'])}`
        : verdict,
      step: stepLabel(c.from.proc, c.to.proc),
      participantsFrom: c.from.group.participants,
      participantsTo: c.to.group.participants,
      linked: c.linked,
      completionFrom: fin(c.from.group.meanCompletion),
      completionTo: fin(c.to.group.meanCompletion),
      completionDelta: fin(c.completionDelta),
      twoFrom: fin(c.from.marks.percent[2]),
      twoTo: fin(c.to.marks.percent[2]),
      twoDelta: fin(c.twoDelta),
      qualityFrom: fin(c.from.marks.quality),
      qualityTo: fin(c.to.marks.quality),
      qualityDelta: fin(c.qualityDelta),
    });
  }
  const cRows = b.nextRow - cStart;
  b.format({ row: cStart, col: h.col('completionFrom'), rows: cRows, cols: 9 }, { numberFormat: '0.0' });
  b.format({ row: cStart, col: h.col('verdict'), rows: cRows, cols: 1 }, { wrap: true });
  if (d.classes.length > 0) {
    const col = h.col('verdict');
    const v = ref(cStart, col, false, true);
    const start = T.dynamics.negativeStart;
    b.rules.push({
      range: { row: cStart, col, rows: cRows, cols: 1 },
      formula: `=LEFT(${v},${start.length})="${start}"`,
      background: COLORS.insufficientBg,
    });
  }
}

/** Skills both procedures test (same text), per class: only when some exist. */
function skillsTable(b: SpecBuilder, d: Dynamics): void {
  const withSkills = d.classes.filter((c) => c.skills.length > 0);
  if (withSkills.length === 0) return;
  b.section(T.dynamics.skillsHeading);
  const h = b.header('dynamicsSkills', ['className', 'skill', 'from', 'to', 'delta', 'step']);
  const kStart = b.nextRow;
  for (const c of withSkills) {
    b.lead = lead(c.to.proc, c.to.group.name, c.to.group.grade ?? c.to.proc.meta.grade);
    for (const k of c.skills) {
      b.line(h, {
        className: c.to.group.name,
        skill: k.skill,
        from: fin(k.from),
        to: fin(k.to),
        delta: fin(k.to - k.from),
        step: stepLabel(c.from.proc, c.to.proc),
      });
    }
  }
  b.format({ row: kStart, col: h.col('from'), rows: b.nextRow - kStart, cols: 3 }, { numberFormat: '0.0' });
  b.format({ row: kStart, col: h.col('skill'), rows: b.nextRow - kStart, cols: 1 }, { wrap: true });
}

/** Students who wrote both procedures: the class and the student, the change, then marks and completion. */
function studentsTable(b: SpecBuilder, d: Dynamics): void {
  b.section(T.dynamics.studentsHeading);
  const hasNames = d.students.some((x) => x.person.name);
  const h = b.header('dynamicsStudents', [
    'className',
    'code',
    ...(hasNames ? (['name'] as const) : []),
    'change',
    'markFrom',
    'markTo',
    'completionFrom',
    'completionTo',
    'delta',
    'step',
  ]);
  const sStart = b.nextRow;
  b.lead = null;
  if (d.students.length === 0) b.row([T.dynamics.noStudents]);
  const t = T.dynamics.change;
  for (const x of d.students) {
    const change =
      x.markFrom === null || x.markTo === null ? t.none : x.markTo < x.markFrom ? t.down : x.markTo > x.markFrom ? t.up : t.same;
    b.lead = lead(x.to.proc, x.to.student.className, x.to.student.grade ?? x.to.proc.meta.grade);
    b.line(h, {
      className: x.to.student.className,
      code: x.to.student.code,
      name: x.person.name ?? '',
      change,
      markFrom: x.markFrom ?? '',
      markTo: x.markTo ?? '',
      completionFrom: fin(x.completionFrom),
      completionTo: fin(x.completionTo),
      delta: fin(x.completionTo - x.completionFrom),
      step: stepLabel(x.from.proc, x.to.proc),
    });
  }
  const sRows = b.nextRow - sStart;
  b.format({ row: sStart, col: h.col('completionFrom'), rows: sRows, cols: 3 }, { numberFormat: '0.0' });
  if (d.students.length > 0) {
    const col = h.col('change');
    const area = { row: sStart, col, rows: sRows, cols: 1 };
    const cell = ref(sStart, col);
    b.rules.push(
      { range: area, formula: `=${cell}="${t.down}"`, fontColor: COLORS.danger, bold: true },
      { range: area, formula: `=${cell}="${t.up}"`, fontColor: '#1b5e20' },
    );
  }
}
