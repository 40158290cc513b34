// ФИС ОКО «Достижение планируемых результатов»: the report every school downloads for each ВПР. Per
// task it gives the skill checked («Блоки ПООП обучающийся научится / получит возможность научиться или
// проверяемые требования (умения) в соответствии с ФГОС (ФК ГОС)»), the max score and the average
// completion for all of Russia («Вся выборка»), the region, the municipality and the school. Recognised by
// content (a sheet beside the results, or a block on «Эталоны»), it becomes the procedure's task plan
// (after an explicit «План заданий», before the built-in catalogs) and its benchmarks.
import { type CellValue, cellText, type Grid, isEmpty, norm } from '../grid';
import type { Procedure } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import type { TasksBenchmarkRow } from './benchmarks';
import { asNumber } from './cells';
import { metaFromText, type PartialMeta, proceduresFitting } from './meta';
import { type Read, read } from './read';
import { normalizeTaskCode, parseTaskCode } from './task-header';

export type GroupLevel = 'russia' | 'region' | 'municipality' | 'school';

export interface PlanReportTask {
  id: string;
  skill: string;
  max: number;
  /** Completion % per group column (same order as `groups`); null when the cell is empty. */
  completion: (number | null)[];
  row: number;
}

export interface PlanReport {
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  title: string;
  meta: PartialMeta;
  groups: { name: string; level: GroupLevel; participants: number | null }[];
  tasks: PlanReportTask[];
}

const label = (v: unknown) => norm(v).replace(/\s+/g, ' ').trim();
const isSkillLabel = (v: unknown) => {
  const l = label(v);
  return l.startsWith('блоки пооп') || l.includes('проверяемые требования') || l.startsWith('проверяемые умения');
};
const isMaxLabel = (v: unknown) => /^макс(имальный)?\.? ?балл/.test(label(v));
const isIdLabel = (v: unknown) => ['номер задания', '№ задания', '№', 'задание', '№ п/п'].includes(label(v).replace(/[.:]/g, ''));
/** «1722202 уч.», «89 уч»: the participants row under the group names. */
const COUNT = /^(\d[\d\s\u00a0]*)\s*уч\.?$/i;

/** A row that is a plan report's header: a skill column and a max column. */
export function isPlanReportHeader(row: readonly CellValue[]): boolean {
  return row.some(isSkillLabel) && row.some(isMaxLabel);
}

function levelOf(name: string): GroupLevel | null {
  const l = norm(name);
  if (/вся выборка|росси|^рф$/.test(l)) return 'russia';
  if (/\(edu\d+\)|(^|[^а-я])(м[бак]?оу|гбоу|гоу|моу|чоу|сош|оош|нош|школ|лицей|гимнази)/.test(l)) return 'school';
  if (/муниципал|район|городской округ|\(reg\d+_m\d+\)/.test(l)) return 'municipality';
  return null;
}

/** Task code and skill from the skill cell when the report has no number column: «1K1. Умение …», «9.2) …». */
function splitSkill(text: string): { id: string; skill: string } | null {
  const m = /^(?:задание\s*)?(\d{1,2}(?:[.,]\d{1,2})*(?:\s*[КкKk]\s*\d{1,2})?)\s*[.)]\s*(.+)$/i.exec(text);
  if (!m) return null;
  return { id: normalizeTaskCode(m[1] as string), skill: (m[2] as string).trim() };
}

function findReport(grid: Grid, from: number): { header: number; idCol: number | null; skillCol: number; maxCol: number } | null {
  for (let r = from; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (!isPlanReportHeader(row)) continue;
    const skillCol = row.findIndex(isSkillLabel);
    const maxCol = row.findIndex(isMaxLabel);
    const idCol = row.findIndex((v, c) => c < skillCol && isIdLabel(v));
    return { header: r, idCol: idCol >= 0 ? idCol : null, skillCol, maxCol };
  }
  return null;
}

