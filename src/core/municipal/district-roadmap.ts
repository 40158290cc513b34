// The district's roadmap: seed 004's municipal programme (template «municipal-low-results», owned and
// kept faithful by src/core/roadmap) with, under its support activities, one row per listed school —
// the coordinator and mentor (1.4), the diagnostics of its teachers (1.5), its individual plan (3.2),
// a partner school (3.7) — and one row per school with stably high results (3.25). Each row carries the
// school's own reasons and numbers. Rows are keyed by school code, so a regeneration keeps the
// coordinator's statuses, and a school that left the list moves to «Архив» with them.
//
// The parent activities are found by their printed number and, if the template's numbering changes, by
// the words of their title.
import type { Grid } from '../grid';
import { buildRoadmapSpec } from '../output/roadmap';
import type { SheetSpec } from '../output/spec';
import { type Problem, problem } from '../problems';
import { type AcademicYear, academicYear, parts, ruDate } from '../roadmap/dates';
import { keyText, slug } from '../roadmap/keys';
import { type MergeResult, mergeRoadmap } from '../roadmap/merge';
import { municipalTemplate } from '../roadmap/municipal-template';
import { type PlannedRow, planRoadmap } from '../roadmap/plan';
import { readRoadmapTab } from '../roadmap/tab-read';
import { M } from '../strings';
import type { District } from './district';
import type { DistrictSettings } from './settings';
import { partnerText, type SupportPlan } from './support';

export type SupportKind = 'coordinator' | 'diagnostics' | 'plan' | 'partner' | 'experience';

/** Where each kind of row goes: the printed number in seed 004, and words of the activity's title. */
export const SUPPORT_PARENTS: Record<SupportKind, { number: string; title: RegExp }> = {
  coordinator: { number: '1.4', title: /координатор.*наставник/ },
  diagnostics: { number: '1.5', title: /диагностик.*компетенц|профессиональн.*дефицит/ },
  plan: { number: '3.2', title: /каждой школе/ },
  partner: { number: '3.7', title: /партнерств/ },
  experience: { number: '3.25', title: /стабильно высок/ },
};

/** The row key of a school's support row: survives renumbering and rewording of the template. */
export function supportKey(kind: SupportKind, code: string): string {
  return `act:sup-${kind}|${slug(code)}`;
}

/**
 * The academic year of the district roadmap: the setting, or the one that starts in September of the
 * current calendar year — from September to December that is the current year (the programme starts
 * with identifying schools in October–November), from January to August the coming one (spring
 * results lead to the next year's support).
 */
export function districtYear(setting: number, today: string): AcademicYear {
  if (setting >= 2000) return academicYear(setting);
  return academicYear(parts(today)[0]);
}

export function districtRoadmapName(year: AcademicYear): string {
  return M.support.tabName(year.start, year.start + 1);
}

interface Child {
  kind: SupportKind;
  key: string;
  title: string;
  responsible: string;
  result: string;
}

function children(plan: SupportPlan): Child[] {
  const out: Child[] = [];
  const R = M.support.rows;
  for (const s of plan.schools) {
    const { code, name } = s.school;
    const row = (kind: SupportKind, title: string) =>
      out.push({ kind, key: supportKey(kind, code), title, responsible: M.support.responsible[kind], result: M.support.results[kind] });
    row('coordinator', R.coordinator(name, code, s.reasons));
    row('diagnostics', R.diagnostics(name, code, M.support.subjects(s.subjects)));
    row('plan', R.plan(name, code, s.reasons));
    row(
      'partner',
      s.partner
        ? R.partner(name, code, partnerText(s.partner))
        : R.partnerNone(name, code, s.weak.length ? M.support.noPartner : M.support.noWeakTasks),
    );
  }
  for (const h of plan.stableHigh) {
    out.push({
      kind: 'experience',
      key: supportKey('experience', h.code),
      title: M.support.rows.experience(h.name, h.code, h.high, h.of),
      responsible: M.support.responsible.experience,
      result: M.support.results.experience,
    });
  }
  return out;
}

