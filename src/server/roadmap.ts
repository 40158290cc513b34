// The roadmap step («Дорожная карта») in Google Sheets: the form's options, the run under the
// document lock (read with the roadmap tabs' values → runRoadmap → write the roadmap tab and
// «Исполнение» together, or nothing when the core refuses), the summary, and «Создать шаблон».
// Today is the server's, in the spreadsheet's time zone; the sidebar sends ISO strings only.
import { cellText, norm } from '../core/grid';
import type { WorkbookData } from '../core/input/workbook';
import { STATUS } from '../core/roadmap/columns';
import { ruDate } from '../core/roadmap/dates';
import { builtInTemplates, findTemplate } from '../core/roadmap/library';
import { type RoadmapResult, runRoadmap } from '../core/roadmap/run';
import { buildTemplateSheet, TEMPLATE_SHEET } from '../core/roadmap/template-sheet';
import { S, UI } from '../core/strings';
import type { WriteReport } from '../core/write/plan';
import { UserFacingError } from '../sheets/errors';
import { utilities } from '../sheets/gas';
import { withDocumentLock } from '../sheets/lock';
import { clearUserPref, loadUserPref, saveUserPref } from '../sheets/prefs';
import type { SpreadsheetRead } from '../sheets/read';
import { runAndWrite } from '../sheets/run';
import type { SheetLike, SpreadsheetLike } from '../sheets/surface';
import { TabDirectory } from '../sheets/tabs';
import { writeSpec } from '../sheets/write';
import {
  type RoadmapForm,
  type RoadmapFormInfo,
  type RoadmapStepResult,
  type RoadmapSummary,
  type RoadmapTemplateOption,
  roadmapFormSchema,
  SHEET_TEMPLATE_ID,
  type SummaryBlock,
  type TemplateCopyResult,
} from './contract';
import { capped, item, tabsBlock, tabsReport } from './steps';
import { problemView } from './views';

/** «Создать шаблон» from the menu when the sidebar's form names no built-in template. */
export const DEFAULT_TEMPLATE = 'region-model-roadmap';
const FORM_PREF = 'roadmap.form';
const FOCUS_PREF = 'roadmap.focus';

