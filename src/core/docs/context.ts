// What every document builder gets: the analysis run the tabs came from, narrowed to what the user asked
// for (procedures, one subject for an ШМО head, one class for a class teacher), and the roadmap those
// analyses imply (dates of ИОМ, checkpoints, proposed decisions: src/core/roadmap/plan.ts).
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import { DEFAULT_SCHOOL, effectiveDate } from '../analysis/linking';
import { cellText, norm } from '../grid';
import { metaFromText } from '../input/meta';
import { findSubject } from '../input/subjects';
import { classKey } from '../input/teachers';
import type { Student } from '../model';
import type { AnalysisRun } from '../pipeline';
import { hasErrors, type Problem, problem } from '../problems';
import { type AcademicYear, academicYear, isIsoDate, parseAcademicYear } from '../roadmap/dates';
import { deficitFindings, matchesProcedure } from '../roadmap/findings';
import { findTemplate } from '../roadmap/library';
import { planRoadmap, type RoadmapPlan } from '../roadmap/plan';
import { extrasFromRun, parseDateInput } from '../roadmap/run';
import { DS } from '../strings';

/** The template whose analysis rows give the documents' dates and decisions (seed 002). */
export const DOCS_TEMPLATE = 'region-model-roadmap';

export interface DocsRequest {
  /** «ВПР 2026», «ВПР-2026, математика, 5 класс»: which procedures (all when empty). */
  procedure?: string;
  /** One subject (an ШМО head's справка). */
  subject?: string;
  /** One class (a class teacher's справка). */
  className?: string;
  /** Academic year of the measures (2026 → 2026/2027); by default from the procedures' dates. */
  year?: string | number;
  /** ISO or dd.mm.yyyy: when the results arrived; by default the latest procedure date. */
  resultsDate?: string;
  /** ISO: the date written on the documents (hosts pass today: the core has no clock). */
  date?: string;
  /** ИОМ: print students' names when the school's own sheet gives them (default true). */
  names?: boolean;
}

export interface DocsContext {
  run: AnalysisRun;
  /** The selected procedures' analyses, in workbook order. */
  analyses: ProcedureAnalysis[];
  request: DocsRequest;
  /** The class asked for, as the results name it; null for all classes. */
  className: string | null;
  year: AcademicYear;
  /** ISO; null when no procedure has a date and none was given. */
  resultsDate: string | null;
  /** Where the dates came from, for the documents' notes. */
  datesNote: string;
  /** The roadmap rows these analyses imply (analysis rows and the template's stages), for dates and decisions. */
  plan: RoadmapPlan | null;
}

export interface DocsSelection {
  ok: boolean;
  context?: DocsContext;
  problems: Problem[];
}

/** Does a group belong to the selection (its class, or the parallel and school the class is in)? */
/**
 * A document with nothing to write (no student at risk, no class with a deficit): no spec, and an error
 * on the documents' place that says why, after what was already found (a bad activities sheet).
 */
export function nothingToWrite(problems: readonly Problem[], code: string, message: string): { spec: null; problems: Problem[] } {
  return { spec: null, problems: [...problems, { severity: 'error', code, sheet: DS.place, message }] };
}

export function groupSelected(ctx: DocsContext, g: GroupStats, classGrade: number | null): boolean {
  if (!ctx.className) return true;
  if (g.level === 'class') return classKey(g.name) === classKey(ctx.className);
  if (g.level === 'parallel') return g.grade === classGrade;
  return true;
}

const roundKey = (a: ProcedureAnalysis) => `${a.procedure.meta.kind}${a.procedure.meta.year ? ` ${a.procedure.meta.year}` : ''}`;

