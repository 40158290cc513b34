// «Объективность»: per procedure, each class, teacher (from «Классы и учителя») and school with the
// journal comparison and the signs to check; then the signs one per row, and a summary per teacher.
// Wording is neutral on purpose: these are signs to check, not conclusions about anyone's work.
// Every row carries its subject, parallel, class (a teacher's classes on a teacher's row; empty on a
// school's) and teacher in the leading columns, so the ШМО filter narrows the tab. The first table ends
// with the user's «Результат проверки» and «Комментарий», kept across runs by each group's key in
// «Ключ (не менять)» (see user-columns.ts).
import { compareClassNames } from '../analysis/deficits';
import type { ObjectivityGroup, ObjectivitySign } from '../analysis/objectivity';
import { norm } from '../grid';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, type Lead, ref, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';
import { OBJECTIVITY_USER_COLUMNS } from './user-columns';

const fin = (n: number) => (Number.isFinite(n) ? n : null);

export function objectivityRulesText(s: Settings): string {
  return (
    `Признаки: доля «Понизили» или «Повысили» ≥ ${S.num(s['objectivity.medium'])} % — средний уровень, ≥ ${S.num(s['objectivity.high'])} % — высокий ` +
    `(от участников, у которых есть обе отметки); ≥ ${S.num(s['objectivity.highMarksShare'])} % отметок «4» и «5» по журналу при среднем выполнении работы ниже ${S.num(s['objectivity.lowCompletion'])} %; ` +
    `пик распределения первичных баллов ровно на границе отметки (столбец ≥ ${S.num(s['objectivity.peakFactor'])} × среднего, ≥ среднего + 1 и ≥ ${S.num(s['objectivity.peakMin'])} уч.; ` +
    `проверяется в группах от ${s['sample.minDistribution']} участников). Группы меньше ${s['sample.minReliable']} участников помечены: выводы по ним ненадёжны.`
  );
}

function groupName(name: string, level: string, school: string, multiSchool: boolean): string {
  return multiSchool && level !== 'school' ? `${name} (${school})` : name;
}

