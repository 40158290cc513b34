// The effect of measures (seed 002 §2.8; seed 004, final stage): each finished collection keeps a short
// record of its ШНОР list — per listed school, the criteria (in how many works) and its pooled
// indicators. The next collection with different data compares the schools of that list with what
// they show now, beside the support rows they had in the district roadmap and the statuses the
// coordinator set. The record lives with the job's state (row «#history» of the hidden state tab).
import * as z from '../zod';
import type { District, DistrictSchool } from './district';
import { textHash } from './hash';
import type { DistrictSettings } from './settings';
import { CRITERIA, type Criterion, consideredWorks, maxTotalOf, type ShnorSchool, withMarkOf } from './shnor';

const pair = z.nullable(z.tuple([z.number(), z.number()]));

export const pooledSchema = z.object({ quality: pair, mean: pair, risk: pair });

export const roundSchoolSchema = z.object({
  code: z.string(),
  name: z.string(),
  cluster: z.string(),
  criteria: z.array(
    z.object({ criterion: z.enum(CRITERIA as [Criterion, ...Criterion[]]), hits: z.number(), of: z.number(), counted: z.boolean() }),
  ),
  pooled: pooledSchema,
});

export const roundSchema = z.object({
  /** ISO date of the collection. */
  at: z.string(),
  /** Hash of what was read (content hashes of the sources): two collections of the same data are one round. */
  data: z.string(),
  listed: z.array(roundSchoolSchema),
});

export const historySchema = z.object({ rounds: z.array(roundSchema) });

export type Pooled = z.infer<typeof pooledSchema>;
export type RoundSchool = z.infer<typeof roundSchoolSchema>;
export type Round = z.infer<typeof roundSchema>;
export type History = z.infer<typeof historySchema>;

export const HISTORY_ROUNDS = 6;

export function emptyHistory(): History {
  return { rounds: [] };
}

/** Σ over the school's evaluated works: 4+5 of those with a mark, points of the maximum, risk of participants. */
export function pooledOf(sc: DistrictSchool, s: DistrictSettings): Pooled {
  let good = 0;
  let marked = 0;
  let points = 0;
  let max = 0;
  let risk = 0;
  let n = 0;
  for (const { p, evaluated } of consideredWorks(sc, s)) {
    if (!evaluated) continue;
    good += p.marks[4] + p.marks[5];
    marked += withMarkOf(p);
    points += p.points;
    max += p.participants * maxTotalOf(p);
    risk += p.risk;
    n += p.participants;
  }
  return { quality: marked > 0 ? [good, marked] : null, mean: max > 0 ? [points, max] : null, risk: n > 0 ? [risk, n] : null };
}

export const pctOfPair = (p: [number, number] | null): number | null => (p && p[1] > 0 ? (p[0] / p[1]) * 100 : null);

/** What was read, as one hash: the sources' content hashes (the same data collected twice is one round). */
export function dataHashOf(d: District): string {
  return textHash(JSON.stringify(d.sources.map((x) => [x.unit.key, x.record?.status ?? null, x.record?.hash ?? null])));
}

function roundSchool(s: ShnorSchool, sc: DistrictSchool | undefined, settings: DistrictSettings): RoundSchool {
  return {
    code: s.code,
    name: s.name,
    cluster: s.cluster,
    criteria: s.criteria.map((c) => ({ criterion: c.criterion, hits: c.hits.length, of: c.of, counted: c.counted })),
    pooled: sc ? pooledOf(sc, settings) : { quality: null, mean: null, risk: null },
  };
}

export function roundOf(d: District, s: DistrictSettings): Round {
  const byCode = new Map(d.schools.map((x) => [x.code, x]));
  return {
    at: d.today,
    data: dataHashOf(d),
    listed: d.shnor.schools.filter((x) => x.listed).map((x) => roundSchool(x, byCode.get(x.code), s)),
  };
}

/** Adds a round: the same data as the last round replaces it; the oldest rounds beyond HISTORY_ROUNDS go. */
export function recordRound(h: History, r: Round): History {
  const rounds = h.rounds.slice();
  if (rounds.length > 0 && (rounds[rounds.length - 1] as Round).data === r.data) rounds.pop();
  rounds.push(r);
  return { rounds: rounds.slice(-HISTORY_ROUNDS) };
}

/** The latest round with other data than `data`: «last round» for the effect of measures. */
export function previousRound(h: History, data: string): Round | null {
  for (let i = h.rounds.length - 1; i >= 0; i--) {
    const r = h.rounds[i] as Round;
    if (r.data !== data) return r;
  }
  return null;
}

export interface SupportStatus {
  number: string;
  title: string;
  status: string;
}

export interface EffectRow {
  then: RoundSchool;
  /** The school now: in this collection's ШНОР evaluation (null when it has no evaluated work now). */
  now: RoundSchool | null;
  listedNow: boolean;
  support: SupportStatus[];
}

/** The schools of the previous list, then and now. */
export function effectOf(prev: Round, d: District, s: DistrictSettings, support: (code: string) => SupportStatus[]): EffectRow[] {
  const byCode = new Map(d.schools.map((x) => [x.code, x]));
  const evaluated = new Map(d.shnor.schools.map((x) => [x.code, x]));
  return prev.listed.map((then) => {
    const sh = evaluated.get(then.code);
    return {
      then,
      now: sh ? roundSchool(sh, byCode.get(then.code), s) : null,
      listedNow: sh?.listed ?? false,
      support: support(then.code),
    };
  });
}
