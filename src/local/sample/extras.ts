// The sample school's optional sheets beside its results: «Классы и учителя» (who teaches what, for the
// objectivity signs per teacher and the roadmap), «Соответствие кодов» (last year's and the
// diagnostic's codes → this year's) and «Эталоны» (ФИС ОКО report rows for the municipality, the
// region and Russia, in the layouts of shared/reference/fis-oko/report-dumps.txt).
// Teacher names are fictional staff names, not students': fine in the school's outputs.

import { maxTotal, procedureTitle, type SampleProcedure, SCHOOL_YEAR } from './plans';
import { type SampleClass, type SampleResult, SCHOOL, simulatePopulation } from './school';
import { type SampleCell, type SampleSheet, sheetNameOf } from './sheets';

// ---- «Классы и учителя» ------------------------------------------------------------------------

/** Subject → class → teacher. Grade 4: one primary teacher for both subjects. */
const STAFF: Record<string, Record<string, string>> = {
  'Русский язык': {
    '4А': 'Смирнова О. В.',
    '4Б': 'Кузнецова Н. А.',
    '4В': 'Попова Т. И.',
    '5А': 'Морозова Л. Н.',
    '5Б': 'Морозова Л. Н.',
    '5В': 'Морозова Л. Н.',
    '6А': 'Волкова С. Г.',
    '6Б': 'Волкова С. Г.',
    '6В': 'Волкова С. Г.',
    '7А': 'Козлова А. Д.',
    '7Б': 'Козлова А. Д.',
    '7В': 'Козлова А. Д.',
    '8А': 'Павлова Е. Ю.',
    '8Б': 'Павлова Е. Ю.',
    '8В': 'Павлова Е. Ю.',
  },
  Математика: {
    '4А': 'Смирнова О. В.',
    '4Б': 'Кузнецова Н. А.',
    '4В': 'Попова Т. И.',
    '5А': 'Иванова Е. П.',
    '5Б': 'Иванова Е. П.',
    '5В': 'Соколов Д. В.',
    '6А': 'Иванова Е. П.',
    '6Б': 'Соколов Д. В.',
    '6В': 'Соколов Д. В.',
    '7А': 'Лебедева М. А.',
    '7Б': 'Лебедева М. А.',
    '7В': 'Лебедева М. А.',
    '8А': 'Новикова И. С.',
    '8Б': 'Новикова И. С.',
    '8В': 'Новикова И. С.',
  },
  История: { '6А': 'Фёдоров А. И.', '6Б': 'Фёдоров А. И.', '6В': 'Фёдоров А. И.' },
  Биология: { '7А': 'Михайлова В. К.', '7Б': 'Михайлова В. К.', '7В': 'Михайлова В. К.' },
};

/** The teacher of a class in a subject this school year. */
export function teacherOf(className: string, subject: string): string | undefined {
  return STAFF[subject]?.[className];
}

/** «Классы и учителя»: Класс | Предмет | Учитель for every class and subject of this year's procedures. */
export function teachersSheet(classes: readonly SampleClass[], procs: readonly SampleProcedure[]): SampleSheet {
  const rows: SampleCell[][] = [['Класс', 'Предмет', 'Учитель']];
  const subjects = [...new Set(procs.filter((p) => p.schoolYear === SCHOOL_YEAR).map((p) => p.subject))];
  for (const c of classes) {
    for (const subject of subjects) {
      const writes = procs.some((p) => p.schoolYear === SCHOOL_YEAR && p.subject === subject && p.grade === c.grade);
      const teacher = teacherOf(c.name, subject);
      if (writes && teacher) rows.push([c.name, subject, teacher]);
    }
  }
  return { name: 'Классы и учителя', rows, bold: [1], frozenRows: 1, widths: [8, 16, 20] };
}

// ---- «Соответствие кодов» ----------------------------------------------------------------------

/**
 * Лист | Код участника | Ученик: each code that differs from the student's code in this year's ВПР
 * (last year's ВПР numbered the grade again from 40001; 5В's diagnostic used journal numbers), mapped
 * to that code. Sheets whose codes are this year's need no rows.
 */
export function codesSheet(results: readonly { procedure: SampleProcedure; results: SampleResult[] }[]): SampleSheet {
  const rows: SampleCell[][] = [['Лист', 'Код участника', 'Ученик']];
  for (const { procedure: p, results: rs } of results) {
    for (const r of rs) if (!r.absent && r.code !== r.student.code) rows.push([sheetNameOf(p), r.code, r.student.code]);
  }
  return { name: 'Соответствие кодов', rows, bold: [1], frozenRows: 1, widths: [32, 15, 10] };
}

