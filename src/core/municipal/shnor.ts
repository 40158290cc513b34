// Schools with low results (ШНОР, docs/domain.md §7; seed 004, seed 002 §2.4): a support list that tells
// schools apart. Two steps, both configurable on «Настройки ОКО», every step with its numbers:
//
// 1. Per work (external procedures only by default: ВПР, ОГЭ, ЕГЭ, ГВЭ, НИКО, regional; internal
//    diagnostics are the school's own business), evaluated when it has at least sample.minReliable
//    participants, five criteria:
//      quality        — share of 4 and 5 < shnor.quality %;
//      meanCompletion — points ÷ (participants × max) < shnor.meanCompletion %;
//      riskShare      — share of the risk group ≥ shnor.riskShare %;
//      belowRegion    — mean completion at least shnor.belowRegion points below the region's (from the
//                       school's «Эталоны»: ФИС ОКО reports; quality when only marks are given);
//      bottomQuartile — within the school's cluster (schools that wrote the same work, at least
//                       shnor.quartileMinSchools): fewer than a quarter of them below it and at least
//                       half above it.
//    Every comparison is exact (ratios of counts, see ./exact.ts).
// 2. Per school: a criterion is *counted* when it holds in at least shnor.minProcedures of the works
//    where it could be checked AND in at least shnor.persistShare % of them — or, two years running, in
//    that share of each year's works. A school is listed when at least shnor.minCriteria criteria are
//    counted. One bad work (one class) flags a criterion for that work, never a school.
// Schools whose every work has too few participants are marked, not flagged. The output is a support
// list: no ranks, no ordering by results (seed 002 §2.1, §2.6).

import { M } from '../strings';
import type { DistrictSchool } from './district';
import { comparePct, compareRatios } from './exact';
import type { ProcedureAgg, RegionBenchmark } from './schema';
import type { DistrictSettings } from './settings';

export type Criterion = 'quality' | 'meanCompletion' | 'riskShare' | 'belowRegion' | 'bottomQuartile';
export const CRITERIA: readonly Criterion[] = ['quality', 'meanCompletion', 'riskShare', 'belowRegion', 'bottomQuartile'];

/** Procedures a school does not set and check itself. */
const EXTERNAL_KINDS = new Set(['ВПР', 'ОГЭ', 'ЕГЭ', 'ГВЭ', 'НИКО', 'РДР', 'ДР-10']);

export function isExternalKind(kind: string): boolean {
  return EXTERNAL_KINDS.has(kind) || /регион/i.test(kind);
}

/** One criterion that held for one work of one school. */
export interface ShnorFlag {
  cluster: string;
  code: string;
  name: string;
  procedure: string;
  procedureKey: string;
  year: number | null;
  criterion: Criterion;
  /** The school's value, % (display; the decision was made on the counts). */
  value: number;
  /** The line it was compared with, %: the threshold, the region minus the gap, or the cluster's quartile line. */
  threshold: number;
  /** The cluster's median of the same indicator (schools evaluated for this work). */
  clusterMedian: number | null;
  clusterSchools: number;
  participants: number;
  detail: string;
}

export interface CriterionResult {
  criterion: Criterion;
  /** Works where it held. */
  hits: ShnorFlag[];
  /** Works where it could be checked. */
  of: number;
  counted: boolean;
  /** Why it is counted: enough works, or two years running (the two years). */
  reason: 'share' | 'years' | null;
  years: [number, number] | null;
}

export interface ShnorSchool {
  cluster: string;
  code: string;
  name: string;
  /** Works evaluated (external unless chosen otherwise, enough participants). */
  evaluated: number;
  /** Criteria that held in at least one work, in CRITERIA order. */
  criteria: CriterionResult[];
  counted: Criterion[];
  listed: boolean;
}

export interface NotEvaluated {
  cluster: string;
  code: string;
  name: string;
  procedure: string;
  participants: number;
}

/** A school whose works all have too few participants: marked, never flagged. */
export interface TooFew {
  cluster: string;
  code: string;
  name: string;
  works: number;
  /** The largest number of participants in any of its works. */
  participants: number;
}

export interface StableHigh {
  cluster: string;
  code: string;
  name: string;
  /** Works with high results, and works evaluated. */
  high: number;
  of: number;
  works: { procedure: string; quality: number | null; meanCompletion: number | null }[];
}

export interface ShnorResult {
  /** Every criterion that held in any work (the listed schools' and the others'). */
  flags: ShnorFlag[];
  /** Every school with at least one evaluated work, in district order. */
  schools: ShnorSchool[];
  notEvaluated: NotEvaluated[];
  tooFew: TooFew[];
  stableHigh: StableHigh[];
  clusters: { name: string; schools: number; flagged: number }[];
}

/** Linear (type 7) quantile, for the context medians shown beside a flag. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

const median = (xs: readonly number[]) =>
  xs.length
    ? quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      )
    : null;

export const maxTotalOf = (p: ProcedureAgg) => p.tasks.reduce((a, t) => a + t.max, 0);
export const withMarkOf = (p: ProcedureAgg) => p.marks[2] + p.marks[3] + p.marks[4] + p.marks[5];

/** The work's mean completion as a ratio of points (null when it cannot be computed). */
export function meanRatio(p: ProcedureAgg): [number, number] | null {
  const den = p.participants * maxTotalOf(p);
  return den > 0 ? [p.points, den] : null;
}

