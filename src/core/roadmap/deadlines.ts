// Deadline phrases of roadmap templates («Сентябрь – октябрь 2023», «После получения результатов в
// течение 2 недель», «ежегодно до 1 октября», «конец четверти») → concrete dates in a given academic
// year. Two steps, both pure: `parseDeadline` reads the words (no year, no dates needed), and
// `resolveDeadline` turns them into dates for one roadmap. A phrase that names no date (a schedule, an
// event, «по мере необходимости») stays text and is marked «срок не определён: …».
//
// Assumptions (docs/roadmap.md lists them for users):
// - A month without a year belongs to the academic year: September–December → its first calendar
//   year, January–July → the second. A lone «Август» is the August that OPENS the academic year (the
//   August teachers' council and yearly planning of school plans), not the one that closes it. A range
//   that would run backwards (май-октябрь, август – сентябрь) ends inside the academic year and starts
//   at the previous occurrence of its first month; «июнь-август» ends with the year.
// - Items separated by «;» are consecutive stages («Март- апрель; сентябрь-декабрь»: the second after
//   the first, a year later if need be); items separated by «,» are months of one year, in date order.
// - «в соответствии с решением Педсовета»: within a month after the template's dated teachers'
//   council row (its number is named in the row); without such a row the phrase stays undated.
// - «в течение года после проведения процедур»: from the results date to the end of the academic year.
// - A month with a year («Август 2023») is shifted by as many years as the roadmap's academic year is
//   after the template's source year (school-objectivity-roadmap was written for 2023/2024).
// - Quarters end on 31 October, 31 December, 31 March and 31 May; «триместр», «полугодие» are read as
//   quarter ends too (the half-year ends in December and May coincide).
// - «Конец учебного года» is 31 May (the end of the 4th quarter, when lessons end); «в течение года»,
//   «постоянно», «поурочно» span the whole academic year, 1 September – 31 August.
// - «После завершения аналитического этапа»: the week after the last deadline of the analytical stage.
import { type AcademicYear, academicStartOf, addDays, addMonths, iso, monthEnd, ruDate, yearOfMonth } from './dates';

export interface MonthRef {
  month: number;
  year?: number;
}

export type DeadlinePart =
  /** A calendar month: from its first to its last day. */
  | { type: 'month'; month: MonthRef }
  /** From the first day of `from` to the last day of `to`. */
  | { type: 'months'; from: MonthRef; to: MonthRef }
  /** «до 25 декабря»: no start, the end is that day. */
  | { type: 'date'; day: number; month: number; year?: number }
  /** «до конца учебного года». */
  | { type: 'year-end' }
  /** «в течение года», «постоянно», «поурочно»: the whole academic year. */
  | { type: 'whole-year' }
  /** «конец четверти», «по четвертям»: one occurrence per quarter end. */
  | { type: 'quarters' }
  /** «после получения результатов в течение 2 недель», «в течение месяца». */
  | { type: 'after-results'; days: number; months: number }
  /** «После завершения аналитического этапа». */
  | { type: 'after-stage' }
  /** «апрель, далее в течение года»: from the month to the end of the academic year. */
  | { type: 'from-month-on'; from: MonthRef }
  /** «в течение года после проведения процедур»: from the results date to the end of the academic year. */
  | { type: 'after-results-year' }
  /** «в соответствии с решением Педсовета»: within `months` after the template's teachers' council row. */
  | { type: 'after-council'; months: number };

/** Why a phrase is left as text. */
export type UndatedReason = 'none' | 'schedule' | 'event' | 'as-needed' | 'unknown';

export interface ParsedDeadline {
  /** The phrase as the template words it. */
  phrase: string;
  /** Empty when the phrase names no date. */
  parts: DeadlinePart[];
  undated?: UndatedReason;
  /** Words kept beside the dates: «по плану ВШК», «а также в соответствии с решением Педсовета». */
  note?: string;
  /** «ежегодно»: the roadmap dates the current academic year's occurrence. */
  annual?: boolean;
  /** Items separated by «;»: consecutive stages, each dated after the previous one. */
  ordered?: boolean;
}

const MONTH_STEMS: [string, number][] = [
  ['янв', 1],
  ['фев', 2],
  ['мар', 3],
  ['апр', 4],
  ['ма', 5],
  ['июн', 6],
  ['июл', 7],
  ['авг', 8],
  ['сен', 9],
  ['окт', 10],
  ['ноя', 11],
  ['дек', 12],
];
const MONTH_WORD =
  '(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
