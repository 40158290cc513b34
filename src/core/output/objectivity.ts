// «Объективность»: per procedure, each class, teacher (from «Классы и учителя») and school with the
// journal comparison and the signs to check; then the signs one per row, and a summary per teacher.
// Wording is neutral on purpose: these are signs to check, not conclusions about anyone's work.
// Every row carries its subject, parallel, class (a teacher's classes on a teacher's row; empty on a
// school's) and teacher in hidden filter columns, for the ШМО view. The first table has the user's
// «Результат проверки» and «Комментарий» beside the signs, kept across runs by each group's key in
// the hidden «Ключ (не менять)» (see user-columns.ts).
import { compareClassNames } from '../analysis/deficits';
import type { ObjectivityGroup, ObjectivitySign } from '../analysis/objectivity';
import { norm } from '../grid';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, type Lead, ref, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';
import { OBJECTIVITY_USER_COLUMNS, userLabels } from './user-columns';

const fin = (n: number) => (Number.isFinite(n) ? n : null);

export function objectivityRulesText(s: Settings): string {
  return T.objectivity.rules(
    S.num(s['objectivity.medium']),
    S.num(s['objectivity.high']),
    S.num(s['objectivity.highMarksShare']),
    S.num(s['objectivity.lowCompletion']),
    S.num(s['objectivity.peakFactor']),
    S.num(s['objectivity.peakMin']),
    s['sample.minDistribution'],
    s['sample.minReliable'],
  );
}

function groupName(name: string, level: string, school: string, multiSchool: boolean): string {
  return multiSchool && level !== 'school' ? `${name} (${school})` : name;
}

function peaksText(g: ObjectivityGroup): string {
  if (!g.distribution) return T.objectivity.peaksNotChecked(g.peaksNote);
  if (g.distribution.peaksAtCuts.length === 0) return T.objectivity.noPeaks;
  return g.distribution.peaksAtCuts.map((p) => T.objectivity.peak(p.mark, p.score, p.count)).join('; ');
}

function maxLevel(signs: readonly ObjectivitySign[]): string {
  if (signs.some((x) => x.level === 'high')) return S.objectivity.levelShort.high as string;
  if (signs.length > 0) return S.objectivity.levelShort.medium as string;
  return '—';
}

/** The parallel of a class group: its students' grade, else the procedure's. */
function groupGrade(g: ObjectivityGroup): number | null {
  if (g.level !== 'class') return g.procedure.meta.grade;
  return g.procedure.students.find((st) => st.className === g.name && st.school === g.school)?.grade ?? g.procedure.meta.grade;
}

function groupLead(g: ObjectivityGroup): Lead {
  return {
    subject: g.procedure.meta.subject,
    grade: groupGrade(g),
    // A teacher's row lists their classes: a class filter keeps it beside each of them.
    className: g.level === 'class' ? g.name : g.level === 'teacher' ? g.classes.join(', ') : '',
    teacher: g.teacher ?? '',
  };
}

/**
 * The key of a group's row, under which the user's check result and comment are kept across runs:
 * procedure key | group level (class, teacher, school) | group name as shown (with the school in a
 * municipal download), lower case. «впр|2026|математика|6||class|6а».
 */