/** Works of a school the ШНОР criteria look at (kinds), and whether each has enough participants. */
export function consideredWorks(sc: DistrictSchool, s: DistrictSettings): { p: ProcedureAgg; evaluated: boolean }[] {
  const external = s.municipal['shnor.external'] >= 1;
  const minN = s.analysis['sample.minReliable'];
  return sc.procedures.filter((p) => !external || isExternalKind(p.kind)).map((p) => ({ p, evaluated: p.participants >= minN }));
}

interface Peer {
  code: string;
  ratio: [number, number];
  mean: number;
  quality: number | null;
  risk: number | null;
}

/** Is `ratio` in the bottom quarter of `peers`: fewer than a quarter below, at least half above. */
export function inBottomQuarter(
  ratio: readonly [number, number],
  peers: readonly { ratio: readonly [number, number] }[],
): {
  hit: boolean;
  below: number;
  above: number;
} {
  let below = 0;
  let above = 0;
  for (const q of peers) {
    const c = compareRatios(q.ratio[0], q.ratio[1], ratio[0], ratio[1]);
    if (c < 0) below++;
    else if (c > 0) above++;
  }
  const n = peers.length;
  return { hit: below * 4 < n && above * 2 >= n, below, above };
}

/** The region's line for a work: the school's own «Эталоны» or the district's (which wins). */
export type RegionLookup = (sc: DistrictSchool, p: ProcedureAgg) => RegionBenchmark | null;

