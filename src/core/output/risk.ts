// «Группа риска»: one risk profile per student — class, procedures and subjects, the reason for each
// flag, deficit tasks and skills, the trend and what to work on first. Hidden column P lists «лист|код»
// of every highlighted row of the user's sheets: the highlight rules (highlight.ts) look codes up there.
// With «Классы и учителя», a «Учитель» column names the teachers of the student's class in the subjects
// at risk. Right of the profile, «Что сделано» and «Комментарий» are the user's, kept across runs by the
// student's key in the hidden «Ключ (не менять)»: see user-columns.ts.
import type { RiskProfile } from '../analysis/risk';
import { norm } from '../grid';
import type { Teachers } from '../input/teachers';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import type { ColumnId } from './columns';
import type { SheetSpec } from './spec';
import { RISK_USER_COLUMNS, userLabels } from './user-columns';

export const RISK_TAB = S.tabs.risk;
/**
 * 0-based column of the highlight keys (P), hidden: fixed, because the rules on the user's sheets
 * point at it; right of the widest profile, the user's two columns and the row key.
 */
export const RISK_KEY_COL = 15;

export function riskKey(sheet: string, code: string): string {
  return `${sheet}|${code}`;
}

/**
 * The key of a student's row, under which notes are kept across runs: the person as linked across
 * procedures (`Person.id`, lower case: the participant code, or the «Ученик» of «Соответствие кодов»
 * when the student is listed there; «#2» for a second student with a reused code), not the code of the
 * latest procedure. With students of several schools it is the whole `Person.id` («школа|код»); with
 * one school the school is left out, so that a sheet naming the school added later (a ВПР form names
 * none) does not change every key.
 */
export function riskRowKey(p: RiskProfile, severalSchools: boolean): string {
  return severalSchools ? p.person.id : p.person.id.slice(norm(p.person.school).length + 1);
}

export function rulesText(s: Settings): string {
  const t = T.risk.rules;
  const rules: string[] = [];
  if (s['risk.markTwo'] >= 1) rules.push(t.markTwo);
  if (s['risk.lowShare'] > 0) rules.push(t.lowShare(S.num(s['risk.lowShare'])));
  rules.push(t.decline(s['risk.markDecline'] >= 1, S.num(s['risk.declinePoints'])));
  rules.push(t.stableLow(s['risk.stableLowCount']));
  rules.push(t.subjects(s['risk.subjects']));
  return t.all(S.tabs.settings, rules);
}

/** Teachers of the student's class in the subjects at risk (from «Классы и учителя»), as one cell. */
function teachersOf(p: RiskProfile, teachers: Teachers): string {
  return [...new Set(p.subjects.flatMap((subject) => teachers.of(p.className, subject)))].join(', ');
}

/** The parallel of a student: of their latest work. */
function gradeOf(p: RiskProfile): number | null {
  const last = p.entries[p.entries.length - 1];
  return last ? (last.student.grade ?? last.proc.meta.grade) : null;
}

type RiskId = ColumnId<'risk'>;

/**
 * Columns: the class and the student (frozen), the subjects and the reasons — what a decision needs —
 * then the rest of the profile, the user's «Что сделано» and «Комментарий», and hidden: the row key,
 * the highlight keys (column P) and each row's subject, parallel, class and teacher for the ШМО view.
 */