/** Every plan report on a sheet (usually one; «Эталоны» may hold several, one per work). */
export function readPlanReports(grid: Grid): Read<PlanReport[]> {
  const problems: Problem[] = [];
  const out: PlanReport[] = [];
  let from = 0;
  let titlesFrom = 0;
  for (;;) {
    const h = findReport(grid, from);
    if (!h) break;
    const values = grid.values;
    const titles: string[] = [];
    for (let r = titlesFrom; r < h.header; r++) {
      const t = (values[r] ?? [])
        .map(cellText)
        .filter((x) => x !== '')
        .join(' ');
      // Title rows are short: a table row of another report above is not a title.
      if (t && (values[r] ?? []).filter((v) => !isEmpty(v)).length <= 3) titles.push(t);
    }
    // Group columns: right of the max column; their names in the header row or in the rows just below it
    // (a merged «Средний % выполнения» over them), then an optional «N уч.» row.
    let first = h.header + 1;
    const names = new Map<number, string>();
    const counts = new Map<number, number>();
    for (let r = h.header; r <= Math.min(values.length - 1, h.header + 3); r++) {
      const row = values[r] ?? [];
      let isNames = false;
      let isCounts = false;
      for (let c = h.maxCol + 1; c < row.length; c++) {
        const t = cellText(row[c]);
        if (t === '') continue;
        const cm = COUNT.exec(t);
        if (cm) {
          counts.set(c, Number((cm[1] as string).replace(/\D/g, '')));
          isCounts = true;
        } else if (asNumber(row[c]) === null && !/средн|% выполнения|процент/i.test(t)) {
          names.set(c, t);
          isNames = true;
        }
      }
      const dataLike = r > h.header && (!isEmpty(row[h.skillCol]) || (h.idCol !== null && !isEmpty(row[h.idCol])));
      if (dataLike) break;
      if (r > h.header && !isNames && !isCounts && row.some((v) => !isEmpty(v))) break;
      first = r + 1;
    }
    const cols = [...names.keys()].sort((a, b) => a - b);
    const named = cols.map((c) => ({ c, name: names.get(c) as string, level: levelOf(names.get(c) as string) }));
    // Unrecognised names take the remaining levels in the report's order: Russia, region, municipality, school.
    const order: GroupLevel[] = ['russia', 'region', 'municipality', 'school'];
    const free = order.filter((l) => !named.some((g) => g.level === l));
    const groups = named.map((g) => ({
      name: g.name,
      level: g.level ?? (free.shift() as GroupLevel | undefined) ?? 'region',
      participants: counts.get(g.c) ?? null,
    }));
    const tasks: PlanReportTask[] = [];
    let end = values.length;
    for (let r = first; r < values.length; r++) {
      const row = values[r] ?? [];
      if (row.every(isEmpty)) continue;
      if (isPlanReportHeader(row)) {
        end = r;
        break;
      }
      const skillText = cellText(row[h.skillCol]);
      let id: string | null = null;
      let skill = skillText;
      if (h.idCol !== null) id = parseTaskCode(row[h.idCol]) ?? (cellText(row[h.idCol]) ? normalizeTaskCode(cellText(row[h.idCol])) : null);
      if (!id) {
        const split = splitSkill(skillText);
        if (split) ({ id, skill } = split);
      }
      const max = asNumber(row[h.maxCol]);
      // A row that is no task (a «Всего» line, notes): the report ends.
      if (!id || max === null) {
        if (tasks.length > 0) {
          end = r;
          break;
        }
        continue;
      }
      const completion = cols.map((c) => {
        const v = row[c];
        if (isEmpty(v)) return null;
        const n = asNumber(cellText(v).replace('%', ''));
        if (n === null || n < 0 || n > 100) {
          problems.push(problem('error', 'plan-report-number', grid.name, S.planReport.badNumber(cellText(v)), r + 1, c + 1));
          return null;
        }
        return n;
      });
      tasks.push({ id, skill, max, completion, row: r + 1 });
    }
    const title = titles.join(' ');
    const meta: PartialMeta = {};
    for (const t of [...titles, grid.name]) {
      const m = metaFromText(t);
      for (const k of Object.keys(m) as (keyof PartialMeta)[]) if (meta[k] === undefined) (meta as Record<string, unknown>)[k] = m[k];
    }
    if (tasks.length > 0) out.push({ sheet: grid.name, headerRow: h.header + 1, title, meta, groups, tasks });
    from = Math.max(end, h.header + 1);
    titlesFrom = from;
  }
  return read(out, problems);
}

/** The procedure a report is about: by its title (subject, grade, year), or the only procedure. */
export function procedureOfReport(r: PlanReport, procedures: readonly Procedure[]): Procedure | null {
  const matches = proceduresFitting(r.meta, procedures);
  return matches.length === 1 ? (matches[0] as Procedure) : null;
}

/** The report's groups as «Эталоны» rows (shown beside the school's completion on the matrices and statistics). */
export function reportBenchmarks(r: PlanReport): TasksBenchmarkRow[] {
  return r.groups.map((g, i) => ({
    group: `${g.name} (${S.planReport.levelName[g.level]})`,
    row: r.headerRow,
    participants: g.participants,
    schools: null,
    completion: new Map(r.tasks.flatMap((t) => (t.completion[i] === null ? [] : [[t.id, t.completion[i] as number] as [string, number]]))),
  }));
}

/**
 * The report's school figure against ОКО's own computation from the results: a difference beyond the
 * report's rounding means the file is partial or another work.
 */
export function checkReportSchool(r: PlanReport, p: Procedure): Problem[] {
  const si = r.groups.findIndex((g) => g.level === 'school');
  if (si < 0) return [];
  const school = r.groups[si] as PlanReport['groups'][number];
  const code = /\((edu\d+)\)/i.exec(school.name)?.[1];
  const students = p.schools.length > 1 && code ? p.students.filter((s) => s.school.includes(code)) : p.students;
  if (students.length === 0) return [];
  const diffs: string[] = [];
  for (const t of r.tasks) {
    const theirs = t.completion[si];
    const i = p.tasks.findIndex((x) => x.id === t.id);
    if (theirs === null || theirs === undefined || i < 0) continue;
    const task = p.tasks[i] as Procedure['tasks'][number];
    const pts = students.reduce((a, s) => a + (typeof s.scores[i] === 'number' ? (s.scores[i] as number) : 0), 0);
    const ours = (pts * 100) / (students.length * task.max);
    // ФИС ОКО prints one or two decimals: half a point is more than rounding.
    if (Math.abs(ours - theirs) > 0.5) diffs.push(S.planReport.diff(t.id, theirs, ours));
  }
  if (diffs.length === 0) return [];
  return [problem('warning', 'plan-report-mismatch', r.sheet, S.planReport.mismatch(p.title, p.sheet, diffs), r.headerRow)];
}
