// Schools with low results (ШНОР, DOMAIN.md §7): configurable criteria applied per procedure and
// WITHIN clusters of the user's attributes. Every flag carries the criterion and the numbers that set
// it. The output is a support list: no ranks, no ordering by results (seed 002 §2.1, §2.6).
//
//   quality        — share of 4 and 5 < shnor.quality %;
//   meanCompletion — mean completion < shnor.meanCompletion %;
//   riskShare      — share of the risk group (mark 2 or under risk.lowShare %) ≥ shnor.riskShare %;
//   bottomQuartile — mean completion ≤ the cluster's first quartile AND below the cluster's median,
//                    among the cluster's schools that wrote the procedure (at least
//                    shnor.quartileMinSchools of them; quartile by linear interpolation, type 7).
// A threshold of 0 switches its criterion off. Procedures with fewer than sample.minReliable
// participants are not evaluated and are listed as such.

import { shareAtLeast, shareBelow } from '../analysis/exact';
import { M } from '../strings';
import type { DistrictSchool } from './district';
import type { ProcedureAgg } from './schema';
import type { DistrictSettings } from './settings';

export type Criterion = 'quality' | 'meanCompletion' | 'riskShare' | 'bottomQuartile';
export const CRITERIA: readonly Criterion[] = ['quality', 'meanCompletion', 'riskShare', 'bottomQuartile'];

export interface ShnorFlag {
  cluster: string;
  code: string;
  name: string;
  procedure: string;
  procedureKey: string;
  criterion: Criterion;
  value: number;
  threshold: number;
  /** The cluster's median of the same indicator (schools evaluated for this procedure). */
  clusterMedian: number | null;
  clusterSchools: number;
  participants: number;
  detail: string;
}

export interface NotEvaluated {
  cluster: string;
  code: string;
  name: string;
  procedure: string;
  participants: number;
}

export interface ShnorResult {
  flags: ShnorFlag[];
  notEvaluated: NotEvaluated[];
  clusters: { name: string; schools: number; flagged: number }[];
}

const EPS = 1e-9;

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

interface ClusterProc {
  quality: number[];
  mean: number[];
  risk: number[];
  schools: number;
}

export function shnorFlags(schools: readonly DistrictSchool[], clusters: readonly string[], s: DistrictSettings): ShnorResult {
  const minN = s.analysis['sample.minReliable'];
  const m = s.municipal;
  const stats = new Map<string, ClusterProc>();
  const evaluated = (p: ProcedureAgg) => p.participants >= minN;
  for (const sc of schools) {
    for (const p of sc.procedures) {
      if (!evaluated(p)) continue;
      const k = `${sc.cluster}\u0000${p.key}`;
      const e = stats.get(k) ?? { quality: [], mean: [], risk: [], schools: 0 };
      e.schools++;
      if (p.quality !== null) e.quality.push(p.quality);
      if (p.meanCompletion !== null) e.mean.push(p.meanCompletion);
      if (p.riskShare !== null) e.risk.push(p.riskShare);
      stats.set(k, e);
    }
  }

  const flags: ShnorFlag[] = [];
  const notEvaluated: NotEvaluated[] = [];
  const summary: ShnorResult['clusters'] = [];
  for (const cluster of clusters) {
    const members = schools.filter((x) => x.cluster === cluster);
    const flagged = new Set<string>();
    for (const sc of members) {
      for (const p of sc.procedures) {
        if (!evaluated(p)) {
          notEvaluated.push({ cluster, code: sc.code, name: sc.name, procedure: p.title, participants: p.participants });
          continue;
        }
        const st = stats.get(`${cluster}\u0000${p.key}`) as ClusterProc;
        const add = (criterion: Criterion, value: number, threshold: number, med: number | null, detail: string) => {
          flagged.add(sc.code);
          flags.push({
            cluster,
            code: sc.code,
            name: sc.name,
            procedure: p.title,
            procedureKey: p.key,
            criterion,
            value,
            threshold,
            clusterMedian: med,
            clusterSchools: st.schools,
            participants: p.participants,
            detail,
          });
        };
        const withMark = p.marks[2] + p.marks[3] + p.marks[4] + p.marks[5];
        // Shares against thresholds exactly, from the counts (issue 11): 40 % quality is not «below 40 %».
        if (
          m['shnor.quality'] > 0 &&
          p.quality !== null &&
          withMark > 0 &&
          shareBelow(p.marks[4] + p.marks[5], withMark, m['shnor.quality'])
        ) {
          add(
            'quality',
            p.quality,
            m['shnor.quality'],
            median(st.quality),
            M.shnor.detail.quality(p.quality, m['shnor.quality'], p.marks[4] + p.marks[5], withMark),
          );
        }
        if (m['shnor.meanCompletion'] > 0 && p.meanCompletion !== null && shareBelow(p.meanCompletion, 100, m['shnor.meanCompletion'])) {
          add(
            'meanCompletion',
            p.meanCompletion,
            m['shnor.meanCompletion'],
            median(st.mean),
            M.shnor.detail.meanCompletion(p.meanCompletion, m['shnor.meanCompletion']),
          );
        }
        if (
          m['shnor.riskShare'] > 0 &&
          p.riskShare !== null &&
          p.participants > 0 &&
          shareAtLeast(p.risk, p.participants, m['shnor.riskShare'])
        ) {
          add(
            'riskShare',
            p.riskShare,
            m['shnor.riskShare'],
            median(st.risk),
            M.shnor.detail.riskShare(p.riskShare, m['shnor.riskShare'], p.risk, p.participants),
          );
        }
        if (m['shnor.bottomQuartile'] >= 1 && p.meanCompletion !== null && st.mean.length >= m['shnor.quartileMinSchools']) {
          const sorted = [...st.mean].sort((a, b) => a - b);
          const q1 = quantile(sorted, 0.25);
          const med = quantile(sorted, 0.5);
          if (p.meanCompletion <= q1 + EPS && p.meanCompletion < med - EPS) {
            add('bottomQuartile', p.meanCompletion, q1, med, M.shnor.detail.bottomQuartile(p.meanCompletion, q1, sorted.length));
          }
        }
      }
    }
    summary.push({ name: cluster, schools: members.length, flagged: flagged.size });
  }
  return { flags, notEvaluated, clusters: summary };
}
