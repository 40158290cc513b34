// The sample school for `npm start` / `oko demo`: a fictional «МБОУ «СОШ № 7»», 2025/2026 school year,
// grades 4–8, generated deterministically from a seed (same seed → same cells on every machine).
//
// What it holds, so that the demo shows every feature:
// - the spring 2026 ВПР: Русский язык and Математика 4 (ФИС ОКО Ф1 exports), Русский язык and
//   Математика 5–8, История 6, Биология 7 («Формы сбора результатов»);
// - last year's ВПР of today's 5th graders (ВПР 2025, 4 класс, Ф1) and the October entrance
//   diagnostics in Математика 5 and 7 (the school's own table): «Динамика», «стабильно низкие»;
// - «Классы», «Шкала отметок», «План заданий», «Классы и учителя», «Соответствие кодов» (last year's
//   codes and 5В's journal numbers in the diagnostic → this year's codes), «Эталоны» (ФИС ОКО rows of
//   the municipality, the region and Russia for the two grade-4 papers);
// - the story (STORY in school.ts): a strong 6А, a weak 7В, inflated journal marks in 5Б, a small 8В,
//   a 5В whose share of «2» rose after the move to the 5th grade.
import ExcelJS from 'exceljs';
import { writeWorkbookAtomic } from '../commands/common';
import { benchmarksSheet, codesSheet, teachersSheet } from './extras';
import { SCHOOL_YEAR, sampleProcedures } from './plans';
import { buildSchool, GRADES, type SampleResult, SCHOOL, STORY, simulate } from './school';
import {
  classesSheet,
  classNumbersSheet,
  f1Sheet,
  formSheet,
  planSheet,
  type SampleCell,
  type SampleSheet,
  scaleSheet,
  serviceSheet,
  tableSheet,
} from './sheets';

export { teacherOf } from './extras';
export type { SampleProcedure, SampleTask } from './plans';
export type { SampleClass, SampleResult, SampleStudent } from './school';
export type { SampleCell, SampleSheet } from './sheets';
export { SCHOOL, STORY };

export interface SampleInfo {
  description: string;
  school: string;
  students: number;
  classes: number;
  /** Results sheets (one procedure each). */
  procedures: number;
  /** Of them: this school year's, and earlier ones (last year's ВПР, the autumn diagnostics). */
  current: number;
  /** Student × task scores of present participants. */
  scores: number;
  absent: number;
  /** Scores written as «X» (present, did not attempt) in the forms. */
  notAttempted: number;
  sheets: string[];
}

export interface SampleSchool {
  sheets: SampleSheet[];
  results: { procedure: ReturnType<typeof sampleProcedures>[number]; results: SampleResult[] }[];
  info: SampleInfo;
}

/** «10 857»: grouped by hand, so the text does not depend on the ICU data Node was built with. */
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** «1 работа», «2 работы», «5 работ»: the number and the word in the form Russian needs after it. */
function count(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  const word = d === 1 && dd !== 11 ? one : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? few : many;
  return `${fmt(n)} ${word}`;
}

export interface SampleOptions {
  /** «Итого баллов» of the forms as formulas with cached results (see `FormOptions`). */
  formulaTotals?: boolean;
}

