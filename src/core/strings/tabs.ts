// The texts written onto the analytic tabs (re-exported by ./index.ts as `T`): titles of sections,
// legends, notes and the words in cells. Column headers are in ./columns.ts; tab names in S.tabs.

const q = (s: string | number) => `«${s}»`;

/** How a task's status reads in a cell beside its colour (number formats of the summary rows). */
const STATUS_SYMBOL = { sufficient: '✓', uncertain: '±', insufficient: '✗' } as const;

export const T = {
  statusSymbol: STATUS_SYMBOL,
  statusLegend: `${STATUS_SYMBOL.sufficient} — достаточно (зелёный), ${STATUS_SYMBOL.uncertain} — на грани (жёлтый), ${STATUS_SYMBOL.insufficient} — недостаточно (красный)`,
  yes: 'да',
  benchmark: 'эталон',
  groupKind: { class: 'класс', parallel: 'параллель', school: 'школа' } as Record<string, string>,
  hiddenColumns:
    'Справа скрыты служебные столбцы (предмет, параллель, класс для фильтров; ключи строк): чтобы увидеть их, выделите столбцы вокруг и выберите «Показать столбцы».',

  /**
   * «Настройки ОКО» (core/output/settings-tab.ts). core/settings.ts `settingsColumns` finds the columns
   * of a user's sheet by the words «Ключ» and «Значение» in this header: keep them when rewording.
   */
  settingsTab: {
    header: ['Параметр', 'Значение', 'Пояснение', 'Ключ (служебный, не меняйте)'],
    hint: 'Меняйте только столбец «Значение». Пустая строка или удалённый параметр — значение по умолчанию.',
  },

  matrix: {
    summaryMark: '% выполнения',
    maxRow: 'Макс. балл',
    levelRow: 'Уровень',
    groupLabel: (kind: string, participants: number) => `${kind}, ${participants} уч.`,
    legend: (
      sheet: string,
      participants: number,
      absent: number,
      sources: string,
      basic: number,
      advanced: number,
      studentShare: number,
      statuses: string,
    ) =>
      `Лист ${q(sheet)}: участников ${participants}, отсутствовали ${absent}; ${sources}. ` +
      `Итоговые строки класса, параллели и школы: ${statuses} (базовые ≥ ${basic} %, повышенные ≥ ${advanced} %). ` +
      `У ученика красным — набрано меньше ${studentShare} % баллов задания или «X».`,
    note: {
      skill: (s: string) => `Умение: ${s}`,
      planned: (s: string) => `Планируемый результат: ${s}`,
      section: (s: string, topic?: string) => `Раздел: ${s}${topic ? ` — ${topic}` : ''}`,
      level: (s: string) => `Уровень: ${s}`,
    },
    planSource: {
      sheet: 'уровни и умения — с листа «План заданий»',
      catalog: (id: string) => `уровни и умения — из встроенного плана ${id}`,
      file: 'уровни — из строки «Уровень сложности задания»',
      report: (sheet: string) => `умения — из отчёта ФИС ОКО «Достижение планируемых результатов» (лист ${q(sheet)})`,
      none: 'уровни неизвестны: пороги базового уровня',
    },
    markSource: {
      file: 'отметки — из файла',
      scale: 'отметки — по листу «Шкала отметок» или «Шкалы ГИА»',
      threshold: '«2» — ниже минимального балла («Шкалы ГИА»), «3» — порог преодолён',
      none: 'отметки не вычислены (нет шкалы)',
    },
  },

  byClass: {
    legend: (basic: number, basicEdge: number, advanced: number, advancedEdge: number, minReliable: number, statuses: string) =>
      `% выполнения каждого задания группой = сумма баллов ÷ (участники × макс. балл) × 100. ${statuses} ` +
      `(базовые: ≥ ${basic} % / ${basicEdge}–${basic} % / < ${basicEdge} %; ` +
      `повышенные и высокие: ≥ ${advanced} % / ${advancedEdge}–${advanced} % / < ${advancedEdge} %). ` +
      `Группы меньше ${minReliable} участников помечены: их статистика ненадёжна.`,
    levelRow: 'Уровень',
    tasksHeading: 'Недостаточно выполненные задания и задания на грани',
    noBadTasks: 'нет недостаточно выполненных заданий',
    skillsHeading: (share: number) => `Системные дефициты умений (недостаточно выполнено больше ${share} % заданий умения)`,
    skillsNotChecked: (why: string) => `Системные дефициты умений: ${why}`,
    noSystemic: 'Системных дефицитов не найдено.',
    outOf: (bad: number, all: number) => `${bad} из ${all}`,
    taskLevel: (id: string, level: string) => `${id} (${level})`,
    noSkill: 'умение не указано: добавьте лист «План заданий»',
    groupOf: (name: string, kind: string) => `${name} (${kind})`,
  },

  marks: {
    legend: (minReliable: number) =>
      'Доли «2», «3», «4», «5» — среди участников с отметкой; качество — доля «4» и «5», успеваемость — доля «3», «4» и «5». ' +
      'Сравнение с журналом — среди участников, у которых есть обе отметки: понизили — отметка за работу ниже отметки по журналу, ' +
      'подтвердили — равна, повысили — выше. Эталоны — строки отчётов ФИС ОКО с листа «Эталоны»; разница = ОО − эталон, в процентных пунктах (п.п.); ' +
      'хуже эталона — красным и со знаком ▼. ' +
      `Группы меньше ${minReliable} участников помечены: их статистика ненадёжна.`,
    blockTitle: (title: string, sheet: string, source: string) => `${title} (лист ${q(sheet)}): ${source}`,
    school: (name: string) => `ОО: ${name}`,
    wholeSchool: 'Вся школа',
    parallel: (name: string) => `${name} (параллель)`,
    journalChart: (label: string) => `${label}: сравнение с отметками по журналу, %`,
    marksChart: (label: string) => `${label}: отметки ОО и эталонов, %`,
  },

  distribution: {
    legend: (minN: number) =>
      'Сколько участников набрали каждый первичный балл. «Граница» — наименьший балл отметки «3», «4» или «5» ' +
      '(по листу «Шкала отметок» или выведенный из отметок файла); строки границ выделены цветом. ' +
      `Распределение надёжно от ${minN} участников (приблизительно — от 20–30).`,
    participants: (n: number, cuts: string) => `Участников: ${n}; ${cuts}.`,
    boundary: (mark: number) => `граница «${mark}»`,
    total: 'Всего',
    chart: (label: string) => `${label}: распределение первичных баллов`,
    noCuts: 'границы отметок неизвестны: в файле нет отметок и нет листа «Шкала отметок»',
    mixedCuts: 'границы отметок неизвестны: отметки файла не укладываются в одну шкалу по первичному баллу — добавьте лист «Шкала отметок»',
    cutsFromScale: 'по листу «Шкала отметок»',
    cutsFromMarks: 'выведены из отметок файла как наименьший балл с каждой отметкой',
    cuts: (src: string, c3: number, c4: number, c5: number) => `границы отметок (${src}): «3» от ${c3}, «4» от ${c4}, «5» от ${c5} баллов`,
  },

  tasksByMark: {
    legend: (basic: number, basicEdge: number, advanced: number, advancedEdge: number, statuses: string) =>
      '% выполнения задания группой участников, получивших отметку «2», «3», «4» или «5» = сумма баллов группы за задание ÷ (участники × макс. балл) × 100; ' +
      `«X» (не приступал) = 0 баллов. ${statuses} ` +
      `(базовые ≥ ${basic} % / ${basicEdge}–${basic} %; ` +
      `повышенные и высокие ≥ ${advanced} % / ${advancedEdge}–${advanced} %). ` +
      'Эталоны — строки «Выполнение заданий» ФИС ОКО с листа «Эталоны»; «ОО − эталон» — разница в процентных пунктах (хуже эталона — красным и со знаком ▼).',
    got: (mark: number | string) => `Получили «${mark}»`,
    all: 'Все участники',
    diff: (group: string) => `ОО − ${group}, п.п.`,
    levelRow: 'Уровень',
  },

  risk: {
    title: (n: number) => `Группа риска: ${n} уч.`,
    rules: {
      markTwo: 'отметка «2» в последней работе по предмету',
      lowShare: (pct: string) => `выполнено меньше ${pct} % работы`,
      decline: (withMark: boolean, points: string) =>
        `снижение против предыдущей работы по предмету: ${withMark ? 'отметка ниже или ' : ''}выполнение ниже на ${points} п. п. и больше`,
      stableLow: (n: number) => `«стабильно низкие»: низкий результат в ${n} и более работах подряд`,
      subjects: (n: number) => `группа риска сразу по ${n} и более предметам`,
      all: (settings: string, rules: string[]) => `Правила (пороги — на листе ${q(settings)}): ${rules.join('; ')}.`,
    },
    legend: (rules: string, unhighlight: string, notes: string) =>
      `${rules} Правила «2» и «меньше порога» смотрят на последнюю работу ученика по предмету; более ранние — в столбце «Динамика». ` +
      'ФИО показываются, только если они есть в ваших таблицах результатов. Строки этих учеников подсвечены на листах с результатами ' +
      `(значения не меняются); снять подсветку — меню ОКО → ${q(unhighlight)}. ${notes}`,
    noSkillsFocus: (subject: string, tasks: string) => `${subject}: задания ${tasks} (умения не указаны: добавьте лист «План заданий»)`,
    byClass: 'Итого по классам',
    highlightNote: 'Служебный столбец: по нему ОКО подсвечивает строки учеников на ваших листах с результатами. Не меняйте его.',
  },

  objectivity: {
    title: (n: number) => `Объективность: признаков для проверки — ${n}`,
    rules: (
      medium: string,
      high: string,
      highMarks: string,
      lowCompletion: string,
      peakFactor: string,
      peakMin: string,
      minDistribution: number,
      minReliable: number,
    ) =>
      `Признаки: доля «Понизили» или «Повысили» ≥ ${medium} % — средний уровень, ≥ ${high} % — высокий ` +
      `(от участников, у которых есть обе отметки); ≥ ${highMarks} % отметок «4» и «5» по журналу при среднем выполнении работы ниже ${lowCompletion} %; ` +
      `пик распределения первичных баллов ровно на границе отметки (столбец ≥ ${peakFactor} × среднего, ≥ среднего + 1 и ≥ ${peakMin} уч.; ` +
      `проверяется в группах от ${minDistribution} участников). Группы меньше ${minReliable} участников помечены: выводы по ним ненадёжны.`,
    noTeachers: 'Чтобы видеть признаки по учителям, добавьте лист «Классы и учителя» со столбцами «Класс», «Предмет», «Учитель».',
    peaksNotChecked: (why: string) => `не проверялись: ${why}`,
    noPeaks: 'нет',
    peak: (mark: number, score: number, count: number) => `«${mark}» с ${score} б.: ${count} уч.`,
    signsHeading: 'Признаки для проверки',
    noSigns: 'Признаков не найдено.',
    unreliable: 'ненадёжно: мало участников',
    teachersHeading: 'По учителям',
  },

  dynamics: {
    intro: (mapped: number, twoRise: string) =>
      'Работы одного предмета упорядочены по дате (затем по году, затем по порядку листов). Ученики связаны по коду участника внутри школы' +
      (mapped > 0 ? ` и через лист «Соответствие кодов» (строк: ${mapped})` : '') +
      '. «Тот же класс» в другом учебном году — класс с той же буквой на столько классов старше, сколько лет прошло (5А в 2025 → 6А в 2026). ' +
      `Отрицательная динамика — доля отметок «2» выросла на ${twoRise} п. п. и больше. ` +
      'Работы с разным набором заданий сравниваются только по % выполнения работы, отметкам и общим умениям.',
    worksHeading: 'Работы по предметам',
    dateFromSheet: (monthYear: string) => `${monthYear} (по названию листа)`,
    pairsHeading: 'Что сравнимо',
    classesHeading: 'Классы',
    noClasses: 'Нет классов, которые писали обе работы.',
    noNegative: 'без отрицательной динамики',
    noMarks: 'нет отметок для сравнения',
    negativeStart: 'Отрицательная',
    skillsHeading: 'Общие умения (совпадает текст умения)',
    studentsHeading: 'Ученики',
    noStudents: 'Нет учеников, которые писали две работы по одному предмету.',
    change: { none: 'нет отметки', down: 'снизилась', up: 'повысилась', same: 'без изменений' },
  },

  shmo: {
    grade: (g: number) => `${g} кл.`,
    subjects: (s: string) => `предметы: ${s}`,
    grades: (s: string) => `параллель: ${s}`,
    classes: (s: string) => `класс: ${s}`,
    teachers: (s: string) => `учитель: ${s}`,
    intro: (choice: string) =>
      `Ваша вкладка ШМО (${choice}): строки вкладок ОКО о выбранном — с теми же цветами и значками. Общие вкладки и то, что видят другие пользователи, не меняются.`,
    refresh: 'После нового анализа обновите вкладки: панель ОКО → «Фильтр ШМО» → «Показать мои вкладки».',
    nothing: 'По этому выбору в результатах ничего нет: выберите другой предмет, параллель, класс или учителя.',
    contents: (tabs: string) => `Из вкладок: ${tabs}.`,
    /** The line that points to the view's other tab: from the numbers (0) or from the findings (1). */
    other: (from: number, tab: string) =>
      from === 0
        ? `Группа риска, динамика и объективность по этому выбору — на вкладке ${q(tab)}.`
        : `Матрицы дефицитов, дефициты по классам и статистика по этому выбору — на вкладке ${q(tab)}.`,
    /** A section's title in the view: the tab's own title, and how much of it is shown. */
    partTitle: (title: string, visible: number, total: number) => `${title} — по вашему выбору строк: ${visible} из ${total}`,
    empty: 'Выберите предмет, параллель, класс или учителя.',
    /** `oko shmo` (src/local/commands/shmo.ts). */
  },
};
