// The district as one model, built from the stored per-source records and «Источники»: schools with
// their clusters, procedures with the task union and district-wide completion, the tasks that fall out
// in most schools, and the ШНОР flags. Pure and deterministic: the same records give the same district
// whether they were collected in one run or in ten chunks.
import { type Status, taskStatus } from '../analysis/deficits';
import type { Task } from '../model';
import type { Problem } from '../problems';
import { M } from '../strings';
import { type DistrictRegion, regionFor } from './regions';
import type { ReportItem } from './reports';
import type { ProcedureAgg, RoadmapProgress, SourceRecord, TaskDef } from './schema';
import type { DistrictSettings } from './settings';
import { type ShnorResult, shnorResult } from './shnor';
import type { SourcesSheet, SourceUnit } from './sources';

export interface DistrictSchool {
  code: string;
  name: string;
  cluster: string;
  attrs: Record<string, string>;
  source: string;
  procedures: ProcedureAgg[];
  roadmap: RoadmapProgress | null;
}

export interface SchoolRow {
  school: DistrictSchool;
  agg: ProcedureAgg;
  /** Aligned with the procedure's task union; null where the school has no such task. */
  completion: (number | null)[];
  status: Status[];
}

export interface FallTask {
  index: number;
  task: TaskDef;
  insufficient: number;
  schools: number;
  share: number;
  completion: number | null;
  codes: string[];
}

/** One procedure's figures pooled over the district's schools (stage 4). */
export interface PooledProcedure {
  rows: SchoolRow[];
  participants: number;
  meanCompletion: number | null;
  /** Per task of the union: the district's completion, pooled by points (not a mean of school means). */
  completion: (number | null)[];
  status: Status[];
  /** Per task: schools with «недостаточно», and schools that wrote the task. */
  insufficientSchools: number[];
  schoolsWithTask: number[];
  /** Per task: the codes of the schools with «недостаточно», in row order. */
  codes: string[][];
}

export interface DistrictProcedure extends Omit<PooledProcedure, 'codes'> {
  key: string;
  title: string;
  kind: string;
  year: number | null;
  subject: string;
  grade: number | null;
  tasks: TaskDef[];
  falls: FallTask[];
}

export interface SourceState {
  unit: SourceUnit;
  record: SourceRecord | null;
  /** Read in the current run. */
  done: boolean;
}

export interface District {
  attributes: string[];
  clusters: string[];
  schools: DistrictSchool[];
  procedures: DistrictProcedure[];
  sources: SourceState[];
  /** Conflicts and unused attribute rows, for the status tab. */
  notes: string[];
  problems: Problem[];
  shnor: ShnorResult;
  /** The day overdue activities and report deadlines are counted on (ISO). */
  today: string;
  /** «Сроки отчётов» rows. */
  reports: ReportItem[];
}

export interface DistrictOptions {
  /** ISO; default: today in UTC. */
  today?: string;
  reports?: readonly ReportItem[];
  /** The district's «Эталоны»: the region's figures per work, over a school's own. */
  regions?: readonly DistrictRegion[];
}

const collator = new Intl.Collator('ru', { numeric: true });

export function clusterName(attributes: readonly string[], attrs: Record<string, string>): string {
  if (attributes.length === 0) return M.allSchools;
  return attributes.map((a) => `${a}: ${attrs[a] || M.notSpecified}`).join(' · ');
}

function procedureOrder(a: ProcedureAgg, b: ProcedureAgg): number {
  return (
    collator.compare(a.kind, b.kind) ||
    (a.year ?? 0) - (b.year ?? 0) ||
    (a.grade ?? 0) - (b.grade ?? 0) ||
    collator.compare(a.subject, b.subject) ||
    collator.compare(a.key, b.key)
  );
}

/** Each listed source with its record, and whether the current run has read it. */
export function sourceStates(sources: SourcesSheet, records: ReadonlyMap<string, SourceRecord>, runId: string | null): SourceState[] {
  return sources.units.map((unit) => {
    const record = records.get(unit.key) ?? null;
    return { unit, record, done: record !== null && (runId === null || record.runId === runId) };
  });
}

/**
 * Stage 1: the schools of every read source, one per code (codes compare case-blind, as users type them).
 * A school's attributes come from its «Источники» row, else from an attribute-only row, else (for an
 * export) from the export's own row; the first source to bring a procedure keeps it and a second copy
 * becomes a note, so two chunks that both carry a school count it once. Attribute-only rows no school
 * used become notes too (a mistyped code is the usual cause). Sorted by cluster, then code.
 */
