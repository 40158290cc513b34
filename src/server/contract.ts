// The contract between the sidebar and the server: one type maps each function the sidebar may call
// to its arguments and result. The sidebar's google.script.run wrapper takes names and types from
// here (a misspelt name does not compile), and the server validates arguments with the schemas below
// because anything can arrive from a browser. Results are plain JSON: no Date (ISO strings instead),
// no undefined in arrays, no class instances.
import type { SheetKind } from '../core/input/workbook';
import type { Severity } from '../core/problems';
import { SETTING_DEFS } from '../core/settings';
import { z } from '../core/zod';

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

/** Every step the server knows; the sidebar shows only those `getDataOverview` lists (the implemented ones). */
export const STEP_IDS = ['analysis', 'risk', 'objectivity', 'roadmap'] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface StepInfo {
  id: StepId;
  title: string;
  description: string;
  /** Tabs of this step that exist now (links before a run). */
  tabs: string[];
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
}

// ---- the ШМО filter ---------------------------------------------------------------------------

/** Empty list = no restriction on that dimension. */
export interface FilterChoice {
  subjects: string[];
  grades: number[];
  classes: string[];
  teachers: string[];
}

export interface FilterOptions {
  subjects: string[];
  grades: number[];
  classes: { name: string; grade: number | null }[];
  /** From «Классы и учителя»; empty when the sheet is missing. */
  teachers: { name: string; subjects: string[]; classes: string[] }[];
}

export interface FilteredTab {
  sheet: string;
  /** Data rows left visible, of all data rows below the header. */
  visible: number;
  total: number;
  /** Header labels of the columns the filter uses. */
  columns: string[];
}

export interface FilterResult {
  choice: FilterChoice;
  /** true: filters are set; false: cleared (or nothing to filter). */
  applied: boolean;
  /** Generated tabs looked at. */
  tabs: number;
  filtered: FilteredTab[];
  /** Tabs of one work whose subject or parallel is not chosen: hidden while the filter is on. */
  hidden: string[];
  /** Generated tabs without a column the filter can use (unchanged). */
  skipped: string[];
  /** Filters removed and tabs shown again (by «clear», or before a new filter). */
  cleared: string[];
}

// ---- settings ---------------------------------------------------------------------------------

export interface SettingField {
  key: string;
  label: string;
  help: string;
  min: number;
  max: number;
  default: number;
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

/** The one list of functions the sidebar may call, with their arguments and results. */
export interface ServerApi {
  getDataOverview: { args: []; result: DataOverview };
  runStep: { args: [StepId]; result: StepResult };
  activateCell: { args: [CellRef]; result: ActivateResult };
  getSettings: { args: []; result: SettingsView };
  saveSettings: { args: [Record<string, number>]; result: SettingsSaveResult };
  applyFilter: { args: [FilterChoice]; result: FilterResult };
  clearFilter: { args: []; result: FilterResult };
}

export type ServerFunction = keyof ServerApi;
export type ServerArgs<K extends ServerFunction> = ServerApi[K]['args'];
export type ServerResult<K extends ServerFunction> = ServerApi[K]['result'];

/** Sheets caps a tab name at 100 characters and a grid at 10 million cells. */
const position = z.number().int().min(1).max(10_000_000).nullable();
const cellRef = z.object({ sheet: z.string().min(1).max(100), row: position, col: position });
const label = z.string().trim().min(1).max(100);
export const filterChoiceSchema = z.object({
  subjects: z.array(label).max(50),
  grades: z.array(z.number().int().min(1).max(12)).max(12),
  classes: z.array(label).max(200),
  teachers: z.array(label).max(200),
});
const SETTING_KEYS = SETTING_DEFS.map((d) => d.key) as [string, ...string[]];
/** Known keys only, each a finite number; ranges and order are checked by the settings reader itself. */
const settingValues = z.partialRecord(z.enum(SETTING_KEYS), z.number().finite());

/** Argument tuples, one per function: the keys are the list of functions the bundle must export. */
export const argSchemas: { [K in ServerFunction]: z.ZodType<ServerArgs<K>> } = {
  getDataOverview: z.tuple([]),
  runStep: z.tuple([z.enum(STEP_IDS)]),
  activateCell: z.tuple([cellRef]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([settingValues]) as z.ZodType<[Record<string, number>]>,
  applyFilter: z.tuple([filterChoiceSchema]),
  clearFilter: z.tuple([]),
};

export const SERVER_FUNCTIONS = Object.keys(argSchemas) as ServerFunction[];
