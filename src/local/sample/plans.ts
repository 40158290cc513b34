// The procedures of the sample school: task plans, difficulty targets and mark scales.
// Grade 4 follows the built-in ФИОКО 2026 catalogs (codes, maxima, levels are taken from them);
// grades 5–8 are plausible, fictional plans in the style of the ВПР («1К1 (4б)» criteria included).
// Besides the spring 2026 ВПР: last year's ВПР of the current 5th graders (ВПР 2025, 4 класс, ФИС ОКО
// Ф1) and the October entrance diagnostics (a school-made table in the ВПР format of the grade).
import { catalogs } from '../../core/catalog';

export type Level = 'Б' | 'П';

export interface SampleTask {
  code: string;
  max: number;
  level: Level;
  /** Expected share of points for a student of average ability (before class effects and «X»). */
  target: number;
  section?: string;
  skill?: string;
}

/** The school year of the sample (its first calendar year): 2025/2026. */
export const SCHOOL_YEAR = 2025;

export interface SampleProcedure {
  /** Layout: ФИС ОКО Ф1 export, ВПР «Форма сбора результатов», or the school's own table. */
  kind: 'f1' | 'form' | 'table';
  /** «ВПР», «Входная диагностика». */
  name: string;
  /** Calendar year of the procedure (ВПР 2025 → 2025). */
  year: number;
  /** First calendar year of its school year (spring 2025 → 2024, October 2025 → 2025). */
  schoolYear: number;
  subject: string;
  /** ФИС ОКО sheet prefix: «РУ», «МА». */
  abbr: string;
  grade: number;
  tasks: SampleTask[];
  /** Minimum primary score for marks 3, 4, 5. */
  cuts: [number, number, number];
  /**
   * Completion % of a typical student of an ordinary class: the task targets set which tasks are
   * harder than others, this sets the level of the whole paper.
   */
  typical: number;
  /** Ф1 and the school's table: the date in the title rows (dd.mm.yyyy). */
  date?: string;
}

/** «ВПР 2026 Русский язык 4 класс»: what ОКО calls the procedure (the table's year comes from its date). */
export function procedureTitle(p: SampleProcedure): string {
  return `${p.name} ${p.year} ${p.subject} ${p.grade} класс`;
}

/** The grade the procedure's students are in now (ВПР 2025, 4 класс → today's 5th graders). */
export const cohortGrade = (p: SampleProcedure): number => p.grade + (SCHOOL_YEAR - p.schoolYear);

const t = (code: string, max: number, level: Level, target: number, section: string, skill: string): SampleTask => ({
  code,
  max,
  level,
  target,
  section,
  skill,
});

// ---- Grade 4: the built-in catalogs ------------------------------------------------------------

function fromCatalog(subject: string, targets: [string, number][]): SampleTask[] {
  const cat = catalogs().find((c) => c.subject === subject && c.grade === 4 && c.year === 2026);
  if (!cat) throw new Error(`sample: no built-in catalog for ${subject}, 4 класс`);
  return targets.map(([code, target]) => {
    const it = cat.items.get(code);
    if (!it) throw new Error(`sample: task ${code} is not in the catalog ${cat.id}`);
    return { code, max: it.max, level: it.level === 'Б' ? 'Б' : 'П', target };
  });
}

/** The spring 2026 ВПР: the school year 2025/2026. */
const VPR_2026 = { name: 'ВПР', year: 2026, schoolYear: SCHOOL_YEAR } as const;

const RU4: SampleProcedure = {
  kind: 'f1',
  ...VPR_2026,
  subject: 'Русский язык',
  abbr: 'РУ',
  grade: 4,
  date: '20.04.2026',
  cuts: [11, 18, 20],
  typical: 69,
  tasks: fromCatalog('Русский язык', [
    ['1', 0.72],
    ['2', 0.8],
    ['3', 0.5],
    ['4', 0.66],
    ['5', 0.62],
    ['6', 0.7],
    ['7', 0.75],
    ['8', 0.64],
    ['9.1', 0.46],
    ['9.2', 0.38],
    ['10.1', 0.42],
    ['10.2', 0.2],
    ['11', 0.68],
    ['12.1', 0.49],
    ['12.2', 0.6],
  ]),
};