export function objectivityRowKey(g: ObjectivityGroup): string {
  return `${g.procedure.key}|${g.level}|${norm(groupName(g.name, g.level, g.school, g.procedure.schools.length > 1))}`;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function levelRules(b: SpecBuilder, area: { row: number; col: number; rows: number; cols: number }): void {
  if (area.rows <= 0) return;
  const cell = ref(area.row, area.col, false, true);
  b.rules.push(
    { range: area, formula: `=${cell}="${S.objectivity.levelShort.high}"`, background: COLORS.insufficientBg },
    { range: area, formula: `=${cell}="${S.objectivity.levelShort.medium}"`, background: COLORS.uncertainBg },
  );
}

const reliable = (ok: boolean, n: number, s: Settings) => (ok ? T.yes : S.unreliable(n, s['sample.minReliable']));

/**
 * Columns of the first table: the work and the group (frozen), the level and the signs, the user's
 * «Результат проверки» and «Комментарий» beside them, then the numbers; hidden: the row key and each
 * row's subject, parallel, class and teacher (for the ШМО view).
 */
export function buildObjectivityTab(groups: readonly ObjectivityGroup[], hasTeachers: boolean, s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.objectivity);
  const signs = groups.flatMap((g) => g.signs);
  b.preamble(T.objectivity.title(signs.length), 7, [
    S.objectivity.intro,
    objectivityRulesText(s),
    S.notes.legend(userLabels(OBJECTIVITY_USER_COLUMNS)),
  ]);
  if (!hasTeachers) b.row([T.objectivity.noTeachers], { italic: true, fontColor: COLORS.muted });
  b.leadColumns(['subject', 'grade', 'className', 'teacher']);
  const h = b.header(
    'objectivity',
    [
      'procedure',
      'group',
      'kind',
      'level',
      'signs',
      ...OBJECTIVITY_USER_COLUMNS.user,
      'lowered',
      'confirmed',
      'raised',
      'journalHigh',
      'completion',
      'peaks',
      'participants',
      'both',
      'reliability',
      OBJECTIVITY_USER_COLUMNS.key,
    ],
    // The ids above the header: the user's columns are read back by id (user-columns.ts).
    { ids: true },
  );
  const start = b.nextRow;
  for (const g of groups) {
    b.lead = groupLead(g);
    const r = b.line(h, {
      procedure: g.procedure.title,
      group: groupName(g.name, g.level, g.school, g.procedure.schools.length > 1),
      kind: S.objectivity.groupLevel[g.level] ?? g.level,
      level: maxLevel(g.signs),
      signs: g.signs.length ? g.signs.map((x) => `• ${x.text}`).join('\n') : (g.notChecked ?? S.objectivity.none),
      lowered: fin(g.journal.loweredPct),
      confirmed: fin(g.journal.confirmedPct),
      raised: fin(g.journal.raisedPct),
      journalHigh: fin(g.journalHighPct),
      completion: fin(g.meanCompletion),
      peaks: peaksText(g),
      participants: g.participants,
      both: g.journal.n,
      reliability: reliable(g.reliable, g.participants, s),
      // The user's columns are filled in by keepUserColumns; the key says whose row it is.
      key: objectivityRowKey(g),
    });
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: 3 }, { bold: true });
    if (!g.reliable) b.format({ row: r, col: h.col('reliability'), rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: h.col('lowered'), rows, cols: 5 }, { numberFormat: '0.0' });
  b.format({ row: start, col: h.col('signs'), rows, cols: 1 }, { wrap: true });
  b.format({ row: start, col: h.col('peaks'), rows, cols: 1 }, { wrap: true });
  b.format({ row: start, col: h.col('reliability'), rows, cols: 1 }, { wrap: true });
  levelRules(b, { row: start, col: h.col('level'), rows, cols: 1 });
  b.hide(h.col('key'));

  signsTable(b, groups);
  if (hasTeachers) teachersTable(b, groups);

  // Few distinct widths: Sheets sets each run of equal widths in one call.
  b.columnWidths = { 0: 220, 1: 130, 4: 420, 5: 200, 6: 200 };
  // The numbers, «Надёжность» (wrapped) and the hidden key alike: one run.
  for (const c of [2, 3, ...range(7, h.col('key') + 1)]) b.columnWidths[c] = 95;
  // The header, the work and the group stay in view.
  return b.build({ frozenRows: h.row + 1, frozenCols: 2 });
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** The signs, one per row. */
function signsTable(b: SpecBuilder, groups: readonly ObjectivityGroup[]): void {
  const signs = groups.flatMap((g) => g.signs);
  b.section(T.objectivity.signsHeading);
  const h = b.header('objectivitySigns', ['procedure', 'group', 'level', 'sign', 'text', 'kind', 'reliability']);
  const start = b.nextRow;
  b.lead = null;
  // A procedure no rule could check is said so, never counted as «не найдено».
  const unchecked = [...new Map(groups.filter((g) => g.notChecked).map((g) => [g.procedure, g.notChecked as string]))];
  for (const [p, why] of unchecked) {
    b.lead = { subject: p.meta.subject, grade: p.meta.grade };
    b.line(h, { procedure: p.title, group: why });
  }
  b.lead = null;
  if (signs.length === 0 && unchecked.length < new Set(groups.map((g) => g.procedure)).size) b.line(h, { group: T.objectivity.noSigns });
  const sStart = b.nextRow;
  for (const { g, x } of groups.flatMap((g) => g.signs.map((x) => ({ g, x })))) {
    b.lead = groupLead(g);
    b.line(h, {
      procedure: x.procedure.title,
      group: groupName(x.group, x.groupLevel, x.school, x.procedure.schools.length > 1),
      level: S.objectivity.levelShort[x.level] ?? x.level,
      sign: S.objectivity.ruleName[x.rule] ?? x.rule,
      text: x.text,
      kind: S.objectivity.groupLevel[x.groupLevel] ?? x.groupLevel,
      reliability: x.reliable ? T.yes : T.objectivity.unreliable,
    });
  }
  b.format({ row: start, col: h.col('sign'), rows: b.nextRow - start, cols: 1 }, { wrap: true });
  levelRules(b, { row: sStart, col: h.col('level'), rows: signs.length, cols: 1 });
}

