// «Группа риска»: one risk profile per student — class, procedures and subjects, the reason for each
// flag, deficit tasks and skills, the trend and what to work on first. Column M lists «лист|код» of
// every highlighted row of the user's sheets: the highlight rules (highlight.ts) look codes up there.
// With «Классы и учителя», a «Учитель» column names the teachers of the student's class in the subjects
// at risk, for the ШМО filter by teacher. Right of column M, «Что сделано» and «Комментарий» are the
// user's (N, O), kept across runs by the student's key in «Ключ (не менять)» (P): see user-columns.ts.
import type { RiskProfile } from '../analysis/risk';
import { norm } from '../grid';
import type { Teachers } from '../input/teachers';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, SpecBuilder } from './builder';
import type { SheetSpec, SpecCell } from './spec';
import { RISK_USER_COLUMNS } from './user-columns';

export const RISK_TAB = S.tabs.risk;
/** 0-based column of the highlight keys (M): fixed, because the user's sheets' rules point at it. */
export const RISK_KEY_COL = 12;
export const RISK_KEY_HEADER = 'Служебный список для подсветки (лист|код), не связан со строкой';

export function riskKey(sheet: string, code: string): string {
  return `${sheet}|${code}`;
}

/** 0-based first user column (N): «Что сделано», «Комментарий», then the row key (P). Right of M, so M never moves. */
export const RISK_NOTES_COL = RISK_KEY_COL + 1;

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
  const rules: string[] = [];
  if (s['risk.markTwo'] >= 1) rules.push('отметка «2» в последней работе по предмету');
  if (s['risk.lowShare'] > 0) rules.push(`выполнено меньше ${S.num(s['risk.lowShare'])} % работы`);
  rules.push(
    `снижение против предыдущей работы по предмету: ${s['risk.markDecline'] >= 1 ? 'отметка ниже или ' : ''}выполнение ниже на ${S.num(s['risk.declinePoints'])} п. п. и больше`,
  );
  rules.push(`«стабильно низкие»: низкий результат в ${s['risk.stableLowCount']} и более работах подряд`);
  rules.push(`группа риска сразу по ${s['risk.subjects']} и более предметам`);
  return `Правила (пороги — на листе «${S.tabs.settings}»): ${rules.join('; ')}.`;
}

/** Teachers of the student's class in the subjects at risk (from «Классы и учителя»), as one cell. */
function teachersOf(p: RiskProfile, teachers: Teachers): string {
  return [...new Set(p.subjects.flatMap((subject) => teachers.of(p.className, subject)))].join(', ');
}

