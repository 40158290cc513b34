// One source → the aggregates of its school(s). The school edition's core reads and analyses the
// sheets (with the district's thresholds, not the school's own); this module keeps only what the
// district needs per school and procedure. Nothing per student leaves this function.
import { analyseDeficits, type GroupStats, type ProcedureAnalysis } from '../analysis/deficits';
import { groupStudents } from '../analysis/mark-groups';
import { journalStats, markStats } from '../analysis/marks';
import { analyseObjectivity } from '../analysis/objectivity';
import { cellText, norm, type Workbook } from '../grid';
import { type Benchmarks, benchmarksOf } from '../input/benchmarks';
import { UNKNOWN_SUBJECT } from '../input/meta';
import { schoolCodeOf } from '../input/results';
import { readWorkbook } from '../input/workbook';
import type { Procedure, Student } from '../model';
import { formatProblem } from '../problems';
import { M, S } from '../strings';
import { isGeneratedTab } from '../tabs';
import { nameGuard, scrubDeep } from './privacy';
import { isRegionRow, regionFrom } from './regions';
import type { ReportItem } from './reports';
import { isRoadmapTab, roadmapProgress } from './roadmap';
import type { ProcedureAgg, RegionBenchmark, SchoolAgg, Sign } from './schema';
import type { DistrictSettings } from './settings';
import type { SourceUnit } from './sources';

export interface UnitOutcome {
  status: 'ok' | 'failed';
  reason: string | null;
  notes: string[];
  schools: SchoolAgg[];
}

const EPS = 1e-9;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const fin = (x: number) => (Number.isFinite(x) ? r6(x) : null);

/** «вид|год|предмет|класс»: the same for one procedure in every school (dates differ by school). */
export function municipalKey(p: Procedure): string {
  const m = p.meta;
  const base = [m.kind, m.year ?? '', m.subject, m.grade ?? ''].map((x) => String(x).toLowerCase().replace(/\s+/g, '-')).join('|');
  return m.subject === UNKNOWN_SUBJECT ? `${base}|${p.sheet.toLowerCase()}` : base;
}

/** «МБОУ «СОШ № 7»(edu000007)» → «МБОУ «СОШ № 7»». */
export function schoolDisplayName(name: string): string {
  return cellText(name.replace(/\(\s*edu\d+\s*\)/i, ''));
}

interface Identity {
  code: string;
  name: string;
}

function failed(reason: string): UnitOutcome {
  return { status: 'failed', reason, notes: [], schools: [] };
}

/**
 * The region's figures for a work from the school's «Эталоны» (ФИС ОКО report rows): the first row
 * that is neither the whole sample nor a coded municipality or school. Quality = «4» + «5»; mean
 * completion = the region's task completion weighted by each task's max score (the school's mean is
 * weighted the same way).
 */
export function regionBenchmark(b: Benchmarks | undefined, p: Procedure): RegionBenchmark | null {
  const pb = benchmarksOf(b, p);
  return regionFrom(
    pb.marks.find((r) => isRegionRow(r.group)),
    pb.tasks.find((r) => isRegionRow(r.group)),
    p.tasks,
  );
}

function procedureAgg(
  a: ProcedureAnalysis,
  g: GroupStats,
  signs: Sign[],
  s: DistrictSettings,
  region: RegionBenchmark | null,
): ProcedureAgg {
  const p = a.procedure;
  const students: Student[] = groupStudents(p, g);
  const ms = markStats(students);
  const js = journalStats(students);
  const markTwo = s.analysis['risk.markTwo'] >= 1;
  const lowShare = s.analysis['risk.lowShare'];
  let risk = 0;
  let points = 0;
  for (const st of students) {
    points += st.total;
    const completion = p.maxTotal > 0 ? (st.total / p.maxTotal) * 100 : 0;
    if ((markTwo && st.mark === 2) || (lowShare > 0 && completion < lowShare - EPS)) risk++;
  }
  const n = g.participants;
  return {
    key: municipalKey(p),
    title: p.title,
    kind: p.meta.kind,
    year: p.meta.year,
    subject: p.meta.subject,
    grade: p.meta.grade,
    sheet: p.sheet,
    tasks: p.tasks.map((t) => {
      const d: ProcedureAgg['tasks'][number] = { id: t.id, max: t.max, level: t.level };
      if (t.skill) d.skill = t.skill;
      return d;
    }),
    participants: n,
    reliable: g.reliable,
    markSource: p.markSource,
    marks: { 2: ms.counts[2], 3: ms.counts[3], 4: ms.counts[4], 5: ms.counts[5] },
    quality: ms.n > 0 ? fin(ms.quality) : null,
    success: ms.n > 0 ? fin(ms.success) : null,
    meanCompletion: fin(g.meanCompletion),
    points: r6(points),
    completion: g.completion.map(fin),
    status: g.status.slice(),
    insufficient: g.status.filter((x) => x === 'insufficient').length,
    risk,
    riskShare: n > 0 ? r6((risk / n) * 100) : null,
    journal: { n: js.n, lowered: js.lowered, confirmed: js.confirmed, raised: js.raised },
    signs,
    region,
  };
}

/**
 * Reads, analyses and aggregates one source. `label` names it in messages (the spreadsheet's or the
 * file's name). Every string of the outcome has passed the name guard of this source.
 */