export function buildRiskTab(
  profiles: readonly RiskProfile[],
  labels: Map<Procedure, string>,
  s: Settings,
  teachers: Teachers | null = null,
  /** The workbook links students of several schools: row keys name the school (see `riskRowKey`). */
  severalSchools = new Set(profiles.map((p) => p.school)).size > 1,
): SheetSpec {
  const b = new SpecBuilder(RISK_TAB);
  const multiSchool = new Set(profiles.map((p) => p.school)).size > 1;
  const hasNames = profiles.some((p) => p.name);
  const withTeachers = teachers !== null && teachers.rows.length > 0;
  const profile: RiskId[] = [
    'className',
    'code',
    ...(hasNames ? (['name'] as const) : []),
    'subjects',
    'reasons',
    ...(withTeachers ? (['teacher'] as const) : []),
    'works',
    'deficitTasks',
    'deficitSkills',
    'trend',
    'focus',
    ...(multiSchool ? (['school'] as const) : []),
  ];
  const notes: RiskId[] = [...RISK_USER_COLUMNS.user, RISK_USER_COLUMNS.key];
  const gap = RISK_KEY_COL - profile.length - notes.length;
  b.preamble(T.risk.title(profiles.length), profile.length + 2, [
    T.risk.legend(rulesText(s), S.menu.unhighlight, S.notes.legend(userLabels(RISK_USER_COLUMNS))),
  ]);
  b.leadColumns(['subject', 'grade', 'className', 'teacher']);
  const h = b.header(
    'risk',
    [...profile, ...notes, { span: 'gap', labels: new Array(gap).fill(null) }, 'highlightKeys'],
    // The ids above the header: the user's columns are read back by id (user-columns.ts).
    { ids: true },
  );
  const start = b.nextRow;
  b.lead = null;
  if (profiles.length === 0) b.row([S.risk.none]);
  for (const p of profiles) {
    b.lead = {
      subject: p.subjects.join(', '),
      grade: gradeOf(p),
      className: p.className,
      teacher: withTeachers && teachers ? teachersOf(p, teachers) : '',
    };
    b.line(h, {
      className: p.className,
      code: p.code,
      name: p.name ?? '',
      subjects: p.subjects.join(', '),
      reasons: p.reasons.map((r) => `• ${r.text}`).join('\n'),
      teacher: withTeachers && teachers ? teachersOf(p, teachers) : '',
      works: p.entries.map((e) => e.proc.title).join('\n'),
      deficitTasks: p.deficits
        .filter((d) => d.tasks.length > 0)
        .map((d) => `${labels.get(d.procedure) ?? d.procedure.title}: ${d.tasks.join(', ')}`)
        .join('\n'),
      deficitSkills: p.deficits
        .filter((d) => d.skills.length > 0)
        .map((d) => `${d.subject}: ${d.skills.join('; ')}`)
        .join('\n'),
      trend: p.trends
        .map((t) => `${S.subjectLower(t.subject)}: ${t.steps.map((x) => S.risk.trendStep(x.mark, x.completion)).join(' → ')}`)
        .join('\n'),
      focus: p.deficits
        .map((d) => {
          if (d.focus.length) return `${d.subject}: ${d.focus.join('; ')}`;
          if (d.tasks.length) return T.risk.noSkillsFocus(d.subject, d.tasks.join(', '));
          return '';
        })
        .filter(Boolean)
        .join('\n'),
      school: p.school,
      // The user's columns are filled in by keepUserColumns; the key says whose row it is.
      key: riskRowKey(p, severalSchools),
    });
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: h.col('subjects'), rows, cols: profile.length - h.col('subjects') }, { wrap: true });

  // Per class: how many students.
  if (profiles.length > 0) {
    b.lead = null;
    b.blank();
    b.row([T.risk.byClass], { bold: true, background: COLORS.headerBg });
    const counts = new Map<string, { n: number; p: RiskProfile }>();
    for (const p of profiles) {
      const k = multiSchool ? `${p.className} (${p.school})` : p.className;
      counts.set(k, { n: (counts.get(k)?.n ?? 0) + 1, p });
    }
    for (const [k, { n, p }] of counts) {
      // The class's row is about the class: the ШМО view keeps it with the class.
      b.lead = { grade: gradeOf(p), className: p.className };
      b.row([k, n]);
    }
    b.lead = null;
  }

  // Highlight keys: one per row of the user's sheets, in column P from the header row down.
  const keys = [...new Set(profiles.flatMap((p) => p.rows.map((r) => riskKey(r.sheet, r.code))))];
  keys.forEach((k, i) => {
    const row = b.values[h.row + 1 + i] ?? (b.values[h.row + 1 + i] = []);
    while (row.length < RISK_KEY_COL) row.push(null);
    row[RISK_KEY_COL] = k;
  });
  b.format({ row: h.row + 1, col: RISK_KEY_COL, rows: keys.length, cols: 1 }, { fontColor: COLORS.muted });
  b.note(h.row, RISK_KEY_COL, T.risk.highlightNote);
  // The row key, the empty columns and the highlight keys are service columns: hidden.
  b.hide(h.col('key'), RISK_KEY_COL - h.col('key') + 1);

  b.columnWidths = {};
  profile.forEach((id, i) => {
    b.columnWidths[i] = id === 'reasons' ? 420 : id === 'className' || id === 'code' ? 80 : id === 'name' ? 200 : 240;
  });
  for (const id of RISK_USER_COLUMNS.user) b.columnWidths[h.col(id)] = 240;
  // The hidden service columns as the user's: one run of equal widths.
  for (let c = h.col('key'); c <= RISK_KEY_COL; c++) b.columnWidths[c] = 240;
  // Header, the class and the student stay in view.
  return b.build({ frozenRows: h.row + 1, frozenCols: hasNames ? 3 : 2 });
}
