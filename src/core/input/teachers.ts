// «Классы и учителя»: who teaches which class which subject (Класс | Предмет | Учитель), for the
// objectivity signs per teacher, the ШМО filter and the roadmap. Optional; read once, into
// `WorkbookData.teachers`.
import { cellText, type Grid, isEmpty, norm } from '../grid';
import type { Procedure } from '../model';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import { classKey } from './class-names';
import { CONFIG_SHEETS } from './config';
import { findLabelRow } from './label-row';
import { type Read, read } from './read';
import { findSubject } from './subjects';

export const TEACHERS_SHEET = CONFIG_SHEETS.teachers;

export interface TeacherRow {
  className: string;
  subject: string;
  teacher: string;
  /** 1-based row on the sheet. */
  row: number;
}

export interface Teachers {
  sheet: string;
  rows: TeacherRow[];
  /** Teachers of a class in a subject (usually one; a split class may have two). */
  of(className: string, subject: string): string[];
}

const COLS: Record<string, (h: string) => boolean> = {
  className: (h) => h === 'класс',
  subject: (h) => h === 'предмет',
  teacher: (h) => h === 'учитель' || h === 'фио учителя' || h === 'педагог' || h === 'учитель (фио)',
};
const LABELS: Record<string, string> = { className: 'Класс', subject: 'Предмет', teacher: 'Учитель' };

/** «5 А», «5-а», «5A» and «5А» are one class. */
export { classKey };

/**
 * Reads and checks the sheet against the procedures: a missing header or an incomplete row is an
 * error (with its row and column); a subject or class without results is a note, and the row is unused.
 */
export function readTeachers(grid: Grid, procedures: readonly Procedure[]): Read<Teachers> {
  const problems: Problem[] = [];
  const rows: TeacherRow[] = [];
  const h = findLabelRow(grid, COLS, Object.keys(COLS));
  const index = new Map<string, string[]>();
  const teachers: Teachers = {
    sheet: grid.name,
    rows,
    of: (className, subject) => index.get(`${classKey(className)}|${subject}`) ?? [],
  };
  if (!h) {
    problems.push(problem('error', 'teachers-header', grid.name, S.teachers.headerMissing));
    return read(teachers, problems);
  }
  const subjects = new Set(procedures.map((p) => p.meta.subject));
  const classesOf = new Map<string, Set<string>>();
  for (const p of procedures) {
    const set = classesOf.get(p.meta.subject) ?? new Set<string>();
    for (const s of [...p.students, ...p.absent]) set.add(classKey(s.className));
    classesOf.set(p.meta.subject, set);
  }
  const seen = new Map<string, TeacherRow>();
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const at = (k: string) => row[h.cols[k] as number];
    const keys = Object.keys(COLS);
    if (keys.every((k) => isEmpty(at(k)))) continue;
    const missing = keys.find((k) => isEmpty(at(k)));
    if (missing) {
      problems.push(
        problem(
          'error',
          'teachers-bad-row',
          grid.name,
          S.teachers.missing(LABELS[missing] as string),
          r + 1,
          (h.cols[missing] as number) + 1,
        ),
      );
      continue;
    }
    const className = cellText(at('className'));
    const subjectText = cellText(at('subject'));
    const subject = findSubject(subjectText)?.name ?? subjectText;
    const teacher = cellText(at('teacher'));
    if (!subjects.has(subject)) {
      problems.push(
        problem(
          'info',
          'teachers-subject-unused',
          grid.name,
          S.teachers.subjectUnknown(subjectText),
          r + 1,
          (h.cols.subject as number) + 1,
        ),
      );
      continue;
    }
    if (!classesOf.get(subject)?.has(classKey(className))) {
      problems.push(
        problem(
          'info',
          'teachers-class-unused',
          grid.name,
          S.teachers.classUnknown(className, subject),
          r + 1,
          (h.cols.className as number) + 1,
        ),
      );
      continue;
    }
    const key = `${classKey(className)}|${subject}`;
    const dupKey = `${key}|${norm(teacher)}`;
    const first = seen.get(dupKey);
    if (first) {
      problems.push(problem('warning', 'teachers-duplicate', grid.name, S.teachers.duplicate(first.row), r + 1));
      continue;
    }
    const tr: TeacherRow = { className, subject, teacher, row: r + 1 };
    seen.set(dupKey, tr);
    rows.push(tr);
    const list = index.get(key) ?? [];
    list.push(teacher);
    index.set(key, list);
    if (list.length === 2) {
      problems.push(
        problem(
          'warning',
          'teachers-two',
          grid.name,
          S.teachers.twoTeachers(className, subject, list),
          r + 1,
          (h.cols.teacher as number) + 1,
        ),
      );
    }
  }
  return read(teachers, problems);
}