export function shnorResult(
  schools: readonly DistrictSchool[],
  clusters: readonly string[],
  s: DistrictSettings,
  regionOf: RegionLookup = (_sc, p) => p.region,
): ShnorResult {
  const m = s.municipal;
  const K = m['shnor.minProcedures'];
  const P = m['shnor.persistShare'];
  const needed = m['shnor.minCriteria'];

  // Peers per cluster and work (evaluated works only).
  const peers = new Map<string, Peer[]>();
  const works = new Map<DistrictSchool, { p: ProcedureAgg; evaluated: boolean }[]>();
  for (const sc of schools) {
    const list = consideredWorks(sc, s);
    works.set(sc, list);
    for (const { p, evaluated } of list) {
      const ratio = meanRatio(p);
      if (!evaluated || !ratio) continue;
      const k = `${sc.cluster}\u0000${p.key}`;
      const e = peers.get(k) ?? [];
      e.push({ code: sc.code, ratio, mean: (ratio[0] / ratio[1]) * 100, quality: p.quality, risk: p.riskShare });
      peers.set(k, e);
    }
  }
  const persistent = (hits: number, of: number) => of > 0 && hits >= K && hits * 100 >= P * of;

  const out: ShnorResult = { flags: [], schools: [], notEvaluated: [], tooFew: [], stableHigh: [], clusters: [] };
  for (const cluster of clusters) {
    const members = schools.filter((x) => x.cluster === cluster);
    let flagged = 0;
    for (const sc of members) {
      const list = works.get(sc) ?? [];
      const evaluatedWorks = list.filter((w) => w.evaluated).map((w) => w.p);
      for (const { p, evaluated } of list) {
        if (!evaluated) out.notEvaluated.push({ cluster, code: sc.code, name: sc.name, procedure: p.title, participants: p.participants });
      }
      if (evaluatedWorks.length === 0) {
        if (list.length > 0)
          out.tooFew.push({
            cluster,
            code: sc.code,
            name: sc.name,
            works: list.length,
            participants: Math.max(...list.map((w) => w.p.participants)),
          });
        continue;
      }
      const results = new Map<Criterion, { hits: ShnorFlag[]; of: number; years: Map<number, { hits: number; of: number }> }>(
        CRITERIA.map((c) => [c, { hits: [], of: 0, years: new Map() }]),
      );
      let highCount = 0;
      const highWorks: StableHigh['works'] = [];
      for (const p of evaluatedWorks) {
        const group = peers.get(`${cluster}\u0000${p.key}`) ?? [];
        const clusterSchools = group.length;
        const check = (criterion: Criterion, hit: boolean, value: number, threshold: number, med: number | null, detail: () => string) => {
          const r = results.get(criterion) as NonNullable<ReturnType<typeof results.get>>;
          r.of++;
          if (p.year !== null) {
            const y = r.years.get(p.year) ?? { hits: 0, of: 0 };
            y.of++;
            if (hit) y.hits++;
            r.years.set(p.year, y);
          }
          if (!hit) return;
          const flag: ShnorFlag = {
            cluster,
            code: sc.code,
            name: sc.name,
            procedure: p.title,
            procedureKey: p.key,
            year: p.year,
            criterion,
            value,
            threshold,
            clusterMedian: med,
            clusterSchools,
            participants: p.participants,
            detail: detail(),
          };
          r.hits.push(flag);
          out.flags.push(flag);
        };
        const withMark = withMarkOf(p);
        const good = p.marks[4] + p.marks[5];
        const ratio = meanRatio(p);
        const mean = ratio ? (ratio[0] / ratio[1]) * 100 : null;
        const medOf = (f: (x: Peer) => number | null) => median(group.map(f).filter((x): x is number => x !== null));

        const tq = m['shnor.quality'];
        if (tq > 0 && withMark > 0) {
          const q = (good / withMark) * 100;
          check(
            'quality',
            comparePct(good, withMark, tq) < 0,
            q,
            tq,
            medOf((x) => x.quality),
            () => M.shnor.detail.quality(q, tq, good, withMark),
          );
        }
        const tm = m['shnor.meanCompletion'];
        if (tm > 0 && ratio && mean !== null) {
          check(
            'meanCompletion',
            comparePct(ratio[0], ratio[1], tm) < 0,
            mean,
            tm,
            medOf((x) => x.mean),
            () => M.shnor.detail.meanCompletion(mean, tm),
          );
        }
        const tr = m['shnor.riskShare'];
        if (tr > 0 && p.participants > 0) {
          const r = (p.risk / p.participants) * 100;
          check(
            'riskShare',
            comparePct(p.risk, p.participants, tr) >= 0,
            r,
            tr,
            medOf((x) => x.risk),
            () => M.shnor.detail.riskShare(r, tr, p.risk, p.participants),
          );
        }
        const gap = m['shnor.belowRegion'];
        const region = gap > 0 ? regionOf(sc, p) : null;
        if (region && region.meanCompletion !== null && ratio && mean !== null) {
          const line = region.meanCompletion - gap;
          check(
            'belowRegion',
            comparePct(ratio[0], ratio[1], line) <= 0,
            mean,
            line,
            medOf((x) => x.mean),
            () => M.shnor.detail.belowRegionMean(mean, region.group, region.meanCompletion as number, gap),
          );
        } else if (region && region.quality !== null && withMark > 0) {
          const line = region.quality - gap;
          const q = (good / withMark) * 100;
          check(
            'belowRegion',
            comparePct(good, withMark, line) <= 0,
            q,
            line,
            medOf((x) => x.quality),
            () => M.shnor.detail.belowRegionQuality(q, region.group, region.quality as number, gap, good, withMark),
          );
        }
        if (m['shnor.bottomQuartile'] >= 1 && ratio && mean !== null && clusterSchools >= m['shnor.quartileMinSchools']) {
          const { hit, below } = inBottomQuarter(ratio, group);
          const med = medOf((x) => x.mean) as number;
          check('bottomQuartile', hit, mean, med, med, () => M.shnor.detail.bottomQuartile(mean, below, clusterSchools, med));
        }

        // Stably high results (seed 004 §3.25): the same counts, the other side.
        const hq = m['high.quality'];
        const hm = m['high.meanCompletion'];
        if (hq > 0 || hm > 0) {
          const okQ = hq === 0 || (withMark > 0 && comparePct(good, withMark, hq) >= 0);
          const okM = hm === 0 || (ratio !== null && comparePct(ratio[0], ratio[1], hm) >= 0);
          if (okQ && okM) {
            highCount++;
            highWorks.push({ procedure: p.title, quality: withMark > 0 ? (good / withMark) * 100 : null, meanCompletion: mean });
          }
        }
      }

      const criteria: CriterionResult[] = [];
      for (const c of CRITERIA) {
        const r = results.get(c) as NonNullable<ReturnType<typeof results.get>>;
        if (r.of === 0) continue;
        let reason: CriterionResult['reason'] = null;
        let years: CriterionResult['years'] = null;
        if (persistent(r.hits.length, r.of)) reason = 'share';
        else {
          for (const [y, a] of [...r.years].sort(([x], [z]) => x - z)) {
            const prev = r.years.get(y - 1);
            if (prev && prev.hits > 0 && a.hits > 0 && prev.hits * 100 >= P * prev.of && a.hits * 100 >= P * a.of) {
              reason = 'years';
              years = [y - 1, y];
            }
          }
        }
        if (r.hits.length > 0) criteria.push({ criterion: c, hits: r.hits, of: r.of, counted: reason !== null, reason, years });
      }
      const counted = criteria.filter((c) => c.counted).map((c) => c.criterion);
      const listed = counted.length >= needed;
      if (listed) flagged++;
      out.schools.push({ cluster, code: sc.code, name: sc.name, evaluated: evaluatedWorks.length, criteria, counted, listed });
      if (!listed && persistent(highCount, evaluatedWorks.length))
        out.stableHigh.push({ cluster, code: sc.code, name: sc.name, high: highCount, of: evaluatedWorks.length, works: highWorks });
    }
    out.clusters.push({ name: cluster, schools: members.length, flagged });
  }
  return out;
}

/** The listed schools, in district order. */
export function listedSchools(r: ShnorResult): ShnorSchool[] {
  return r.schools.filter((x) => x.listed);
}
