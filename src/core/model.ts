// The data model the readers produce and the analysis consumes.

export type TaskLevel = 'Б' | 'П' | 'В';
/**
 * vpr-form: ВПР «Форма сбора результатов»; fis-f1: ФИС ОКО «Индивидуальные результаты»; generic: a table
 * typed by hand; gia-protocol: an ОГЭ/ЕГЭ/ГВЭ protocol of the regional centre (РЦОИ) with answer strings.
 */
export type Layout = 'vpr-form' | 'fis-f1' | 'generic' | 'gia-protocol';

export interface Task {
  /** Code as in the result headers: "1", "4К1", "9.1". */
  id: string;
  max: number;
  /** Difficulty level; null when neither the file nor a plan says. */
  level: TaskLevel | null;
  skill?: string;
  plannedResult?: string;
  section?: string;
  topic?: string;
  /**
   * The max was inferred from the scores (answer strings of a ГИА protocol, or task columns without a
   * max): a plan may raise it without an error.
   */
  maxInferred?: boolean;
}

/** A task score: points, or 'X' (present, did not attempt: counts as 0 points). */
export type Score = number | 'X';

export interface Student {
  code: string;
  /** Only in generic tables with an ФИО column; never leaves the school (municipal outputs drop it). */
  name?: string;
  school: string;
  /** Class as shown («7А», «класс 3» without a «Классы» sheet); '' for an absent participant whose row names none. */
  className: string;
  /** Grade of the student's class (parallel), from the class name or the procedure. */
  grade: number | null;
  variant?: string;
  /** Scores aligned with `Procedure.tasks`. */
  scores: Score[];
  /** Sum of points (X = 0). */
  total: number;
  mark: number | null;
  journalMark: number | null;
  /** ЕГЭ test score (0–100) from the protocol, when it has one. */
  testScore?: number;
  /** Below the exam's minimum score («не преодолел минимальный порог»): counted like mark 2. */
  belowThreshold?: boolean;
  /** 1-based row in the source sheet, for messages and highlighting. */
  row: number;
}

export interface ProcedureMeta {
  /** ВПР, ОГЭ, ЕГЭ, НИКО, Диагностика… */
  kind: string;
  year: number | null;
  subject: string;
  grade: number | null;
  /** ISO date of the procedure, if known. */
  date: string | null;
}

/**
 * file: marks from the file; scale: from «Шкала отметок» or «Шкалы ГИА»; threshold: ЕГЭ without a 5-point
 * conversion — «2» below the minimum score, «3» at or above it (the minimum passed), no «4»/«5»; none.
 */
export type MarkSource = 'file' | 'scale' | 'threshold' | 'none';

export interface Procedure {
  /** Stable key: kind-year-subject-grade(-date), lower case, used to link runs and roadmap rows. */
  key: string;
  title: string;
  meta: ProcedureMeta;
  sheet: string;
  layout: Layout;
  tasks: Task[];
  /** Present participants. */
  students: Student[];
  /** Students listed as absent («отсутствовал»): not participants. */
  absent: Student[];
  maxTotal: number;
  markSource: MarkSource;
  /**
   * The file's «Отметка» column (1-based `col`), when it has one; `empty` when it holds no marks in the
   * participants' rows — formulas whose values the file did not save.
   */
  markColumn: { label: string; col: number; empty: boolean } | null;
  /**
   * Minimum primary score for marks 3, 4, 5: from the «Шкала отметок» sheet, or inferred from the
   * file's marks when they are consistent with one scale; null when unknown.
   */
  cuts: [number, number, number] | null;
  /** Where task levels and skills came from. */
  planSource: string | null;
  /** Schools in the order they appear (a ФИС ОКО municipal download has many). */
  schools: string[];
  /**
   * The exam's minimum score for a ГИА procedure (from «Шкалы ГИА»): on the primary score (ОГЭ, ГВЭ) or
   * on the test score (ЕГЭ). Null for other procedures or when the sheet has no row for it.
   */
  threshold: { score: number; on: 'primary' | 'test'; source: string } | null;
}

/** ОГЭ, ЕГЭ, ГВЭ: the state final attestation. */
export const GIA_KINDS: readonly string[] = ['ОГЭ', 'ЕГЭ', 'ГВЭ'];
export function isGia(p: { meta: { kind: string } }): boolean {
  return GIA_KINDS.includes(p.meta.kind);
}
