// Every user-facing text of the add-on, in one place. Messages that take data are functions.

const q = (s: string | number) => `«${s}»`;

export const S = {
  appName: 'ОКО',

  // ---- places -------------------------------------------------------------------------------
  problemPlace(sheet: string, row?: number, col?: number, cell?: string): string {
    if (row && col && cell) return `Лист ${q(sheet)}, ячейка ${cell} (строка ${row}, столбец ${cell.replace(/\d+$/, '')})`;
    if (row) return `Лист ${q(sheet)}, строка ${row}`;
    return `Лист ${q(sheet)}`;
  },

  // ---- input problems -----------------------------------------------------------------------
  noResultsSheets:
    'Не найдено ни одного листа с результатами. Ожидается «Форма сбора результатов» ВПР (лист «Протокол»), выгрузка ФИС ОКО «Индивидуальные результаты» или таблица со столбцами «Код» (или «ФИО»), «Класс» и столбцами заданий вида «1 (2б)».',
  headerNotFound: (missing: string[]) =>
    `Похоже на лист с результатами, но строка заголовков не распознана: не найдены столбцы ${missing.map(q).join(', ')}.`,
  noTaskColumns:
    'Не найдено ни одного столбца заданий. Заголовок задания пишется как «1 (2б)», «4К1 (3б)» или «9.1 (1б)»; без балла в скобках нужна строка «Макс. балл».',
  emptyForm:
    'Форма не заполнена: в ней нет ни одного участника с результатами. Возможно, загружен пустой шаблон формы вместо заполненного.',
  maxMissing: (task: string) =>
    `Для задания ${q(task)} не указан максимальный балл: допишите его в заголовок («${task} (2б)») или в строку «Макс. балл».`,
  maxConflict: (task: string, header: number, row: number) =>
    `Максимальный балл задания ${q(task)} в заголовке (${header}) не совпадает со строкой «Макс. балл» (${row}).`,
  duplicateTask: (task: string, firstCol: string) => `Задание ${q(task)} встречается дважды (первый раз — столбец ${firstCol}).`,
  scoreAboveMax: (task: string, value: number, max: number) => `Балл ${value} за задание ${q(task)} больше максимального (${max}).`,
  scoreNegative: (task: string, value: number) => `Отрицательный балл ${value} за задание ${q(task)}.`,
  scoreText: (task: string, text: string) =>
    `В ячейке задания ${q(task)} текст ${q(text)}: допустимы баллы, «X» (не приступал) или «отсутствовал» в столбце «Вариант».`,
  scoreEmpty: (task: string) =>
    `Не заполнен балл за задание ${q(task)} у присутствовавшего участника: поставьте балл или «X», если участник не приступал к заданию.`,
  codeMissing: 'У строки с результатами нет кода участника.',
  nameMissing: 'У строки с результатами нет ни кода, ни ФИО участника.',
  duplicateCode: (code: string, firstRow: number) => `Код участника ${q(code)} повторяется (первый раз — строка ${firstRow}).`,
  variantMissing: 'Не указан вариант: поставьте номер варианта или «отсутствовал».',
  variantBad: (v: string) => `Недопустимое значение в столбце «Вариант»: ${q(v)}. Допустимы номер варианта и «отсутствовал».`,
  classMissing: 'Не указан класс.',
  classNumberBad: (v: string) => `Порядковый номер класса должен быть целым числом от 1 до 50, а здесь ${q(v)}.`,
  classUnknown: (v: string, sheet: string) => `Класс ${q(v)} не найден на листе ${q(sheet)}.`,
  markBad: (column: string, v: string) => `Недопустимая отметка в столбце ${q(column)}: ${q(v)}. Допустимы 2, 3, 4, 5 или «нет отметки».`,
  totalMismatch: (file: number, computed: number) =>
    `Итоговый балл в файле (${file}) не совпадает с суммой баллов за задания (${computed}); ОКО использует сумму.`,
  maxTotalMismatch: (file: number, computed: number) =>
    `Максимальный первичный балл в заголовке файла (${file}) не совпадает с суммой максимальных баллов заданий (${computed}).`,
  groupCountMismatch: (school: string, stated: number, found: number) =>
    `В строке школы ${q(school)} указано участников: ${stated}, а строк с результатами: ${found}.`,
  sheetNotRecognized: 'Лист не распознан и пропущен.',
  columnIgnored: (header: string) => `Столбец ${q(header)} не распознан и не используется.`,
  levelBad: (v: string) => `Уровень сложности ${q(v)} не распознан: допустимы Б, П, В (базовый, повышенный, высокий).`,
  summaryRowSkipped: 'Строка итогов пропущена.',

  // ---- config sheets ------------------------------------------------------------------------
  classesBadRow: 'Строка листа «Классы»: в первом столбце нужен номер класса (1–50), во втором — его название (например, 6А).',
  classesDuplicate: (n: number) => `Номер класса ${n} указан дважды.`,
  planHeaderMissing:
    'На листе «План заданий» нужна строка заголовков со столбцами «Задание» и «Макс. балл» (и по желанию «Уровень», «Умение», «Планируемый результат», «Раздел», «Тема», «Предмет», «Класс»).',
  planBadMax: (task: string) => `В плане заданий у задания ${q(task)} нет числового максимального балла.`,
  planMismatch: (procedure: string, missing: string[], extra: string[]) =>
    `Коды заданий ${q(procedure)} не совпадают с листом «План заданий»: ${[
      missing.length ? `в плане нет заданий ${missing.join(', ')}` : '',
      extra.length ? `в результатах нет заданий плана ${extra.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ')}. Проверьте коды или добавьте столбцы «Предмет» и «Класс», если план описывает несколько работ.`,
  planMaxMismatch: (task: string, plan: number, results: number) =>
    `Максимальный балл задания ${q(task)} в плане (${plan}) не совпадает с результатами (${results}).`,
  scaleHeaderMissing: 'На листе «Шкала отметок» нужны столбцы «Предмет», «Класс», «3», «4», «5» (минимальный первичный балл для отметки).',
  scaleBadCut: (mark: string) => `Граница отметки «${mark}» должна быть числом, и границы должны расти: «3» < «4» < «5».`,
  settingsBad: (label: string, reason: string) => `Настройка ${q(label)}: ${reason}`,
  settingsNumber: 'нужно число',
  settingsRange: (min: number, max: number) => `нужно число от ${min} до ${max}`,
  settingsOrder: (a: string, b: string) => `значение ${q(a)} должно быть не больше ${q(b)}`,

  // ---- info about what was done -------------------------------------------------------------
  catalogUsed: (id: string) => `Уровни и умения заданий взяты из встроенного плана ${q(id)}.`,
  planSheetUsed: 'Уровни и умения заданий взяты с листа «План заданий».',
  levelsFromFile: 'Уровни сложности взяты из строки «Уровень сложности задания».',
  noLevels:
    'Уровни сложности заданий неизвестны: применены пороги базового уровня. Добавьте лист «План заданий», чтобы учесть повышенный уровень.',
  noMarks: 'Отметки не вычислены: в файле нет столбца «Отметка» и нет листа «Шкала отметок» для этой работы.',
  marksFromScale: 'Отметки вычислены по листу «Шкала отметок».',
  classesByNumber: 'Классы названы по порядковому номеру: добавьте лист «Классы» (номер → название, например 1 → 6А).',

  // ---- statuses -----------------------------------------------------------------------------
  status: {
    sufficient: 'достаточно',
    uncertain: 'на грани',
    insufficient: 'недостаточно',
    none: 'нет данных',
  },
  levelName: { Б: 'базовый', П: 'повышенный', В: 'высокий' } as Record<string, string>,
  unreliable: (n: number, min: number) => `мало участников (${n} < ${min}): выводы ненадёжны`,

  // ---- tabs ---------------------------------------------------------------------------------
  tabs: {
    matrix: 'Матрица дефицитов',
    byClass: 'Дефициты по классам',
    settings: 'Настройки ОКО',
    report: 'Отчёт ОКО',
  },

  // ---- add-on menu and the messages Google Sheets shows (alerts, toasts, errors) -------------
  menu: {
    analyze: 'Анализ результатов',
    settings: 'Настройки',
    sidebar: 'Открыть панель',
    errorsTitle: 'ОКО: анализ не выполнен',
    errorsIntro: (n: number) => `В данных найдены ошибки (${n}). Вкладки не изменены: исправьте ошибки и запустите анализ снова.`,
    errorsMore: (n: number) => `…и ещё ${n}. Полный список — в панели ОКО (меню «Открыть панель»).`,
    failedTitle: 'ОКО: ошибка',
    done: (procedures: number, participants: number, tabs: number) =>
      `Готово. Работ: ${procedures}, участников: ${participants}, вкладок обновлено: ${tabs}.`,
    doneWarnings: (n: number) => ` Предупреждений: ${n} — подробности в панели ОКО.`,
    lockBusy:
      'Анализ уже выполняется в этой таблице (другим пользователем или в другом окне). Дождитесь его окончания и запустите анализ снова.',
    lockUnavailable: 'Не удалось получить блокировку документа: откройте ОКО из меню таблицы и попробуйте снова.',
    writeFailed: (tab: string, reason: string) => `Не удалось записать вкладку ${q(tab)}: ${reason}. Прежняя вкладка сохранена.`,
    writeNotRenamed: (tab: string, reason: string) =>
      `Вкладка ${q(tab)} записана, но осталась под временным именем (начинается с «~ОКО~»): ${reason}. Запустите анализ снова — ОКО заменит её.`,
    sheetNotFound: (name: string) => `Лист ${q(name)} не найден: возможно, он переименован или удалён. Обновите панель.`,
    badRequest: (fn: string) => `Панель передала неверные данные в ${q(fn)}. Обновите панель и попробуйте снова.`,
    unexpected: (reason: string) => `Не удалось выполнить действие: ${reason}`,
  },

  // ---- sidebar ------------------------------------------------------------------------------
  sidebar: {
    title: 'ОКО',
    intro: 'Анализ результатов ВПР, ОГЭ и ЕГЭ: дефициты по заданиям, классам и ученикам.',
    sheetsHeading: 'Листы таблицы',
    noSheets: 'Листов с результатами не найдено.',
    problemsHeading: 'Замечания',
    noProblems: 'Замечаний нет.',
    jumpHint: 'Нажмите на замечание, чтобы перейти к ячейке.',
    refresh: 'Обновить',
    run: 'Запустить анализ',
    running: 'Выполняется…',
    loading: 'Загрузка данных таблицы…',
    stepsHeading: 'Ход анализа',
    steps: { read: 'Чтение и проверка данных', write: 'Анализ и запись вкладок' },
    stepState: { waiting: 'ожидание', running: 'выполняется…', done: 'готово', failed: 'ошибка', skipped: 'пропущено' },
    stoppedOnErrors: 'В данных есть ошибки: анализ не запущен, вкладки не изменены. Исправьте замечания с пометкой «ошибка».',
    summaryHeading: 'Итоги',
    participants: (n: number, absent: number) => `Участников: ${n}, отсутствовали: ${absent}`,
    meanCompletion: (pct: string) => `Средний % выполнения: ${pct}`,
    noMean: 'Средний % выполнения: нет данных',
    classesHeading: 'Недостаточно выполненных заданий по классам:',
    classLine: (name: string, insufficient: number, participants: number) => `${name}: ${insufficient} (участников: ${participants})`,
    unreliableMark: ' — мало участников',
    tabsWritten: (names: string) => `Обновлены вкладки: ${names}.`,
    tabsCreated: (names: string) => `Созданы: ${names}.`,
    tabsDeleted: (names: string) => `Удалены устаревшие: ${names}.`,
    errorHeading: 'Ошибка',
    unknownError: 'Неизвестная ошибка. Попробуйте ещё раз.',
    severity: { error: 'ошибка', warning: 'предупреждение', info: 'сведения' },
    kind: {
      results: 'результаты',
      settings: 'настройки',
      classes: 'классы',
      plan: 'план заданий',
      scale: 'шкала отметок',
      teachers: 'учителя',
      benchmarks: 'ориентиры',
      generated: 'создан ОКО',
      service: 'служебный',
      unknown: 'не распознан',
    } as Record<string, string>,
    layout: { 'vpr-form': 'форма сбора ВПР', 'fis-f1': 'выгрузка ФИС ОКО', generic: 'таблица результатов' } as Record<string, string>,
    sheetDetails: (procedure: string, participants: number) => `${procedure}; участников: ${participants}`,
  },
} as const;
