// The sidebar's section of the string table (re-exported by ./index.ts): every text of the sidebar
// and of the server functions it calls. Messages that take data are functions.

const q = (s: string | number) => `«${s}»`;
const num = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });

export const UI = {
  title: 'ОКО',
  intro: 'Анализ результатов ВПР, ОГЭ и ЕГЭ: дефициты по заданиям, классам и ученикам.',
  sections: { data: 'Данные', settings: 'Настройки', analysis: 'Анализ', filter: 'Фильтр ШМО' },
  sectionsLabel: 'Разделы панели',
  loading: 'Загрузка данных таблицы…',
  refresh: 'Обновить',
  errorHeading: 'Ошибка',
  unknownError: 'Неизвестная ошибка. Попробуйте ещё раз.',
  /** google.script.run failed before our code ran (network, authorisation, quota). */
  technicalError: (reason: string) =>
    `Не удалось выполнить запрос к Google Таблицам (${reason}). Проверьте подключение к интернету, обновите панель и попробуйте ещё раз.`,

  data: {
    sheetsHeading: 'Листы таблицы',
    noSheets: 'Листов не найдено.',
    problemsHeading: 'Замечания',
    noProblems: 'Замечаний нет.',
    counts: (errors: number, warnings: number) => `Ошибок: ${errors}, предупреждений: ${warnings}.`,
    jumpHint: 'Нажмите на замечание, чтобы перейти к ячейке.',
    goTo: (sheet: string) => `Перейти на лист ${q(sheet)}`,
    severity: { error: 'ошибка', warning: 'предупреждение', info: 'сведения' } as Record<string, string>,
    kind: {
      results: 'результаты',
      settings: 'настройки',
      classes: 'классы',
      plan: 'план заданий',
      scale: 'шкала отметок',
      teachers: 'учителя',
      benchmarks: 'эталоны',
      codes: 'соответствие кодов',
      giaScales: 'шкалы ГИА',
      planReport: 'отчёт «Достижение планируемых результатов»',
      generated: 'вкладка ОКО',
      service: 'служебный',
      unknown: 'не распознан',
    } as Record<string, string>,
    layout: {
      'vpr-form': 'форма сбора ВПР',
      'fis-f1': 'выгрузка ФИС ОКО',
      generic: 'таблица результатов',
      'gia-protocol': 'протокол ГИА (РЦОИ)',
    } as Record<string, string>,
    details: (subject: string | null, grade: number | null, participants: number | null) =>
      [subject, grade ? `${grade} класс` : null, participants !== null ? `участников: ${participants}` : null].filter(Boolean).join(', '),
  },

  settings: {
    heading: 'Пороги и правила',
    intro: 'Значения хранятся на листе «Настройки ОКО»: можно менять здесь или прямо на листе.',
    range: (min: number, max: number, def: number) => `От ${num(min)} до ${num(max)}, по умолчанию ${num(def)}.`,
    save: 'Сохранить',
    defaults: 'Значения по умолчанию',
    defaultsHint: 'Поля заполнены значениями по умолчанию: нажмите «Сохранить», чтобы записать их.',
    saved: (n: number) => `Сохранено на листе «Настройки ОКО» (значений: ${n}).`,
    created: 'Лист «Настройки ОКО» создан.',
    missingSheet: 'Листа «Настройки ОКО» пока нет: он будет создан при сохранении.',
    invalidNumber: 'Нужно число.',
    outOfRange: (min: number, max: number) => `Нужно число от ${num(min)} до ${num(max)}.`,
    fixErrors: (n: number) => `Исправьте выделенные поля (${n}): ничего не сохранено.`,
    refused: (n: number) => `Значения не приняты (${n}): ничего не сохранено.`,
    notOnSheet: 'Этой настройки нет на листе (лист из прежней версии ОКО): она будет добавлена.',
  },

  analysis: {
    heading: 'Шаги анализа',
    hint: 'Каждый шаг заменяет только свои вкладки и только целиком: при ошибке прежние вкладки остаются.',
    run: 'Запустить',
    cancel: 'Остановить после текущего шага',
    cancelling: 'Остановка после текущего шага…',
    checking: 'Проверка данных',
    progress: (done: number, total: number) => `Выполнено шагов: ${done} из ${total}`,
    state: {
      waiting: 'ожидание',
      running: 'выполняется…',
      done: 'готово',
      failed: 'ошибка',
      skipped: 'не запускался',
    },
    noneSelected: 'Выберите хотя бы один шаг.',
    done: 'Готово: вкладки выбранных шагов обновлены.',
    stoppedOnErrors:
      'В данных есть ошибки: анализ не запущен, вкладки не изменены. Исправьте замечания с пометкой «ошибка» (раздел «Данные»).',
    cancelled: 'Остановлено: следующие шаги не запускались, их вкладки не изменены.',
    summaryHeading: 'Итоги',
    tabsHere: 'Вкладки:',
  },

  filter: {
    heading: 'Фильтр для руководителя ШМО',
    intro:
      'Выберите предмет, параллель, класс или учителя: ОКО соберёт строки вкладок ОКО о выбранном на ваших собственных вкладках «ШМО · …» (дефициты и статистика) и «ШМО выводы · …» (группа риска, динамика, объективность). Общие вкладки и то, что видят другие, не меняются; ваш выбор запоминается только для вас.',
    subjects: 'Предметы',
    grade: 'Параллель',
    klass: 'Класс',
    teacher: 'Учитель',
    all: 'все',
    gradeOption: (g: number) => `${g} классы`,
    noTeachers: 'Учителя не указаны: добавьте лист «Классы и учителя» (столбцы «Класс», «Предмет», «Учитель»).',
    noData: 'Работ не найдено: фильтровать нечего.',
    apply: 'Показать мои вкладки',
    clear: 'Удалить мои вкладки',
    done: (tabs: string) => `Готово: ${tabs}. Другие вкладки и то, что видят другие пользователи, не изменились.`,
    sectionLine: (sheet: string, visible: number, total: number) => `${sheet}: ${visible} из ${total}`,
    openTab: (tab: string) => `Открыть ${q(tab)}`,
    removed: (tabs: string) => `Удалено: ${tabs}.`,
    notRemoved: 'Ваших вкладок ШМО в таблице нет: удалять нечего.',
    empty: 'Выберите предмет, параллель, класс или учителя.',
    nothing: 'По этому выбору в результатах ничего нет: выберите другой предмет, параллель, класс или учителя.',
    refused: 'В данных есть ошибки: вкладка не построена. Исправьте замечания с пометкой «ошибка» (раздел «Данные»).',
    restored: 'Восстановлен ваш прежний выбор.',
  },

  roadmap: {
    legend: 'Параметры дорожной карты',
    template: 'Шаблон',
    chooseTemplate: '— выберите шаблон —',
    sheetTemplate: 'Шаблон дорожной карты (лист)',
    year: 'Учебный год',
    yearHelp:
      'Год начала (2025 — это 2025/2026) или «2025/2026». По дате получения результатов подставляется год, для которого строится карта: после весенних процедур (апрель–август) — следующий.',
    procedure: 'Оценочная процедура',
    procedureHelp: 'Например, «ВПР 2026 Математика 5 класс» или «ВПР-2026» — все ВПР года.',
    resultsDate: 'Дата получения результатов',
    resultsDateHelp: 'Нужна для сроков «после получения результатов в течение …».',
    levels: 'Уровни',
    levelsHelp: 'Ничего не отмечено — все уровни.',
    copyTemplate: 'Создать шаблон на листе',
    copyHint: 'Копирует выбранный встроенный шаблон на лист «Шаблон дорожной карты» для правки.',
    chooseTemplateFirst: 'Сначала выберите встроенный шаблон.',
    notFilled: (title: string) => `Шаг ${q(title)} не запускался: заполните его форму (шаблон, учебный год, процедура) и запустите снова.`,
    refused: 'Дорожная карта не построена, вкладки не изменены: исправьте замечания ниже и запустите снова.',
    activities: (n: number, done: number, doing: number, todo: number, cancelled: number) =>
      `Мероприятий: ${n} (выполнено ${done}, в работе ${doing}, не начато ${todo}, отменено ${cancelled}).`,
    completion: (pct: number | null, done: number, counted: number) =>
      pct === null
        ? 'Выполнение: мероприятий для подсчёта нет.'
        : `Выполнение: ${num(pct)} % (выполнено ${done} из ${counted} неотменённых).`,
    overdue: (n: number, date: string) => (n > 0 ? `Просрочено на ${date}: ${n}.` : `Просроченных на ${date} нет.`),
    overdueLine: (number: string, title: string, end: string) => `${number ? `${number} ` : ''}${title} — срок ${end}`,
    kept: (kept: number, archived: number) => `Перенесено отметок с прежней версии карты: ${kept}; в архив: ${archived}.`,
    params: (template: string, year: string) => `Шаблон: ${template}. Учебный год ${year}.`,
    openTab: (name: string) => `Открыть ${q(name)}`,
    // The template's internal id is a parameter for the callers' convenience; messages name templates by title only.
    templateCreated: (sheet: string, title: string, _id?: string) =>
      `Шаблон ${q(title)} скопирован на лист ${q(sheet)}: отредактируйте его и выберите в форме «Шаблон дорожной карты (лист)».`,
    templateFromDefault: (_id?: string) => 'Шаблон в панели не выбран: скопирован шаблон по умолчанию.',
    templateUnknown: (_id?: string) => 'Такого встроенного шаблона нет. Обновите панель и выберите шаблон из списка.',
    templateCopySheet: 'Лист «Шаблон дорожной карты» уже и есть ваш шаблон: выберите встроенный шаблон, чтобы скопировать его.',
    menuRoadmap: 'Дорожная карта…',
    menuTemplate: 'Создать шаблон',
    templateTitle: 'ОКО: шаблон дорожной карты',
    needsForm: (title: string) => `Шаг ${q(title)} запускается из формы в разделе «Анализ»: выберите шаблон и процедуру.`,
  },

  // ---- texts the server writes into results --------------------------------------------------
  steps: {
    analysis: {
      title: 'Дефициты и статистика',
      description: 'Матрицы дефицитов, дефициты по классам, статистика отметок, распределение баллов, задания по отметкам.',
    },
    risk: { title: 'Группа риска и динамика', description: 'Ученики в зоне риска с причинами; изменения между работами.' },
    objectivity: { title: 'Объективность', description: 'Признаки необъективности по классам и учителям — для проверки, не для выводов.' },
    roadmap: { title: 'Дорожная карта', description: 'Мероприятия по найденным дефицитам, сроки и исполнение.' },
  },
  stepUnavailable: (title: string) => `Шаг ${q(title)} пока недоступен в этой версии ОКО.`,
  summary: {
    participants: (n: number, absent: number) => `Участников: ${n}, отсутствовали: ${absent}.`,
    mean: (pct: number | null) => (pct === null ? 'Средний % выполнения: нет данных.' : `Средний % выполнения: ${num(pct)} %.`),
    classLine: (name: string, insufficient: number, tasks: number) =>
      `${name}: недостаточно выполнено заданий — ${insufficient} из ${tasks}`,
    unreliable: ' (мало участников: выводы ненадёжны)',
    tabs: 'Вкладки',
    created: (names: string) => `Созданы: ${names}.`,
    deleted: (names: string) => `Удалены устаревшие: ${names}.`,
    noTabs: 'Вкладки не созданы: для этого шага в данных ничего нет.',
    atRisk: (n: number) => `Учеников в группе риска: ${n}.`,
    atRiskClass: (cls: string, n: number) => `${cls}: ${n}`,
    highlighted: (sheets: string) => `Строки учеников подсвечены на листах: ${sheets} (значения не изменены).`,
    signs: (n: number) => (n > 0 ? `Признаков для проверки: ${n}.` : 'Признаков необъективности не найдено.'),
    signsNotChecked: 'Объективность не проверена: ни для одной работы нет ни отметок, ни отметок по журналу.',
    signsNoneChecked: (n: number) => `В проверенных работах (${n}) признаков необъективности не найдено.`,
    notChecked: (procedure: string, reason: string) => `${procedure}: не проверено — ${reason}.`,
    moreItems: (n: number) => `…и ещё ${n}.`,
  },
} as const;