/** Index of the last row of the parent activity (all its dated occurrences), or -1. */
function parentEnd(rows: readonly PlannedRow[], kind: SupportKind): number {
  const want = SUPPORT_PARENTS[kind];
  const isOcc = (r: PlannedRow, number: string) => r.number === number || r.number.startsWith(`${number} (`);
  let at = rows.findIndex(
    (r) => r.kind === 'activity' && r.source === 'template' && isOcc(r, want.number) && want.title.test(keyText(r.title)),
  );
  if (at < 0) at = rows.findIndex((r) => r.kind === 'activity' && r.source === 'template' && want.title.test(keyText(r.title)));
  if (at < 0) return -1;
  const key = (rows[at] as PlannedRow).key.replace(/@\d+$/, '');
  let end = at;
  for (let i = at + 1; i < rows.length; i++) if ((rows[i] as PlannedRow).key.replace(/@\d+$/, '') === key) end = i;
  return end;
}

/** The template's rows with the support rows placed under their parents (in SUPPORT_PARENTS order). */
export function supportRows(base: readonly PlannedRow[], plan: SupportPlan): { rows: PlannedRow[]; placed: number; orphans: Child[] } {
  const rows = base.slice();
  const numbers = new Set(rows.map((r) => r.number));
  const all = children(plan);
  const orphans: Child[] = [];
  let placed = 0;
  for (const kind of Object.keys(SUPPORT_PARENTS) as SupportKind[]) {
    const mine = all.filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    const end = parentEnd(rows, kind);
    if (end < 0) {
      orphans.push(...mine);
      continue;
    }
    const parent = rows[end] as PlannedRow;
    const head = rows.find((r) => r.key === parent.key.replace(/@\d+$/, '')) as PlannedRow;
    const first = rows.slice(rows.indexOf(head), end + 1).find((r) => r.end !== null) ?? head;
    const base = head.number.replace(/ \(\d+\/\d+\)$/, '');
    const made: PlannedRow[] = mine.map((c, i) => ({
      kind: 'activity',
      key: c.key,
      // Support rows are the template's activity applied to one school.
      source: 'template',
      number: numbers.has(`${base}.${i + 1}`) ? `${base}-${i + 1}` : `${base}.${i + 1}`,
      stage: head.stage,
      title: c.title,
      participants: '',
      responsible: c.responsible,
      result: c.result,
      documentFormat: '',
      start: first.start,
      end: first.end,
      deadlineText: first.deadlineText,
      phrase: first.phrase,
      ...(first.note ? { note: first.note } : {}),
    }));
    rows.splice(end + 1, 0, ...made);
    placed += made.length;
  }
  return { rows, placed, orphans };
}

export interface DistrictRoadmap {
  name: string;
  spec: SheetSpec | null;
  merged: MergeResult | null;
  problems: Problem[];
  year: AcademicYear | null;
}

/**
 * Builds the district roadmap tab; `old` is the tab as it is now (statuses are kept by key). Returns
 * no spec, with problems, when the setting or the old tab's keys make a regeneration unsafe.
 */
export function buildDistrictRoadmap(d: District, plan: SupportPlan, s: DistrictSettings, old: Grid | undefined): DistrictRoadmap {
  const problems: Problem[] = [];
  const setting = s.municipal['roadmap.year'];
  if (setting > 0 && setting < 2000) {
    problems.push(problem('error', 'district-roadmap-year', M.tabs.execution, M.support.yearBad(setting)));
    return { name: '', spec: null, merged: null, problems, year: null };
  }
  const year = districtYear(setting, d.today);
  const name = districtRoadmapName(year);
  const template = municipalTemplate();
  const base = planRoadmap(
    { template, templateLabel: `«${template.title}»`, year, procedure: M.support.procedure(year.label), levels: [] },
    { deficits: [], atRisk: [], objectivity: [] },
  );
  const { rows } = supportRows(base.rows, plan);
  const oldTab = old ? readRoadmapTab(old, problems) : null;
  if (old && !oldTab) return { name, spec: null, merged: null, problems, year };
  const merged = mergeRoadmap(rows, oldTab);
  const meta = M.support.tabMeta(
    `«${template.title}»`,
    year.label,
    ruDate(year.from),
    ruDate(year.to),
    ruDate(d.today),
    plan.schools.length,
    plan.stableHigh.length,
  );
  const spec = buildRoadmapSpec({ name, procedure: M.support.procedure(year.label), meta, merged });
  return { name, spec, merged, problems, year };
}