/** The analyses of the same kind and year as the latest procedure (in the order the linking puts them). */
export function latestRound(run: AnalysisRun): ProcedureAnalysis[] {
  const last = run.findings.links.order[run.findings.links.order.length - 1];
  const lastA = run.analyses.find((a) => a.procedure === last) ?? run.analyses[run.analyses.length - 1];
  if (!lastA) return [];
  const key = roundKey(lastA);
  return run.analyses.filter((a) => roundKey(a) === key);
}

function latestDate(analyses: readonly ProcedureAnalysis[]): string | null {
  let best: string | null = null;
  for (const a of analyses) {
    const d = effectiveDate(a.procedure);
    if (d && (!best || d > best)) best = d;
  }
  return best;
}

/**
 * The analyses a request names; a problem (an error: nothing is written) when it names nothing the
 * workbook has. The class is matched like «Классы и учителя» does («5 А» = «5А»).
 */
export function selectForDocs(run: AnalysisRun, req: DocsRequest = {}): DocsSelection {
  const problems: Problem[] = [];
  const err = (code: string, text: string) => problems.push(problem('error', code, DS.place, text));
  if (!run.ok) return { ok: false, problems: run.problems };
  let analyses = run.analyses;
  const all = analyses.map((a) => a.procedure.title);

  const procText = cellText(req.procedure ?? '');
  if (procText) {
    const filter = metaFromText(procText);
    const named = filter.kind !== undefined || filter.year !== undefined || filter.subject !== undefined || filter.grade !== undefined;
    analyses = named
      ? analyses.filter((a) => matchesProcedure(a, filter))
      : analyses.filter((a) => norm(a.procedure.title).includes(norm(procText)) || norm(a.procedure.sheet) === norm(procText));
    if (analyses.length === 0) err('docs-procedure', DS.errors.procedureNotFound(procText, all));
  } else {
    // No procedure named: the latest round (one kind and year, e.g. all of «ВПР 2026»), not last year's too.
    const round = latestRound(run);
    if (round.length > 0 && round.length < analyses.length) {
      const left = analyses.filter((a) => !round.includes(a)).map((a) => a.procedure.title);
      analyses = round;
      problems.push(problem('info', 'docs-round', DS.place, DS.errors.roundChosen(roundKey(round[0] as ProcedureAnalysis), left)));
    }
  }
  const subjText = cellText(req.subject ?? '');
  if (subjText && analyses.length > 0) {
    const subject = findSubject(subjText)?.name ?? subjText;
    const before = analyses;
    analyses = analyses.filter((a) => norm(a.procedure.meta.subject) === norm(subject));
    if (analyses.length === 0)
      err('docs-subject', DS.errors.subjectNotFound(subjText, [...new Set(before.map((a) => a.procedure.meta.subject))]));
  }
  let className: string | null = null;
  const classText = cellText(req.className ?? '');
  if (classText && analyses.length > 0) {
    const key = classKey(classText);
    const before = analyses;
    analyses = analyses.filter((a) => a.groups.some((g) => g.level === 'class' && classKey(g.name) === key));
    const names = [...new Set(before.flatMap((a) => a.groups.filter((g) => g.level === 'class').map((g) => g.name)))];
    className = names.find((n) => classKey(n) === key) ?? null;
    if (analyses.length === 0) err('docs-class', DS.errors.classNotFound(classText, names));
  }

  let resultsDate: string | null = null;
  if (req.resultsDate?.trim()) {
    resultsDate = parseDateInput(req.resultsDate);
    if (!resultsDate) err('docs-results-date', DS.errors.dateBad(req.resultsDate));
  }
  let year: AcademicYear | null = null;
  if (req.year !== undefined && String(req.year).trim() !== '') {
    year = parseAcademicYear(req.year);
    if (!year) err('docs-year', DS.errors.yearBad(String(req.year)));
  }
  if (req.date !== undefined && !isIsoDate(req.date)) err('docs-date', DS.errors.dateBad(req.date));
  if (hasErrors(problems)) return { ok: false, problems };

  const procDate = latestDate(analyses);
  let datesNote: string;
  if (resultsDate) datesNote = DS.dates.given(resultsDate);
  else if (procDate) {
    resultsDate = procDate;
    datesNote = DS.dates.fromProcedure(procDate);
  } else datesNote = DS.dates.none;
  if (!year) {
    const base = resultsDate ?? req.date ?? null;
    // Results of a spring procedure are worked on in the next academic year; autumn and winter ones in the current.
    const start = base ? (Number(base.slice(5, 7)) >= 4 ? Number(base.slice(0, 4)) : Number(base.slice(0, 4)) - 1) : null;
    const metaYear = analyses.find((a) => a.procedure.meta.year !== null)?.procedure.meta.year ?? null;
    year = academicYear(start ?? metaYear ?? 2026);
  }

  const context: DocsContext = { run, analyses, request: req, className, year, resultsDate, datesNote, plan: null };
  context.plan = roadmapFor(context);
  return { ok: true, context, problems };
}