export function mergeSchools(sources: SourcesSheet, states: readonly SourceState[]): { schools: DistrictSchool[]; notes: string[] } {
  const notes: string[] = [];
  const codeAttrs = new Map<string, Record<string, string>>();
  for (const u of sources.units) for (const r of u.rows) if (r.code) codeAttrs.set(r.code.toLowerCase(), r.attrs);
  const attrOnly = new Map(sources.attributeRows.map((r) => [(r.code as string).toLowerCase(), r]));
  for (const r of sources.attributeRows) codeAttrs.set((r.code as string).toLowerCase(), r.attrs);

  const schools = new Map<string, DistrictSchool>();
  const origin = new Map<string, string>();
  for (const { unit, record } of states) {
    if (record?.status !== 'ok') continue;
    for (const s of record.schools) {
      const k = s.code.toLowerCase();
      attrOnly.delete(k);
      const attrs = codeAttrs.get(k) ?? (unit.kind === 'export' ? (unit.rows[0]?.attrs ?? {}) : {});
      let school = schools.get(k);
      if (!school) {
        school = {
          code: s.code,
          name: s.name,
          cluster: clusterName(sources.attributes, attrs),
          attrs,
          source: record.label,
          procedures: [],
          roadmap: s.roadmap,
        };
        schools.set(k, school);
      } else if (!school.roadmap && s.roadmap) school.roadmap = s.roadmap;
      for (const p of s.procedures) {
        const key = `${k}\u0000${p.key}`;
        const from = origin.get(key);
        if (from !== undefined) {
          notes.push(M.read.duplicateSchool(s.code, p.title, from));
          continue;
        }
        origin.set(key, record.label);
        school.procedures.push(p);
      }
    }
  }
  for (const r of attrOnly.values()) notes.push(M.sources.attrUnused(r.code as string));

  const list = [...schools.values()].sort((a, b) => collator.compare(a.cluster, b.cluster) || collator.compare(a.code, b.code));
  for (const s of list) s.procedures.sort(procedureOrder);
  return { schools: list, notes };
}

export interface ProcedureGroup {
  first: ProcedureAgg;
  rows: { school: DistrictSchool; agg: ProcedureAgg }[];
}

/**
 * Stage 2: the schools' records grouped by procedure key, in the district's procedure order. Rows keep
 * the schools' order (cluster, code), so every table of the procedure lists schools the same way; the
 * first school's record names the procedure.
 */
export function groupProcedures(schools: readonly DistrictSchool[]): ProcedureGroup[] {
  const byKey = new Map<string, ProcedureGroup>();
  for (const s of schools) {
    for (const p of s.procedures) {
      const e = byKey.get(p.key) ?? { first: p, rows: [] };
      e.rows.push({ school: s, agg: p });
      byKey.set(p.key, e);
    }
  }
  return [...byKey.values()].sort((a, b) => procedureOrder(a.first, b.first));
}

/**
 * Stage 3: the union of the schools' tasks for one procedure. Schools may write different variants, so
 * a task seen first in any school joins; the first definition wins, a later one only fills a missing
 * level or skill. A different maximum under the same id is a conflict the user must see (the pooled
 * completion would mix scales), so its id is returned.
 */
export function taskUnion(aggs: readonly ProcedureAgg[]): { tasks: TaskDef[]; index: Map<string, number>; conflicts: string[] } {
  const tasks: TaskDef[] = [];
  const index = new Map<string, number>();
  const conflicts = new Set<string>();
  for (const agg of aggs) {
    for (const t of agg.tasks) {
      const i = index.get(t.id);
      if (i === undefined) {
        index.set(t.id, tasks.length);
        tasks.push({ ...t });
      } else {
        const known = tasks[i] as TaskDef;
        if (known.max !== t.max) conflicts.add(t.id);
        if (known.level === null && t.level !== null) known.level = t.level;
        if (!known.skill && t.skill) known.skill = t.skill;
      }
    }
  }
  return { tasks, index, conflicts: [...conflicts] };
}

const asTask = (t: TaskDef): Task => ({ id: t.id, max: t.max, level: t.level });

/**
 * Stage 4: each school's row aligned with the task union, and the district's figures pooled over the
 * schools. Completion is pooled as points over possible points, weighted by participants, so a school of
 * 200 weighs ten times one of 20, exactly as if all their students sat one work; the mean likewise, over
 * each school's whole maximum. A school's status per task uses the union's level (it may have come from
 * another school's definition).
 */
