// The sidebar's section of the string table (re-exported by ./index.ts): every text of the sidebar
// and of the server functions it calls. Messages that take data are functions.

const q = (s: string | number) => `«${s}»`;
const num = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
/** Russian plural: 1 ученик, 2 ученика, 5 учеников, 11 учеников, 21 ученик. */
export function plural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return many;
  if (b === 1) return one;
  if (b > 1 && b < 5) return few;
  return many;
}
const students = (n: number) => `${n} ${plural(n, 'ученик', 'ученика', 'учеников')}`;
/** After «из»: the genitive — «из 21 ученика», «из 24 учеников». */
const ofStudents = (n: number) => `${n} ${plural(n, 'ученика', 'учеников', 'учеников')}`;
const ofTasks = (n: number) => `${n} ${plural(n, 'задания', 'заданий', 'заданий')}`;
const works = (n: number) => `${n} ${plural(n, 'работа', 'работы', 'работ')}`;
/** A duration as people say it: «8 с», «1 мин 05 с». */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  // No-break spaces: «2 с» never splits over two lines.
  if (s < 60) return `${s}\u00a0с`;
  return `${Math.floor(s / 60)}\u00a0мин ${String(s % 60).padStart(2, '0')}\u00a0с`;
}

export const UI = {
  title: 'ОКО',
  intro: 'Анализ ВПР, ОГЭ и ЕГЭ: дефициты по заданиям, классам и ученикам.',
  sections: { data: 'Данные', settings: 'Настройки', analysis: 'Анализ', filter: 'Фильтр ШМО' },
  sectionsLabel: 'Разделы панели',
  loading: 'Загрузка данных таблицы…',
  refresh: 'Проверить снова',
  errorHeading: 'Ошибка',
  unknownError: 'Неизвестная ошибка. Попробуйте ещё раз.',
  /** google.script.run failed before our code ran (network, authorisation, quota). */
  technicalError: (reason: string) =>
    `Не удалось выполнить запрос к Google Таблицам (${reason}). Проверьте подключение к интернету, обновите панель и попробуйте ещё раз.`,

  /** The numbered first steps «Данные» shows until the analysis has been run once. */
  firstSteps: {
    heading: 'С чего начать',
    doneMark: 'сделано',
    nowMark: 'сейчас',
    paste:
      'Вставьте результаты на лист этой таблицы: форму сбора ВПР (лист «Протокол»), выгрузку ФИС ОКО «Индивидуальные результаты» или свою таблицу со столбцами «Код», «Класс» и заданиями «1 (2б)». Файл .xlsx откройте через «Файл → Импорт → Вставить новые листы».',
    tryExample: 'Или посмотрите, как это работает, на вымышленной школе:',
    pasted: (n: number) => `Найдено: ${works(n)} с результатами.`,
    notRecognised: (names: string) =>
      `Не распознаны листы: ${names}. Нужна строка заголовков со столбцами «Код» (или «ФИО»), «Класс» и заданиями вида «1 (2б)».`,
    check: 'Нажмите «Проверить снова», когда результаты на месте: ОКО покажет, что распознано и что исправить.',
    fix: (n: number) =>
      `Исправьте ${n === 1 ? 'ошибку' : `ошибки (${n})`} (${n === 1 ? 'она выше' : 'они выше'}; ссылка ведёт к ячейке) и нажмите «Проверить снова».`,
    checked: 'Ошибок в данных нет.',
    checkBelow: 'Проверьте ниже предмет, класс и дату каждой работы.',
    run: 'Запустите анализ: вкладки ОКО появятся в этой таблице.',
    goRun: 'Перейти к анализу',
    after: 'Потом — справка, ИОМ и дорожная карта (раздел «Анализ»).',
  },

  example: {
    open: 'Открыть пример школы',
    opening: 'Пример записывается в таблицу…',
    remove: 'Убрать пример',
    removed: (n: number) => `Листы примера удалены (${n}). Вкладки ОКО обновятся при следующем запуске анализа.`,
    created: (names: string) => `Пример записан на листы ${names}. Теперь запустите анализ.`,
    exists: 'Пример уже открыт: его листы есть в таблице.',
    taken: (name: string) => `Лист ${q(name)} уже есть и не относится к примеру: пример не записан, ничего не изменено.`,
    notice: 'В таблице открыт пример вымышленной школы. Когда вставите свои результаты, уберите его, чтобы он не попал в анализ.',
    workTitle: (subject: string) => `Пример: ВПР 2026 ${subject} 4 класс (вымышленная школа)`,
    dateLabel: 'Дата проведения:',
    workSheet: (subject: string) => `Пример · ${subject} 4`,
    teachersSheet: 'Классы и учителя',
  },

  data: {
    sheetsHeading: 'Листы таблицы',
    worksHeading: 'Распознанные работы',
    otherHeading: (n: number) => `Другие листы (${n})`,
    noSheets: 'Листов не найдено.',
    noWorks: 'Работ с результатами пока нет.',
    problemsHeading: 'Замечания',
    noProblems: 'Замечаний нет.',
    counts: (errors: number, warnings: number) => `Ошибок: ${errors}, предупреждений: ${warnings}.`,
    healthy: 'Ошибок и предупреждений нет.',
    infoCount: (n: number) => `Сведения (${n}): откуда взяты уровни заданий, отметки и т. п.`,
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
    /** One recognised work: «Математика · 5 класс · 15.04.2026». */
    subjectUnknown: 'предмет не определён',
    gradeUnknown: 'класс не определён',
    dateUnknown: 'дата не указана',
    gradeLine: (g: number) => `${g} класс`,
    people: (n: number, absent: number) => `${students(n)}${absent > 0 ? `, не было ${absent}` : ''}`,
    classes: (names: string) => `классы ${names}`,
    describe: 'Указать',
    describeHint: 'Указать предмет, класс и дату работы',
    describeLegend: (sheet: string) => `Работа на листе ${q(sheet)}`,
    subject: 'Предмет',
    chooseSubject: '— выберите предмет —',
    grade: 'Класс (параллель)',
    date: 'Дата проведения',
    describeHelp: 'ОКО допишет это в название листа: так работа будет распознана и в следующий раз, и у коллег.',
    describeSave: 'Сохранить',
    describeCancel: 'Отмена',
    describeNothing: 'Укажите хотя бы одно: предмет, класс или дату.',
    /** Added to a described sheet's name («Протокол · Математика 5 класс»); core/input/meta.ts reads the class back from it. */
    describeGrade: (grade: number) => `${grade} класс`,
    /** The empty sheet left behind when ОКО removes the book's last one (Sheets keeps at least one). */
    emptySheet: 'Лист1',
    described: (from: string, to: string) => `Лист ${q(from)} переименован в ${q(to)}: работа распознана.`,
    describedNotRead: (to: string) =>
      `Лист переименован в ${q(to)}, но строки над таблицей называют работу иначе: исправьте их (строка с названием работы, «Предмет:», «Дата:»).`,
    describeGone: (sheet: string) => `Лист ${q(sheet)} не найден или больше не читается как результаты. Нажмите «Проверить снова».`,
    describeSubjectUnknown: (subject: string) => `Предмет ${q(subject)} ОКО не знает: выберите предмет из списка.`,
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
    missingSheet: 'Показаны значения по умолчанию — с ними и идёт анализ. Лист «Настройки ОКО» будет создан, когда вы сохраните изменения.',
    emptyIsDefault: 'Пустое поле — значение по умолчанию.',
    invalidNumber: 'Нужно число.',
    outOfRange: (min: number, max: number) => `Нужно число от ${num(min)} до ${num(max)}.`,
    fixErrors: (n: number) => `Исправьте выделенные поля (${n}): ничего не сохранено.`,
    refused: (n: number) => `Значения не приняты (${n}): ничего не сохранено.`,
    unchanged: 'Изменений нет: сохранять нечего.',
    notOnSheet: 'Этой настройки нет на листе (лист из прежней версии ОКО): она будет добавлена.',
  },

  analysis: {
    heading: 'Анализ',
    stepsHeading: 'Шаги',
    hint: 'Каждый шаг заменяет только свои вкладки и только целиком: при ошибке прежние вкладки остаются.',
    run: 'Запустить',
    cancel: 'Остановить',
    cancelHint: 'Текущий шаг завершится, следующие не начнутся',
    cancelling: 'Остановка после текущего шага…',
    checking: 'Проверка данных',
    /** Before a run: what «Запустить» will do. */
    ready: (n: number, ms: number, measured: boolean) =>
      `${n === 1 ? 'Выбран 1 шаг' : `Выбрано шагов: ${n}`} — ${measured ? 'в прошлый раз' : 'примерно'} ${duration(ms)}.`,
    /** During a run. */
    running: (i: number, n: number, title: string) => `Шаг ${i} из ${n}: ${title}`,
    elapsed: (ms: number, expected: number | null) => (expected ? `${duration(ms)} из ~${duration(expected)}` : duration(ms)),
    overdue: 'дольше обычного — Google Таблицы иногда отвечают медленно, подождите',
    /** After a run: honest counts of the chosen steps. */
    counts: (done: number, failed: number, skipped: number, total: number) =>
      failed === 0 && skipped === 0
        ? `Выполнено шагов: ${done} из ${total}.`
        : `${[`Выполнено: ${done} из ${total}`, failed ? `с ошибкой: ${failed}` : '', skipped ? `не запускались: ${skipped}` : '']
            .filter(Boolean)
            .join(', ')}.`,
    took: (ms: number) => `Заняло ${duration(ms)}.`,
    progress: (done: number, total: number) => `Выполнено шагов: ${done} из ${total}`,
    state: {
      /** Ticked, before any run: nothing to say yet. */
      ready: '',
      waiting: 'ожидание',
      running: 'выполняется…',
      done: 'готово',
      failed: 'ошибка',
      skipped: 'не запускался',
      off: 'не выбран',
    },
    noneSelected: 'Выберите хотя бы один шаг.',
    done: 'Готово: вкладки выбранных шагов обновлены.',
    stoppedOnErrors:
      'В данных есть ошибки: анализ не запущен, вкладки не изменены. Исправьте замечания с пометкой «ошибка» (раздел «Данные»).',
    cancelled: 'Остановлено: следующие шаги не запускались, их вкладки не изменены.',
    failedCall: 'Шаг не выполнен: вкладки этого шага не изменены, следующие шаги не запускались.',
    summaryHeading: 'Итоги',
    tabsHere: 'Вкладки:',
    nextHeading: 'Что дальше',
    nextDocs: 'Сделайте аналитическую справку и ИОМ в Google Документах',
    nextRoadmap: 'Постройте дорожную карту по найденным дефицитам',
    nextRoadmapDone: (tab: string) => `Отмечайте исполнение на вкладке ${q(tab)}`,
  },

  /** «Справка и ИОМ в Google Документах»: documents from the sidebar (createDocuments). */
  docs: {
    heading: 'Справка и ИОМ в Google Документах',
    intro: 'Документы по последней работе (или всем работам одного года): создаются в вашем Google Диске, таблица не меняется.',
    kinds: 'Какие документы',
    kind: { report: 'Аналитическая справка', routes: 'ИОМ учеников группы риска', appendix: 'Приложения к рабочим программам' },
    subject: 'Предмет',
    allSubjects: 'все предметы',
    klass: 'Класс',
    allClasses: 'все классы',
    create: 'Создать документы',
    creating: (ms: number, expected: number) =>
      `Документы создаются… ${duration(ms)}${expected ? ` (обычно около ${duration(expected)})` : ''}. Не закрывайте панель.`,
    chooseKind: 'Отметьте хотя бы один документ.',
    created: (n: number) => `Готово: ${n === 1 ? 'создан 1 документ' : `создано документов: ${n}`}. Ссылки открываются в новой вкладке.`,
    none: 'Документы не созданы: в данных нет того, что для них нужно.',
    refused: 'Документы не созданы: исправьте замечания ниже.',
    notes: 'Замечания:',
    noData: 'Сначала нужны распознанные результаты (раздел «Данные»).',
    fixFirst: 'Документы можно сделать, когда в данных не останется ошибок: они в разделе «Данные».',
    /** What Google's Drive said, as what to do (the technical text in brackets, for the IT person). */
    failed: {
      rate: (reason: string) =>
        `Google Диск ограничивает, сколько документов можно создать за минуту. Подождите минуту и нажмите «Создать документы» снова. (${reason})`,
      space: (reason: string) => `На вашем Google Диске не хватает места: освободите место и попробуйте снова. (${reason})`,
      access: (reason: string) =>
        `Нет доступа к Google Диску: закройте панель, откройте её снова из меню «ОКО» и разрешите доступ, когда Google спросит. (${reason})`,
      other: (reason: string) =>
        `Google Диск не создал документ. Попробуйте ещё раз через минуту; если повторится, покажите это сообщение администратору. (${reason})`,
    },
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
    fillFirst:
      'Заполните форму дорожной карты (шаблон, учебный год, процедура) или снимите галочку у шага «Дорожная карта»: ничего не запущено.',
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
    participants: (n: number, absent: number) =>
      `Писали работу ${students(n)}${absent > 0 ? `, не было ${absent}` : ', отсутствовавших нет'}.`,
    mean: (pct: number | null) =>
      pct === null ? 'Средний процент выполнения посчитать не из чего.' : `В среднем выполнено ${num(pct)} % работы.`,
    classLine: (name: string, insufficient: number, total: number) =>
      insufficient === 0
        ? `${name}: все задания выполнены достаточно`
        : `${name}: ${insufficient} из ${ofTasks(total)} ${insufficient % 10 === 1 && insufficient % 100 !== 11 ? 'выполнено' : 'выполнены'} недостаточно`,
    unreliable: ' (мало участников — вывод ненадёжен)',
    tabs: 'Вкладки',
    created: (names: string) => `Созданы: ${names}.`,
    deleted: (names: string) => `Удалены устаревшие: ${names}.`,
    noTabs: 'Вкладки не созданы: для этого шага в данных ничего нет.',
    atRisk: (n: number) =>
      n === 0 ? 'Учеников в группе риска нет.' : `В группе риска ${students(n)} — список с причинами на вкладке «Группа риска».`,
    atRiskClass: (cls: string, n: number) => `${cls} — ${students(n)}`,
    highlighted: (sheets: string) => `Строки учеников подсвечены на листах: ${sheets} (значения не изменены).`,
    signs: (n: number) =>
      n > 0
        ? `Признаков для проверки: ${n}. Это повод посмотреть работы, а не вывод о работе учителя.`
        : 'Признаков необъективности не найдено.',
    signsNotChecked: 'Объективность не проверена: ни для одной работы нет ни отметок, ни отметок по журналу.',
    signsNoneChecked: (n: number) => `В проверенных работах (${n}) признаков необъективности не найдено.`,
    notChecked: (procedure: string, reason: string) => `${procedure}: не проверено — ${reason}.`,
    /** One objectivity sign, in words (src/server/steps.ts picks by the sign's rule). */
    sign: {
      lowered: (group: string, k: number, n: number, pct: number) =>
        `${group}: у ${k} из ${ofStudents(n)} (${num(pct)} %) отметка за работу ниже, чем в журнале`,
      raised: (group: string, k: number, n: number, pct: number) =>
        `${group}: у ${k} из ${ofStudents(n)} (${num(pct)} %) отметка за работу выше, чем в журнале`,
      highMarks: (group: string, k: number, n: number, mean: number) =>
        `${group}: в журнале «4» и «5» у ${k} из ${ofStudents(n)}, а работа выполнена в среднем на ${num(mean)} %`,
      peaks: (group: string, parts: string) => `${group}: необычно много работ ровно на границе отметки — ${parts}`,
      peak: (mark: number, score: number, count: number) =>
        `${students(count)} с ${score} ${plural(score, 'баллом', 'баллами', 'баллами')} (граница «${mark}»)`,
      high: ' — заметно',
      unreliable: ' (мало участников — вывод ненадёжен)',
    },
    moreItems: (n: number) => `…и ещё ${n}.`,
    /** «Что дальше» lines the server writes from what a step found. */
    next: {
      weakest: (cls: string, work: string, insufficient: number, total: number) =>
        `Откройте матрицу дефицитов самого слабого класса: ${cls}, ${work} — недостаточно выполнено ${insufficient} из ${ofTasks(total)}`,
      allGood: 'Недостаточно выполненных заданий нет ни в одном классе: откройте «Дефициты по классам», чтобы сравнить классы.',
      risk: (n: number) => `Посмотрите группу риска: ${students(n)} с причинами`,
      signs: (n: number) => `Проверьте признаки необъективности (${n}) на вкладке «Объективность»`,
    },
  },
} as const;
