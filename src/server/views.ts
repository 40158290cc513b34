// Core results → the plain JSON views of the contract.
import { a1 } from '../core/grid';
import type { SheetInfo } from '../core/input/workbook';
import type { Procedure } from '../core/model';
import { formatProblem, type Problem } from '../core/problems';
import type { ProblemView, SheetView } from './contract';

/** `sheets`: tab names that exist, so «go to» is offered only where it can succeed. */
export function problemView(p: Problem, sheets: ReadonlySet<string>): ProblemView {
  const row = p.row ?? null;
  const col = p.col ?? null;
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    text: formatProblem(p),
    sheet: p.sheet,
    row,
    col,
    a1: row !== null && col !== null ? a1(row, col) : null,
    place: sheets.has(p.sheet) ? { sheet: p.sheet, row, col } : null,
  };
}

/** `procedure`: the work read from a results sheet, for its subject and parallel. */
export function sheetView(s: SheetInfo, procedure?: Procedure): SheetView {
  return {
    name: s.name,
    kind: s.kind,
    layout: s.layout ?? null,
    procedure: s.procedure ?? null,
    subject: procedure?.meta.subject ?? null,
    grade: procedure?.meta.grade ?? null,
    participants: s.participants ?? null,
  };
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}