export function summariseUnit(unit: SourceUnit, wb: Workbook, s: DistrictSettings, reports: readonly ReportItem[] = []): UnitOutcome {
  const guard = nameGuard(wb);
  return scrubDeep(summarise(unit, wb, s, reports), guard);
}

function summarise(unit: SourceUnit, wb: Workbook, s: DistrictSettings, reports: readonly ReportItem[]): UnitOutcome {
  // The school's own settings do not apply: every school is analysed with the district's thresholds.
  const input: Workbook = {
    name: wb.name,
    grids: wb.grids.filter((g) => norm(g.name) !== norm(S.tabs.settings) && !isRoadmapTab(g.name) && !isGeneratedTab(g.name)),
  };
  const data = readWorkbook(input);
  const errors = data.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 && errors.every((e) => e.code === 'no-results')) return failed(M.read.noResults);
  if (errors.length > 0) return failed(M.read.badData(errors.length, formatProblem(errors[0] as (typeof errors)[number])));
  if (data.procedures.length === 0) return failed(M.read.noResults);

  const analyses = data.procedures.map((p) => analyseDeficits(p, s.analysis));
  const notes: string[] = [];

  // Schools the file names (a school column: ФИС ОКО Ф1 or a table with «Школа»).
  const named = new Map<string, Identity>();
  for (const p of data.procedures) {
    if (p.layout !== 'fis-f1') continue;
    for (const name of p.schools)
      if (!named.has(name)) named.set(name, { code: schoolCodeOf(name) ?? schoolDisplayName(name), name: schoolDisplayName(name) });
  }
  const multi = named.size > 1;
  // File school name → identity; `unnamed` covers the groups of sheets that name no school.
  const byName = new Map<string, Identity>();
  let unnamed: Identity | null = null;
  if (unit.kind === 'schools') {
    if (!multi) {
      if (unit.rows.length > 1) return failed(M.read.oneSchoolManyCodes(unit.rows.length));
      const row = unit.rows[0] as (typeof unit.rows)[number];
      const only = [...named.values()][0];
      unnamed = { code: row.code as string, name: row.name ?? only?.name ?? wb.name };
      for (const n of named.keys()) byName.set(n, unnamed);
    } else {
      const list = [...named].map(([, id]) => `${id.name} (${id.code})`).join('; ');
      for (const row of unit.rows) {
        const code = norm(row.code);
        const hit = [...named].find(([, id]) => norm(id.code) === code || (row.name !== null && norm(id.name) === norm(row.name)));
        if (!hit) {
          notes.push(M.read.schoolNotInExport(row.code as string, list));
          continue;
        }
        byName.set(hit[0], { code: row.code as string, name: row.name ?? hit[1].name });
      }
      if (byName.size === 0)
        return failed(unit.rows.length === 1 ? `${M.read.severalSchools(named.size)} (${list})` : (notes[0] as string));
    }
  } else if (!multi) {
    const only = [...named.values()][0];
    unnamed = only ?? { code: wb.name, name: wb.name };
    for (const n of named.keys()) byName.set(n, unnamed);
  } else {
    for (const [n, id] of named) byName.set(n, id);
  }

  const signsBy = new Map<string, Sign[]>();
  for (const og of analyseObjectivity(analyses, null, s.analysis)) {
    if (og.level !== 'school') continue;
    signsBy.set(
      `${og.procedure.sheet}\u0000${og.school}`,
      og.signs.map((x) => ({ rule: x.rule, level: x.level, text: x.text, reliable: x.reliable })),
    );
  }

  const schools = new Map<string, SchoolAgg>();
  const firstSheet = new Map<string, string>();
  const unnamedSheets = new Set<string>();
  for (const a of analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.level !== 'school') continue;
      const id = p.layout === 'fis-f1' ? byName.get(g.school) : unnamed;
      if (!id) {
        if (p.layout !== 'fis-f1' && multi && !unnamedSheets.has(p.sheet)) {
          unnamedSheets.add(p.sheet);
          notes.push(M.read.unnamedInExport(p.sheet));
        }
        continue;
      }
      let school = schools.get(id.code);
      if (!school) {
        school = { code: id.code, name: id.name, procedures: [], roadmap: null };
        schools.set(id.code, school);
      }
      const key = municipalKey(p);
      const seen = firstSheet.get(`${id.code}\u0000${key}`);
      if (seen !== undefined) {
        notes.push(M.read.duplicateProcedure(p.title, p.sheet, seen));
        continue;
      }
      firstSheet.set(`${id.code}\u0000${key}`, p.sheet);
      const region = regionBenchmark(data.benchmarks, p);
      school.procedures.push(procedureAgg(a, g, signsBy.get(`${p.sheet}\u0000${g.school}`) ?? [], s, region));
    }
  }
  if (schools.size === 0) return failed(notes[0] ?? M.read.noResults);
  // A roadmap belongs to the school whose workbook it is: only a single-school source has one.
  if (schools.size === 1) {
    const only = [...schools.values()][0] as SchoolAgg;
    only.roadmap = roadmapProgress(wb.grids, reports);
  }
  return { status: 'ok', reason: null, notes, schools: [...schools.values()] };
}
