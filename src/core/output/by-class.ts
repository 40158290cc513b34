// «Дефициты по классам»: a block per procedure — groups × tasks completion with status colours and
// symbols, then the insufficient and borderline tasks of each group with their skills, then the
// systemic skill deficits. The group is the first column of every table (frozen); every row carries
// its subject, parallel and class (empty on parallel and school rows) in hidden filter columns, so the
// ШМО view keeps a subject's, a parallel's or a class's rows.

import { notCheckedText } from '../analysis/checks';
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { Procedure, Task } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { noteTasks, statusFormats, statusRules } from './matrix';
import type { SheetSpec } from './spec';
import { deficitThresholds, PROCEDURE_LEAD, procedureLead, widestTasks } from './stats-common';

export function buildByClass(analyses: readonly ProcedureAnalysis[], s: Settings): SheetSpec {
  const b = new SpecBuilder(S.tabs.byClass);
  const maxTasks = widestTasks(analyses);
  b.preamble(S.tabs.byClass, 5 + maxTasks, [T.byClass.legend(...deficitThresholds(s), s['sample.minReliable'], T.statusLegend)]);
  b.leadColumns(PROCEDURE_LEAD);
  for (const a of analyses) {
    procedureBlock(b, a, s);
    badTasks(b, a);
    systemicSkills(b, a, s);
  }
  // Few distinct widths: Sheets sets each run of equal widths in one call. The skill texts of the
  // lists overflow into the narrow task columns to their right (not wrapped on purpose).
  b.columnWidths = { 0: 190, 1: 100, 2: 100, 3: 100, 4: 100 };
  for (let i = 0; i < maxTasks; i++) b.columnWidths[5 + i] = 52;
  // Title and legend, and each table's group column, stay in view.
  return b.build({ frozenRows: 2, frozenCols: 1 });
}

/** Groups × tasks: % of each task with its status as colour and symbol. */
function procedureBlock(b: SpecBuilder, a: ProcedureAnalysis, s: Settings): void {
  const p = a.procedure;
  b.lead = procedureLead(p);
  b.blank();
  b.row([p.title], { bold: true, background: COLORS.titleBg });
  const h = b.header('byClassGroups', [
    'group',
    'completion',
    'participants',
    'kind',
    'reliability',
    { span: 'tasks', labels: p.tasks.map((t) => t.id) },
  ]);
  const tasks = h.span('tasks');
  noteTasks(b, h.row, tasks.col, p.tasks);
  b.lead = procedureLead(p);
  const levelRow = b.line(h, { group: T.byClass.levelRow }, { tasks: p.tasks.map((t) => t.level ?? '—') }, { italic: true });
  const start = b.nextRow;
  for (const g of a.groups) {
    b.lead = procedureLead(p, g);
    const r = b.line(
      h,
      {
        group: g.name,
        completion: Number.isFinite(g.meanCompletion) ? g.meanCompletion : null,
        participants: g.participants,
        kind: T.groupKind[g.level] ?? g.level,
        reliability: g.reliable ? T.yes : S.unreliable(g.participants, s['sample.minReliable']),
      },
      { tasks: g.completion.map((c) => (Number.isFinite(c) ? c : null)) },
    );
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: tasks.col }, { bold: true });
    if (!g.reliable) b.format({ row: r, col: h.col('reliability'), rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
    statusFormats(b, r, tasks.col, g.status);
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: h.col('completion'), rows, cols: 1 }, { numberFormat: '0.0' });
  b.format({ row: start, col: h.col('reliability'), rows, cols: 1 }, { wrap: true });
  statusRules(b, { row: start, col: tasks.col, rows, cols: tasks.cols }, levelRow, s);
}

