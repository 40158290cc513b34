// Texts the menu handlers compose from an analysis: the refusal alert and the summary toast.
import type { AnalysisRun } from '../core/pipeline';
import { formatProblem, type Problem } from '../core/problems';
import { S } from '../core/strings';
import type { WriteReport } from '../core/write/plan';

/** An alert is read, not scrolled: beyond this many, the sidebar has the full list. */
export const ALERT_MAX_PROBLEMS = 15;

export function errorsAlertText(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const lines = [S.menu.errorsIntro(errors.length), '', ...errors.slice(0, ALERT_MAX_PROBLEMS).map((p) => `• ${formatProblem(p)}`)];
  if (errors.length > ALERT_MAX_PROBLEMS) lines.push('', S.menu.errorsMore(errors.length - ALERT_MAX_PROBLEMS));
  return lines.join('\n');
}

export function doneToastText(run: AnalysisRun, report: WriteReport): string {
  const participants = run.summary.procedures.reduce((n, p) => n + p.participants, 0);
  const base = S.menu.done(run.summary.procedures.length, participants, report.written.length);
  return run.summary.warnings > 0 ? base + S.menu.doneWarnings(run.summary.warnings) : base;
}
