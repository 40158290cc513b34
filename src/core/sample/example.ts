// «Открыть пример школы»: a small fictional school the sidebar writes into an empty spreadsheet, so a
// first-time user can press «Запустить» and see every tab, the справка and the ИОМ before pasting real
// results. Built here, in the core, from the built-in task plans of the grade-4 ВПР 2026 (so skills and
// planned results fill the documents) and a seeded generator — a few kilobytes in the Apps Script
// bundle instead of a dataset. The full sample school of `oko demo` (src/local/sample) is Node-only and
// ten times larger; this one is kept to what the first hour needs:
//   - two works, ВПР 2026 Математика and Русский язык, 4 класс, in the plain table layout («Код»,
//     «Класс», «1 (1б)» …, «Отметка», «Отметка по журналу») under a title row and a date row;
//   - 4А strong, 4Б with journal marks above the work's (an objectivity sign to check), 4В weak (students
//     at risk, ИОМ); «Классы и учителя» names a teacher per class and subject.
// Same cells on every run: nothing here reads the clock or Math.random.
import { type Catalog, catalogs } from '../catalog';
import type { SheetSpec, SpecCell } from '../output/spec';
import { UI } from '../strings/ui';
import { mulberry32 } from './mulberry32';

export interface ExampleWork {
  subject: string;
  /** Built-in plan the tasks come from. */
  catalog: string;
  /** Lowest total for «3», «4», «5» (the example's own scale, written as marks in «Отметка»). */
  cuts: [number, number, number];
  /** ISO. */
  date: string;
}

const WORKS: readonly ExampleWork[] = [
  { subject: 'Математика', catalog: 'vpr-mathematics-4-2026', cuts: [6, 10, 14], date: '2026-04-15' },
  { subject: 'Русский язык', catalog: 'vpr-russian-4-2026', cuts: [10, 16, 21], date: '2026-04-17' },
];

interface ExampleClass {
  name: string;
  /** Mean ability on the logit scale. */
  ability: number;
  /** Share of students whose journal mark is one above the work's. */
  inflated: number;
  teachers: Record<string, string>;
}

const CLASSES: readonly ExampleClass[] = [
  { name: '4А', ability: 1.3, inflated: 0.05, teachers: { Математика: 'Смирнова А. В.', 'Русский язык': 'Смирнова А. В.' } },
  { name: '4Б', ability: 0.9, inflated: 0.55, teachers: { Математика: 'Кузнецова О. И.', 'Русский язык': 'Кузнецова О. И.' } },
  { name: '4В', ability: 0.2, inflated: 0.1, teachers: { Математика: 'Попова Н. С.', 'Русский язык': 'Попова Н. С.' } },
];
const PER_CLASS = 24;

/** Whole tasks of a plan (a plan lists a task and its parts, 9 and 9.1, 9.2: the results use the task). */
function wholeTasks(c: Catalog): { id: string; max: number; hard: boolean }[] {
  return [...c.items.values()].filter((t) => !t.id.includes('.')).map((t) => ({ id: t.id, max: t.max, hard: t.level !== 'Б' }));
}

const markOf = (total: number, cuts: readonly number[]) => 2 + cuts.filter((c) => total >= c).length;

/** One work's sheet: title, date, header, one row per student. */
function workSheet(work: ExampleWork, index: number): SheetSpec {
  const catalog = catalogs().find((c) => c.id === work.catalog);
  if (!catalog) throw new Error(`example: no built-in plan ${work.catalog}`);
  const tasks = wholeTasks(catalog);
  const next = mulberry32(2026 + index * 7919);
  const values: SpecCell[][] = [
    [UI.example.workTitle(work.subject)],
    [UI.example.dateLabel, { date: work.date }],
    [],
    ['Код', 'Класс', ...tasks.map((t) => `${t.id} (${t.max}б)`), 'Отметка', 'Отметка по журналу'],
  ];
  CLASSES.forEach((cls, ci) => {
    for (let s = 0; s < PER_CLASS; s++) {
      // The same student in both works: one ability, a little noise per work.
      const own = mulberry32(ci * 1000 + s)();
      const ability = cls.ability + (own - 0.5) * 1.6 + (next() - 0.5) * 0.6;
      const scores = tasks.map((t, ti) => {
        // Task difficulty: harder tasks (П) and a fixed spread across the plan.
        const d = (t.hard ? 1.1 : -0.2) + ((ti * 37) % 11) / 10 - 0.5;
        const p = 1 / (1 + Math.exp(-(ability - d)));
        let points = 0;
        for (let k = 0; k < t.max; k++) if (next() < p) points++;
        return points;
      });
      const total = scores.reduce((a, b) => a + b, 0);
      const mark = markOf(total, work.cuts);
      const journal = Math.min(5, mark + (next() < cls.inflated ? 1 : 0));
      values.push([`${4}${ci + 1}${String(s + 1).padStart(2, '0')}`, cls.name, ...scores, mark, journal]);
    }
  });
  return {
    name: UI.example.workSheet(work.subject),
    values,
    formats: [
      { range: { row: 0, col: 0, rows: 1, cols: 1 }, bold: true },
      { range: { row: 3, col: 0, rows: 1, cols: tasks.length + 4 }, bold: true, background: '#f1f3f4' },
    ],
    frozenRows: 4,
    columnWidths: { 0: 70, 1: 60 },
  };
}

function teachersSheet(): SheetSpec {
  const values: SpecCell[][] = [['Класс', 'Предмет', 'Учитель']];
  for (const cls of CLASSES) for (const w of WORKS) values.push([cls.name, w.subject, cls.teachers[w.subject] ?? '']);
  return {
    name: UI.example.teachersSheet,
    values,
    formats: [{ range: { row: 0, col: 0, rows: 1, cols: 3 }, bold: true, background: '#f1f3f4' }],
    frozenRows: 1,
    columnWidths: { 0: 70, 1: 140, 2: 180 },
  };
}

/** The example's sheets, in the order they are written: the works, then «Классы и учителя». */
export function exampleSchool(): SheetSpec[] {
  return [...WORKS.map(workSheet), teachersSheet()];
}

/** Names of the example's sheets (to find them again, or to refuse writing over a sheet of the user's). */
export function exampleSheetNames(): string[] {
  return [...WORKS.map((w) => UI.example.workSheet(w.subject)), UI.example.teachersSheet];
}
