// What to do about a deficit, per skill section: the «Вид работы» column of ИОМ and of the appendices.
// Sensible defaults (by the words of the section or skill, then by the task's level), overridden by an
// optional sheet «Виды работы ИОМ» (Предмет | Раздел или умение | Уровень | Вид работы): the first row
// whose non-empty cells all match wins.
import { cellText, type Grid, isEmpty, norm, type Workbook } from '../grid';
import { findSubject } from '../input/subjects';
import type { Task, TaskLevel } from '../model';
import { type Problem, problem } from '../problems';
import { DA } from '../strings';

export const ACTIVITIES_SHEET = DA.sheetName;

export interface ActivityRule {
  subject?: string;
  /** Lower-case text to find in the task's section, topic or skill. */
  contains?: string;
  level?: TaskLevel;
  activity: string;
  /** 1-based row on the user's sheet; absent for the defaults. */
  row?: number;
}

export interface Activities {
  rules: ActivityRule[];
  /** «лист «Виды работы ИОМ»» or «встроенные». */
  source: string;
}

/** Defaults by the words of the section or the skill (checked in order), then by level. */
const BY_WORDS: readonly [RegExp, string][] = DA.byWords;
const BY_LEVEL: Record<TaskLevel, string> = DA.byLevel;

/** The section speaks first («Текстовые задачи», «Логика»), then the topic, the skill, the planned result. */
export function defaultActivity(t: Task): string {
  for (const part of [t.section, t.topic, t.skill, t.plannedResult]) {
    if (!part) continue;
    const text = norm(part);
    for (const [re, activity] of BY_WORDS) if (re.test(text)) return activity;
  }
  return BY_LEVEL[t.level ?? 'Б'];
}

function taskText(t: Task): string {
  return norm([t.section, t.topic, t.skill, t.plannedResult].filter(Boolean).join(' '));
}

/** The activity for a deficit task of a subject: the user's first matching row, else the default. */
export function activityFor(acts: Activities, subject: string, t: Task): string {
  for (const r of acts.rules) {
    if (r.subject && norm(r.subject) !== norm(subject)) continue;
    if (r.level && r.level !== t.level) continue;
    if (r.contains && !taskText(t).includes(r.contains)) continue;
    return r.activity;
  }
  return defaultActivity(t);
}

const COLS: Record<string, (h: string) => boolean> = {
  subject: (h) => h === 'предмет',
  contains: (h) => /^(раздел|умение|раздел или умение|тема)/.test(h),
  level: (h) => h === 'уровень',
  activity: (h) => h.startsWith('вид работы') || h === 'виды работы' || h === 'что делать',
};

/** Reads «Виды работы ИОМ» when the workbook has it; its problems are warnings (the defaults still work). */
export function readActivities(wb: Workbook | undefined, problems: Problem[]): Activities {
  const grid = wb?.grids.find((g) => norm(g.name) === norm(ACTIVITIES_SHEET));
  if (!grid) return { rules: [], source: DA.builtIn };
  return { rules: readRules(grid, problems), source: DA.sheet(grid.name) };
}

function readRules(grid: Grid, problems: Problem[]): ActivityRule[] {
  let header = -1;
  const cols: Record<string, number> = {};
  for (let r = 0; r < Math.min(grid.values.length, 10) && header < 0; r++) {
    (grid.values[r] ?? []).forEach((v, c) => {
      const h = norm(v).replace(/[.:]/g, '').trim();
      for (const [k, test] of Object.entries(COLS)) if (cols[k] === undefined && h && test(h)) cols[k] = c;
    });
    if (cols.activity !== undefined) header = r;
    else for (const k of Object.keys(cols)) delete cols[k];
  }
  if (header < 0) {
    problems.push(problem('warning', 'activities-header', grid.name, DA.noHeader));
    return [];
  }
  const rules: ActivityRule[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const activity = cellText(row[cols.activity as number]);
    if (!activity) {
      if (row.some((v) => !isEmpty(v)))
        problems.push(problem('warning', 'activities-empty', grid.name, DA.emptyActivity, r + 1, (cols.activity as number) + 1));
      continue;
    }
    const rule: ActivityRule = { activity, row: r + 1 };
    const subj = cols.subject !== undefined ? cellText(row[cols.subject]) : '';
    if (subj) rule.subject = findSubject(subj)?.name ?? subj;
    const contains = cols.contains !== undefined ? norm(row[cols.contains]) : '';
    if (contains) rule.contains = contains;
    const level = cols.level !== undefined ? cellText(row[cols.level]).toUpperCase().slice(0, 1) : '';
    if (level === 'Б' || level === 'П' || level === 'В') rule.level = level;
    else if (level) problems.push(problem('warning', 'activities-level', grid.name, DA.badLevel(level), r + 1, (cols.level as number) + 1));
    rules.push(rule);
  }
  return rules;
}
