// Core results → the plain JSON views of the contract.
import { a1 } from '../core/grid';
import { UNKNOWN_SUBJECT } from '../core/input/meta';
import type { SheetInfo } from '../core/input/workbook';
import type { Procedure } from '../core/model';
import { formatProblem, type Problem } from '../core/problems';
import type { ProblemView, SheetView, WorkView } from './contract';

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

/** A recognised work as «Данные» lists it: what was read, null where nothing said it. */
export function workView(p: Procedure): WorkView {
  const classes = [...new Set(p.students.map((s) => s.className).filter((c) => c !== ''))].sort((a, b) =>
    a.localeCompare(b, 'ru', { numeric: true }),
  );
  return {
    sheet: p.sheet,
    title: p.title,
    kind: p.meta.kind,
    subject: p.meta.subject === UNKNOWN_SUBJECT ? null : p.meta.subject,
    grade: p.meta.grade,
    date: p.meta.date,
    participants: p.students.length,
    absent: p.absent.length,
    classes,
    layout: p.layout,
  };
}