/** Per group, the insufficient and borderline tasks with their skills. */
function badTasks(b: SpecBuilder, a: ProcedureAnalysis): void {
  const p = a.procedure;
  b.lead = procedureLead(p);
  b.blank();
  b.row([T.byClass.tasksHeading], { bold: true });
  const h = b.header('byClassTasks', ['group', 'task', 'status', 'completion', 'skill']);
  const start = b.nextRow;
  for (const g of a.groups) {
    if (g.participants === 0) continue;
    b.lead = procedureLead(p, g);
    const bad = p.tasks
      .map((t, i) => ({ t, c: g.completion[i] as number, st: g.status[i] }))
      .filter((x) => x.st === 'insufficient' || x.st === 'uncertain');
    if (bad.length === 0) {
      b.line(h, { group: groupName(g, p), task: '—', status: T.byClass.noBadTasks });
      continue;
    }
    for (const x of bad) {
      b.line(h, {
        group: groupName(g, p),
        task: T.byClass.taskLevel(x.t.id, x.t.level ?? '—'),
        status: S.status[x.st as 'insufficient' | 'uncertain'],
        completion: x.c,
        skill: skillText(x.t) + sectionText(x.t),
      });
    }
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: h.col('completion'), rows, cols: 1 }, { numberFormat: '0.0' });
  const area = { row: start, col: h.col('status'), rows, cols: 1 };
  const cell = ref(start, h.col('status'));
  b.rules.push(
    { range: area, formula: `=${cell}="${S.status.insufficient}"`, background: COLORS.insufficientBg },
    { range: area, formula: `=${cell}="${S.status.uncertain}"`, background: COLORS.uncertainBg },
  );
}

/** Skills most of whose tasks a group did not manage; or why they were not checked. */
function systemicSkills(b: SpecBuilder, a: ProcedureAnalysis, s: Settings): void {
  const p = a.procedure;
  b.lead = procedureLead(p);
  b.blank();
  if (a.skills.length === 0) {
    b.row([T.byClass.skillsNotChecked(notCheckedText(S.checks.noSkills))], { italic: true, fontColor: COLORS.muted });
    return;
  }
  b.row([T.byClass.skillsHeading(s['deficit.systemicShare'])], { bold: true });
  const h = b.header('byClassSkills', ['group', 'completion', 'insufficient', 'tasks', 'skill']);
  const start = b.nextRow;
  let any = false;
  for (const sk of a.skills) {
    a.groups.forEach((g, gi) => {
      if (!sk.systemic[gi]) return;
      any = true;
      b.lead = procedureLead(p, g);
      const bad = sk.tasks.filter((i) => g.status[i] === 'insufficient').length;
      b.line(h, {
        group: groupName(g, p),
        completion: sk.completion[gi] ?? null,
        insufficient: T.byClass.outOf(bad, sk.tasks.length),
        tasks: sk.tasks.map((i) => (p.tasks[i] as Task).id).join(', '),
        skill: sk.skill,
      });
    });
  }
  b.lead = procedureLead(p);
  if (!any) b.line(h, { group: T.byClass.noSystemic });
  b.format({ row: start, col: h.col('completion'), rows: b.nextRow - start, cols: 1 }, { numberFormat: '0.0' });
}

/** «5А», «5 классы (параллель)»; with the school when the procedure has several («5А (МБОУ СОШ № 1)»). */
function groupName(g: GroupStats, p: Procedure): string {
  const name = groupDisplayName(g.name, g.level);
  return p.schools.length > 1 && g.level !== 'school' ? `${name} (${g.school})` : name;
}

export function skillText(t: Task): string {
  if (t.skill && t.plannedResult) return `${t.skill} (${t.plannedResult})`;
  return t.skill ?? t.plannedResult ?? T.byClass.noSkill;
}

function sectionText(t: Task): string {
  const parts = [t.section, t.topic].filter(Boolean);
  return parts.length ? `; ${parts.join(' — ')}` : '';
}

/** «5А», «5 классы (параллель)», «Школа (школа)». */
export function groupDisplayName(name: string, level: string): string {
  return level === 'class' ? name : T.byClass.groupOf(name, T.groupKind[level] as string);
}