const MONTH_REF = `(${MONTH_WORD})(?:\\s+(\\d{4})(?:\\s*г(?:ода|\\.)?)?)?`;

function monthOf(word: string): number {
  for (const [stem, n] of MONTH_STEMS) if (word.startsWith(stem)) return n;
  throw new Error(`not a month: ${word}`);
}

function ref(word: string, year: string | undefined): MonthRef {
  return year ? { month: monthOf(word), year: Number(year) } : { month: monthOf(word) };
}

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  одной: 1,
  одну: 1,
  два: 2,
  двух: 2,
  две: 2,
  три: 3,
  трех: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
};

/** Dashes → «-» without spaces around, spacing collapsed, «в течении» (sic) → «в течение»; case kept. */
function tidy(phrase: string): string {
  return phrase
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/([Вв]) течении/g, '$1 течение')
    .replace(/[.;,:\s]+$/, '')
    .trim();
}

/** Lower case, ё → е, all dashes → «-» without spaces around, «в течении» (sic) → «в течение». */
export function normalizePhrase(phrase: string): string {
  return lower(tidy(phrase));
}

/** Same length as its input, so positions found in the lower-case text cut the original too. */
const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

const RE_AFTER_RESULTS = /^(?:после получения результатов,? )?в течение (?:(\d+|[а-я]+) )?(недел[а-я]*|месяц[а-я]*|дн[а-я]*|день)$/;
const RE_WHOLE_YEAR = /^(?:(по графику) )?(в течение (?:учебного |всего )?года|постоянно|поурочно|ежедневно|систематически)(.*)$/;
const RE_QUARTERS = /(?:конец|конце|конца|завершени[еиюя]|окончани[еиюя]) четверт|по четвертям/;
const RE_YEAR_END = /(?:^|-|\s)(?:до )?(?:конец|конца|конце) учебного года/;
const RE_AS_NEEDED = /^по мере необходимости/;
const RE_AFTER_PROCEDURES = /^в течение (?:учебного )?года,? после (?:проведения )?(?:оценочных )?процедур$/;
const RE_COUNCIL = /^(?:в соответствии с решением|по решению) (?:педагогического совета|педсовета)(?: и управляющего совета)?$/;
/** «в соответствии с решением Педсовета»: the decision is carried out within this many months of the council. */
export const COUNCIL_MONTHS = 1;
const RE_SCHEDULE = /^(?:по графику|по плану|в соответствии с|согласно)/;
const RE_EVENT = /^(?:при |во время |после проведения |по итогам |по окончании )/;
const RE_THEN_YEAR = new RegExp(`^${MONTH_REF},? далее в течение (?:учебного )?года$`);
const RE_BY_DATE = new RegExp(`^до (\\d{1,2}) (${MONTH_WORD})(?: (\\d{4}))?(?: ?г(?:ода|\\.)?)?$`);
const RE_RANGE = new RegExp(`^${MONTH_REF}-${MONTH_REF}$`);
const RE_MONTH = new RegExp(`^${MONTH_REF}$`);

