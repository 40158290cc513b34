// The rows a roadmap should have, in order, before anything users typed is merged in: the template's
// sections (stage rows, tasks, indicators) and activities with concrete dates, plus the rows the
// analysis asks for (work-programme changes, ИОМ, objectivity checks), each with a stable key.
//
// Dates are placed on a timeline: nothing before the results date (or, without one, the day the
// roadmap is made) — such a deadline moves to its next occurrence and the row says so; nothing of a
// multi-year programme before its first step. Per-student ИОМ rows are kept apart (`iomRows`, their
// own tab) with one line about them in the plan. Years the template's texts name follow the chosen year.
import { S } from '../strings';
import { type AcademicYear, ruDate } from './dates';
import {
  type DeadlineContext,
  inferSourceStart,
  type Occurrence,
  type ParsedDeadline,
  parseDeadline,
  resolveDeadline,
  shiftYears,
  sourceStartOf,
  yearShift,
} from './deadlines';
import { type LevelTag, type RoadmapFindings, type TeacherAssignment, teacherOf } from './findings';
import { keyText, slug, textHash } from './keys';
import type { RoadmapActivity, RoadmapTemplate } from './template-schema';

const ROWS = S.roadmap.rows;

export type RowKind = 'section' | 'tasks' | 'indicator' | 'activity';
export type RowSource = 'template' | 'deficit' | 'at-risk' | 'objectivity';

export interface PlannedRow {
  kind: RowKind;
  key: string;
  source: RowSource;
  number: string;
  /** «1. Аналитический этап» on activity rows (the dashboard groups by it); '' on section, tasks and indicator rows. */
  stage: string;
  title: string;
  participants: string;
  responsible: string;
  result: string;
  documentFormat: string;
  /** ISO dates; null when unknown. */
  start: string | null;
  end: string | null;
  /** What the Срок cell shows when `end` is null («срок не определён: по графику»). */
  deadlineText: string;
  /** The deadline phrase of the template (or of the default rule for analysis rows). */
  phrase: string;
  /** Qualifiers kept beside the dates («по плану ВШК»). */
  note?: string;
  /** Indicator rows: computed by a formula (share of «Выполнено» in the section) or assessed by hand. */
  indicator?: 'done-share' | 'manual';
  /** The deadline was moved to its next occurrence: in the chosen year it fell before the floor date. */
  moved?: boolean;
}

export interface RoadmapOptions {
  template: RoadmapTemplate;
  /** Where the template came from, for the tab's header: a built-in id or the template sheet. */
  templateLabel: string;
  year: AcademicYear;
  /** «ВПР-2026, математика, 5 класс». */
  procedure: string;
  /** ISO date the results were received. */
  resultsDate?: string;
  /** НШ/ОШ/СШ filter; empty or absent = all levels. */
  levels?: LevelTag[];
  /** Subject the procedure text names, if any (for the teacher of ИОМ rows). */
  subject?: string;
  teachers?: TeacherAssignment[];
  /** ISO day the roadmap is made: with no results date, nothing is dated before it. */
  today?: string;
}

export interface RoadmapPlan {
  rows: PlannedRow[];
  /** Per-student ИОМ rows: kept off the plan itself (the host writes them to their own tab). */
  iomRows: PlannedRow[];
  /** Activity rows whose deadline was moved to the next occurrence (see `PlannedRow.moved`). */
  moved: number;
  /** Nothing is dated before this day: the results date, else the day the roadmap is made. */
  floor?: string;
  /** Years added to the years the template's texts name («ГИА-2023» → «ГИА-2026»). */
  yearShift: number;
  counts: { template: number; deficit: number; atRisk: number; objectivity: number };
  /** Deadline phrases left as text, with how many rows use each. */
  undated: Map<string, number>;
}

/** Deadlines of analysis rows whose parent activity gives no date (documented in docs/roadmap.md). */
export const DEFAULT_PHRASES = S.roadmap.rows.defaultDeadline;

const RE_WORK_PROGRAMME = /(изменени|корректир)[а-я]* .*рабоч[а-я]* программ/;
const RE_IOM = /индивидуальн[а-я]* (образовательн[а-я]* )?маршрут/;
const RE_RISK_PROFILE = /рисков[а-я]* профил|зоне риска снижения/;
const RE_OBJECTIVITY = /(выявлени|определени|списк|сопоставлени)[а-я]* .*(необъективн|объективност)/;
const RE_DONE_SHARE = /выполнени[а-я]* мероприяти/;

