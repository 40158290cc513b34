// Support planned per listed school (seed 004 §1.4, 1.5, 3.2, 3.7; seed 002 §2.4–2.6): the school's
// own reasons in words and numbers, the tasks where it is weakest, and a partner school — a school of
// the same cluster, not in the list, that did exactly those tasks well. The schools with stably high
// results (§3.25) come from ./shnor.ts. Nothing here ranks schools: a partner is a suggestion, named
// with the numbers that led to it.
import { M } from '../strings';
import type { District, DistrictProcedure } from './district';
import type { DistrictSettings } from './settings';
import { type Criterion, listedSchools, type ShnorSchool, type StableHigh } from './shnor';

export interface WeakTask {
  procedureKey: string;
  procedure: string;
  task: string;
  /** The school's completion, %. */
  own: number;
  /** The district's, %. */
  district: number | null;
  insufficient: boolean;
}

export interface PartnerTask extends WeakTask {
  /** The partner's completion, %. */
  theirs: number;
}

export interface Partner {
  code: string;
  name: string;
  tasks: PartnerTask[];
  /** Mean of (theirs − own) over the tasks, points. */
  gain: number;
}

export interface SupportSchool {
  school: ShnorSchool;
  /** Counted criteria with their numbers, in words (the roadmap rows carry them). */
  reasons: string;
  subjects: string[];
  weak: WeakTask[];
  partner: Partner | null;
}

export interface SupportPlan {
  schools: SupportSchool[];
  stableHigh: StableHigh[];
}

const MAX_EXAMPLES = 2;

export function reasonsOf(s: ShnorSchool): string {
  const parts = s.criteria
    .filter((c) => c.counted)
    .map((c) => {
      const examples = c.hits.slice(0, MAX_EXAMPLES).map((h) => M.shnor.hitsLine(h.procedure, h.detail));
      const more = c.hits.length - MAX_EXAMPLES;
      return M.support.reason(M.shnor.criterionShort[c.criterion], c.hits.length, c.of, M.support.examples(examples, more));
    });
  return M.support.reasons(parts);
}

/** Works (procedure keys) where a counted criterion held. */
function flaggedWorks(s: ShnorSchool): Set<string> {
  const counted = new Set<Criterion>(s.counted);
  return new Set(s.criteria.filter((c) => counted.has(c.criterion)).flatMap((c) => c.hits.map((h) => h.procedureKey)));
}

function rowOf(p: DistrictProcedure, code: string) {
  return p.rows.find((r) => r.school.code === code);
}

/** The school's weakest tasks in the works that flagged it: «недостаточно» first, the lowest completion first, then furthest below the district. */
export function weakTasks(d: District, s: ShnorSchool, n: number): WeakTask[] {
  const works = flaggedWorks(s);
  const out: WeakTask[] = [];
  for (const p of d.procedures) {
    if (!works.has(p.key)) continue;
    const row = rowOf(p, s.code);
    if (!row) continue;
    p.tasks.forEach((t, i) => {
      const own = row.completion[i];
      if (own === null || own === undefined) return;
      out.push({
        procedureKey: p.key,
        procedure: p.title,
        task: t.id,
        own,
        district: p.completion[i] ?? null,
        insufficient: row.status[i] === 'insufficient',
      });
    });
  }
  const gap = (w: WeakTask) => w.own - (w.district ?? w.own);
  out.sort((a, b) => Number(b.insufficient) - Number(a.insufficient) || a.own - b.own || gap(a) - gap(b));
  return out.slice(0, n);
}

/**
 * A partner for a listed school: a school of its cluster, not listed, whose work was evaluated and who
 * wrote at least half of the weak tasks, with «достаточно» on at least half of those it wrote; of
 * these, the one with the largest mean gain over the school on them (ties: more tasks, then code).
 */
export function suggestPartner(d: District, s: ShnorSchool, weak: readonly WeakTask[], settings: DistrictSettings): Partner | null {
  if (weak.length === 0) return null;
  const listed = new Set(listedSchools(d.shnor).map((x) => x.code));
  const minN = settings.analysis['sample.minReliable'];
  const byKey = new Map(d.procedures.map((p) => [p.key, p]));
  const candidates = d.schools.filter((x) => x.cluster === s.cluster && x.code !== s.code && !listed.has(x.code));
  let best: Partner | null = null;
  for (const c of candidates) {
    const tasks: PartnerTask[] = [];
    let sufficient = 0;
    for (const w of weak) {
      const p = byKey.get(w.procedureKey) as DistrictProcedure;
      const row = rowOf(p, c.code);
      if (!row || row.agg.participants < minN) continue;
      const i = p.tasks.findIndex((t) => t.id === w.task);
      const theirs = row.completion[i];
      if (theirs === null || theirs === undefined) continue;
      tasks.push({ ...w, theirs });
      if (row.status[i] === 'sufficient') sufficient++;
    }
    if (tasks.length * 2 < weak.length || sufficient * 2 < tasks.length) continue;
    const gain = tasks.reduce((a, t) => a + (t.theirs - t.own), 0) / tasks.length;
    if (gain <= 0) continue;
    const better =
      !best ||
      gain > best.gain + 1e-9 ||
      (Math.abs(gain - best.gain) <= 1e-9 &&
        (tasks.length > best.tasks.length || (tasks.length === best.tasks.length && c.code < best.code)));
    if (better) best = { code: c.code, name: c.name, tasks, gain };
  }
  return best;
}

export function partnerText(p: Partner): string {
  return M.support.partner(p.name, p.code, p.tasks.map((t) => M.support.partnerTask(t.task, t.procedure, t.own, t.theirs)).join('; '));
}

export function supportPlan(d: District, settings: DistrictSettings): SupportPlan {
  const n = settings.municipal['partner.tasks'];
  const schools = listedSchools(d.shnor).map((school): SupportSchool => {
    const weak = weakTasks(d, school, n);
    const works = flaggedWorks(school);
    const subjects = [...new Set(d.procedures.filter((p) => works.has(p.key)).map((p) => p.subject))];
    return { school, reasons: reasonsOf(school), subjects, weak, partner: suggestPartner(d, school, weak, settings) };
  });
  return { schools, stableHigh: d.shnor.stableHigh };
}

/** «Школа-партнёр» cell of the ШНОР tab. */
export function partnerCell(s: SupportSchool | undefined): string {
  if (!s) return '';
  if (s.partner) return partnerText(s.partner);
  return s.weak.length ? M.support.noPartner : M.support.noWeakTasks;
}
