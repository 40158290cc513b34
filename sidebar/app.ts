// What the sections share: going to a cell, the error box, the problems list.
import type { CellRef, ProblemView } from '../src/server/contract';

export interface App {
  /** Moves the cursor in the spreadsheet (a server call). */
  jump(place: CellRef): void;
  /** Shows a failure in the alert box; null hides it. */
  showError(message: string | null): void;
  /** Replaces the problems shown in «Данные» (after a run found new ones). */
  setProblems(problems: readonly ProblemView[]): void;
}

export function errorText(e: unknown, fallback: string): string {
  return e instanceof Error && e.message ? e.message : fallback;
}
