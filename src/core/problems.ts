// Problems found in the user's data. An error stops the run before anything is written;
// a warning is reported beside the results.
import { a1 } from './grid';
import { S } from './strings';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  severity: Severity;
  /** Stable machine id, e.g. "score-above-max"; tests and the sidebar key on it. */
  code: string;
  /** The sheet the problem is on; the file's (workbook's) name when `scope` is 'file'. */
  sheet: string;
  /** 'file': about the whole file (no results sheet at all), named as a file, not as a sheet. */
  scope?: 'file';
  /** 1-based row and column as the user sees them, when the problem has a place. */
  row?: number;
  col?: number;
  /** Russian text without the place; `formatProblem` adds it. */
  message: string;
  /** A form field («Учебный год») when the problem is in what the user typed into a form, not in a sheet (`sheet` is then ''). */
  field?: string;
}

export function problem(severity: Severity, code: string, sheet: string, message: string, row?: number, col?: number): Problem {
  const p: Problem = { severity, code, sheet, message };
  if (row !== undefined) p.row = row;
  if (col !== undefined) p.col = col;
  return p;
}

/** A problem in a form field the user filled in (the roadmap form's «Учебный год»), not in a sheet. */
export function fieldProblem(severity: Severity, code: string, field: string, message: string): Problem {
  return { severity, code, sheet: '', message, field };
}

/** «Лист «Протокол», ячейка D7 (строка 7, столбец D): …»; «Поле «Учебный год»: …» for a form field. */
export function formatProblem(p: Problem): string {
  if (p.field !== undefined) return `${S.fieldPlace(p.field)}: ${p.message}`;
  if (p.scope === 'file') return `${S.filePlace(p.sheet)}: ${p.message}`;
  return `${S.problemPlace(p.sheet, p.row, p.col, p.row && p.col ? a1(p.row, p.col) : undefined)}: ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** A problem about the whole file: «Файл «Школа 7»: …». */
export function fileProblem(severity: Severity, code: string, file: string, message: string): Problem {
  return { severity, code, sheet: file, scope: 'file', message };
}

/** Thrown by entry points when input has errors; carries every problem so the user sees them all. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n'),
    );
    this.name = 'InputError';
  }
}
