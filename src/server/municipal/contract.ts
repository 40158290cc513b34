// The contract between the municipal sidebar (sidebar/municipal) and the municipal edition's server,
// as ../contract.ts is for the school: one type maps each function the sidebar may call to its
// arguments and result; the sidebar's google.script.run wrapper takes names and types from it, and
// the server validates arguments with the schemas below. Results are plain JSON, times ISO strings.
import * as z from '../../core/zod';
import { type ApiOf, endpoint } from '../endpoints';

/** The job's state: one document property, cheap enough to poll every few seconds. */
export interface AggregationStatus {
  phase: 'idle' | 'running' | 'finished' | 'stopped';
  done: number;
  total: number;
  failed: number;
  chunks: number;
  /** ISO 8601, or null before the first chunk. */
  startedAt: string | null;
  lastChunkAt: string | null;
  /** When the next step is due (a trigger is set), ISO; null when none is. */
  nextAt: string | null;
  /** The last failure of a step (a trigger run), in Russian: what happened and what to do. */
  lastError: { at: string; text: string } | null;
  /** Why the collection stopped, when an error stopped it («Продолжить сбор» resumes it). */
  stopReason: string | null;
  /** The status line, in Russian. */
  text: string;
}

/** What «Начать сбор» / «Продолжить сбор» did: one chunk, or nothing to continue. */
export interface ChunkView {
  /** false: nothing ran («Продолжить» with no running collection). */
  ran: boolean;
  /** Sources read in this chunk. */
  processed: number;
  finished: boolean;
  /** The same text the menu shows in a toast. */
  message: string;
  status: AggregationStatus;
}

/** A source of the current run that could not be read or analysed. */
export interface FailedSourceView {
  /** What «Источники» says: school names (or the spreadsheet's title) and codes. */
  name: string;
  codes: string[];
  /** 1-based rows of «Источники». */
  rows: number[];
  /** Russian, actionable, without student names. */
  reason: string;
  /** ISO 8601 (UTC). */
  checkedAt: string;
}

export const DISTRICT_TAB_IDS = ['summary', 'deficits', 'shnor', 'execution'] as const;
export type DistrictTabId = (typeof DISTRICT_TAB_IDS)[number];

export interface DistrictTabView {
  id: DistrictTabId;
  name: string;
  exists: boolean;
}

/** Read after each chunk (not every poll): «Источники», the saved records, the district tabs. */
export interface AggregationDetails {
  /** Sources listed on «Источники» (0 when the sheet is missing). */
  sources: number;
  failed: FailedSourceView[];
  /** Problems of «Источники» and of the settings, with their place. */
  problems: string[];
  tabs: DistrictTabView[];
  /** ISO 8601. */
  readAt: string;
}

export interface TabActivated {
  sheet: string;
}

/** The one table of functions the municipal sidebar may call: argument schemas and result types (../endpoints.ts). */
export const MUNICIPAL_ENDPOINTS = {
  getAggregationStatus: endpoint<AggregationStatus>()(z.tuple([])),
  getAggregationDetails: endpoint<AggregationDetails>()(z.tuple([])),
  startAggregation: endpoint<ChunkView>()(z.tuple([])),
  continueAggregation: endpoint<ChunkView>()(z.tuple([])),
  activateDistrictTab: endpoint<TabActivated>()(z.tuple([z.enum(DISTRICT_TAB_IDS)])),
};

export type MunicipalApi = ApiOf<typeof MUNICIPAL_ENDPOINTS>;
export type MunicipalFunction = keyof MunicipalApi;

export const MUNICIPAL_FUNCTIONS = Object.keys(MUNICIPAL_ENDPOINTS) as MunicipalFunction[];