const MA4: SampleProcedure = {
  kind: 'f1',
  ...VPR_2026,
  subject: 'Математика',
  abbr: 'МА',
  grade: 4,
  date: '22.04.2026',
  cuts: [8, 14, 16],
  typical: 69,
  tasks: fromCatalog('Математика', [
    ['1', 0.86],
    ['2', 0.78],
    ['3', 0.62],
    ['4', 0.7],
    ['5.1', 0.72],
    ['5.2', 0.47],
    ['6.1', 0.8],
    ['6.2', 0.66],
    ['7', 0.64],
    ['8', 0.5],
    ['9.1', 0.46],
    ['9.2', 0.32],
    ['10', 0.36],
    ['11', 0.22],
  ]),
};

// ---- Grades 5–8: «Форма сбора результатов» -----------------------------------------------------

const NUM = 'Числа и вычисления';
const WORD = 'Текстовые задачи';
const DATA = 'Статистика и работа с данными';
const GEOM = 'Геометрия';
const ALG = 'Алгебраические выражения и уравнения';
const LOGIC = 'Логика и перебор вариантов';

const S_WORD = 'Решать текстовые задачи (на части, проценты, движение, работу, покупки)';
const S_DATA = 'Извлекать и интерпретировать информацию, представленную в таблицах и на диаграммах';
const S_GEOM = 'Оперировать геометрическими понятиями, решать задачи на вычисление и построение';
const S_LOGIC = 'Решать логические задачи методом рассуждений и перебора вариантов';

