// The rows a roadmap should have, in order, before anything users typed is merged in: the template's
// sections (stage rows, tasks, indicators) and activities with concrete dates, plus the rows the
// analysis asks for (work-programme changes, ИОМ, objectivity checks), each with a stable key.
import type { AcademicYear } from './dates';
import { type DeadlineContext, inferSourceStart, type ParsedDeadline, parseDeadline, resolveDeadline, sourceStartOf } from './deadlines';
import { type LevelTag, type RoadmapFindings, type TeacherAssignment, teacherOf } from './findings';
import { keyText, slug, textHash } from './keys';
import type { RoadmapActivity, RoadmapTemplate } from './template-schema';

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
}

export interface RoadmapPlan {
  rows: PlannedRow[];
  counts: { template: number; deficit: number; atRisk: number; objectivity: number };
  /** Deadline phrases left as text, with how many rows use each. */
  undated: Map<string, number>;
}

/** Deadlines of analysis rows whose parent activity gives no date (documented in docs/roadmap.md). */
export const DEFAULT_PHRASES = {
  deficit: 'После получения результатов в течение месяца',
  atRisk: 'После получения результатов в течение месяца',
  objectivity: 'После получения результатов в течение 3 недель',
} as const;

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

  const sections = tpl.sections
    .map((s) => ({ s, acts: s.activities.filter((a) => levelsOk(a.levels, opts.levels)) }))
    .filter((x) => x.acts.length > 0);

  // «После завершения аналитического этапа» needs the analytical stage's last date first.
  const analytical = sections.find((x) => /аналитическ/i.test(x.s.title)) ?? sections[0];
  for (const a of analytical?.acts ?? []) {
    for (const o of resolveDeadline(parsed.get(a) as ParsedDeadline, ctx).occurrences) {
      if (!ctx.stageEnd || o.end > ctx.stageEnd) ctx.stageEnd = o.end;
    }
  }

  const rows: PlannedRow[] = [];
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
  const orphans: { kind: keyof typeof parents; row: Child }[] = [];

  const dated = (phrase: string): When[] => {
    const r = resolveDeadline(parseDeadline(phrase), ctx);
    if (r.occurrences.length === 0) {
      undated.set(r.phrase, (undated.get(r.phrase) ?? 0) + 1);
      return [{ start: null, end: null, deadlineText: r.text ?? '', phrase: r.phrase, ...(r.note ? { note: r.note } : {}) }];
    }
    return r.occurrences.map((o) => ({
      start: o.start,
      end: o.end,
      deadlineText: '',
      phrase: r.phrase,
      ...(r.note ? { note: r.note } : {}),
    }));
  };

  for (const { s, acts } of sections) {
    const label = sectionLabel(s.number, s.title);
    const sh = textHash(s.title);
    const secKey = uniqueKey(used, `sec:${sh}`);
    rows.push({ kind: 'section', key: secKey, source: 'template', number: s.number, stage: '', title: label, ...blank });
    if (s.tasks.length > 0) {
      rows.push({
        kind: 'tasks',
        key: uniqueKey(used, `tsk:${sh}`),
        source: 'template',
        number: '',
        stage: '',
        title: `Задачи: ${s.tasks.map((t, i) => `${i + 1}) ${t}`).join('\n')}`,
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
        title: `Показатель: ${ind}`,
        ...blank,
        indicator: RE_DONE_SHARE.test(keyText(ind)) ? 'done-share' : 'manual',
      });
    }
    for (const a of acts) {
      const base = uniqueKey(used, `act:${textHash(a.title)}`);
      const occ = dated(a.deadline ?? '');
      occ.forEach((o, i) => {
        rows.push({
          kind: 'activity',
          key: i === 0 ? base : `${base}@${i + 1}`,
          source: 'template',
          number: occ.length > 1 ? `${a.number} (${i + 1}/${occ.length})` : a.number,
          stage: label,
          title: a.title,
          participants: a.participants ?? '',
          responsible: a.responsible ?? '',
          result: a.result ?? '',
          documentFormat: a.documentFormat ?? '',
          ...o,
        });
      });
      counts.template++;
      for (const kind of ['deficit', 'atRisk', 'objectivity'] as const) {
        if (parents[kind] !== a) continue;
        const first = occ.find((o) => o.end !== null);
        children[kind].forEach((c, i) => {
          const num = numbers.has(`${a.number}.${i + 1}`) ? `${a.number}-${i + 1}` : `${a.number}.${i + 1}`;
          const when = (first?.end ? first : dated(DEFAULT_PHRASES[kind])[0]) as When;
          rows.push({ ...c, number: num, stage: label, ...when });
        });
      }
    }
  }

  for (const kind of ['deficit', 'atRisk', 'objectivity'] as const) {
    if (!parents[kind]) for (const row of children[kind]) orphans.push({ kind, row });
  }
  if (orphans.length > 0) {
    const last = sections[sections.length - 1]?.s.number ?? '0';
    const number = /^\d+$/.test(last) ? String(Number(last) + 1) : 'А';
    const title = 'Мероприятия по результатам анализа';
    const label = sectionLabel(number, title);
    rows.push({ kind: 'section', key: 'sec:results', source: 'template', number, stage: '', title: label, ...blank });
    orphans.forEach(({ kind, row }, i) => {
      rows.push({ ...row, number: `${number}.${i + 1}`, stage: label, ...(dated(DEFAULT_PHRASES[kind])[0] as When) });
    });
  }
  return { rows, counts, undated };
}