function peaksText(g: ObjectivityGroup): string {
  if (!g.distribution) return `не проверялись: ${g.peaksNote}`;
  if (g.distribution.peaksAtCuts.length === 0) return 'нет';
  return g.distribution.peaksAtCuts.map((p) => `«${p.mark}» с ${p.score} б.: ${p.count} уч.`).join('; ');
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

export function buildObjectivityTab(groups: readonly ObjectivityGroup[], hasTeachers: boolean, s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.objectivity);
  const signs = groups.flatMap((g) => g.signs);
  const head = [
    'Работа',
    'Группа',
    'Тип',
    'Участников',
    'С обеими отметками',
    'Понизили, %',
    'Подтвердили, %',
    'Повысили, %',
    '«4» и «5» по журналу, %',
    'Выполнение работы, %',
    'Пики на границах отметок',
    'Уровень',
    'Признаки для проверки',
    'Надёжность',
    ...OBJECTIVITY_USER_COLUMNS.user,
    OBJECTIVITY_USER_COLUMNS.key,
  ];
  b.preamble(`${S.tabs.objectivity}: признаков для проверки — ${signs.length}`, head.length, [
    S.objectivity.intro,
    objectivityRulesText(s),
    S.notes.legend(OBJECTIVITY_USER_COLUMNS.user),
  ]);
  if (!hasTeachers) {
    b.row(['Чтобы видеть признаки по учителям, добавьте лист «Классы и учителя» со столбцами «Класс», «Предмет», «Учитель».'], {
      italic: true,
      fontColor: COLORS.muted,
    });
  }
  b.blank();
  // Few distinct widths (Sheets sets each run of equal widths in one call): the four lead columns alike.
  b.leadColumns(['subject', 'grade', 'className', 'teacher'], [130, 130, 130, 130]);
  b.lead = 'labels';
  b.row(head, { bold: true, background: COLORS.headerBg, wrap: true });
  const start = b.nextRow;
  for (const g of groups) {
    b.lead = groupLead(g);
    const r = b.row([
      g.procedure.title,
      groupName(g.name, g.level, g.school, g.procedure.schools.length > 1),
      S.objectivity.groupLevel[g.level] ?? g.level,
      g.participants,
      g.journal.n,
      fin(g.journal.loweredPct),
      fin(g.journal.confirmedPct),
      fin(g.journal.raisedPct),
      fin(g.journalHighPct),
      fin(g.meanCompletion),
      peaksText(g),
      maxLevel(g.signs),
      g.signs.length ? g.signs.map((x) => `• ${x.text}`).join('\n') : (g.notChecked ?? S.objectivity.none),
      g.reliable ? 'да' : S.unreliable(g.participants, s['sample.minReliable']),
      // The user's columns (filled in by keepUserColumns), then the key.
      ...OBJECTIVITY_USER_COLUMNS.user.map(() => null),
      objectivityRowKey(g),
    ]);
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: 3 }, { bold: true });
    if (!g.reliable) b.format({ row: r, col: 13, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: 5, rows, cols: 5 }, { numberFormat: '0.0' });
  b.format({ row: start, col: 12, rows, cols: 1 }, { wrap: true });
  levelRules(b, { row: start, col: 11, rows, cols: 1 });

  // ---- the signs, one per row ----------------------------------------------------------------
  b.lead = null;
  b.blank();
  b.row(['Признаки для проверки'], { bold: true, background: COLORS.titleBg });
  b.lead = 'labels';
  b.row(['Работа', 'Группа', 'Тип', 'Признак', 'Уровень', 'Пояснение', 'Надёжность'], {
    bold: true,
    background: COLORS.headerBg,
  });
  const sStart = b.nextRow;
  b.lead = null;
  // A procedure no rule could check is said so, never counted as «не найдено».
  const unchecked = [...new Map(groups.filter((g) => g.notChecked).map((g) => [g.procedure, g.notChecked as string]))];
  for (const [p, why] of unchecked) b.row([p.title, why]);
  if (signs.length === 0 && unchecked.length < new Set(groups.map((g) => g.procedure)).size) b.row(['', 'Признаков не найдено.']);
  for (const { g, x } of groups.flatMap((g) => g.signs.map((x) => ({ g, x })))) {
    b.lead = groupLead(g);
    b.row([
      x.procedure.title,
      groupName(x.group, x.groupLevel, x.school, x.procedure.schools.length > 1),
      S.objectivity.groupLevel[x.groupLevel] ?? x.groupLevel,
      S.objectivity.ruleName[x.rule] ?? x.rule,
      S.objectivity.levelShort[x.level] ?? x.level,
      x.text,
      x.reliable ? 'да' : 'ненадёжно: мало участников',
    ]);
  }
  levelRules(b, { row: sStart, col: 4, rows: signs.length, cols: 1 });

  // ---- per teacher ---------------------------------------------------------------------------
  if (hasTeachers) {
    b.lead = null;
    b.blank();
    b.row(['По учителям'], { bold: true, background: COLORS.titleBg });
    b.lead = 'labels';
    b.row(['Классы и работы', 'Признаков', 'Из них высокого уровня', 'Признаки'], { bold: true, background: COLORS.headerBg });
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
    const tStart = b.nextRow;
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
      b.row([
        [...e.classes].join('\n'),
        e.signs.length,
        e.signs.filter((x) => x.sign.level === 'high').length,
        e.signs.length
          ? e.signs.map((x) => `• ${x.where}, ${x.sign.procedure.title}: ${x.sign.text}`).join('\n')
          : (e.groups.find((g) => g.notChecked)?.notChecked ?? S.objectivity.none),
      ]);
    }
    b.format({ row: tStart, col: 0, rows: b.nextRow - tStart, cols: 4 }, { wrap: true });
  }

  // Few distinct widths: Sheets sets each run of equal widths in one call.
  // «Надёжность», the user's two columns and the key alike: one run.
  b.columnWidths = { 0: 220, 1: 130, 12: 420, 13: 200, 14: 200, 15: 200, 16: 200 };
  for (let c = 2; c <= 11; c++) b.columnWidths[c] = 95;
  return b.build({ frozenRows: 0 });
}