// ---- «Эталоны» ---------------------------------------------------------------------------------

const J_LOW = 'Понизили (Отметка < Отметка по журналу)';
const J_SAME = 'Подтвердили (Отметка = Отметке по журналу)';
const J_UP = 'Повысили (Отметка > Отметка по журналу)';

interface Level {
  group: string;
  schools: number;
  participants: number;
  /** Ability shift against the sample school's model. */
  shift: number;
  /** Понизили / Повысили, % (the rest confirmed); null: not in the journal report. */
  journal: [number, number] | null;
}

/** The comparison groups of a ФИС ОКО report, from the whole sample down to the municipality. */
const LEVELS: Level[] = [
  { group: 'Вся выборка', schools: 35589, participants: 1722202, shift: 0.12, journal: null },
  { group: 'Энская область', schools: 612, participants: 31874, shift: 0.02, journal: [24.35, 4.12] },
  { group: `${SCHOOL.municipality}(reg77_m012)`, schools: 41, participants: 2986, shift: 0, journal: [27.62, 3.88] },
];

const round2 = (x: number) => Math.round(x * 100) / 100;

function titleRows(report: string, p: SampleProcedure): SampleCell[][] {
  return [
    [report],
    [],
    [procedureTitle(p)],
    ['Предмет:', p.subject],
    ['Максимальный первичный балл:', maxTotal(p)],
    ['Дата:', p.date ?? ''],
    [],
  ];
}

/** Shares that add up to 100 exactly after rounding to 0.01 (the largest absorbs the rest). */
function to100(parts: number[]): number[] {
  const r = parts.map(round2);
  const i = r.indexOf(Math.max(...r));
  r[i] = round2((r[i] as number) + 100 - r.reduce((a, b) => a + b, 0));
  return r;
}

/**
 * «Эталоны»: for each given procedure, the three ФИС ОКО report blocks (title rows, then the header
 * and the rows of «Вся выборка», the region and the municipality) — the rows a deputy director copies
 * from the reports; the school's own row is left out (ОКО computes the school from its results).
 */
export function benchmarksSheet(procs: readonly SampleProcedure[], seed: number): SampleSheet {
  const rows: SampleCell[][] = [];
  const bold: number[] = [];
  const head = (cells: SampleCell[]) => {
    rows.push(cells);
    bold.push(rows.length);
  };
  for (const p of procs) {
    const pops = LEVELS.map((l) => simulatePopulation(p, seed, l.group, l.shift));
    // Another subject, a slightly different count of participants.
    const levels = LEVELS.map((l) => ({ ...l, participants: Math.round(l.participants * (p.subject === 'Математика' ? 1.0041 : 1)) }));
    if (rows.length > 0) rows.push([], []);
    rows.push(...titleRows('Статистика по отметкам', p));
    head(['Группы участников', 'Кол-во ОО', 'Кол-во участников', 2, 3, 4, 5]);
    levels.forEach((l, i) => {
      rows.push([l.group, l.schools, l.participants, ...to100(pops[i]?.marks ?? [])]);
    });

    rows.push([], []);
    rows.push(...titleRows('Сравнение отметок с отметками по журналу', p));
    head([
      'Группы участников',
      'Кол-во участников(всего)',
      `${J_LOW} %`,
      `${J_LOW} Кол-во участников`,
      `${J_SAME} %`,
      `${J_SAME} Кол-во участников`,
      `${J_UP} %`,
      `${J_UP} Кол-во участников`,
    ]);
    for (const l of levels) {
      if (!l.journal) continue;
      const [low, up] = l.journal;
      const nLow = Math.round((l.participants * low) / 100);
      const nUp = Math.round((l.participants * up) / 100);
      const same = round2(100 - low - up);
      rows.push([l.group, l.participants, low, nLow, same, l.participants - nLow - nUp, up, nUp]);
    }

    rows.push([], []);
    rows.push(...titleRows('Выполнение заданий', p));
    // Whole task numbers as numbers, parts («9.1») as text, as the report has them.
    const ids = p.tasks.map((t) => (/^\d+$/.test(t.code) ? Number(t.code) : t.code));
    head(['Группы участников', 'Кол-во ОО', 'Кол-во участников', ...ids]);
    rows.push(['Макс балл', null, null, ...p.tasks.map((t) => t.max)]);
    levels.forEach((l, i) => {
      rows.push([l.group, l.schools, l.participants, ...(pops[i]?.completion ?? []).map(round2)]);
    });
  }
  return { name: 'Эталоны', rows, bold, widths: [44, 12, 14, ...Array.from({ length: 15 }, () => 9)] };
}
