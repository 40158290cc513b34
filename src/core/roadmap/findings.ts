// What the analysis tells the roadmap: which classes need changes to their work programmes (built
// here from the deficit analysis), which students need an individual route (ИОМ) and which groups show
// signs of non-objective results (both built by other modules and handed in as plain arrays).
import type { ProcedureAnalysis } from '../analysis/deficits';
import { norm } from '../grid';
import type { PartialMeta } from '../input/meta';
import { isGia, type TaskLevel } from '../model';
import type { LevelTag } from './levels';

export type { LevelTag };

export interface DeficitTask {
  id: string;
  level: TaskLevel | null;
  /** Completion % of the class. */
  completion: number;
  skill?: string;
  /** Title of the procedure the task belongs to. */
  procedure: string;
}

/** One class × subject with insufficiently completed tasks. */
export interface DeficitFinding {
  school: string;
  className: string;
  grade: number | null;
  subject: string;
  procedures: string[];
  tasks: DeficitTask[];
  participants: number;
  /** False when the class is below the reliable sample size: its row says so. */
  reliable: boolean;
  /** An ОГЭ/ЕГЭ/ГВЭ procedure among them: the row is about preparing for the state exam. */
  gia?: boolean;
}

/** An at-risk student (docs/domain.md §5), each flag with its reason. */
export interface AtRiskFinding {
  code: string;
  className: string;
  reasons: string[];
  school?: string;
  /** Subjects the student is at risk in, if known. */
  subjects?: string[];
}

/** A sign of non-objective results (docs/domain.md §6): a sign to check, never an accusation. */
export interface ObjectivityFinding {
  /** Class, parallel or school («5Б»). */
  group: string;
  teacher?: string;
  text: string;
  /** A stable name of the sign («journal-gap», «cutoff-peaks»): keeps the row's key stable when the numbers in `text` change. */
  kind?: string;
  subject?: string;
}

/** A teacher of a class (optionally of one subject), from the «Классы и учителя» sheet. */
export interface TeacherAssignment {
  className: string;
  subject?: string;
  teacher: string;
}

export interface RoadmapFindings {
  deficits: DeficitFinding[];
  atRisk: AtRiskFinding[];
  objectivity: ObjectivityFinding[];
}

export function levelOfGrade(grade: number | null): LevelTag | null {
  if (grade === null) return null;
  if (grade >= 1 && grade <= 4) return 'НШ';
  if (grade >= 5 && grade <= 9) return 'ОШ';
  if (grade >= 10 && grade <= 11) return 'СШ';
  return null;
}

/** Grade from a class name: «5А» → 5, «10-Б» → 10. */
export function gradeOfClass(name: string): number | null {
  const m = /^\s*(\d{1,2})/.exec(name);
  return m ? Number(m[1]) : null;
}

export function levelAllowed(levels: readonly LevelTag[] | undefined, grade: number | null): boolean {
  if (!levels || levels.length === 0) return true;
  const l = levelOfGrade(grade);
  return l === null || levels.includes(l);
}

/** Does an analysis match what the procedure text names (kind, year, subject, grade; absent parts match all)? */
export function matchesProcedure(a: ProcedureAnalysis, filter: PartialMeta): boolean {
  const m = a.procedure.meta;
  if (filter.kind !== undefined && norm(filter.kind) !== norm(m.kind)) return false;
  if (filter.year !== undefined && filter.year !== m.year) return false;
  if (filter.subject !== undefined && filter.subject !== m.subject) return false;
  if (filter.grade !== undefined && filter.grade !== m.grade) return false;
  return true;
}

/**
 * Class × subject rows from the deficit analysis: every class group with at least one insufficient
 * task, tasks merged across procedures of the same subject (one work programme per class and subject).
 */
export function deficitFindings(analyses: readonly ProcedureAnalysis[], levels?: readonly LevelTag[]): DeficitFinding[] {
  const byKey = new Map<string, DeficitFinding>();
  for (const a of analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.level !== 'class' || g.participants === 0) continue;
      if (!levelAllowed(levels, g.grade)) continue;
      const bad = p.tasks
        .map((t, i) => ({ t, i }))
        .filter(({ i }) => g.status[i] === 'insufficient')
        .map(({ t, i }) => {
          const d: DeficitTask = { id: t.id, level: t.level, completion: g.completion[i] as number, procedure: p.title };
          if (t.skill) d.skill = t.skill;
          return d;
        });
      if (bad.length === 0) continue;
      const key = `${g.school}\u0000${g.name}\u0000${p.meta.subject}`;
      let f = byKey.get(key);
      if (!f) {
        f = {
          school: g.school,
          className: g.name,
          grade: g.grade,
          subject: p.meta.subject,
          procedures: [],
          tasks: [],
          participants: g.participants,
          reliable: g.reliable,
        };
        byKey.set(key, f);
      }
      f.procedures.push(p.title);
      if (isGia(p)) f.gia = true;
      f.tasks.push(...bad);
      f.participants = Math.max(f.participants, g.participants);
      f.reliable &&= g.reliable;
    }
  }
  return [...byKey.values()];
}

/** Teacher of a class for a subject: a subject-specific row wins over a class-wide one. */
export function teacherOf(teachers: readonly TeacherAssignment[] | undefined, className: string, subject?: string): string | undefined {
  if (!teachers) return undefined;
  const c = norm(className);
  const ofClass = teachers.filter((t) => norm(t.className) === c);
  if (subject) {
    const exact = ofClass.find((t) => t.subject !== undefined && norm(t.subject) === norm(subject));
    if (exact) return exact.teacher;
  }
  return ofClass.find((t) => t.subject === undefined || t.subject === '')?.teacher;
}
