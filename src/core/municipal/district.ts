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

export interface DistrictProcedure {
  key: string;
  title: string;
  kind: string;
  year: number | null;
  subject: string;
  grade: number | null;
  tasks: TaskDef[];
  rows: SchoolRow[];
  participants: number;
  meanCompletion: number | null;
  completion: (number | null)[];
  status: Status[];
  /** Per task: schools with «недостаточно», and schools that wrote the task. */
  insufficientSchools: number[];
  schoolsWithTask: number[];
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

export function buildDistrict(
  sources: SourcesSheet,
  records: ReadonlyMap<string, SourceRecord>,
  settings: DistrictSettings,
  runId: string | null = null,
  opts: DistrictOptions = {},
): District {
  const notes: string[] = [];
  const codeAttrs = new Map<string, Record<string, string>>();
  for (const u of sources.units) for (const r of u.rows) if (r.code) codeAttrs.set(r.code.toLowerCase(), r.attrs);
  const attrOnly = new Map(sources.attributeRows.map((r) => [(r.code as string).toLowerCase(), r]));
  for (const r of sources.attributeRows) codeAttrs.set((r.code as string).toLowerCase(), r.attrs);

  const schools = new Map<string, DistrictSchool>();
  const origin = new Map<string, string>();
  const states = sourceStates(sources, records, runId);
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
  const clusters = [...new Set(list.map((s) => s.cluster))];

  // Procedures: the union of tasks (first school's definition wins), district-wide completion.
  const byKey = new Map<string, { first: ProcedureAgg; rows: { school: DistrictSchool; agg: ProcedureAgg }[] }>();
  for (const s of list) {
    for (const p of s.procedures) {
      const e = byKey.get(p.key) ?? { first: p, rows: [] };
      e.rows.push({ school: s, agg: p });
      byKey.set(p.key, e);
    }
  }
  const fallShare = settings.municipal['district.fallShare'];
  const procedures: DistrictProcedure[] = [];
  for (const { first, rows } of [...byKey.values()].sort((a, b) => procedureOrder(a.first, b.first))) {
    const tasks: TaskDef[] = [];
    const index = new Map<string, number>();
    const conflicts = new Set<string>();
    for (const { agg } of rows) {
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
    for (const id of conflicts) notes.push(M.read.taskConflict(first.title, id));
    const asTask = (t: TaskDef): Task => ({ id: t.id, max: t.max, level: t.level });
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
    const falls: FallTask[] = [];
    tasks.forEach((task, i) => {
      const n = schoolsWithTask[i] as number;
      const k = insufficientSchools[i] as number;
      if (n === 0 || k === 0) return;
      const share = (k / n) * 100;
      if (share >= fallShare - 1e-9)
        falls.push({ index: i, task, insufficient: k, schools: n, share, completion: completion[i] ?? null, codes: codes[i] as string[] });
    });
    procedures.push({
      key: first.key,
      title: first.title,
      kind: first.kind,
      year: first.year,
      subject: first.subject,
      grade: first.grade,
      tasks,
      rows: schoolRows,
      participants,
      meanCompletion: meanMax > 0 ? (meanPoints / meanMax) * 100 : null,
      completion,
      status,
      insufficientSchools,
      schoolsWithTask,
      falls,
    });
  }

  const problems = sources.problems.slice();
  return {
    attributes: sources.attributes,
    clusters,
    schools: list,
    procedures,
    sources: states,
    notes,
    problems,
    shnor: shnorResult(list, clusters, settings, (_sc, p) => regionFor(opts.regions ?? [], p) ?? p.region),
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    reports: [...(opts.reports ?? [])],
  };
}