function maths(grade: number): SampleProcedure {
  const tasks: Record<number, SampleTask[]> = {
    5: [
      t('1', 1, 'Б', 0.82, NUM, 'Сравнивать и упорядочивать натуральные числа'),
      t('2', 1, 'Б', 0.7, NUM, 'Выполнять действия с обыкновенными дробями'),
      t('3', 1, 'Б', 0.66, NUM, 'Выполнять действия с десятичными дробями'),
      t('4', 1, 'Б', 0.5, WORD, S_WORD),
      t('5', 1, 'Б', 0.74, GEOM, S_GEOM),
      t('6', 2, 'Б', 0.78, DATA, S_DATA),
      t('7', 1, 'Б', 0.64, NUM, 'Вычислять значение числового выражения с натуральными числами'),
      t('8', 2, 'П', 0.38, WORD, S_WORD),
      t('9', 2, 'П', 0.34, NUM, 'Вычислять значение выражения с обыкновенными и десятичными дробями'),
      t('10', 2, 'П', 0.2, GEOM, 'Использовать представления о развёртках и объёмных фигурах'),
      t('11', 2, 'П', 0.32, LOGIC, S_LOGIC),
    ],
    6: [
      t('1', 1, 'Б', 0.8, NUM, 'Оперировать понятиями «делитель», «кратное», применять признаки делимости'),
      t('2', 1, 'Б', 0.72, NUM, 'Выполнять действия с обыкновенными дробями'),
      t('3', 1, 'Б', 0.62, WORD, S_WORD),
      t('4', 1, 'Б', 0.68, NUM, 'Выполнять действия с десятичными дробями'),
      t('5', 1, 'Б', 0.5, WORD, S_WORD),
      t('6', 2, 'Б', 0.76, DATA, S_DATA),
      t('7', 1, 'Б', 0.64, NUM, 'Сравнивать положительные и отрицательные числа, находить модуль числа'),
      t('8', 2, 'Б', 0.62, NUM, 'Вычислять значение числового выражения с рациональными числами'),
      t('9', 1, 'Б', 0.66, GEOM, S_GEOM),
      t('10', 2, 'П', 0.34, WORD, S_WORD),
      t('11', 2, 'П', 0.32, GEOM, S_GEOM),
      t('12', 2, 'П', 0.2, LOGIC, S_LOGIC),
    ],
    7: [
      t('1', 1, 'Б', 0.78, NUM, 'Выполнять действия с рациональными числами'),
      t('2', 1, 'Б', 0.74, NUM, 'Сравнивать рациональные числа'),
      t('3', 1, 'Б', 0.68, WORD, S_WORD),
      t('4', 1, 'Б', 0.68, ALG, 'Вычислять значение буквенного выражения'),
      t('5', 1, 'Б', 0.64, 'Функции', 'Читать графики зависимостей, строить график линейной функции'),
      t('6', 2, 'Б', 0.48, ALG, 'Решать линейные уравнения'),
      t('7', 1, 'Б', 0.72, DATA, S_DATA),
      t('8', 1, 'Б', 0.64, ALG, 'Применять свойства степени с натуральным показателем'),
      t('9', 2, 'Б', 0.66, ALG, 'Выполнять преобразования многочленов, применять формулы сокращённого умножения'),
      t('10', 1, 'Б', 0.72, GEOM, S_GEOM),
      t('11', 2, 'П', 0.4, GEOM, 'Применять признаки равенства треугольников'),
      t('12', 2, 'П', 0.38, WORD, S_WORD),
      t('13', 2, 'П', 0.2, LOGIC, S_LOGIC),
    ],
    8: [
      t('1', 1, 'Б', 0.76, NUM, 'Выполнять действия с обыкновенными и десятичными дробями'),
      t('2', 1, 'Б', 0.7, ALG, 'Решать линейные уравнения'),
      t('3', 1, 'Б', 0.63, WORD, S_WORD),
      t('4', 1, 'Б', 0.66, NUM, 'Вычислять значения выражений с квадратными корнями'),
      t('5', 1, 'Б', 0.62, 'Функции', 'Читать график линейной функции, определять её коэффициенты'),
      t('6', 2, 'Б', 0.5, ALG, 'Раскладывать многочлен на множители'),
      t('7', 1, 'Б', 0.74, DATA, 'Находить среднее арифметическое и медиану набора чисел'),
      t('8', 1, 'Б', 0.6, DATA, 'Находить вероятность случайного события в простейших опытах'),
      t('9', 2, 'Б', 0.64, ALG, 'Решать квадратные уравнения'),
      t('10', 1, 'Б', 0.68, GEOM, S_GEOM),
      t('11', 1, 'Б', 0.62, GEOM, 'Применять теорему Пифагора'),
      t('12', 2, 'П', 0.35, WORD, S_WORD),
      t('13', 2, 'П', 0.32, GEOM, 'Проводить доказательные рассуждения в геометрических задачах'),
      t('14', 2, 'П', 0.2, ALG, 'Выполнять тождественные преобразования рациональных выражений'),
    ],
  };
  const cuts: Record<number, [number, number, number]> = { 5: [7, 11, 14], 6: [8, 13, 15], 7: [8, 13, 15], 8: [8, 14, 16] };
  return {
    kind: 'form',
    ...VPR_2026,
    subject: 'Математика',
    abbr: 'МА',
    grade,
    tasks: tasks[grade] ?? [],
    cuts: cuts[grade] ?? [7, 12, 15],
    typical: grade === 5 ? 71 : 69,
  };
}

const SPELL = 'Орфография';
const PUNCT = 'Пунктуация';
const ANAL = 'Языковой разбор';
const TEXT = 'Текст. Речь';
const VOCAB = 'Лексика и фразеология';
const GRAM = 'Морфология и синтаксис';

const S_SPELL = 'Соблюдать изученные орфографические нормы при записи текста';
const S_PUNCT = 'Соблюдать изученные пунктуационные нормы, обосновывать выбор знаков препинания';
const S_MORPH = 'Проводить морфемный и словообразовательный анализ слов';
const S_SYNT = 'Проводить морфологический и синтаксический анализ';
const S_TEXT = 'Понимать и интерпретировать содержание текста, определять его основную мысль';