export function buildRiskTab(
  profiles: readonly RiskProfile[],
  labels: Map<Procedure, string>,
  s: Settings,
  teachers: Teachers | null = null,
  /** The workbook links students of several schools: row keys name the school (see `riskRowKey`). */
  severalSchools = new Set(profiles.map((p) => p.school)).size > 1,
): SheetSpec {
  const b = new SpecBuilder(RISK_TAB);
  const schools = new Set(profiles.map((p) => p.school));
  const multiSchool = schools.size > 1;
  const hasNames = profiles.some((p) => p.name);
  const withTeachers = teachers !== null && teachers.rows.length > 0;
  const head = [
    ...(multiSchool ? ['Школа'] : []),
    'Класс',
    'Код',
    ...(hasNames ? ['ФИО'] : []),
    'Предметы',
    ...(withTeachers ? ['Учитель'] : []),
    'Причины',
    'Работы',
    'Дефицитные задания',
    'Дефицитные умения',
    'Динамика',
    'На что обратить внимание',
  ];
  const width = head.length;
  b.preamble(`${S.tabs.risk}: ${profiles.length} уч.`, width, [
    `${rulesText(s)} Правила «2» и «меньше порога» смотрят на последнюю работу ученика по предмету; более ранние — в столбце «Динамика». ` +
      'ФИО показываются, только если они есть в ваших таблицах результатов. Строки этих учеников подсвечены на листах с результатами ' +
      `(значения не меняются); снять подсветку — меню ОКО → «${S.menu.unhighlight}». ${S.notes.legend(RISK_USER_COLUMNS.user)}`,
  ]);
  b.blank();
  // A copy: the header row gets column M and the user's columns below, `head` stays the profile's.
  const headerRow = b.row([...head], { bold: true, background: COLORS.headerBg });
  const start = b.nextRow;
  if (profiles.length === 0) b.row([S.risk.none]);
  const keyed: [number, string][] = [];
  for (const p of profiles) {
    const cells: SpecCell[] = [
      ...(multiSchool ? [p.school] : []),
      p.className,
      p.code,
      ...(hasNames ? [p.name ?? ''] : []),
      p.subjects.join(', '),
      ...(withTeachers && teachers ? [teachersOf(p, teachers)] : []),
      p.reasons.map((r) => `• ${r.text}`).join('\n'),
      p.entries.map((e) => e.proc.title).join('\n'),
      p.deficits
        .filter((d) => d.tasks.length > 0)
        .map((d) => `${labels.get(d.procedure) ?? d.procedure.title}: ${d.tasks.join(', ')}`)
        .join('\n'),
      p.deficits
        .filter((d) => d.skills.length > 0)
        .map((d) => `${d.subject}: ${d.skills.join('; ')}`)
        .join('\n'),
      p.trends
        .map((t) => `${S.subjectLower(t.subject)}: ${t.steps.map((x) => S.risk.trendStep(x.mark, x.completion)).join(' → ')}`)
        .join('\n'),
      p.deficits
        .map((d) => {
          if (d.focus.length) return `${d.subject}: ${d.focus.join('; ')}`;
          if (d.tasks.length) return `${d.subject}: задания ${d.tasks.join(', ')} (умения не указаны: добавьте лист «План заданий»)`;
          return '';
        })
        .filter(Boolean)
        .join('\n'),
    ];
    keyed.push([b.row(cells), riskRowKey(p, severalSchools)]);
  }
  const rows = b.nextRow - start;
  const first = multiSchool ? 1 : 0;
  b.format({ row: start, col: first + 2 + (hasNames ? 1 : 0), rows, cols: width - first - 2 - (hasNames ? 1 : 0) }, { wrap: true });

  // Per class: how many students.
  if (profiles.length > 0) {
    b.blank();
    b.row(['Итого по классам'], { bold: true, background: COLORS.headerBg });
    const counts = new Map<string, number>();
    for (const p of profiles) {
      const k = multiSchool ? `${p.className} (${p.school})` : p.className;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, n] of counts) b.row([k, n]);
  }

  // Highlight keys: one per row of the user's sheets, in column M from the header row down.
  const keys = [...new Set(profiles.flatMap((p) => p.rows.map((r) => riskKey(r.sheet, r.code))))];
  const setCell = (r: number, c: number, v: string) => {
    while (b.values.length <= r) b.values.push([]);
    const row = b.values[r] as SpecCell[];
    while (row.length < c) row.push(null);
    row[c] = v;
  };
  setCell(headerRow, RISK_KEY_COL, RISK_KEY_HEADER);
  keys.forEach((k, i) => {
    setCell(headerRow + 1 + i, RISK_KEY_COL, k);
  });
  // The user's columns and each student's row key (their cells are filled in by keepUserColumns).
  const notesHead = [...RISK_USER_COLUMNS.user, RISK_USER_COLUMNS.key];
  notesHead.forEach((label, i) => {
    setCell(headerRow, RISK_NOTES_COL + i, label);
  });
  for (const [r, key] of keyed) setCell(r, RISK_NOTES_COL + notesHead.length - 1, key);
  b.format({ row: headerRow, col: RISK_KEY_COL, rows: 1, cols: 1 }, { bold: true, background: COLORS.headerBg });
  b.format({ row: headerRow + 1, col: RISK_KEY_COL, rows: keys.length, cols: 1 }, { fontColor: COLORS.muted });
  b.note(
    headerRow,
    RISK_KEY_COL,
    'Служебный столбец: по нему ОКО подсвечивает строки учеников на ваших листах с результатами. Не меняйте его.',
  );

  b.columnWidths = {};
  head.forEach((h, i) => {
    b.columnWidths[i] = h === 'Причины' ? 420 : h === 'Класс' || h === 'Код' ? 80 : h === 'ФИО' ? 200 : 240;
  });
  // Columns left empty before M (fewer profile columns): narrow, so the notes sit near the profile.
  for (let c = head.length; c < RISK_KEY_COL; c++) b.columnWidths[c] = 40;
  // M, the user's columns and the key alike, as the profile's: few runs of equal widths (one call each in Sheets).
  notesHead.forEach((_, i) => {
    b.columnWidths[RISK_NOTES_COL + i] = 240;
  });
  b.columnWidths[RISK_KEY_COL] = 240;
  return b.build({ frozenRows: headerRow + 1 });
}
