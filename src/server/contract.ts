// The contract between the sidebar and the server: one type maps each function the sidebar may call
// to its arguments and result. The sidebar's google.script.run wrapper takes names and types from
// here (a misspelt name does not compile), and the server validates arguments with the schemas below
// because anything can arrive from a browser. Results are plain JSON: no Date (ISO strings instead),
// no undefined in arrays, no class instances.
import type { SheetKind } from '../core/input/workbook';
import type { ShmoChoice, ShmoSection } from '../core/output/shmo-view';
import type { Severity } from '../core/problems';
import type { SettingDef } from '../core/settings';
import { SETTING_DEFS } from '../core/settings';
import * as z from '../core/zod';
import { type ApiOf, endpoint } from './endpoints';
import { ROADMAP_LEVELS, type RoadmapLevel } from './roadmap-levels';

/** A place in the spreadsheet, 1-based as the user sees it; row/col null when unknown (null row: the whole sheet). */
export interface CellRef {
  sheet: string;
  row: number | null;
  col: number | null;
}

export interface ProblemView {
  severity: Severity;
  code: string;
  /** Without the place. */
  message: string;
  /** With the place: «Лист «Протокол», ячейка D7 (строка 7, столбец D): …». */
  text: string;
  sheet: string;
  row: number | null;
  col: number | null;
  a1: string | null;
  /** Where «go to» leads; null when the problem names no existing sheet. */
  place: CellRef | null;
}

export interface SheetView {
  name: string;
  kind: SheetKind;
  layout: string | null;
  procedure: string | null;
  subject: string | null;
  grade: number | null;
  participants: number | null;
}

// ---- steps of the analysis ------------------------------------------------------------------------

/** Every step the server knows (core/tabs.ts: each generated tab belongs to one); the sidebar shows those `getDataOverview` lists. */
import { STEP_IDS, type StepId } from '../core/tabs';

export { STEP_IDS, type StepId };

