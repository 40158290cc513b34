// The contract between the sidebar and the server: one type maps each function the sidebar may call
// to its arguments and result. The sidebar's google.script.run wrapper takes names and types from
// here (a misspelt name does not compile), and the server validates arguments with the schemas below
// because anything can arrive from a browser. Results are plain JSON: no Date, no undefined in arrays.
import type { SheetKind } from '../core/input/workbook';
import type { Severity } from '../core/problems';
import { z } from '../core/zod';

/** A place in the spreadsheet, 1-based as the user sees it; row/col null when unknown. */
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
  participants: number | null;
}

export interface DataOverview {
  spreadsheet: string;
  sheets: SheetView[];
  problems: ProblemView[];
  errors: number;
  warnings: number;
  /** ISO 8601. */
  readAt: string;
}

export interface ClassView {
  name: string;
  participants: number;
  /** Tasks with status «недостаточно». */
  insufficient: number;
  reliable: boolean;
}

export interface ProcedureView {
  title: string;
  sheet: string;
  participants: number;
  absent: number;
  /** Percent, 0–100; null when nobody took part. */
  meanCompletion: number | null;
  classes: ClassView[];
}

export interface TabsReport {
  written: string[];
  created: string[];
  deleted: string[];
}

export interface AnalysisStepResult {
  /** false: the data has errors, nothing was written. */
  ok: boolean;
  problems: ProblemView[];
  summary: { procedures: ProcedureView[]; errors: number; warnings: number };
  tabs: TabsReport;
  /** ISO 8601. */
  finishedAt: string;
}

export interface ActivateResult {
  sheet: string;
  a1: string | null;
}

export interface ServerApi {
  getDataOverview: { args: []; result: DataOverview };
  runAnalysisStep: { args: []; result: AnalysisStepResult };
  activateCell: { args: [CellRef]; result: ActivateResult };
}

export type ServerFunction = keyof ServerApi;
export type ServerArgs<K extends ServerFunction> = ServerApi[K]['args'];
export type ServerResult<K extends ServerFunction> = ServerApi[K]['result'];

/** Sheets caps a tab name at 100 characters and a grid at 10 million cells. */
const position = z.number().int().min(1).max(10_000_000).nullable();
const cellRef = z.object({ sheet: z.string().min(1).max(100), row: position, col: position });

/** Argument tuples, one per function: the keys are the list of functions the bundle must export. */
export const argSchemas: { [K in ServerFunction]: z.ZodType<ServerArgs<K>> } = {
  getDataOverview: z.tuple([]),
  runAnalysisStep: z.tuple([]),
  activateCell: z.tuple([cellRef]),
};

export const SERVER_FUNCTIONS = Object.keys(argSchemas) as ServerFunction[];