type Child = Omit<PlannedRow, 'number' | 'stage' | 'start' | 'end' | 'deadlineText' | 'phrase'>;
type When = Pick<PlannedRow, 'start' | 'end' | 'deadlineText' | 'phrase' | 'note'>;

function analysisRows(
  opts: RoadmapOptions,
  f: RoadmapFindings,
  counts: RoadmapPlan['counts'],
): Record<'deficit' | 'atRisk' | 'objectivity', Child[]> {
  const used = new Map<string, number>();
  const multiSchool = new Set(f.deficits.map((d) => d.school)).size > 1;

  const deficit: Child[] = f.deficits.map((d) => {
    const teacher = teacherOf(opts.teachers, d.className, d.subject);
    const who = multiSchool ? `${d.className} (${d.school})` : d.className;
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
        return `${skill || 'умение не указано'} — ${ts.length > 1 ? 'задания' : 'задание'} ${list}`;
      })
      .join('; ');
    const warn = d.reliable ? '' : `Мало участников (${d.participants}): выводы ненадёжны. `;
    counts.deficit++;
    return {
      kind: 'activity',
      key: uniqueKey(used, `wp:${slug(d.subject)}|${slug(d.className)}${multiSchool ? `|${slug(d.school)}` : ''}`),
      source: 'deficit',
      title: `${d.gia ? 'Подготовка к ГИА: внести' : 'Внести'} изменения в рабочую программу: ${d.subject}, ${who}${teacher ? ` (учитель ${teacher})` : ''} — недостаточно выполнены задания ${ids}`,
      participants: teacher ? `${teacher}, руководитель ШМО` : 'Учитель-предметник, руководитель ШМО',
      responsible: teacher ?? `Учитель-предметник (${d.subject}, ${d.className})`,
      result: `${warn}Включить в рабочую программу работу над умениями: ${skills}`,
      documentFormat: 'Рабочая программа с изменениями (лист корректировки)',
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
      title: `Разработать индивидуальный образовательный маршрут (ИОМ): участник ${s.code}, ${s.className}${s.subjects.length ? ` (${s.subjects.join(', ')})` : ''}`,
      participants: 'Учитель-предметник, классный руководитель, обучающийся и родители (законные представители)',
      responsible: teacher ?? 'Учитель-предметник, классный руководитель',
      result: `ИОМ разработан и выполняется. Основания: ${s.reasons.join('; ') || 'не указаны'}`,
      documentFormat: 'Индивидуальный образовательный маршрут',
    };
  });

  const objectivity: Child[] = f.objectivity.map((o) => {
    counts.objectivity++;
    const sign = o.kind ? slug(o.kind) : textHash(o.text);
    return {
      kind: 'activity',
      key: uniqueKey(used, `obj:${slug(o.group)}${o.subject ? `|${slug(o.subject)}` : ''}|${sign}`),
      source: 'objectivity',
      title: `Проверить признак необъективности результатов: ${o.group}${o.subject ? `, ${o.subject}` : ''}${o.teacher ? ` (учитель ${o.teacher})` : ''} — ${o.text}`,
      participants: `Заместитель директора по УВР, руководитель ШМО${o.teacher ? `, учитель ${o.teacher}` : ''}`,
      responsible: 'Заместитель директора по УВР',
      result:
        'Признак проверен (подтверждён или нет), при необходимости приняты меры по обеспечению объективности. Признак — повод для проверки, а не обвинение.',
      documentFormat: 'Аналитическая справка',
    };
  });
  return { deficit, atRisk, objectivity };
}