export interface StepInfo {
  id: StepId;
  title: string;
  description: string;
  /** Tabs of this step that exist now (links before a run). */
  tabs: string[];
  /**
   * The step's parameters, when it has any (the roadmap): the sidebar shows a form and runs the step
   * with `runRoadmapStep(form)` instead of `runStep`; «Запустить» skips it while the form is not filled.
   */
  form: RoadmapFormInfo | null;
  /** What the step usually takes here: the last run in this spreadsheet, else an estimate from the data's size. */
  expectedMs: number;
  /** true: `expectedMs` was measured (the last run); false: estimated. */
  measured: boolean;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'info';

/** One line of a step's summary; `place` makes it a link (a tab, or a row of it). */
export interface SummaryItem {
  text: string;
  tone: Tone;
  place: CellRef | null;
}

export interface SummaryBlock {
  title: string;
  items: SummaryItem[];
}

export interface TabsReport {
  written: string[];
  created: string[];
  deleted: string[];
}

export interface StepResult {
  step: StepId;
  /** false: the data has errors, nothing was written. */
  ok: boolean;
  problems: ProblemView[];
  /** What the step found, written by the server; the sidebar renders blocks without knowing the step. */
  blocks: SummaryBlock[];
  tabs: TabsReport;
  /** ISO 8601. */
  finishedAt: string;
  /** «Что дальше»: what to open first after this step (the weakest class's matrix row, …); links. */
  next?: SummaryItem[];
  /** How long the server took. */
  elapsedMs?: number;
}

// ---- the roadmap step («Дорожная карта») and its parameters ---------------------------------------

export { ROADMAP_LEVELS, type RoadmapLevel, SHEET_TEMPLATE_ID } from './roadmap-levels';

/** What the sidebar's roadmap form sends. Dates are ISO ('' = not given); the year is free text («2025», «2025/2026»). */
export interface RoadmapForm {
  /** A built-in template id, or SHEET_TEMPLATE_ID. */
  template: string;
  year: string;
  procedure: string;
  /** 'YYYY-MM-DD' or ''. */
  resultsDate: string;
  /** Empty = all levels. */
  levels: RoadmapLevel[];
}

export interface RoadmapTemplateOption {
  id: string;
  title: string;
}

/** What the form offers: computed on the server from the spreadsheet and today's date. */
export interface RoadmapFormInfo {
  /** Built-in templates, then «Шаблон дорожной карты (лист)» when that sheet exists. */
  templates: RoadmapTemplateOption[];
  /** The current academic year, Sep–Aug, from the server's today: «2025/2026». */
  defaultYear: string;
  /** Suggestions from the analysed procedures: «ВПР 2026 Математика 5 класс». */
  procedures: string[];
  /** ISO, in the spreadsheet's time zone. */
  today: string;
  /** The form as this user last left it in this spreadsheet; null when never used. */
  saved: RoadmapForm | null;
  /** The menu «Дорожная карта…» asked to open the panel on this form. */
  focus: boolean;
}

export interface RoadmapOverdueView {
  number: string;
  title: string;
  /** ISO. */
  end: string;
  responsible: string;
  /** 1-based row of the roadmap tab; null when not found. */
  row: number | null;
}

export interface RoadmapSummary {
  /** The roadmap tab, then «Исполнение». */
  tab: string;
  execution: string;
  template: string;
  year: string;
  /** Activity rows in the active part (the archive excluded). */
  activities: number;
  done: number;
  doing: number;
  todo: number;
  cancelled: number;
  /** Rows with a status, «Отменено» excluded (as «Исполнение» counts «Мероприятий»). */
  counted: number;
  /** done ÷ counted × 100; null when nothing counts. */
  completion: number | null;
  /** ISO: the server's today, in the spreadsheet's time zone. */
  today: string;
  overdue: RoadmapOverdueView[];
  /** Rows whose marks were carried over from the previous version of the tab. */
  kept: number;
  archived: number;
}

export interface RoadmapStepResult extends StepResult {
  step: 'roadmap';
  /** null when refused (ok false). */
  roadmap: RoadmapSummary | null;
}

export interface TemplateCopyResult {
  /** false: the sheet already exists, nothing written. */
  created: boolean;
  sheet: string;
  template: RoadmapTemplateOption;
  message: string;
}

// ---- the ШМО filter: a person's own view tab (core/output/shmo-view.ts) ----------------------

/** Empty list = no restriction on that dimension. */
export type FilterChoice = ShmoChoice;

export interface FilterOptions {
  subjects: string[];
  grades: number[];
  classes: { name: string; grade: number | null }[];
  /** From «Классы и учителя»; empty when the sheet is missing. */
  teachers: { name: string; subjects: string[]; classes: string[] }[];
}

export interface FilterResult {
  choice: FilterChoice;
  /** true: the view was written (created or refreshed); false: nothing chosen, refused, or cleared. */
  applied: boolean;
  /** The person's view tabs written («ШМО · Математика · 5Б», «ШМО выводы · …»), or removed by «clear». */
  tabs: string[];
  /** The analytic tabs the view shows rows of: rows about a subject, parallel, class or teacher shown, of all. */
  sections: ShmoSection[];
  /** «Удалить мою вкладку» removed the view's tabs. */
  removed: boolean;
  /** Errors in the data: nothing was written. */
  problems: ProblemView[];
}

// ---- settings ---------------------------------------------------------------------------------

export interface SettingField extends SettingDef {
  /** As on the sheet (so that a bad value is shown as the user typed it); '' when missing. */
  value: string;
}

export interface SettingsView {
  sheet: string;
  /** false: the sheet does not exist yet; saving creates it with the defaults first. */
  exists: boolean;
  fields: SettingField[];
  /** Problems of the settings sheet as it is now. */
  problems: ProblemView[];
}

export interface FieldError {
  key: string;
  message: string;
}

export interface SettingsSaveResult {
  /** false: refused, nothing written. */
  ok: boolean;
  errors: FieldError[];
  settings: SettingsView;
  /** The sheet was created (with defaults, then the values). */
  created: boolean;
  /** Value cells written. */
  written: number;
}

// ---- the overview the sidebar loads first ----------------------------------------------------

export interface DataOverview {
  spreadsheet: string;
  sheets: SheetView[];
  /** Recognised works with what ОКО knows about each (first-run view). */
  works: WorkView[];
  firstRun: FirstRunView;
  /** Subjects ОКО knows, for «Указать» on a work whose subject is unknown. */
  subjects: string[];
  /** What the documents section offers. */
  documents: DocumentOptions;
  problems: ProblemView[];
  errors: number;
  warnings: number;
  steps: StepInfo[];
  filter: { options: FilterOptions; saved: FilterChoice | null };
  /** ISO 8601. */
  readAt: string;
}

export interface ActivateResult {
  sheet: string;
  a1: string | null;
}

/** Sheets caps a tab name at 100 characters and a grid at 10 million cells. */
const position = z.nullable(z.int().check(z.gte(1), z.lte(10_000_000)));
const cellRef = z.object({ sheet: z.string().check(z.minLength(1), z.maxLength(100)), row: position, col: position });
const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
export const filterChoiceSchema = z.object({
  subjects: z.array(label).check(z.maxLength(50)),
  grades: z.array(z.int().check(z.gte(1), z.lte(12))).check(z.maxLength(12)),
  classes: z.array(label).check(z.maxLength(200)),
  teachers: z.array(label).check(z.maxLength(200)),
});
const SETTING_KEYS = SETTING_DEFS.map((d) => d.key) as [string, ...string[]];
/** Known keys only, each a finite number; ranges and order are checked by the settings reader itself. */
const settingValues = z.partialRecord(z.enum(SETTING_KEYS), z.number());

/** ISO strings only: the sidebar's date input gives 'YYYY-MM-DD' or ''. */
const isoDate = z.union([z.literal(''), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))]);
const templateId = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
export const roadmapFormSchema = z.object({
  // Empty template or procedure is let through to the core, which names what is missing.
  template: z.string().check(z.trim(), z.maxLength(100)),
  year: z.string().check(z.trim(), z.maxLength(20)),
  procedure: z.string().check(z.trim(), z.maxLength(200)),
  resultsDate: isoDate,
  levels: z.array(z.enum(ROADMAP_LEVELS)).check(z.maxLength(ROADMAP_LEVELS.length)),
});