export function sectionLabel(number: string, title: string): string {
  const n = number.trim().replace(/\.$/, '');
  return n ? `${n}. ${title}` : title;
}

function levelsOk(tags: readonly LevelTag[] | undefined, wanted: readonly LevelTag[] | undefined): boolean {
  if (!wanted || wanted.length === 0 || !tags || tags.length === 0) return true;
  return tags.some((t) => wanted.includes(t));
}

function uniqueKey(used: Map<string, number>, key: string): string {
  const n = (used.get(key) ?? 0) + 1;
  used.set(key, n);
  return n === 1 ? key : `${key}#${n}`;
}

const pct = (n: number) => `${Math.round(n)} %`;

export function planRoadmap(opts: RoadmapOptions, findings: RoadmapFindings): RoadmapPlan {
  const tpl = opts.template;
  const parsed = new Map<RoadmapActivity, ParsedDeadline>();
  for (const s of tpl.sections) for (const a of s.activities) parsed.set(a, parseDeadline(a.deadline));
  const ctx: DeadlineContext = { year: opts.year };
  if (opts.resultsDate) ctx.resultsDate = opts.resultsDate;
  const sourceStart = sourceStartOf(tpl.sourceYear) ?? inferSourceStart([...parsed.values()]);
  if (sourceStart !== undefined) ctx.sourceStart = sourceStart;
  const shift = yearShift(ctx);
  const adapt = (t: string) => adaptYears(t, shift);
  const floor = opts.resultsDate ?? opts.today;

  const sections = tpl.sections
    .map((s) => ({ s, acts: s.activities.filter((a) => levelsOk(a.levels, opts.levels)), year: sectionYearOf(s.title) }))
    .filter((x) => x.acts.length > 0);
  const ctxOf = (year: number | undefined): DeadlineContext => (year === undefined ? ctx : { ...ctx, sectionYear: year });
  const raw = (a: RoadmapActivity, year: number | undefined) => resolveDeadline(parsed.get(a) as ParsedDeadline, ctxOf(year));

  // «После завершения аналитического этапа» needs the analytical stage's last date first.
  const analytical = sections.find((x) => /аналитическ/i.test(x.s.title)) ?? sections[0];
  for (const a of analytical?.acts ?? []) {
    for (const o of raw(a, analytical?.year).occurrences) {
      if (!ctx.stageEnd || o.end > ctx.stageEnd) ctx.stageEnd = o.end;
    }
  }
  // A multi-year programme starts with its first activity: nothing of it is dated earlier.
  const firstAct = sections[0]?.acts[0];
  const programmeStart =
    tpl.timeline === 'programme' && firstAct ? raw(firstAct, sections[0]?.year).occurrences.map((o) => o.start ?? o.end)[0] : undefined;
  /** Occurrences placed on the timeline: not before the programme's first step, not before the floor date. */
  const place = (occ: Occurrence[]): { occ: (Occurrence & { moved: boolean })[]; moved: boolean } => {
    const out = occ.map((o) => {
      let x = o;
      let moved = false;
      while (programmeStart !== undefined && (x.start ?? x.end) < programmeStart) x = shiftYears(x, 1);
      while (floor !== undefined && x.end < floor) {
        x = shiftYears(x, 1);
        moved = true;
      }
      if (floor !== undefined && x.start !== null && x.start < floor) x = { start: floor, end: x.end };
      return { ...x, moved };
    });
    out.sort((a, b) => (a.end === b.end ? (a.start ?? '').localeCompare(b.start ?? '') : a.end.localeCompare(b.end)));
    return { occ: out, moved: out.some((o) => o.moved) };
  };
  // «в соответствии с решением Педсовета» counts from the template's dated teachers' council row.
  for (const { acts, year } of sections) {
    if (ctx.council) break;
    for (const a of acts) {
      if (!RE_COUNCIL.test(keyText(a.title)) || parsed.get(a)?.parts[0]?.type === 'after-council') continue;
      const end = place(raw(a, year).occurrences).occ[0]?.end;
      if (end) {
        ctx.council = { number: a.number, end };
        break;
      }
    }
  }

  const rows: PlannedRow[] = [];
  const iomRows: PlannedRow[] = [];
  let movedCount = 0;
  const undated = new Map<string, number>();
  const used = new Map<string, number>();
  const counts = { template: 0, deficit: 0, atRisk: 0, objectivity: 0 };
  const blank = { participants: '', responsible: '', result: '', documentFormat: '', start: null, end: null, deadlineText: '', phrase: '' };

  // Parents of the analysis rows: the first included activity that speaks of the same thing.
  const included = sections.flatMap((x) => x.acts);
  const find = (...res: RegExp[]) => {
    for (const re of res) {
      const a = included.find((x) => re.test(keyText(x.title)) && !(re === RE_IOM && /педагог|учител/.test(keyText(x.title))));
      if (a) return a;
    }
    return undefined;
  };
  const parents = {
    deficit: find(RE_WORK_PROGRAMME),
    atRisk: find(RE_IOM, RE_RISK_PROFILE),
    objectivity: find(RE_OBJECTIVITY),
  };
  const children = analysisRows(opts, findings, counts);
  const numbers = new Set(included.map((a) => a.number));
  // Section numbers that an activity also uses («1» in a plan numbered 1–21) are shown as «Раздел 1».
  const sectionNumber = sections.some((x) => numbers.has(x.s.number.replace(/\.$/, '')))
    ? (n: string) => `${S.roadmap.sectionWord} ${n.replace(/\.$/, '')}`
    : (n: string) => n;
  const orphans: { kind: keyof typeof parents; row: Child }[] = [];

  const whenOf = (r: ReturnType<typeof resolveDeadline>): When[] => {
    if (r.occurrences.length === 0) {
      undated.set(r.phrase, (undated.get(r.phrase) ?? 0) + 1);
      return [{ start: null, end: null, deadlineText: r.text ?? '', phrase: r.phrase, ...(r.note ? { note: r.note } : {}) }];
    }
    const { occ } = place(r.occurrences);
    return occ.map((o) => {
      const note = o.moved && floor ? [r.note, S.roadmap.movedNote(ruDate(floor), opts.year.label)].filter((x) => x).join('; ') : r.note;
      return {
        start: o.start,
        end: o.end,
        deadlineText: '',
        phrase: r.phrase,
        ...(note ? { note } : {}),
        ...(o.moved ? { moved: true } : {}),
      };
    });
  };
  const dated = (phrase: string): When[] => whenOf(resolveDeadline(parseDeadline(phrase), ctx));

  for (const { s, acts, year } of sections) {
    const title = adapt(s.title);
    const label = sectionLabel(s.number, title);
    const sh = textHash(s.title);
    const secKey = uniqueKey(used, `sec:${sh}`);
    rows.push({ kind: 'section', key: secKey, source: 'template', number: sectionNumber(s.number), stage: '', title: label, ...blank });
    if (s.tasks.length > 0) {
      rows.push({
        kind: 'tasks',
        key: uniqueKey(used, `tsk:${sh}`),
        source: 'template',
        number: '',
        stage: '',
        title: ROWS.tasks(s.tasks.map(adapt)),
        ...blank,
      });
    }
    for (const ind of s.indicators) {
      rows.push({
        kind: 'indicator',
        key: uniqueKey(used, `ind:${sh}:${textHash(ind)}`),
        source: 'template',
        number: '',
        stage: '',
        title: ROWS.indicator(adapt(ind)),
        ...blank,
        indicator: RE_DONE_SHARE.test(keyText(ind)) ? 'done-share' : 'manual',
      });
    }
    for (const a of acts) {
      // The key hashes the template's own title: adapting its years to the chosen year changes no key.
      const base = uniqueKey(used, `act:${textHash(a.title)}`);
      const occ = whenOf(raw(a, year));
      if (occ.some((o) => o.moved)) movedCount++;
      occ.forEach((o, i) => {
        rows.push({
          kind: 'activity',
          key: i === 0 ? base : `${base}@${i + 1}`,
          source: 'template',
          number: occ.length > 1 ? `${a.number} (${i + 1}/${occ.length})` : a.number,
          stage: label,
          title: adapt(a.title),
          participants: adapt(a.participants ?? ''),
          responsible: a.responsible ?? '',
          result: adapt(a.result ?? ''),
          documentFormat: a.documentFormat ?? '',
          ...o,
        });
      });
      counts.template++;
      for (const kind of ['deficit', 'atRisk', 'objectivity'] as const) {
        if (parents[kind] !== a) continue;
        const first = occ.find((o) => o.end !== null);
        const childNumber = (i: number) => (numbers.has(`${a.number}.${i + 1}`) ? `${a.number}-${i + 1}` : `${a.number}.${i + 1}`);
        const when = (first?.end ? first : dated(DEFAULT_PHRASES[kind])[0]) as When;
        if (kind === 'atRisk' && children.atRisk.length > 0) {
          // One line in the plan; the per-student routes go to their own tab.
          rows.push({ ...iomSummaryRow(children.atRisk.length), number: childNumber(0), stage: label, ...when });
          children.atRisk.forEach((c, i) => {
            iomRows.push({ ...c, number: childNumber(i + 1), stage: label, ...when });
          });
          continue;
        }
        children[kind].forEach((c, i) => {
          rows.push({ ...c, number: childNumber(i), stage: label, ...when });
        });
      }
    }
  }

  for (const kind of ['deficit', 'atRisk', 'objectivity'] as const) {
    if (!parents[kind]) for (const row of children[kind]) orphans.push({ kind, row });
  }
  if (orphans.length > 0) {
    const last = sections[sections.length - 1]?.s.number ?? '0';
    const number = /^\d+$/.test(last) ? String(Number(last) + 1) : ROWS.resultsSectionNumber;
    const label = sectionLabel(number, ROWS.resultsSection);
    rows.push({
      kind: 'section',
      key: 'sec:results',
      source: 'template',
      number: sectionNumber(number),
      stage: '',
      title: label,
      ...blank,
    });
    let i = 0;
    const iomOrphans = orphans.filter((o) => o.kind === 'atRisk');
    if (iomOrphans.length > 0) {
      const when = dated(DEFAULT_PHRASES.atRisk)[0] as When;
      rows.push({ ...iomSummaryRow(iomOrphans.length), number: `${number}.${++i}`, stage: label, ...when });
      iomOrphans.forEach(({ row }, k) => {
        iomRows.push({ ...row, number: `${number}.${i}.${k + 1}`, stage: label, ...when });
      });
    }
    for (const { kind, row } of orphans) {
      if (kind === 'atRisk') continue;
      rows.push({ ...row, number: `${number}.${++i}`, stage: label, ...(dated(DEFAULT_PHRASES[kind])[0] as When) });
    }
  }
  return { rows, iomRows, counts, undated, moved: movedCount, yearShift: shift, ...(floor ? { floor } : {}) };
}