/** Русский язык 5–8: dictation criteria 1К1–1К3 and analysis criteria 2К1–2К4, then grade topics. */
function russian(grade: number): SampleProcedure {
  const common = (spell: number, punct: number): SampleTask[] => [
    t('1К1', 4, 'Б', spell, SPELL, S_SPELL),
    t('1К2', 3, 'Б', punct, PUNCT, S_PUNCT),
    t('1К3', 2, 'Б', 0.82, SPELL, 'Списывать текст без пропусков и искажений букв'),
  ];
  const analysis = (a1: number, a2: number, a3: number, a4: number): SampleTask[] => [
    t('2К1', 3, 'Б', a1, ANAL, S_MORPH),
    t('2К2', 3, 'Б', a2, ANAL, S_MORPH),
    t('2К3', 3, 'П', a3, ANAL, S_SYNT),
    t('2К4', 3, 'П', a4, ANAL, S_SYNT),
  ];
  const orthoepy = t('3', 2, 'Б', 0.7, 'Орфоэпия', 'Соблюдать орфоэпические нормы, ставить ударение в словах');
  const rest: Record<number, SampleTask[]> = {
    5: [
      t('4', 3, 'Б', 0.68, GRAM, 'Распознавать самостоятельные и служебные части речи'),
      t('5', 3, 'Б', 0.5, PUNCT, S_PUNCT),
      t('6', 2, 'П', 0.4, TEXT, S_TEXT),
      t('7', 2, 'Б', 0.72, VOCAB, 'Определять лексическое значение слова по контексту'),
    ],
    6: [
      t('4', 2, 'Б', 0.66, GRAM, 'Распознавать части речи и их грамматические признаки'),
      t('5', 2, 'Б', 0.5, PUNCT, S_PUNCT),
      t('6', 2, 'Б', 0.62, VOCAB, 'Распознавать фразеологизмы и объяснять их значение'),
      t('7', 2, 'П', 0.42, TEXT, S_TEXT),
      t('8', 2, 'П', 0.34, TEXT, S_TEXT),
    ],
    7: [
      t('4', 2, 'Б', 0.66, GRAM, 'Распознавать причастия и деепричастия'),
      t('5', 3, 'Б', 0.48, PUNCT, S_PUNCT),
      t('6', 2, 'Б', 0.7, GRAM, 'Распознавать предложения с обращением и однородными членами'),
      t('7', 2, 'П', 0.44, TEXT, S_TEXT),
      t('8', 2, 'П', 0.24, VOCAB, 'Определять стилистическую окраску слова, подбирать синонимы'),
    ],
    8: [
      t('4', 2, 'Б', 0.62, GRAM, 'Распознавать словосочетания и виды подчинительной связи'),
      t('5', 2, 'Б', 0.5, PUNCT, S_PUNCT),
      t('6', 2, 'Б', 0.66, GRAM, 'Распознавать односоставные предложения'),
      t('7', 2, 'П', 0.38, TEXT, S_TEXT),
      t('8', 2, 'П', 0.24, TEXT, S_TEXT),
    ],
  };
  const an: Record<number, [number, number, number, number]> = {
    5: [0.6, 0.64, 0.38, 0.24],
    6: [0.64, 0.58, 0.38, 0.24],
    7: [0.66, 0.64, 0.4, 0.34],
    8: [0.64, 0.61, 0.37, 0.33],
  };
  const cuts: Record<number, [number, number, number]> = { 5: [15, 23, 28], 6: [15, 23, 28], 7: [15, 24, 29], 8: [15, 23, 28] };
  return {
    kind: 'form',
    ...VPR_2026,
    subject: 'Русский язык',
    abbr: 'РУ',
    grade,
    tasks: [...common(0.6, 0.52), ...analysis(...(an[grade] ?? [0.6, 0.6, 0.36, 0.3])), orthoepy, ...(rest[grade] ?? [])],
    cuts: cuts[grade] ?? [14, 23, 29],
    typical: grade === 5 ? 74 : 69,
  };
}