export function poolProcedure(
  rows: ProcedureGroup['rows'],
  tasks: readonly TaskDef[],
  index: ReadonlyMap<string, number>,
  settings: DistrictSettings,
): PooledProcedure {
  const points = new Array<number>(tasks.length).fill(0);
  const takers = new Array<number>(tasks.length).fill(0);
  const insufficientSchools = new Array<number>(tasks.length).fill(0);
  const schoolsWithTask = new Array<number>(tasks.length).fill(0);
  const codes: string[][] = tasks.map(() => []);
  let participants = 0;
  let meanPoints = 0;
  let meanMax = 0;
  const schoolRows: SchoolRow[] = rows.map(({ school, agg }) => {
    const completion = new Array<number | null>(tasks.length).fill(null);
    const status = new Array<Status>(tasks.length).fill('none');
    agg.tasks.forEach((t, j) => {
      const i = index.get(t.id) as number;
      const c = agg.completion[j] ?? null;
      completion[i] = c;
      if (c === null) return;
      status[i] = taskStatus(c, asTask(tasks[i] as TaskDef), settings.analysis);
      schoolsWithTask[i] = (schoolsWithTask[i] as number) + 1;
      points[i] = (points[i] as number) + (c / 100) * agg.participants * t.max;
      takers[i] = (takers[i] as number) + agg.participants;
      if (status[i] === 'insufficient') {
        insufficientSchools[i] = (insufficientSchools[i] as number) + 1;
        (codes[i] as string[]).push(school.code);
      }
    });
    participants += agg.participants;
    if (agg.meanCompletion !== null) {
      const max = agg.tasks.reduce((a, t) => a + t.max, 0);
      meanPoints += (agg.meanCompletion / 100) * agg.participants * max;
      meanMax += agg.participants * max;
    }
    return { school, agg, completion, status };
  });
  const completion = tasks.map((t, i) =>
    (takers[i] as number) > 0 ? ((points[i] as number) / ((takers[i] as number) * t.max)) * 100 : null,
  );
  const status = completion.map((c, i) => (c === null ? 'none' : taskStatus(c, asTask(tasks[i] as TaskDef), settings.analysis)));
  return {
    rows: schoolRows,
    participants,
    meanCompletion: meanMax > 0 ? (meanPoints / meanMax) * 100 : null,
    completion,
    status,
    insufficientSchools,
    schoolsWithTask,
    codes,
  };
}

/**
 * Stage 5: the tasks that fall out in the district: «недостаточно» in at least `fallShare` % of the
 * schools that wrote the task. A district problem, not one school's, is what the municipal plan acts on.
 * The share is a ratio of school counts; the tolerance keeps a share equal to the threshold counted
 * (57 of 100 schools gives 56.99999999999999 in floats).
 */
export function fallingTasks(tasks: readonly TaskDef[], pooled: PooledProcedure, fallShare: number): FallTask[] {
  const falls: FallTask[] = [];
  tasks.forEach((task, i) => {
    const n = pooled.schoolsWithTask[i] as number;
    const k = pooled.insufficientSchools[i] as number;
    if (n === 0 || k === 0) return;
    const share = (k / n) * 100;
    if (share >= fallShare - 1e-9)
      falls.push({
        index: i,
        task,
        insufficient: k,
        schools: n,
        share,
        completion: pooled.completion[i] ?? null,
        codes: pooled.codes[i] as string[],
      });
  });
  return falls;
}

/** One procedure of the district: stages 3–5 over one group; conflicting task maxima go to `notes`. */
export function districtProcedure({ first, rows }: ProcedureGroup, settings: DistrictSettings, notes: string[]): DistrictProcedure {
  const { tasks, index, conflicts } = taskUnion(rows.map((r) => r.agg));
  for (const id of conflicts) notes.push(M.read.taskConflict(first.title, id));
  const pooled = poolProcedure(rows, tasks, index, settings);
  const { codes: _codes, ...figures } = pooled;
  const { key, title, kind, year, subject, grade } = first;
  return {
    key,
    title,
    kind,
    year,
    subject,
    grade,
    tasks,
    ...figures,
    falls: fallingTasks(tasks, pooled, settings.municipal['district.fallShare']),
  };
}

/**
 * The district from the stored records: merge the schools (stage 1), group their procedures (stage 2),
 * pool each procedure (stages 3–5), then the ШНОР flags over the whole list.
 */
export function buildDistrict(
  sources: SourcesSheet,
  records: ReadonlyMap<string, SourceRecord>,
  settings: DistrictSettings,
  runId: string | null = null,
  opts: DistrictOptions = {},
): District {
  const states = sourceStates(sources, records, runId);
  const { schools, notes } = mergeSchools(sources, states);
  const clusters = [...new Set(schools.map((s) => s.cluster))];
  const procedures = groupProcedures(schools).map((g) => districtProcedure(g, settings, notes));
  return {
    attributes: sources.attributes,
    clusters,
    schools,
    procedures,
    sources: states,
    notes,
    problems: sources.problems.slice(),
    shnor: shnorResult(schools, clusters, settings, (_sc, p) => regionFor(opts.regions ?? [], p) ?? p.region),
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    reports: [...(opts.reports ?? [])],
  };
}