/** The plan's own line for the per-student routes: what to do and where the list is. */
function iomSummaryRow(n: number): Child {
  return {
    kind: 'activity',
    key: 'iom:*list',
    source: 'at-risk',
    title: S.roadmap.iomSummary(n),
    participants: ROWS.iomList.participants,
    responsible: ROWS.iomList.responsible,
    result: S.roadmap.iomSummaryResult,
    documentFormat: ROWS.iomList.format,
  };
}

/** Teachers' council rows («Проведение заседания Педагогического совета (Педсовета)…»). */
const RE_COUNCIL = /педагогическ[а-я]* совет|педсовет/;

/** «2021 г.- выявление эффективности…»: the calendar year a section's title names, if it starts with one. */
export function sectionYearOf(title: string): number | undefined {
  const m = /^\s*(20\d{2})\s*г(?:\.|од|\s|-|$)/.exec(title);
  return m ? Number(m[1]) : undefined;
}

/**
 * The years a template's text names, moved by `shift` years («ГИА-2023», «2022-2023 учебного года»
 * in a 2026/2027 roadmap of a 2023/2024 template → «ГИА-2026», «2025-2026 учебного года»). Dates
 * («31.08.2023») and numbers longer than four digits are left alone.
 */
export function adaptYears(text: string, shift: number): string {
  if (shift === 0 || text === '') return text;
  return text.replace(/(?<![\d./])(20\d{2})(?![\d./]\d)/g, (y) => String(Number(y) + shift));
}

