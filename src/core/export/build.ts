import { CHECK_IDS, procedureChecks } from '../analysis/checks';
import type { ProcedureAnalysis } from '../analysis/deficits';
import { exportFindings, type Findings } from '../analysis/findings';
import { markCounts } from '../analysis/mark-groups';
import type { Problem } from '../problems';
import type { Settings } from '../settings';
import type { OkoExport } from './schema';

const orNull = (n: number) => (Number.isFinite(n) ? n : null);

export function buildExport(
  source: string,
  analyses: readonly ProcedureAnalysis[],
  settings: Settings,
  problems: readonly Problem[],
  findings?: Pick<Findings, 'atRisk' | 'objectivity'>,
): OkoExport {
  return {
    format: 'oko-export',
    version: 2,
    source,
    settings: { ...settings },
    procedures: analyses.map((a) => {
      const p = a.procedure;
      const ids = p.tasks.map((t) => t.id);
      const checks = procedureChecks(p);
      const notChecked: OkoExport['procedures'][number]['notChecked'] = {};
      for (const id of CHECK_IDS) if (checks[id] !== null) notChecked[id] = checks[id] as string;
      return {
        key: p.key,
        title: p.title,
        kind: p.meta.kind,
        year: p.meta.year,
        subject: p.meta.subject,
        grade: p.meta.grade,
        date: p.meta.date,
        sheet: p.sheet,
        layout: p.layout,
        maxTotal: p.maxTotal,
        markSource: p.markSource,
        threshold: p.threshold,
        planSource: p.planSource,
        absent: p.absent.length,
        notChecked,
        tasks: p.tasks.map((t) => {
          const o: OkoExport['procedures'][number]['tasks'][number] = { id: t.id, max: t.max, level: t.level };
          if (t.skill) o.skill = t.skill;
          if (t.plannedResult) o.plannedResult = t.plannedResult;
          if (t.section) o.section = t.section;
          return o;
        }),
        groups: a.groups.map((g) => ({
          level: g.level,
          name: g.name,
          school: g.school,
          participants: g.participants,
          reliable: g.reliable,
          meanCompletion: orNull(g.meanCompletion),
          completion: Object.fromEntries(ids.map((id, i) => [id, orNull(g.completion[i] as number)])),
          status: Object.fromEntries(ids.map((id, i) => [id, g.status[i] ?? 'none'])),
          absent: g.absent,
          // Not zero counts when there is nothing to count: null, with the reason in notChecked.
          ...(() => {
            const c = markCounts(p, g);
            return { marks: checks.marks === null ? c.marks : null, journal: checks.journal === null ? c.journal : null };
          })(),
        })),
        students: p.students.map((st, i) => {
          const ss = a.students[i];
          return {
            code: st.code,
            class: st.className,
            school: st.school,
            scores: Object.fromEntries(ids.map((id, k) => [id, st.scores[k] ?? 'X'])),
            total: st.total,
            completion: ss?.completion ?? 0,
            mark: st.mark,
            ...(st.testScore !== undefined ? { testScore: st.testScore } : {}),
            ...(st.belowThreshold !== undefined ? { belowThreshold: st.belowThreshold } : {}),
            journalMark: st.journalMark,
            deficits: ids.filter((_, k) => ss?.deficit[k]),
          };
        }),
      };
    }),
    problems: problems.map((p) => ({ ...p })),
    ...exportFindings(findings),
  };
}