const BIO7: SampleProcedure = {
  kind: 'form',
  ...VPR_2026,
  subject: 'Биология',
  abbr: 'БИ',
  grade: 7,
  cuts: [8, 12, 15],
  typical: 69,
  tasks: [
    t('1', 2, 'Б', 0.7, 'Биология — наука о живой природе', 'Узнавать биологические объекты по изображению'),
    t('2', 1, 'Б', 0.72, 'Многообразие живой природы', 'Определять принадлежность организмов к царствам живой природы'),
    t('3', 2, 'Б', 0.64, 'Методы изучения живой природы', 'Планировать наблюдение и эксперимент, объяснять их результаты'),
    t('4', 2, 'Б', 0.68, 'Растительный организм', 'Сравнивать строение растений разных отделов'),
    t('5', 3, 'П', 0.4, 'Растительный организм', 'Устанавливать последовательность стадий жизненного цикла'),
    t('6', 2, 'Б', 0.5, 'Методы изучения живой природы', 'Читать и интерпретировать таблицы и графики с биологическими данными'),
    t('7', 2, 'П', 0.36, 'Организмы и среда обитания', 'Объяснять приспособления организмов к среде обитания'),
    t('8', 3, 'П', 0.2, 'Организмы и среда обитания', 'Анализировать текст биологического содержания'),
  ],
};

const HIS6: SampleProcedure = {
  kind: 'form',
  ...VPR_2026,
  subject: 'История',
  abbr: 'ИС',
  grade: 6,
  cuts: [6, 11, 13],
  typical: 69,
  tasks: [
    t('1', 1, 'Б', 0.72, 'История Средних веков', 'Соотносить события с датами и периодами'),
    t('2', 1, 'Б', 0.66, 'История Средних веков', 'Работать с иллюстративным материалом (памятники культуры)'),
    t('3', 1, 'Б', 0.62, 'История Средних веков', 'Раскрывать смысл исторических понятий и терминов'),
    t('4', 2, 'Б', 0.5, 'История России', 'Извлекать информацию из письменного исторического источника'),
    t('5', 2, 'Б', 0.64, 'История России', 'Работать с исторической картой'),
    t('6', 2, 'П', 0.35, 'История России', 'Объяснять причины и следствия исторических событий'),
    t('7', 3, 'П', 0.22, 'История родного края', 'Рассказывать о событиях и памятниках истории родного края'),
    t('8', 2, 'Б', 0.62, 'История России', 'Называть деятелей и события истории Древней Руси'),
  ],
};

// ---- Earlier procedures: for «Динамика» and the at-risk rules over time ------------------------

/** Last year's ВПР of today's 5th graders (4А/4Б/4В in April 2025): the same task set as in 2026. */
function lastYear(p: SampleProcedure, date: string, typical: number): SampleProcedure {
  return { ...p, year: SCHOOL_YEAR, schoolYear: SCHOOL_YEAR - 1, date, typical, tasks: p.tasks.map((x) => ({ ...x })) };
}

/**
 * The October entrance diagnostic, written in the ВПР format of the grade (a common school practice):
 * the school's own table, the same task codes as the spring ВПР, so «План заданий» serves both; the
 * school's own scale (in «Шкала отметок») asks a little more for «4» and «5» than the ВПР's.
 */
function entrance(p: SampleProcedure, date: string, typical: number, cuts: [number, number, number]): SampleProcedure {
  return {
    ...p,
    cuts,
    kind: 'table',
    name: 'Входная диагностика',
    year: SCHOOL_YEAR,
    schoolYear: SCHOOL_YEAR,
    date,
    typical,
    tasks: p.tasks.map((x) => ({ ...x })),
  };
}

/** Every procedure of the sample school, in the order its sheets appear: this spring's first. */
export function sampleProcedures(): SampleProcedure[] {
  const out: SampleProcedure[] = [RU4, MA4];
  for (const g of [5, 6, 7, 8]) out.push(russian(g), maths(g));
  out.push(HIS6, BIO7);
  // Last year's paper went a little better; in October the new grade's material is not yet taught.
  out.push(lastYear(MA4, '23.04.2025', 68));
  out.push(entrance(maths(5), '14.10.2025', 64, [7, 12, 14]), entrance(maths(7), '16.10.2025', 64, [8, 14, 16]));
  return out;
}

export const maxTotal = (p: SampleProcedure): number => p.tasks.reduce((s, x) => s + x.max, 0);