/** Per teacher: their classes and works, and every sign about them. */
function teachersTable(b: SpecBuilder, groups: readonly ObjectivityGroup[]): void {
  b.section(T.objectivity.teachersHeading);
  const h = b.header('objectivityTeachers', ['teacher', 'classes', 'signs', 'high', 'list']);
  const byTeacher = new Map<
    string,
    { groups: ObjectivityGroup[]; classes: Set<string>; signs: { where: string; sign: ObjectivitySign }[] }
  >();
  for (const g of groups) {
    if (!g.teacher || g.level === 'school') continue;
    // A teacher group's signs are about all their classes in the procedure together: «6А + 6Б».
    const where = g.level === 'teacher' ? g.classes.join(' + ') : g.name;
    for (const t of g.level === 'teacher' ? [g.teacher] : g.teacher.split(', ')) {
      const e = byTeacher.get(t) ?? { groups: [], classes: new Set<string>(), signs: [] };
      e.groups.push(g);
      if (g.level === 'class') e.classes.add(`${g.name} — ${g.procedure.title}`);
      for (const sign of g.signs) e.signs.push({ where, sign });
      byTeacher.set(t, e);
    }
  }
  const start = b.nextRow;
  for (const [t, e] of [...byTeacher].sort((a, c) => compareClassNames(a[0], c[0]))) {
    // Everything the teacher's row is about: a filter by any of their subjects, parallels or classes keeps it.
    const classGroups = e.groups.filter((g) => g.level === 'class');
    b.lead = {
      subject: uniq(e.groups.map((g) => g.procedure.meta.subject)).join(', '),
      grade: uniq(e.groups.map(groupGrade).filter((x) => x !== null))
        .sort((a, c) => a - c)
        .join(', '),
      className: uniq(classGroups.map((g) => g.name)).join(', '),
      teacher: t,
    };
    b.line(h, {
      teacher: t,
      classes: [...e.classes].join('\n'),
      signs: e.signs.length,
      high: e.signs.filter((x) => x.sign.level === 'high').length,
      list: e.signs.length
        ? e.signs.map((x) => `• ${x.where}, ${x.sign.procedure.title}: ${x.sign.text}`).join('\n')
        : (e.groups.find((g) => g.notChecked)?.notChecked ?? S.objectivity.none),
    });
  }
  b.format({ row: start, col: 0, rows: b.nextRow - start, cols: h.width }, { wrap: true });
}