type Child = Omit<PlannedRow, 'number' | 'stage' | 'start' | 'end' | 'deadlineText' | 'phrase'>;
type When = Pick<PlannedRow, 'start' | 'end' | 'deadlineText' | 'phrase' | 'note' | 'moved'>;

function analysisRows(
  opts: RoadmapOptions,
  f: RoadmapFindings,
  counts: RoadmapPlan['counts'],
): Record<'deficit' | 'atRisk' | 'objectivity', Child[]> {
  const used = new Map<string, number>();
  const multiSchool = new Set(f.deficits.map((d) => d.school)).size > 1;

  const deficit: Child[] = f.deficits.map((d) => {
    const teacher = teacherOf(opts.teachers, d.className, d.subject);
    const who = multiSchool ? ROWS.deficit.classOfSchool(d.className, d.school) : d.className;
    const multiProc = new Set(d.tasks.map((t) => t.procedure)).size > 1;
    const ids = multiProc
      ? [...new Set(d.tasks.map((t) => t.procedure))]
          .map(
            (p) =>
              `${p}: ${d.tasks
                .filter((t) => t.procedure === p)
                .map((t) => t.id)
                .join(', ')}`,
          )
          .join('; ')
      : d.tasks.map((t) => t.id).join(', ');
    const bySkill = new Map<string, typeof d.tasks>();
    for (const t of d.tasks) {
      const k = t.skill ?? '';
      bySkill.set(k, [...(bySkill.get(k) ?? []), t]);
    }
    const skills = [...bySkill]
      .map(([skill, ts]) => {
        const list = ts.map((t) => `${t.id} (${t.level ?? '—'}, ${pct(t.completion)})`).join(', ');
        return ROWS.deficit.skill(skill, ts.length, list);
      })
      .join('; ');
    const warn = d.reliable ? '' : ROWS.deficit.unreliable(d.participants);
    counts.deficit++;
    return {
      kind: 'activity',
      key: uniqueKey(used, `wp:${slug(d.subject)}|${slug(d.className)}${multiSchool ? `|${slug(d.school)}` : ''}`),
      source: 'deficit',
      title: ROWS.deficit.title(Boolean(d.gia), d.subject, who, teacher, ids),
      participants: ROWS.deficit.participants(teacher),
      responsible: teacher ?? ROWS.deficit.responsible(d.subject, d.className),
      result: ROWS.deficit.result(warn, skills),
      documentFormat: ROWS.deficit.format,
    };
  });

  const byCode = new Map<string, { code: string; className: string; reasons: string[]; subjects: string[] }>();
  for (const s of f.atRisk) {
    const k = `${s.code}\u0000${s.className}`;
    const cur = byCode.get(k) ?? { code: s.code, className: s.className, reasons: [], subjects: [] };
    for (const r of s.reasons) if (!cur.reasons.includes(r)) cur.reasons.push(r);
    for (const x of s.subjects ?? []) if (!cur.subjects.includes(x)) cur.subjects.push(x);
    byCode.set(k, cur);
  }
  const atRisk: Child[] = [...byCode.values()].map((s) => {
    counts.atRisk++;
    const teacher = teacherOf(opts.teachers, s.className, opts.subject ?? (s.subjects.length === 1 ? s.subjects[0] : undefined));
    return {
      kind: 'activity',
      key: uniqueKey(used, `iom:${slug(s.code)}`),
      source: 'at-risk',
      title: ROWS.atRisk.title(s.code, s.className, s.subjects),
      participants: ROWS.atRisk.participants,
      responsible: teacher ?? ROWS.atRisk.responsible,
      result: ROWS.atRisk.result(s.reasons),
      documentFormat: ROWS.atRisk.format,
    };
  });

  const objectivity: Child[] = f.objectivity.map((o) => {
    counts.objectivity++;
    const sign = o.kind ? slug(o.kind) : textHash(o.text);
    return {
      kind: 'activity',
      key: uniqueKey(used, `obj:${slug(o.group)}${o.subject ? `|${slug(o.subject)}` : ''}|${sign}`),
      source: 'objectivity',
      title: ROWS.objectivity.title(o.group, o.subject, o.teacher, o.text),
      participants: ROWS.objectivity.participants(o.teacher),
      responsible: ROWS.objectivity.responsible,
      result: ROWS.objectivity.result,
      documentFormat: ROWS.objectivity.format,
    };
  });
  return { deficit, atRisk, objectivity };
}