const docText = z.optional(z.string().check(z.trim(), z.maxLength(200)));
/** «Справка и ИОМ в Google Документах»: which documents, for what; every field optional. */
export const documentsRequestSchema = z.strictObject({
  kinds: z.optional(z.array(z.enum(['report', 'routes', 'appendix'])).check(z.minLength(1), z.maxLength(3))),
  procedure: docText,
  subject: docText,
  className: docText,
  resultsDate: docText,
  year: docText,
});
export type DocumentsRequest = z.infer<typeof documentsRequestSchema>;

export interface DocumentLink {
  kind: 'report' | 'routes' | 'appendix';
  title: string;
  url: string;
}

export interface DocumentsResult {
  /** False when the data has errors or the request names nothing the spreadsheet has: no document is made. */
  ok: boolean;
  documents: DocumentLink[];
  problems: ProblemView[];
  /** How long the server took (the sidebar's expected time next time). */
  elapsedMs?: number;
}

// ---- the first hour (issue 16): first steps, the example, works, documents options ------------------

/** One recognised work as «Данные» shows it: what ОКО read, and what it could not. */
export interface WorkView {
  sheet: string;
  /** «ВПР 2026 Математика 5 класс». */
  title: string;
  /** ВПР, ОГЭ, Диагностика…; «Процедура» when unknown. */
  kind: string;
  /** null when no title row, sheet name or file name names it. */
  subject: string | null;
  grade: number | null;
  /** ISO; null when not given. */
  date: string | null;
  participants: number;
  absent: number;
  classes: string[];
  layout: string;
}

