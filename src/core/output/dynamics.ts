// «Динамика»: procedures of each subject in time order, what is comparable between them, then the
// same class and the same student from one procedure to the next. Every row of every table carries
// its subject, parallel and class (this year's: the later procedure's) in the leading columns, so the
// ШМО filter narrows the tab; rows about a whole procedure leave the class empty.
import { type Dynamics, ruDate, stepLabel } from '../analysis/dynamics';
import { effectiveDate, type Links, schoolYear } from '../analysis/linking';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
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
 * procedures to compare, only the first table and a note.
 */
export function buildDynamicsTab(d: Dynamics, links: Links, s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.dynamics);
  b.preamble(S.tabs.dynamics, WIDEST, [introText(links, s)]);
  proceduresTable(b, links);
  if (d.comparisons.length === 0) {
    b.lead = null;
    b.blank();
    b.row([S.dynamics.noPairs], { italic: true });
    b.columnWidths = { 0: 40, 1: 260, 2: 220, 3: 110, 4: 100, 5: 90 };
    return b.build();
  }
  comparisonsTable(b, d);
  classesTable(b, d, s);
  skillsTable(b, d);
  studentsTable(b, d);
  // Few distinct widths: Sheets sets each run of equal widths in one call.
  b.columnWidths = { 0: 90, 1: 190, 2: 190, 14: 360 };
  for (let c = 3; c < 14; c++) b.columnWidths[c] = 90;
  return b.build({ frozenRows: 0 });
}

/** The widest table (classes), without the lead columns. */
const WIDEST = 15;

function introText(links: Links, s: Settings): string {
  return (
    'Работы одного предмета упорядочены по дате (затем по году, затем по порядку листов). Ученики связаны по коду участника внутри школы' +
    (links.mapped > 0 ? ` и через лист «Соответствие кодов» (строк: ${links.mapped})` : '') +
    '. «Тот же класс» в другом учебном году — класс с той же буквой на столько классов старше, сколько лет прошло (5А в 2025 → 6А в 2026). ' +
    `Отрицательная динамика — доля отметок «2» выросла на ${S.num(s['dynamics.twoRise'])} п. п. и больше. ` +
    'Работы с разным набором заданий сравниваются только по % выполнения работы, отметкам и общим умениям.'
  );
}

/** A table's header row: the lead columns repeat their labels. */
function header(b: SpecBuilder, labels: string[], wrap = false): void {
  b.lead = 'labels';
  b.row(labels, { bold: true, background: COLORS.headerBg, ...(wrap ? { wrap: true } : {}) });
}

/** Procedures per subject, in the order they are compared. */
function proceduresTable(b: SpecBuilder, links: Links): void {
  b.blank();
  b.leadColumns(PROCEDURE_LEAD, [120, 90, 90]);
  b.row(['Работы по предметам'], { bold: true, background: COLORS.titleBg });
  header(b, ['№', 'Работа', 'Лист', 'Дата', 'Учебный год', 'Участников']);
  for (const sr of links.series) {
    sr.procedures.forEach((p, i) => {
      const y = schoolYear(p);
      const date = effectiveDate(p);
      b.lead = lead(p);
      b.row([
        i + 1,
        p.title,
        p.sheet,
        p.meta.date ? ruDate(p.meta.date) : date ? `${ruDate(date).slice(3)} (по названию листа)` : '',
        y === null ? '' : `${y}/${y + 1}`,
        p.students.length,
      ]);
    });
  }
}

/** Each pair of consecutive procedures and what can be compared between them. */
function comparisonsTable(b: SpecBuilder, d: Dynamics): void {
  b.section('Что сравнимо');
  header(b, ['Сравнение', 'Было', 'Стало', 'Что сравнивается']);
  for (const c of d.comparisons) {
    // The later procedure's parallel: the class as it is now.
    b.lead = lead(c.to);
    b.row([stepLabel(c.from, c.to), c.from.title, c.to.title, c.text]);
  }
}

