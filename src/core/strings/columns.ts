// The column tables of the analytic tabs: for each table a tab writes, column id → header label.
// Builders write ids (core/output/columns.ts turns them into these labels and records where each
// column is in the SheetSpec); everything that finds a column again — users' notes, the ШМО view,
// the sidebar's summaries — asks for the id, never for the label. Renaming a label here changes
// the header and nothing else. Ids are stable: they are also written (hidden) above the header of
// tabs users type into, so that a tab written by an older version is read by id.

const group = 'Группа';
const participants = 'Участников';
const reliability = 'Надёжность';
const work = 'Работа';

export const COLUMNS = {
  /** The filter columns every analytic tab carries on each row, hidden at its right (core/output/builder.ts). */
  filter: { subject: 'Предмет', grade: 'Параллель', className: 'Класс', teacher: 'Учитель' },

  /** «Матрица дефицитов · …»: a row per student, then class, parallel and school rows; task codes between `deficits` and `total`. */
  matrix: {
    className: 'Класс',
    code: 'Код',
    name: 'ФИО',
    completion: '% выполнения',
    mark: 'Отметка',
    deficits: 'Дефицитов',
    total: 'Балл',
    journalMark: 'Отметка по журналу',
  },

  /** «Дефициты по классам», per procedure: groups × tasks (task codes after `reliability`). */
  byClassGroups: { group, completion: '% выполнения работы', participants, kind: 'Тип', reliability },
  /** «Дефициты по классам»: insufficient and borderline tasks per group. */
  byClassTasks: {
    group,
    task: 'Задание (уровень)',
    status: 'Статус',
    completion: '% выполнения',
    skill: 'Умение (планируемый результат); раздел, тема',
    procedure: 'Процедура',
  },
  /** «Дефициты по классам»: systemic skill deficits. */
  byClassSkills: {
    group,
    skill: 'Умение',
    completion: '% выполнения умения',
    insufficient: 'Недостаточных',
    tasks: 'Задания',
    procedure: 'Процедура',
  },

  /** «Статистика отметок»: marks per group. */
  marks: {
    group,
    participants,
    withMark: 'С отметкой',
    quality: 'Качество, %',
    success: 'Успеваемость, %',
    count2: '«2», чел.',
    count3: '«3», чел.',
    count4: '«4», чел.',
    count5: '«5», чел.',
    pct2: '«2», %',
    pct3: '«3», %',
    pct4: '«4», %',
    pct5: '«5», %',
    reliability,
  },
  /** «Статистика отметок»: the journal comparison per group. */
  journal: {
    group,
    loweredPct: 'Понизили, %',
    confirmedPct: 'Подтвердили, %',
    raisedPct: 'Повысили, %',
    lowered: 'Понизили, чел.',
    confirmed: 'Подтвердили, чел.',
    raised: 'Повысили, чел.',
    both: 'С обеими отметками',
    noJournal: 'Без отметки по журналу',
  },
  /** «Статистика отметок»: the school beside the ФИС ОКО benchmarks. */
  marksBenchmarks: {
    group,
    pct2: '«2», %',
    pct3: '«3», %',
    pct4: '«4», %',
    pct5: '«5», %',
    quality: 'Качество, %',
    success: 'Успеваемость, %',
    participants,
    diff2: 'ОО − эталон: «2», п.п.',
    diff3: 'ОО − эталон: «3», п.п.',
    diff4: 'ОО − эталон: «4», п.п.',
    diff5: 'ОО − эталон: «5», п.п.',
    diffQuality: 'ОО − эталон: качество, п.п.',
    diffSuccess: 'ОО − эталон: успеваемость, п.п.',
  },
  journalBenchmarks: {
    group,
    loweredPct: 'Понизили, %',
    confirmedPct: 'Подтвердили, %',
    raisedPct: 'Повысили, %',
    participants,
    diffLowered: 'ОО − эталон: понизили, п.п.',
    diffConfirmed: 'ОО − эталон: подтвердили, п.п.',
    diffRaised: 'ОО − эталон: повысили, п.п.',
  },
  /** «Статистика отметок»: students whose two marks differ by the set gap. */
  markGaps: {
    className: 'Класс',
    code: 'Код участника',
    name: 'ФИО',
    gap: 'Разница (работа − журнал)',
    mark: 'Отметка за работу',
    journalMark: 'Отметка по журналу',
    procedure: work,
    school: 'Школа',
  },

  /** «Распределение баллов». */
  distribution: { score: 'Балл', count: participants, pct: '% участников', mark: 'Отметка', boundary: 'Граница' },

  /** «Задания по отметкам» (task codes after `completion`). */
  tasksByMark: { group, completion: '% выполнения работы', participants, reliability },

  /** «Группа риска»: the profile, the user's columns, then the service columns (hidden). */
  risk: {
    className: 'Класс',
    code: 'Код',
    name: 'ФИО',
    subjects: 'Предметы',
    reasons: 'Причины',
    teacher: 'Учитель',
    works: 'Работы',
    deficitTasks: 'Дефицитные задания',
    deficitSkills: 'Дефицитные умения',
    trend: 'Динамика',
    focus: 'На что обратить внимание',
    school: 'Школа',
    done: 'Что сделано',
    comment: 'Комментарий',
    key: 'Ключ (не менять)',
    highlightKeys: 'Служебный список для подсветки (лист|код), не связан со строкой',
  },

  /** «Динамика». */
  dynamicsWorks: { procedure: work, number: '№', sheet: 'Лист', date: 'Дата', year: 'Учебный год', participants },
  dynamicsPairs: { step: 'Сравнение', from: 'Было', to: 'Стало', what: 'Что сравнивается' },
  dynamicsClasses: {
    classes: 'Класс было → стало',
    verdict: 'Вывод',
    step: 'Сравнение',
    participantsFrom: 'Участников было',
    participantsTo: 'стало',
    linked: 'Из них писали обе',
    completionFrom: '% выполнения было',
    completionTo: 'стало',
    completionDelta: 'Δ, п. п.',
    twoFrom: 'Доля «2» было, %',
    twoTo: 'стало',
    twoDelta: 'Δ, п. п.',
    qualityFrom: 'Качество было, %',
    qualityTo: 'стало',
    qualityDelta: 'Δ, п. п.',
  },
  dynamicsSkills: { className: 'Класс', skill: 'Умение', from: '% было', to: '% стало', delta: 'Δ, п. п.', step: 'Сравнение' },
  dynamicsStudents: {
    className: 'Класс',
    code: 'Код',
    name: 'ФИО',
    change: 'Изменение',
    markFrom: 'Отметка было',
    markTo: 'стало',
    completionFrom: '% выполнения было',
    completionTo: 'стало',
    delta: 'Δ, п. п.',
    step: 'Сравнение',
  },

  /** «Объективность», first table: a row per group × procedure, with the user's columns. */
  objectivity: {
    procedure: work,
    group,
    kind: 'Тип',
    level: 'Уровень',
    signs: 'Признаки для проверки',
    checkResult: 'Результат проверки',
    comment: 'Комментарий',
    lowered: 'Понизили, %',
    confirmed: 'Подтвердили, %',
    raised: 'Повысили, %',
    journalHigh: '«4» и «5» по журналу, %',
    completion: 'Выполнение работы, %',
    peaks: 'Пики на границах отметок',
    participants,
    both: 'С обеими отметками',
    reliability,
    key: 'Ключ (не менять)',
  },
  objectivitySigns: {
    procedure: work,
    group,
    level: 'Уровень',
    sign: 'Признак',
    text: 'Пояснение',
    kind: 'Тип',
    reliability,
  },
  objectivityTeachers: {
    teacher: 'Учитель',
    classes: 'Классы и работы',
    signs: 'Признаков',
    high: 'Из них высокого уровня',
    list: 'Признаки',
  },
};

export type Columns = typeof COLUMNS;