/** The model roadmap planned for the selected analyses, as the roadmap command would (no user edits). */
function roadmapFor(ctx: DocsContext): RoadmapPlan | null {
  const template = findTemplate(DOCS_TEMPLATE);
  if (!template) return null;
  const extras = extrasFromRun(ctx.run, ctx.analyses);
  const inClass = <T extends { className: string }>(xs: T[]) =>
    ctx.className ? xs.filter((x) => classKey(x.className) === classKey(ctx.className as string)) : xs;
  const subjects = [...new Set(ctx.analyses.map((a) => a.procedure.meta.subject))];
  return planRoadmap(
    {
      template,
      templateLabel: template.title,
      year: ctx.year,
      procedure: ctx.analyses.map((a) => a.procedure.title).join('; '),
      ...(ctx.resultsDate ? { resultsDate: ctx.resultsDate } : {}),
      ...(subjects.length === 1 ? { subject: subjects[0] as string } : {}),
      teachers: extras.teachers,
    },
    {
      deficits: inClass(deficitFindings(ctx.analyses)),
      atRisk: inClass(extras.atRisk),
      objectivity: ctx.className
        ? extras.objectivity.filter((o) => classKey(o.group) === classKey(ctx.className as string))
        : extras.objectivity,
    },
  );
}

/** «МБОУ «СОШ № 7»» from «МБОУ «СОШ № 7»(edu000007)»: the ФИС ОКО code is not part of the name. */
export function schoolDisplayName(school: string): string {
  return school.replace(/\s*\((edu\d+)\)\s*$/i, '').trim() || school;
}

/**
 * The school's name for a document. A «Форма сбора результатов» has none (the reader says «Школа»): then
 * the one real name other sheets of the workbook give (Ф1 «Название ОО»), if there is exactly one.
 */
export function schoolTitle(ctx: DocsContext, school: string): string {
  if (school !== DEFAULT_SCHOOL) return schoolDisplayName(school);
  const named = new Set(ctx.run.data.procedures.flatMap((p) => p.schools).filter((s) => s !== DEFAULT_SCHOOL));
  return named.size === 1 ? schoolDisplayName([...named][0] as string) : school;
}

/**
 * How a document names a student. A table with ФИО and no code uses the name as the code: then, without
 * names, the student is «стр. 5» (the row on the school's sheet), which the teacher can find and nobody
 * outside can read.
 */
export function studentLabel(st: Pick<Student, 'code' | 'name' | 'row'>, names: boolean): string {
  const hasCode = st.name === undefined || st.code !== st.name;
  if (names && st.name) return hasCode ? `${st.name} (${DS.codeWord} ${st.code})` : st.name;
  return hasCode ? st.code : DS.rowWord(st.row);
}

/** The teacher(s) of a class in a subject, from «Классы и учителя». */
export function teachersOf(ctx: DocsContext, className: string, subject: string): string[] {
  return ctx.run.findings.teachers?.of(className, subject) ?? [];
}