/** Every sheet of the sample school as plain rows, plus what it holds. */
export function buildSampleSchool(seed = 1, opts: SampleOptions = {}): SampleSchool {
  const school = buildSchool(seed);
  const procs = sampleProcedures();
  const results = procs.map((p) => ({
    procedure: p,
    // Ф1 shows a journal mark for everyone; the form allows «нет отметки».
    results: simulate(school, p, seed, p.kind === 'f1' ? { noJournalRate: 0 } : {}),
  }));
  const forms = procs.filter((p) => p.kind === 'form');
  const tables = procs.filter((p) => p.kind === 'table');
  const sheets: SampleSheet[] = [
    ...results.map(({ procedure: p, results: r }) =>
      p.kind === 'f1'
        ? f1Sheet(p, r)
        : p.kind === 'form'
          ? formSheet(p, r, { formulaTotals: opts.formulaTotals ?? false })
          : tableSheet(p, r),
    ),
    classesSheet(school.classes),
    scaleSheet([...forms, ...tables]),
    planSheet(forms),
    teachersSheet(school.classes, procs),
    codesSheet(results),
    benchmarksSheet(
      procs.filter((p) => p.kind === 'f1' && p.schoolYear === SCHOOL_YEAR),
      seed,
    ),
    serviceSheet(),
    classNumbersSheet(),
  ];
  let scores = 0;
  let absent = 0;
  let notAttempted = 0;
  for (const { procedure: p, results: rs } of results) {
    for (const r of rs) {
      if (r.absent) {
        // Ф1 and the school's table list participants only: an absent student simply is not there.
        if (p.kind === 'form') absent++;
        continue;
      }
      scores += r.scores.length;
      if (p.kind === 'form') notAttempted += r.scores.filter((s) => s === 'X').length;
    }
  }
  const f1 = procs.filter((p) => p.kind === 'f1').length;
  const current = procs.filter((p) => p.schoolYear === SCHOOL_YEAR && p.name === 'ВПР').length;
  const lastYear = procs.filter((p) => p.schoolYear < SCHOOL_YEAR).length;
  const info: SampleInfo = {
    description:
      `${SCHOOL.name} (вымышленная школа), ${SCHOOL.year} учебный год: ${school.students.length} учащихся ` +
      `${GRADES[0]}–${GRADES[GRADES.length - 1]} классов (${school.classes.length} классов); ` +
      `${count(current, 'работа', 'работы', 'работ')} ВПР ${SCHOOL_YEAR + 1}, ` +
      `${count(lastYear, 'работа', 'работы', 'работ')} ВПР ${SCHOOL_YEAR} нынешних пятиклассников, ` +
      `${count(tables.length, 'входная диагностика', 'входные диагностики', 'входных диагностик')} — ` +
      `${count(f1, 'выгрузка', 'выгрузки', 'выгрузок')} ФИС ОКО «Индивидуальные результаты», ` +
      `${count(forms.length, '«Форма сбора результатов»', '«Формы сбора результатов»', '«Форм сбора результатов»')}, ` +
      `${count(tables.length, 'таблица', 'таблицы', 'таблиц')} школы; ` +
      `${count(scores, 'результат', 'результата', 'результатов')} по заданиям (ученик × задание); ` +
      'листы «Классы и учителя», «Соответствие кодов», «Эталоны»',
    school: SCHOOL.name,
    students: school.students.length,
    classes: school.classes.length,
    procedures: procs.length,
    current: procs.filter((p) => p.schoolYear === SCHOOL_YEAR).length,
    scores,
    absent,
    notAttempted,
    sheets: sheets.map((s) => s.name),
  };
  return { sheets, results, info };
}

function excelValue(v: SampleCell): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') return { formula: v.formula, result: v.result };
  return v;
}

function addSheet(wb: ExcelJS.Workbook, s: SampleSheet): void {
  const ws = wb.addWorksheet(s.name, s.frozenRows ? { views: [{ state: 'frozen', ySplit: s.frozenRows }] } : {});
  s.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = excelValue(v);
    });
  });
  for (const r of s.bold ?? []) ws.getRow(r).font = { bold: true };
  (s.widths ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

/** A fixed timestamp: the file's metadata must not depend on when the demo runs either. */
const STAMP = new Date(Date.UTC(2026, 3, 30, 9, 0, 0));

export function workbookOf(sheets: readonly SampleSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ОКО (пример школы)';
  wb.created = STAMP;
  wb.modified = STAMP;
  for (const s of sheets) addSheet(wb, s);
  return wb;
}

export function buildSampleWorkbook(seed = 1, opts: SampleOptions = {}): ExcelJS.Workbook {
  return workbookOf(buildSampleSchool(seed, opts).sheets);
}

export async function writeSampleSchool(path: string, seed = 1): Promise<SampleInfo> {
  const { sheets, info } = buildSampleSchool(seed);
  await writeWorkbookAtomic(workbookOf(sheets), path);
  return info;
}
