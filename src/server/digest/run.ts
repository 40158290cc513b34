// One send of the digest, from the menu or the weekly trigger: under the document lock, written only
// to those who have not had this week's letter, and recorded.
import { formatProblem } from '../../core/problems';
import { ruDate } from '../../core/roadmap/dates';
import { weekStart } from '../../core/roadmap/digest';
import { D } from '../../core/strings';
import { mailApp } from '../../sheets/digest/gas';
import { readSent, recordSent } from '../../sheets/digest/state';
import { withDocumentLock } from '../../sheets/lock';
import type { SpreadsheetLike } from '../../sheets/surface';
import { todayIn } from '../roadmap';
import { type DigestReport, sendDigest } from './send';

export interface DigestRun {
  today: string;
  /** The week's Monday. */
  week: string;
  report: DigestReport;
}

export function runDigest(ss: SpreadsheetLike, lockWaitMs?: number): DigestRun {
  return withDocumentLock(() => {
    const today = todayIn(ss);
    const week = weekStart(today);
    const before = readSent(week);
    const report = sendDigest(ss, mailApp(), today, { skip: new Set(before.to) });
    if (report.sent.length > 0) recordSent({ week, to: [...before.to, ...report.sent.map((s) => s.to)], at: new Date().toISOString() });
    return { today, week, report };
  }, lockWaitMs);
}

/** True when the run needs the user's attention: a wrong address, no «Ответственные», a failed letter. */
export function needsAttention(run: DigestRun): boolean {
  return run.report.failed !== null || run.report.problems.some((p) => p.severity === 'error');
}

/** The report as the menu's alert (and the trigger's log) shows it. */
export function reportText(run: DigestRun): string {
  const r = run.report;
  if (r.roadmaps === 0) return D.report.noRoadmaps;
  if (r.entries === 0) return D.report.nothing;
  const lines = [
    r.sent.length > 0
      ? D.report.sent(
          r.sent.length,
          r.sent.map((s) => s.responsible),
        )
      : D.report.none,
  ];
  if (r.already.length > 0) lines.push(D.report.already(r.already, ruDate(run.week)));
  if (r.noAddress.length > 0) lines.push(D.report.noAddress(r.noAddress));
  if (r.problems.length > 0) lines.push(D.report.problemsIntro, ...r.problems.map((p) => `• ${formatProblem(p)}`));
  if (r.failed) lines.push(D.report.failed(r.failed.responsible, r.failed.to, r.failed.reason));
  return lines.join('\n');
}