function numberWord(w: string | undefined): number | null {
  if (w === undefined) return 1;
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/** One list item: a month, a range of months, «до 25 декабря», «до конца учебного года». */
function parseItem(item: string): DeadlinePart | null {
  const s = item
    .replace(/^[-•\s]+/, '')
    .replace(/^и /, '')
    .trim();
  let m = RE_BY_DATE.exec(s);
  if (m) {
    const part: DeadlinePart = { type: 'date', day: Number(m[1]), month: monthOf(m[2] as string) };
    if (m[3]) part.year = Number(m[3]);
    return part;
  }
  if (/^(?:до )?(?:конец|конца|конце) учебного года$/.test(s)) return { type: 'year-end' };
  m = RE_RANGE.exec(s);
  if (m) return { type: 'months', from: ref(m[1] as string, m[2]), to: ref(m[3] as string, m[4]) };
  m = RE_MONTH.exec(s);
  if (m) return { type: 'month', month: ref(m[1] as string, m[2]) };
  return null;
}

/** Reads a deadline phrase. Never throws: what it cannot read is returned as `undated: 'unknown'`. */
export function parseDeadline(phrase: string | undefined): ParsedDeadline {
  const raw = (phrase ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
  if (raw === '') return { phrase: '', parts: [], undated: 'none' };
  // `cased` keeps the letters' case for notes; `s` (same length) is what the patterns read.
  let cased = tidy(raw);
  let s = lower(cased);
  const cut = (from: number, to = s.length) => {
    cased = cased.slice(from, to).trim();
    s = lower(cased);
  };
  const out: ParsedDeadline = { phrase: raw, parts: [] };
  const annual = /^ежегодно(?![а-я])[\s,:-]*/.exec(s);
  if (annual) {
    out.annual = true;
    cut(annual[0].length);
  }
  const also = /,? ?а также /.exec(s);
  if (also) {
    out.note = cased.slice(also.index).replace(/^,? ?/, '');
    cut(0, also.index);
  }

  let m = RE_AFTER_RESULTS.exec(s);
  if (m) {
    const n = numberWord(m[1]);
    const unit = m[2] as string;
    if (n !== null) {
      if (unit.startsWith('недел')) out.parts.push({ type: 'after-results', days: 7 * n, months: 0 });
      else if (unit.startsWith('месяц')) out.parts.push({ type: 'after-results', days: 0, months: n });
      else out.parts.push({ type: 'after-results', days: n, months: 0 });
      return out;
    }
  }
  if (RE_AFTER_PROCEDURES.test(s)) {
    out.parts.push({ type: 'after-results-year' });
    return out;
  }
  if (RE_COUNCIL.test(s)) {
    out.parts.push({ type: 'after-council', months: COUNCIL_MONTHS });
    return out;
  }
  if (/^после завершения аналитического этапа/.test(s)) {
    out.parts.push({ type: 'after-stage' });
    return out;
  }
  if (RE_QUARTERS.test(s)) {
    out.parts.push({ type: 'quarters' });
    if (RE_YEAR_END.test(s)) out.parts.push({ type: 'year-end' });
    if (/полугоди|триместр/.test(s)) out.note = 'полугодия и триместры — по концам четвертей';
    return out;
  }
  m = RE_THEN_YEAR.exec(s);
  if (m) {
    out.parts.push({ type: 'from-month-on', from: ref(m[1] as string, m[2]) });
    return out;
  }
  m = RE_WHOLE_YEAR.exec(s);
  if (m) {
    out.parts.push({ type: 'whole-year' });
    const tail = cased.slice(s.length - (m[3] ?? '').length);
    const rest = [m[1] ? cased.slice(0, (m[1] as string).length) : '', tail.replace(/^[\s,(]+|[\s)]+$/g, '')].filter((x) => x).join(', ');
    if (rest) out.note = out.note ? `${rest}; ${out.note}` : rest;
    return out;
  }
  if (RE_AS_NEEDED.test(s)) return { ...out, undated: 'as-needed' };
  if (RE_SCHEDULE.test(s)) return { ...out, undated: 'schedule' };
  if (RE_EVENT.test(s)) return { ...out, undated: 'event' };

  const items = s.split(/[;,]/).map((x) => x.trim());
  const parsed = items.filter((x) => x !== '' && x !== '-').map(parseItem);
  if (parsed.length > 0 && parsed.every((p) => p !== null)) {
    out.parts.push(...(parsed as DeadlinePart[]));
    if (parsed.length > 1 && s.includes(';')) out.ordered = true;
    return out;
  }
  return { ...out, parts: [], undated: 'unknown' };
}

// ---- resolving ---------------------------------------------------------------------------------

export interface DeadlineContext {
  year: AcademicYear;
  /** ISO date the results of the procedure were received. */
  resultsDate?: string;
  /** Academic year (its start) the template's explicit years refer to; explicit years are shifted by the difference. */
  sourceStart?: number;
  /** Last deadline of the analytical stage (for «После завершения аналитического этапа»). */
  stageEnd?: string;
  /** The template's dated teachers' council row (for «в соответствии с решением Педсовета»). */
  council?: { number: string; end: string };
  /** Calendar year the section's title names («2021 г.- выявление эффективности…»): its months without a year fall in it (shifted like explicit years). */
  sectionYear?: number;
}

export interface Occurrence {
  /** ISO; null when only the end is known («до 25 декабря», «конец четверти»). */
  start: string | null;
  /** ISO. */
  end: string;
}

export interface ResolvedDeadline {
  phrase: string;
  /** Sorted by end; empty when undated. */
  occurrences: Occurrence[];
  /** For undated phrases: the text the Срок cell shows («срок не определён: по графику»). */
  text?: string;
  note?: string;
}

/** The weekly window of «после завершения аналитического этапа» (documented assumption). */
export const AFTER_STAGE_DAYS = 7;

/** Quarter ends as [month, day] in academic order. */
export const QUARTER_ENDS: readonly [number, number][] = [
  [10, 31],
  [12, 31],
  [3, 31],
  [5, 31],
];
export const YEAR_END: readonly [number, number] = [5, 31];

export const UNDATED_PREFIX = 'срок не определён';

export function undatedText(phrase: string, why?: string): string {
  if (phrase === '') return 'срок не указан в шаблоне';
  return why ? `${UNDATED_PREFIX} (${why}): ${phrase}` : `${UNDATED_PREFIX}: ${phrase}`;
}

/** Years to add to a year the template names: the roadmap's academic year minus the template's source year. */
export function yearShift(ctx: Pick<DeadlineContext, 'year' | 'sourceStart'>): number {
  return ctx.sourceStart === undefined ? 0 : ctx.year.start - ctx.sourceStart;
}

function monthYear(r: MonthRef, ctx: DeadlineContext): number {
  if (r.year === undefined && ctx.sectionYear !== undefined) return ctx.sectionYear + yearShift(ctx);
  if (r.year === undefined) return yearOfMonth(ctx.year, r.month);
  return r.year + yearShift(ctx);
}

/** A lone «Август» (no year, not in a dated section) opens the academic year. */
function loneMonthYear(r: MonthRef, ctx: DeadlineContext): number {
  if (r.year === undefined && ctx.sectionYear === undefined && r.month === 8) return ctx.year.start;
  return monthYear(r, ctx);
}

function resolvePart(p: DeadlinePart, ctx: DeadlineContext): Occurrence[] | string {
  const ay = ctx.year;
  switch (p.type) {
    case 'month': {
      const y = loneMonthYear(p.month, ctx);
      return [{ start: iso(y, p.month.month, 1), end: monthEnd(y, p.month.month) }];
    }
    case 'months': {
      let { from, to } = p;
      // «Сентябрь – октябрь 2023»: the year written once applies to both ends.
      if (from.year === undefined && to.year !== undefined)
        from = { month: from.month, year: from.month <= to.month ? to.year : to.year - 1 };
      const yTo = monthYear(to, ctx);
      let yFrom = monthYear(from, ctx);
      if (yFrom * 12 + from.month > yTo * 12 + to.month) yFrom = yTo - (from.month > to.month ? 1 : 0);
      return [{ start: iso(yFrom, from.month, 1), end: monthEnd(yTo, to.month) }];
    }
    case 'date': {
      const y =
        p.year === undefined && ctx.sectionYear === undefined
          ? yearOfMonth(ay, p.month)
          : monthYear(p.year === undefined ? { month: p.month } : { month: p.month, year: p.year }, ctx);
      return [{ start: null, end: iso(y, p.month, p.day) }];
    }
    case 'year-end':
      return [{ start: null, end: iso(yearOfMonth(ay, YEAR_END[0]), YEAR_END[0], YEAR_END[1]) }];
    case 'whole-year':
      return [{ start: ay.from, end: ay.to }];
    case 'quarters':
      return QUARTER_ENDS.map(([m, d]) => ({ start: null, end: iso(yearOfMonth(ay, m), m, d) }));
    case 'after-results': {
      if (!ctx.resultsDate) return 'не указана дата получения результатов';
      const end = p.months ? addMonths(ctx.resultsDate, p.months) : addDays(ctx.resultsDate, p.days);
      return [{ start: ctx.resultsDate, end }];
    }
    case 'after-stage':
      if (!ctx.stageEnd) return 'у аналитического этапа нет даты';
      return [{ start: addDays(ctx.stageEnd, 1), end: addDays(ctx.stageEnd, AFTER_STAGE_DAYS) }];
    case 'from-month-on': {
      const y = monthYear(p.from, ctx);
      return [{ start: iso(y, p.from.month, 1), end: ay.to }];
    }
    case 'after-results-year':
      if (!ctx.resultsDate) return 'не указана дата получения результатов';
      return [{ start: ctx.resultsDate, end: ctx.resultsDate > ay.to ? addMonths(ctx.resultsDate, 12) : ay.to }];
    case 'after-council':
      if (!ctx.council) return 'в шаблоне нет педсовета с датой';
      return [{ start: addDays(ctx.council.end, 1), end: addMonths(ctx.council.end, p.months) }];
  }
}

/** Why a phrase that names no date stays text, for the Срок cell. */
export const UNDATED_WHY: Record<Exclude<UndatedReason, 'none'>, string> = {
  schedule: 'по графику или плану, которого нет в шаблоне: впишите его даты',
  event: 'по событию, дата которого заранее не известна',
  'as-needed': 'по мере необходимости',
  unknown: 'фраза не распознана: впишите срок словами, например «до 25 декабря»',
};

/** The same occurrence n years later (29 February becomes 28 February). */
export function shiftYears(o: Occurrence, n: number): Occurrence {
  return { start: o.start === null ? null : addMonths(o.start, 12 * n), end: addMonths(o.end, 12 * n) };
}

export function resolveDeadline(p: ParsedDeadline, ctx: DeadlineContext): ResolvedDeadline {
  const out: ResolvedDeadline = { phrase: p.phrase, occurrences: [] };
  if (p.note) out.note = p.note;
  if (p.parts.length === 0) {
    out.text = undatedText(p.phrase, p.undated && p.undated !== 'none' ? UNDATED_WHY[p.undated] : undefined);
    return out;
  }
  const all: Occurrence[] = [];
  let previous: string | null = null;
  for (const part of p.parts) {
    const r = resolvePart(part, ctx);
    if (typeof r === 'string') {
      out.text = undatedText(p.phrase, r);
      return out;
    }
    // «Март- апрель; сентябрь-декабрь»: each stage starts after the previous one ends.
    const moved: Occurrence[] = r.map((o) => {
      let x = o;
      while (p.ordered && previous !== null && (x.start ?? x.end) <= previous) x = shiftYears(x, 1);
      return x;
    });
    for (const o of moved) if (previous === null || o.end > previous) previous = o.end;
    all.push(...moved);
  }
  if (part0IsCouncil(p) && ctx.council) {
    const n = p.parts[0]?.type === 'after-council' ? p.parts[0].months : COUNCIL_MONTHS;
    const extra = `в течение ${n === 1 ? 'месяца' : `${n} мес.`} после педсовета (п. ${ctx.council.number}) — срок принят ОКО, уточните по протоколу педсовета`;
    out.note = out.note ? `${out.note}; ${extra}` : extra;
  }
  const seen = new Set<string>();
  for (const o of all.sort((a, b) => (a.end === b.end ? (a.start ?? '').localeCompare(b.start ?? '') : a.end.localeCompare(b.end)))) {
    const k = `${o.start}|${o.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.occurrences.push(o);
  }
  return out;
}

function part0IsCouncil(p: ParsedDeadline): boolean {
  return p.parts[0]?.type === 'after-council';
}

/** «15.05.2026 – 29.05.2026», «до 25.12.2026». */
export function occurrenceText(o: Occurrence): string {
  return o.start ? `${ruDate(o.start)} – ${ruDate(o.end)}` : `до ${ruDate(o.end)}`;
}

/**
 * The academic year a template's explicit years refer to, when the template does not say: the most
 * frequent academic year among its dated months («Август 2023» counts for 2022/2023, «Сентябрь 2023»
 * for 2023/2024). Undefined when no phrase carries a year.
 */
export function inferSourceStart(parsed: readonly ParsedDeadline[]): number | undefined {
  const counts = new Map<number, number>();
  const add = (month: number, year: number | undefined) => {
    if (year === undefined) return;
    const a = academicStartOf(month, year);
    counts.set(a, (counts.get(a) ?? 0) + 1);
  };
  for (const p of parsed) {
    for (const part of p.parts) {
      if (part.type === 'month') add(part.month.month, part.month.year);
      else if (part.type === 'months') {
        add(part.from.month, part.from.year);
        add(part.to.month, part.to.year);
      } else if (part.type === 'date') add(part.month, part.year);
      else if (part.type === 'from-month-on') add(part.from.month, part.from.year);
    }
  }
  let best: number | undefined;
  let bestN = 0;
  for (const [y, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n > bestN) {
      best = y;
      bestN = n;
    }
  }
  return best;
}

/** «2023-2024», «2023/2024» → 2023. */
export function sourceStartOf(sourceYear: string | undefined): number | undefined {
  const m = /^(\d{4})/.exec(sourceYear ?? '');
  return m ? Number(m[1]) : undefined;
}