/** Today in the spreadsheet's time zone, as 'YYYY-MM-DD'. */
export function todayIn(ss: SpreadsheetLike): string {
  return utilities().formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/** The academic year (1 September – 31 August) that contains `today`: «2025/2026». */
export function academicYearOf(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = m >= 9 ? y : y - 1;
  return `${start}/${start + 1}`;
}

export function savedForm(ss: SpreadsheetLike): RoadmapForm | null {
  const parsed = roadmapFormSchema.safeParse(loadUserPref(ss, FORM_PREF));
  return parsed.success ? parsed.data : null;
}

export function saveForm(ss: SpreadsheetLike, form: RoadmapForm): void {
  saveUserPref(ss, FORM_PREF, form);
}

/** The menu «Дорожная карта…»: the panel opened next opens on the roadmap form. */
export function requestFocus(ss: SpreadsheetLike): void {
  saveUserPref(ss, FOCUS_PREF, true);
}

function consumeFocus(ss: SpreadsheetLike): boolean {
  if (loadUserPref(ss, FOCUS_PREF) !== true) return false;
  clearUserPref(ss, FOCUS_PREF);
  return true;
}

export function templateOptions(tabNames: readonly string[]): RoadmapTemplateOption[] {
  const options = builtInTemplates().map((t) => ({ id: t.id, title: t.shortTitle ?? t.title }));
  if (tabNames.some((n) => norm(n) === norm(TEMPLATE_SHEET))) options.push({ id: SHEET_TEMPLATE_ID, title: UI.roadmap.sheetTemplate });
  return options;
}

/** «ВПР 2026 Математика 5 класс», one per analysed work, in the order of the sheets. */
export function procedureSuggestions(data: WorkbookData): string[] {
  return [...new Set(data.procedures.map((p) => p.title.replace(/\s+/g, ' ').trim()).filter((t) => t !== ''))];
}

/** What the form offers; `consume` takes the menu's «open on the form» request. */
export function roadmapFormInfo(ss: SpreadsheetLike, tabNames: readonly string[], data: WorkbookData, consume = true): RoadmapFormInfo {
  const today = todayIn(ss);
  return {
    templates: templateOptions(tabNames),
    defaultYear: academicYearOf(today),
    procedures: procedureSuggestions(data),
    today,
    saved: savedForm(ss),
    focus: consume ? consumeFocus(ss) : false,
  };
}

export interface RoadmapOutcome {
  result: RoadmapResult;
  read: SpreadsheetRead;
  /** null when refused: nothing was written. */
  report: WriteReport | null;
  today: string;
}

/** Reads (roadmap tabs with their values), builds and writes under the document lock; nothing is written on any error. */
export function runRoadmapAndWrite(ss: SpreadsheetLike, form: RoadmapForm): RoadmapOutcome {
  let today = '';
  const outcome = runAndWrite(ss, (wb) => {
    today = todayIn(ss);
    const { template, year, procedure, resultsDate, levels } = form;
    return runRoadmap(wb, { template, year, procedure, resultsDate, levels, today });
  });
  return { ...outcome, today };
}

/** The summary figures of the roadmap as written (the fresh tab, its active part). */
export function roadmapSummary(outcome: RoadmapOutcome): RoadmapSummary | null {
  const { result, today } = outcome;
  // The roadmap tab first, «Исполнение» last (the roadmap's «ИОМ» tab, when written, between them).
  const roadmapTab = result.tabs[0];
  const executionTab = result.tabs[result.tabs.length - 1];
  if (!result.ok || !roadmapTab || !executionTab) return null;
  const fresh = result.roadmaps.find((r) => r.name === roadmapTab.name);
  const active = (fresh?.rows ?? []).filter((r) => fresh?.archiveRow === null || r.row < (fresh?.archiveRow ?? 0));
  const [TODO, DOING, DONE, CANCELLED] = [STATUS.todo, STATUS.doing, STATUS.done, STATUS.cancelled].map((s) => norm(s));
  const counts = { done: 0, doing: 0, todo: 0, cancelled: 0, withStatus: 0 };
  for (const r of active) {
    const st = norm(r.cells.status);
    if (st === '') continue;
    counts.withStatus++;
    if (st === DONE) counts.done++;
    else if (st === DOING) counts.doing++;
    else if (st === TODO) counts.todo++;
    else if (st === CANCELLED) counts.cancelled++;
  }
  const counted = counts.withStatus - counts.cancelled;
  const rowOf = (number: string, title: string) =>
    active.find((r) => cellText(r.cells.number) === number && cellText(r.cells.title) === title)?.row ?? null;
  return {
    tab: roadmapTab.name,
    execution: executionTab.name,
    template: result.template?.shortTitle ?? result.template?.title ?? '',
    year: result.year?.label ?? '',
    activities: result.activities,
    done: counts.done,
    doing: counts.doing,
    todo: counts.todo,
    cancelled: counts.cancelled,
    counted,
    completion: counted > 0 ? (counts.done / counted) * 100 : null,
    today,
    overdue: result.overdue.map((o) => ({ ...o, row: rowOf(o.number, o.title) })),
    kept: result.merge?.kept ?? 0,
    archived: result.merge?.archived ?? 0,
  };
}

export function roadmapBlocks(outcome: RoadmapOutcome, s: RoadmapSummary): SummaryBlock[] {
  if (!outcome.report) return [];
  const notes = outcome.result.problems
    .filter((p) => p.code.startsWith('roadmap') && p.severity !== 'error')
    .map((p) => item(p.message, p.severity === 'warning' ? 'warn' : 'info'));
  const overdue = s.overdue.map((o) => item(UI.roadmap.overdueLine(o.number, o.title, ruDate(o.end)), 'bad', s.tab, o.row));
  return [
    {
      title: s.tab,
      items: [
        item(UI.roadmap.params(s.template, s.year)),
        item(UI.roadmap.activities(s.activities, s.done, s.doing, s.todo, s.cancelled), 'info', s.tab),
        item(UI.roadmap.completion(s.completion, s.done, s.counted), s.completion === 100 ? 'ok' : 'info', s.execution),
        item(UI.roadmap.overdue(s.overdue.length, ruDate(s.today)), s.overdue.length > 0 ? 'bad' : 'ok', s.execution),
        ...capped(overdue),
        ...(s.kept > 0 || s.archived > 0 ? [item(UI.roadmap.kept(s.kept, s.archived))] : []),
        ...notes,
      ],
    },
    tabsBlock(outcome.report),
  ];
}

/** `runRoadmapStep`: the form is remembered for this user (the menu's «Создать шаблон» uses its template). */
export function roadmapStep(ss: SpreadsheetLike, form: RoadmapForm): RoadmapStepResult {
  saveForm(ss, form);
  const outcome = runRoadmapAndWrite(ss, form);
  const names = new Set(outcome.read.tabs.names());
  const problems = [...outcome.result.problems];
  const summary = roadmapSummary(outcome);
  return {
    step: 'roadmap',
    ok: outcome.report !== null,
    problems: problems.map((p) => problemView(p, names)),
    blocks: summary ? roadmapBlocks(outcome, summary) : [],
    tabs: tabsReport(outcome.report),
    finishedAt: new Date().toISOString(),
    roadmap: summary,
  };
}

/** The template «Создать шаблон» copies: the form's, when it names a built-in one, else the default. */
export function chosenTemplate(ss: SpreadsheetLike): { id: string; fromForm: boolean } {
  const form = savedForm(ss);
  if (form && findTemplate(form.template)) return { id: form.template, fromForm: true };
  return { id: DEFAULT_TEMPLATE, fromForm: false };
}

/**
 * «Создать шаблон»: the built-in template `id` as the editable sheet «Шаблон дорожной карты», only
 * when that sheet does not exist (the user's template is never overwritten).
 */
export function copyTemplateSheet(ss: SpreadsheetLike, id: string): TemplateCopyResult & { sheetObject: SheetLike | null } {
  if (norm(id) === norm(SHEET_TEMPLATE_ID)) throw new UserFacingError(UI.roadmap.templateCopySheet);
  const tpl = findTemplate(id);
  if (!tpl) throw new UserFacingError(UI.roadmap.templateUnknown(id));
  const template = { id: tpl.id, title: tpl.title };
  return withDocumentLock(() => {
    const tabs = TabDirectory.read(ss);
    const existing = tabs.entries().find((t) => norm(t.name) === norm(TEMPLATE_SHEET));
    if (existing) {
      return { created: false, sheet: existing.name, template, message: S.roadmap.templateSheetExists(existing.name), sheetObject: null };
    }
    const sheet = writeSpec(ss, buildTemplateSheet(tpl), tabs);
    return {
      created: true,
      sheet: TEMPLATE_SHEET,
      template,
      message: UI.roadmap.templateCreated(TEMPLATE_SHEET, tpl.shortTitle ?? tpl.title, tpl.id),
      sheetObject: sheet,
    };
  });
}