export interface FirstRunView {
  /** At least one results sheet was recognised. */
  hasResults: boolean;
  /** ОКО tabs exist: the analysis ran here before (the numbered first steps are shown until then). */
  hasTabs: boolean;
  /** Sheets with content that ОКО did not recognise. */
  unrecognised: string[];
  /** Sheets of the example school are in the spreadsheet. */
  example: boolean;
}

export interface DocumentOptions {
  subjects: string[];
  classes: string[];
  /** What creating the documents usually takes (see StepInfo.expectedMs). */
  expectedMs: number;
  measured: boolean;
}

export interface ExampleResult {
  /** false: nothing written (the example is already there). */
  created: boolean;
  /** Sheets written, or removed. */
  sheets: string[];
  message: string;
}

/** «Указать» on a work: what the user says about it; '' / null = leave as it is. */
export const workDescriptionSchema = z.strictObject({
  sheet: z.string().check(z.minLength(1), z.maxLength(100)),
  subject: z.string().check(z.trim(), z.maxLength(60)),
  grade: z.nullable(z.int().check(z.gte(1), z.lte(11))),
  date: isoDate,
});
export type WorkDescription = z.infer<typeof workDescriptionSchema>;

export interface WorkDescribeResult {
  /** The sheet's name now (renamed so that the reader finds the subject, grade and date in it). */
  sheet: string;
  renamed: boolean;
  message: string;
  /** The work as it is read now; null when the sheet no longer reads as results. */
  work: WorkView | null;
}

/**
 * The one table of functions the school sidebar may call: the schema of each one's arguments (checked
 * on the server: anything can arrive from a browser) and its result type. Handlers: ./api.ts.
 */
export const SCHOOL_ENDPOINTS = {
  getDataOverview: endpoint<DataOverview>()(z.tuple([])),
  runStep: endpoint<StepResult>()(z.tuple([z.enum(STEP_IDS)])),
  activateCell: endpoint<ActivateResult>()(z.tuple([cellRef])),
  getSettings: endpoint<SettingsView>()(z.tuple([])),
  saveSettings: endpoint<SettingsSaveResult>()(z.tuple([settingValues]) as z.ZodMiniType<[Record<string, number>], unknown>),
  applyFilter: endpoint<FilterResult>()(z.tuple([filterChoiceSchema])),
  clearFilter: endpoint<FilterResult>()(z.tuple([])),
  runRoadmapStep: endpoint<RoadmapStepResult>()(z.tuple([roadmapFormSchema])),
  saveRoadmapForm: endpoint<null>()(z.tuple([roadmapFormSchema])),
  createRoadmapTemplate: endpoint<TemplateCopyResult>()(z.tuple([templateId])),
  createDocuments: endpoint<DocumentsResult>()(z.tuple([z.optional(documentsRequestSchema)])),
  // The first hour (issue 16).
  openExample: endpoint<ExampleResult>()(z.tuple([])),
  removeExample: endpoint<ExampleResult>()(z.tuple([])),
  describeWork: endpoint<WorkDescribeResult>()(z.tuple([workDescriptionSchema])),
};

/** The contract the sidebar's client is typed with (sidebar/server.ts). */
export type ServerApi = ApiOf<typeof SCHOOL_ENDPOINTS>;
export type ServerFunction = keyof ServerApi;
export type ServerArgs<K extends ServerFunction> = ServerApi[K]['args'];
export type ServerResult<K extends ServerFunction> = ServerApi[K]['result'];

export const SERVER_FUNCTIONS = Object.keys(SCHOOL_ENDPOINTS) as ServerFunction[];