/** The same class in both procedures: participants, completion, share of «2», quality, and the verdict. */
function classesTable(b: SpecBuilder, d: Dynamics, s: Settings): void {
  b.section('Классы');
  header(
    b,
    [
      'Класс было → стало',
      'Сравнение',
      'Участников было',
      'стало',
      'Из них писали обе',
      '% выполнения было',
      'стало',
      'Δ, п. п.',
      'Доля «2» было, %',
      'стало',
      'Δ, п. п.',
      'Качество было, %',
      'стало',
      'Δ, п. п.',
      'Вывод',
    ],
    true,
  );
  const cStart = b.nextRow;
  b.lead = null;
  if (d.classes.length === 0) b.row(['Нет классов, которые писали обе работы.']);
  for (const c of d.classes) {
    const names = c.from.group.name === c.to.group.name ? c.to.group.name : `${c.from.group.name} → ${c.to.group.name}`;
    // A municipal download: the same class name in several schools.
    const cls = c.to.proc.schools.length > 1 ? `${names} (${c.school})` : names;
    const unreliable = !c.from.group.reliable || !c.to.group.reliable;
    const verdict = c.negative
      ? S.dynamics.negative(c.from.marks.percent[2], c.to.marks.percent[2], c.twoDelta, s['dynamics.twoRise'])
      : Number.isFinite(c.twoDelta)
        ? 'без отрицательной динамики'
        : 'нет отметок для сравнения';
    b.lead = lead(c.to.proc, c.to.group.name, c.to.group.grade ?? c.to.proc.meta.grade);
    b.row([
      cls,
      stepLabel(c.from.proc, c.to.proc),
      c.from.group.participants,
      c.to.group.participants,
      c.linked,
      fin(c.from.group.meanCompletion),
      fin(c.to.group.meanCompletion),
      fin(c.completionDelta),
      fin(c.from.marks.percent[2]),
      fin(c.to.marks.percent[2]),
      fin(c.twoDelta),
      fin(c.from.marks.quality),
      fin(c.to.marks.quality),
      fin(c.qualityDelta),
      unreliable
        ? `${verdict}; ${S.unreliable(Math.min(c.from.group.participants, c.to.group.participants), s['sample.minReliable'])}`
        : verdict,
    ]);
  }
  const cRows = b.nextRow - cStart;
  b.format({ row: cStart, col: 5, rows: cRows, cols: 9 }, { numberFormat: '0.0' });
  if (d.classes.length > 0) {
    const v = ref(cStart, 14, false, true);
    b.rules.push({
      range: { row: cStart, col: 14, rows: cRows, cols: 1 },
      formula: `=LEFT(${v},13)="Отрицательная"`,
      background: COLORS.insufficientBg,
    });
  }
}

/** Skills both procedures test (same text), per class: only when some exist. */
function skillsTable(b: SpecBuilder, d: Dynamics): void {
  const withSkills = d.classes.filter((c) => c.skills.length > 0);
  if (withSkills.length === 0) return;
  b.section('Общие умения (совпадает текст умения)');
  header(b, ['Сравнение', 'Умение', '% было', '% стало', 'Δ, п. п.']);
  const kStart = b.nextRow;
  for (const c of withSkills) {
    b.lead = lead(c.to.proc, c.to.group.name, c.to.group.grade ?? c.to.proc.meta.grade);
    for (const k of c.skills) {
      b.row([stepLabel(c.from.proc, c.to.proc), k.skill, fin(k.from), fin(k.to), fin(k.to - k.from)]);
    }
  }
  b.format({ row: kStart, col: 2, rows: b.nextRow - kStart, cols: 3 }, { numberFormat: '0.0' });
}

/** Students who wrote both procedures: marks and completion then and now. */
function studentsTable(b: SpecBuilder, d: Dynamics): void {
  b.section('Ученики');
  const hasNames = d.students.some((x) => x.person.name);
  header(
    b,
    ['Код', ...(hasNames ? ['ФИО'] : []), 'Сравнение', 'Отметка было', 'стало', 'Изменение', '% выполнения было', 'стало', 'Δ, п. п.'],
    true,
  );
  const sStart = b.nextRow;
  const off = hasNames ? 1 : 0;
  b.lead = null;
  if (d.students.length === 0) b.row(['Нет учеников, которые писали две работы по одному предмету.']);
  for (const x of d.students) {
    const change =
      x.markFrom === null || x.markTo === null
        ? 'нет отметки'
        : x.markTo < x.markFrom
          ? 'снизилась'
          : x.markTo > x.markFrom
            ? 'повысилась'
            : 'без изменений';
    b.lead = lead(x.to.proc, x.to.student.className, x.to.student.grade ?? x.to.proc.meta.grade);
    b.row([
      x.to.student.code,
      ...(hasNames ? [x.person.name ?? ''] : []),
      stepLabel(x.from.proc, x.to.proc),
      x.markFrom ?? '',
      x.markTo ?? '',
      change,
      fin(x.completionFrom),
      fin(x.completionTo),
      fin(x.completionTo - x.completionFrom),
    ]);
  }
  const sRows = b.nextRow - sStart;
  b.format({ row: sStart, col: 5 + off, rows: sRows, cols: 3 }, { numberFormat: '0.0' });
  if (d.students.length > 0) {
    const area = { row: sStart, col: 4 + off, rows: sRows, cols: 1 };
    const cell = ref(sStart, 4 + off);
    b.rules.push(
      { range: area, formula: `=${cell}="снизилась"`, fontColor: COLORS.danger, bold: true },
      { range: area, formula: `=${cell}="повысилась"`, fontColor: '#1b5e20' },
    );
  }
}
