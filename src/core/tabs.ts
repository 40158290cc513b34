// Tab ownership, in one table: which tabs ОКО generates, which of them hold what users typed, and
// which run or sidebar step writes each one. Readers (core/input, the hosts' readers), the pipeline,
// the write plan and the sidebar's steps all ask this module and nothing else.
//
// A generated tab is never read as input, is replaced whole by the run that owns it, and is deleted
// once that run no longer produces it — unless it keeps user input (roadmap tabs, the template
// sheet, «Группа риска», «Объективность»): hosts read those with their values, the core carries
// what users typed into the new version, and no run deletes them as stale.
import { norm } from './grid';
import { S } from './strings';

/** The sidebar's steps, in the order it runs them. The menu's «Анализ результатов» runs all but the roadmap. */
export const STEP_IDS = ['analysis', 'risk', 'objectivity', 'roadmap'] as const;
export type StepId = (typeof STEP_IDS)[number];

interface TabRule {
  /** The tab's name, or its prefix when `prefix` (one tab per procedure: «Матрица дефицитов · МА 5»). */
  name: string;
  prefix?: true;
  /**
   * The step that writes it; 'roadmap' tabs belong to the roadmap command, never to an analysis run.
   * None: a person's own view («ШМО · …»), written only when that person asks (core/write/shmo.ts).
   */
  step?: StepId;
  /** Users type into it: read with values, carried over, never deleted as stale. */
  userInput?: true;
}

const RULES: readonly TabRule[] = [
  { name: S.tabs.matrix, prefix: true, step: 'analysis' },
  { name: S.tabs.byClass, step: 'analysis' },
  { name: S.tabs.report, step: 'analysis' },
  { name: S.tabs.markStats, step: 'analysis' },
  { name: S.tabs.distribution, step: 'analysis' },
  { name: S.tabs.tasksByMark, step: 'analysis' },
  // Notes columns («Что сделано», «Комментарий», …): see core/output/user-columns.ts.
  { name: S.tabs.risk, step: 'risk', userInput: true },
  { name: S.tabs.dynamics, step: 'risk' },
  { name: S.tabs.objectivity, step: 'objectivity', userInput: true },
  // The roadmap command (core/roadmap): one tab per procedure, the dashboard and the editable template.
  { name: `${S.tabs.roadmap} ·`, prefix: true, step: 'roadmap', userInput: true },
  { name: `${S.tabs.roadmapShort} ·`, prefix: true, step: 'roadmap', userInput: true },
  { name: S.tabs.execution, step: 'roadmap' },
  { name: S.tabs.roadmapTemplate, step: 'roadmap', userInput: true },
  // A person's ШМО view: generated (never read as input), refreshed by its owner, never stale for a run.
  { name: `${S.tabs.shmo} ·`, prefix: true },
  { name: `${S.tabs.shmoFindings} ·`, prefix: true },
];

const exact = new Map<string, TabRule>();
const prefixes: [string, TabRule][] = [];
for (const r of RULES) {
  if (r.prefix) prefixes.push([norm(r.name), r]);
  else exact.set(norm(r.name), r);
}

function ruleOf(name: string): TabRule | undefined {
  const n = norm(name);
  return exact.get(n) ?? prefixes.find(([p]) => n.startsWith(p))?.[1];
}

/** Every tab the add-on generates (the user's «Настройки ОКО» is not one: it is created once, then the user's). */
export function isGeneratedTab(name: string): boolean {
  return ruleOf(name) !== undefined;
}

/** The step that writes a generated tab; null for the user's own tabs. */
export function stepOfTab(name: string): StepId | null {
  return ruleOf(name)?.step ?? null;
}

/**
 * Generated tabs that hold what users typed. Hosts MUST read these with their values (the core reads
 * them from `WorkbookData.generated`), and no run deletes them as stale.
 */
export function keepsUserInput(name: string): boolean {
  return ruleOf(name)?.userInput === true;
}

/** «Дорожная карта · ВПР-2026 МА 5», «ДК · …»: one roadmap tab per procedure. */
export function isRoadmapTab(name: string): boolean {
  const r = ruleOf(name);
  return r?.step === 'roadmap' && r.prefix === true;
}

/** Tabs the roadmap command owns (roadmap tabs, the template sheet, «Исполнение»): an analysis run neither replaces nor deletes them. */
export function isRoadmapOwned(name: string): boolean {
  return stepOfTab(name) === 'roadmap';
}

/**
 * Tabs an earlier run generated that this one did not: deleted so that nothing stale stays. Tabs of
 * the roadmap command, tabs that hold user input and the ШМО views are never stale for an analysis run.
 */
export function staleGeneratedTabs(existing: readonly string[], fresh: readonly { name: string }[]): string[] {
  const made = new Set(fresh.map((t) => t.name));
  return existing.filter((n) => stepOfTab(n) !== null && !isRoadmapOwned(n) && !keepsUserInput(n) && !made.has(n));
}

/** «ШМО · Математика · 5Б», «ШМО выводы · …»: a person's own view of the analytic tabs. */
export function isShmoView(name: string): boolean {
  const r = ruleOf(name);
  return r !== undefined && r.step === undefined;
}
