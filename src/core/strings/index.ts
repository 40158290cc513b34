// Every user-facing text of the add-on, in one place. Messages that take data are functions.
import { COLUMNS } from './columns';

const q = (s: string | number) => `«${s}»`;
/** 31,3 — one decimal with a comma, «,0» dropped. */
const n1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '').replace('.', ',');
/** Rounded down to one decimal: «49,9 % — меньше 50 %» never reads «50 % — меньше 50 %». */
const n1down = (x: number) => (Math.floor(x * 10 + 1e-9) / 10).toFixed(1).replace(/\.0$/, '').replace('.', ',');
/** Numbers in words, [prepositional, dative]: «в трёх работах», «по трём предметам». */
const NUMERALS: Record<number, readonly [string, string]> = {
  2: ['двух', 'двум'],
  3: ['трёх', 'трём'],
  4: ['четырёх', 'четырём'],
  5: ['пяти', 'пяти'],
  6: ['шести', 'шести'],
  7: ['семи', 'семи'],
  8: ['восьми', 'восьми'],
  9: ['девяти', 'девяти'],
  10: ['десяти', 'десяти'],
};
const numPrep = (n: number) => NUMERALS[n]?.[0] ?? n;
const numDat = (n: number) => NUMERALS[n]?.[1] ?? n;
/** «по математике»: subjects in the dative case. */
const SUBJECT_DAT: Record<string, string> = {
  'Русский язык': 'русскому языку',
  Математика: 'математике',
  'Литературное чтение': 'литературному чтению',
  'Окружающий мир': 'окружающему миру',
  Литература: 'литературе',
  История: 'истории',
  Обществознание: 'обществознанию',
  География: 'географии',
  Биология: 'биологии',
  Физика: 'физике',
  Химия: 'химии',
  Информатика: 'информатике',
  'Английский язык': 'английскому языку',
  'Немецкий язык': 'немецкому языку',
  'Французский язык': 'французскому языку',
  Алгебра: 'алгебре',
  Геометрия: 'геометрии',
};
const subjDat = (subject: string) => SUBJECT_DAT[subject] ?? `предмету ${q(subject)}`;
/** «математика», «русский язык»; an abbreviation («ОБЖ») stays as is. */
const lowerSubject = (subject: string) => (/^[А-ЯЁA-Z]{2}/.test(subject) ? subject : subject.charAt(0).toLowerCase() + subject.slice(1));

export const S = {
  appName: 'ОКО',

  /** Column tables of the analytic tabs: column id → header label (./columns.ts). */
  columns: COLUMNS,

  // ---- places -------------------------------------------------------------------------------
  fieldPlace: (field: string) => `Поле «${field}»`,
  problemPlace(sheet: string, row?: number, col?: number, cell?: string): string {
    if (row && col && cell) return `Лист ${q(sheet)}, ячейка ${cell} (строка ${row}, столбец ${cell.replace(/\d+$/, '')})`;
    if (row) return `Лист ${q(sheet)}, строка ${row}`;
    return `Лист ${q(sheet)}`;
  },

  // ---- input problems -----------------------------------------------------------------------
  filePlace: (file: string) => `Файл ${q(file)}`,
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
  columnsIgnored: (headers: string[]) =>
    headers.length === 1
      ? `Столбец ${q(headers[0] as string)} не относится к результатам и не используется.`
      : `Столбцы ${headers.map(q).join(', ')} не относятся к результатам и не используются.`,
  scoreFraction: (task: string, value: number) =>
    `Балл ${String(value).replace('.', ',')} за задание ${q(task)}: баллы бывают целыми или с половиной (например, 1 или 1,5).`,
  moreErrors: (n: number) => `…и ещё ошибок: ${n}. Исправьте перечисленные и запустите проверку снова.`,
  tableEnded: (first: number, rows: string) =>
    `Таблица результатов закончилась перед строкой ${first}: строки ${rows} ниже пустой строки не похожи на строки участников (заметки, итоги другой программы) и не прочитаны. Если это ученики, уберите пустую строку над ними.`,
  classesMerged: (merged: [string, string[]][]) =>
    `Названия классов приведены к одному виду: ${merged.map(([name, spellings]) => `${spellings.map(q).join(', ')} → ${q(name)}`).join('; ')}.`,
  totalColumnEmpty: (label: string, col: string) =>
    `Столбец ${q(label)} (столбец ${col}) пуст или содержит только нули — вероятно, там формулы, значения которых файл не сохранил. Первичный балл посчитан по баллам заданий.`,
  markColumnEmptyScale: (label: string, col: string) =>
    `Столбец ${q(label)} (столбец ${col}) пуст или содержит только нули — вероятно, там формулы, значения которых файл не сохранил. Отметки вычислены по первичному баллу и листу «Шкала отметок».`,
  markColumnEmpty: (label: string, col: string) =>
    `Столбец ${q(label)} (столбец ${col}) пуст или содержит только нули — вероятно, там формулы, значения которых файл не сохранил. Отметки не учтены: откройте файл в Excel или LibreOffice и сохраните его снова (формулы пересчитаются) или добавьте лист «Шкала отметок».`,
  subjectUnknown: (sheet: string) =>
    `Предмет работы не определён: его нет ни в строках над таблицей, ни в названии листа ${q(sheet)}, ни в имени файла. Допишите над таблицей строку с названием работы (например, «ВПР 2026 Математика 5 класс») или назовите лист по предмету («Математика 5 класс») — иначе работу не с чем связать и нельзя подобрать план заданий.`,
  gradeUnknown: (sheet: string) =>
    `Класс (параллель) работы не определён: его нет ни в строках над таблицей, ни в названии листа ${q(sheet)}, ни в имени файла, ни в названиях классов. Допишите над таблицей строку с названием работы (например, «ВПР 2026 Математика 5 класс») или добавьте в название листа «5 класс».`,
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
  benchmarkBadNumber: (what: string, v: string) =>
    `Эталоны: в столбце ${q(what)} нужно число (проценты — от 0 до 100, количества — целые), а здесь ${v === '' ? 'пусто' : q(v)}.`,
  benchmarkNoGroup: 'Эталоны: у строки с числами не указана группа участников (например, «Вся выборка» или название региона).',
  benchmarkSum: (group: string, sum: number) =>
    `Эталоны: доли в строке ${q(group)} в сумме дают ${Math.round(sum * 100) / 100} %, а не 100 %: проверьте, те ли столбцы вставлены.`,
  benchmarkNoBlocks:
    'На листе «Эталоны» не найдено ни одной таблицы ФИС ОКО: нужна строка заголовков «Группы участников | Кол-во ОО | Кол-во участников | …» из отчётов «Выполнение заданий», «Статистика по отметкам» или «Сравнение отметок с отметками по журналу».',
  benchmarkNoTitle: (kind: string) =>
    `Эталоны: над таблицей ${q(kind)} нет строки с названием работы (например, «ВПР 2026 Русский язык 4 класс»), а работ в книге несколько — таблица не использована.`,
  benchmarkNoProcedure: (kind: string, title: string) =>
    `Эталоны: таблица ${q(kind)} (${q(title)}) не подходит ни к одной работе книги — таблица не использована.`,
  benchmarkAmbiguous: (kind: string, title: string, procedures: string[]) =>
    `Эталоны: таблица ${q(kind)} (${q(title)}) подходит к нескольким работам (${procedures.map(q).join(', ')}): уточните предмет и класс в строке названия.`,
  benchmarkUnknownTasks: (procedure: string, tasks: string[]) =>
    `Эталоны: в работе ${q(procedure)} нет заданий ${tasks.join(', ')} из таблицы «Выполнение заданий»; они не сравниваются.`,

  // ---- info about what was done -------------------------------------------------------------
  /** Named as people know the plan (never the internal id): «ВПР 2026, математика, 4 класс». */
  catalogUsed: (exam: string, year: number, subject: string, grade: number) =>
    `Уровни и умения заданий взяты из встроенного плана ФИОКО: ${exam} ${year}, ${subject.toLowerCase()}, ${grade} класс.`,
  planSheetUsed: 'Уровни и умения заданий взяты с листа «План заданий».',
  levelsFromFile: 'Уровни сложности взяты из строки «Уровень сложности задания».',
  noLevels:
    'Уровни сложности заданий неизвестны: применены пороги базового уровня. Добавьте лист «План заданий», чтобы учесть повышенный уровень.',
  noMarks: 'Отметки не вычислены: в файле нет столбца «Отметка» и нет листа «Шкала отметок» для этой работы.',
  marksFromScale: 'Отметки вычислены по листу «Шкала отметок».',
  classesByNumber:
    'Классы названы по порядковому номеру («класс 1», «класс 2»): добавьте лист «Классы» (номер → название, например 1 → 6А), чтобы видеть настоящие названия.',

  // ---- ГИА protocols (ОГЭ, ЕГЭ, ГВЭ) and their scales -------------------------------------------
  gia: {
    noAnswerStrings:
      'В протоколе нет ни одной строки ответов: столбцы «Задания с кратким ответом» и «Задания с развёрнутым ответом» пусты.',
    shortSymbol: (symbol: string, position: number) =>
      `В строке заданий с кратким ответом символ ${q(symbol)} (позиция ${position}): допустимы «+» (верно), «-» (неверно) и цифра — балл за задание.`,
    shortLength: (actual: number, expected: number) =>
      `В строке заданий с кратким ответом ${actual} симв., а заданий ${expected}, как у остальных участников: проверьте, не потерян ли символ.`,
    longBad: (at: string) =>
      `Строка заданий с развёрнутым ответом не читается у ${q(at)}: ожидаются пары «балл(макс)», например «0(2)1(2)2(3)».`,
    longLength: (actual: number, expected: number) =>
      `В строке заданий с развёрнутым ответом ${actual} пар «балл(макс)», а заданий ${expected}, как у остальных участников.`,
    longMax: (task: string, max: number, usual: number) =>
      `У задания ${q(task)} в скобках максимальный балл ${max}, а у остальных участников ${usual}.`,
    aboveMax: (task: string, value: number, max: number) => `Балл ${value} за задание ${q(task)} больше максимального (${max}).`,
    maxInferred: (tasks: string) =>
      `Максимальные баллы заданий ${tasks} выведены из данных (наибольший поставленный балл): добавьте лист «План заданий» с максимальными баллами, если кто-то мог получить больше.`,
    kindInferred: (kind: string) => `Вид работы не указан в названии: по протоколу это ${kind}.`,
  },

  giaScales: {
    headerMissing:
      'На листе «Шкалы ГИА» нужна строка заголовков: «Экзамен», «Предмет», «Год», «Балл», «Минимальный балл («3» / порог)», «4» от, «5» от, «Источник и условия». Удалите лист — ОКО создаст его заново с шкалами 2026 года.',
    kind: (v: string) => `Экзамен ${q(v)} не распознан: укажите ОГЭ, ЕГЭ или ГВЭ.`,
    min: 'Нужен минимальный балл — число.',
    order: 'Границы должны расти: минимальный балл < «4» < «5» (или оставьте «4» и «5» пустыми).',
    noRow: (kind: string, subject: string) =>
      `На листе «Шкалы ГИА» нет строки ${kind} «${subject}»: минимальный порог не учтён. Добавьте строку с минимальным баллом.`,
    used: (kind: string, min: number, on: string, source: string) =>
      `Порог ${kind}: ${min} (${on} балл) с листа «Шкалы ГИА»${source ? ` — ${source}` : ''}; ниже порога — как отметка «2».`,
    noTestScore: 'В протоколе ЕГЭ нет тестового балла («Балл»): порог по тестовому баллу не проверен.',
    thresholdMarks:
      'Отметок в протоколе нет, а на листе «Шкалы ГИА» есть только минимальный балл: «2» — не преодолели порог, «3» — преодолели; «4» и «5» не выставляются, качество не считается.',
    intro:
      'Шкалы ГИА: минимальный балл (отметка «3» для ОГЭ и ГВЭ по первичному баллу; минимальный тестовый балл ЕГЭ) и, где известно, первичные баллы отметок «4» и «5». Лист ваш: ОКО создаёт его один раз и дальше только читает — уточните шкалы по решению вашего региона.',
  },

  planReport: {
    matrixHeading: 'Эталоны ФИС ОКО: выполнение заданий, % (Россия, регион, муниципалитет, ОО по отчёту)',
    levelName: { russia: 'Россия', region: 'регион', municipality: 'муниципалитет', school: 'ОО по отчёту' } as Record<string, string>,
    badNumber: (v: string) => `Отчёт «Достижение планируемых результатов»: в ячейке процента выполнения ${q(v)} — нужно число от 0 до 100.`,
    used: (sheet: string) =>
      `Умения и максимальные баллы заданий взяты из отчёта ФИС ОКО «Достижение планируемых результатов» (лист ${q(sheet)}); проценты России, региона, муниципалитета и ОО показаны рядом с выполнением школы.`,
    noProcedure: (title: string) =>
      `Отчёт «Достижение планируемых результатов»${title ? ` (${q(title)})` : ''} не подходит ни к одной работе книги (или подходит к нескольким): добавьте над ним строку с названием работы, например «ВПР 2026 Математика 6 класс».`,
    tasksMismatch: (procedure: string, tasks: string[]) =>
      `Отчёт «Достижение планируемых результатов» не подходит к работе ${q(procedure)}: задания ${tasks.join(', ')} отличаются (нет в результатах или другой максимальный балл). Отчёт не использован как план.`,
    diff: (task: string, theirs: number, ours: number) => `задание ${task}: в отчёте ${n1(theirs)} %, по файлу ${n1(ours)} %`,
    mismatch: (procedure: string, sheet: string, diffs: string[]) =>
      `Выполнение ОО в отчёте «Достижение планируемых результатов» не совпадает с подсчётом ОКО по листу ${q(sheet)} (${procedure}): ${diffs.slice(0, 5).join('; ')}${diffs.length > 5 ? `; …и ещё ${diffs.length - 5}` : ''}. Файл с результатами неполный или это другая работа.`,
  },

  // ---- checks that could not run («не проверено: …») ------------------------------------------
  checks: {
    notChecked: (reason: string) => `не проверено: ${reason}`,
    name: { marks: 'отметки', journal: 'сравнение с журналом', objectivity: 'объективность', skills: 'умения' } as Record<string, string>,
    noMarks: 'в файле нет отметок (нет столбца «Отметка» и нет листа «Шкала отметок» для этой работы)',
    markColumnEmpty: (label: string, col: string) =>
      `столбец ${q(label)} (${col}) пуст — вероятно, формулы без сохранённых значений; нет и листа «Шкала отметок»`,
    noJournal: 'в файле нет отметок по журналу',
    journalWithoutMarks: 'нет отметок за работу, сравнивать с журналом нечего',
    objectivityNothing: 'нет ни отметок за работу, ни отметок по журналу — ни одно правило не применимо',
    noSkills: 'нет плана заданий с умениями (лист «План заданий», встроенный план или отчёт ФИС ОКО «Достижение планируемых результатов»)',
  },

  // ---- statuses -----------------------------------------------------------------------------
  status: {
    sufficient: 'достаточно',
    uncertain: 'на грани',
    insufficient: 'недостаточно',
    none: 'нет данных',
  },
  levelName: { Б: 'базовый', П: 'повышенный', В: 'высокий' } as Record<string, string>,
  unreliable: (n: number, min: number) => `мало участников (${n} < ${min}): выводы ненадёжны`,
  /** A parallel's group: «5 классы»; «Параллель» when the grade is unknown. */
  parallelName: (grade: number | null) => (grade === null ? 'Параллель' : `${grade} классы`),
  /** A procedure named by its sheet: «лист «Протокол»». */
  sheetName: (sheet: string) => `лист ${q(sheet)}`,

  // ---- tabs ---------------------------------------------------------------------------------
  tabs: {
    matrix: 'Матрица дефицитов',
    byClass: 'Дефициты по классам',
    settings: 'Настройки ОКО',
    report: 'Отчёт ОКО',
    risk: 'Группа риска',
    dynamics: 'Динамика',
    objectivity: 'Объективность',
    markStats: 'Статистика отметок',
    distribution: 'Распределение баллов',
    tasksByMark: 'Задания по отметкам',
    roadmap: 'Дорожная карта',
    roadmapShort: 'ДК',
    iom: 'ИОМ',
    execution: 'Исполнение',
    roadmapTemplate: 'Шаблон дорожной карты',
    giaScales: 'Шкалы ГИА',
    /** A person's own view of the analytic tabs: «ШМО · Математика · 5Б» (core/output/shmo-view.ts). */
    shmo: 'ШМО',
    /** Its second tab: the at-risk students, dynamics and objectivity («ШМО выводы · Математика · 5Б»). */
    shmoFindings: 'ШМО выводы',
  },

  // ---- statistics tabs (marks, journal, distribution, tasks by mark groups) -------------------
  stats: {
    noMarks:
      'Не проверено: отметок нет — в файле нет столбца «Отметка» (или он пуст) и нет листа «Шкала отметок» для этой работы; статистика отметок и сравнение с журналом не построены.',
    marksHeading: 'Статистика по отметкам',
    journalHeading: 'Сравнение отметок с отметками по журналу',
    noJournal: 'Не проверено: в файле нет отметок по журналу — сравнение с журналом не построено.',
    marksBenchmarkHeading: 'Статистика по отметкам: ОО и эталоны ФИС ОКО',
    journalBenchmarkHeading: 'Сравнение с журналом: ОО и эталоны ФИС ОКО',
    gapHeading: (gap: number) => `Отметка за работу и отметка по журналу расходятся на ${gap} и более`,
    noGaps: 'Таких участников нет.',
    smallSample: (n: number, min: number) =>
      `Участников ${n} — меньше ${min}: форма распределения ненадёжна, выводы о пиках и провалах приблизительные (ориентировочно — от 20–30 участников).`,
    noMarkGroups: 'Не проверено: отметок нет — группы по отметкам не построены, показаны только все участники.',
    withoutMark: (n: number) => `без отметки: ${n} (не входят ни в одну группу по отметкам)`,
  },

  // ---- several procedures: codes, teachers, dynamics, risk, objectivity (docs/risk-objectivity.md)
  num: n1,
  subjectDative: subjDat,
  subjectLower: lowerSubject,
  links: {
    headerMissing:
      'На листе «Соответствие кодов» нужна строка заголовков со столбцами «Лист», «Код участника» и «Ученик» (общий идентификатор: ФИО, номер по журналу или код участника из другой работы); по желанию — «Школа».',
    missing: (column: string) => `Не заполнен столбец ${q(column)}: нужны лист, код участника и ученик.`,
    sheetUnknown: (sheet: string) =>
      `Лист ${q(sheet)} не найден среди листов с результатами: проверьте название (оно должно совпадать с ярлыком листа).`,
    codeUnknown: (code: string, sheet: string) =>
      `Код ${q(code)} не найден среди присутствовавших участников листа ${q(sheet)}: строка не используется.`,
    duplicate: (code: string, sheet: string, first: number) => `Код ${q(code)} листа ${q(sheet)} уже указан в строке ${first}.`,
    samePerson: (person: string, sheet: string, codes: string[]) =>
      `Ученику ${q(person)} на листе ${q(sheet)} соответствуют несколько участников (${codes.join(', ')}): в одной работе у ученика один код.`,
    codeReused: (code: string, a: string, b: string) =>
      `Код ${q(code)} есть в работах ${a} и ${b}, но классы не согласуются: ОКО считает это разными учениками. Если это один ученик, укажите его на листе «Соответствие кодов».`,
    codeReusedMore: (n: number) => `…и ещё кодов с несогласованными классами: ${n}.`,
    ambiguous: (code: string, sheet: string) =>
      `Код ${q(code)} есть на листе ${q(sheet)} у участников нескольких школ: добавьте столбец «Школа» и укажите школу.`,
    used: (rows: number) => `Ученики разных работ связаны через лист «Соответствие кодов» (строк: ${rows}).`,
  },
  teachers: {
    headerMissing: 'На листе «Классы и учителя» нужна строка заголовков со столбцами «Класс», «Предмет» и «Учитель».',
    missing: (column: string) => `Не заполнен столбец ${q(column)}: нужны класс, предмет и учитель.`,
    subjectUnknown: (subject: string) => `Работ по предмету ${q(subject)} нет среди результатов: строка не используется.`,
    classUnknown: (cls: string, subject: string) => `Класс ${q(cls)} не писал работ по предмету ${q(subject)}: строка не используется.`,
    duplicate: (first: number) => `Строка повторяет строку ${first} и не используется.`,
    twoTeachers: (cls: string, subject: string, teachers: string[]) =>
      `У класса ${q(cls)} по предмету ${q(subject)} указано несколько учителей (${teachers.join(', ')}): класс учитывается у каждого.`,
  },
  risk: {
    mark2: (title: string) => `Отметка «2» по ${title}`,
    belowThreshold: (title: string, min: number, on: 'primary' | 'test') =>
      `Не преодолён минимальный порог ${title}: меньше ${min} ${on === 'primary' ? 'первичных' : 'тестовых'} баллов (как отметка «2»)`,
    lowScore: (pct: number, limit: number, title: string) => `Выполнено ${n1down(pct)} % работы — меньше ${n1(limit)} % (${title})`,
    markDown: (subject: string, from: number, to: number, pair: string) =>
      `Отметка по ${subjDat(subject)} снизилась с ${from} до ${to} (${pair})`,
    completionDown: (subject: string, delta: number, from: number, to: number, pair: string) =>
      `Выполнение работы по ${subjDat(subject)} снизилось на ${n1(delta)} п. п.: с ${n1(from)} % до ${n1(to)} % (${pair})`,
    bothDown: (subject: string, from: number, to: number, delta: number, pFrom: number, pTo: number, pair: string) =>
      `Отметка по ${subjDat(subject)} снизилась с ${from} до ${to}, выполнение работы — на ${n1(delta)} п. п. (с ${n1(pFrom)} % до ${n1(pTo)} %) (${pair})`,
    stableLow: (count: number, subject: string, works: string[]) =>
      `Низкие результаты в ${numPrep(count)} работах подряд по ${subjDat(subject)} (${works.join(', ')})`,
    multi: (subjects: string[]) => `Группа риска по ${numDat(subjects.length)} предметам: ${subjects.map(lowerSubject).join(', ')}`,
    trendOne: (subject: string, mark: number | null, pct: number) => `${lowerSubject(subject)}: ${mark ?? '—'} (${n1(pct)} %)`,
    trendStep: (mark: number | null, pct: number) => `${mark ?? '—'} (${n1(pct)} %)`,
    none: 'Учеников в группе риска нет: ни одно правило не сработало.',
    ruleName: {
      mark2: 'Отметка «2»',
      lowScore: 'Низкий первичный балл',
      decline: 'Снижение против предыдущей работы',
      stableLow: 'Стабильно низкие результаты',
      multiSubject: 'Несколько предметов',
    } as Record<string, string>,
  },
  objectivity: {
    level: { medium: 'средний уровень', high: 'высокий уровень' } as Record<'medium' | 'high', string>,
    share: (label: string, pct: number, k: number, n: number, limit: number, level: string) =>
      `${label} ${n1(pct)} % (${k} из ${n}) ≥ ${n1(limit)} % — ${level}`,
    highMarks: (pct: number, k: number, n: number, limit: number, mean: number, meanLimit: number) =>
      `Отметки «4» и «5» по журналу у ${n1(pct)} % участников (${k} из ${n}) ≥ ${n1(limit)} %, а среднее выполнение работы ${n1(mean)} % < ${n1(meanLimit)} %`,
    peaks: (peaks: { score: number; mark: number; count: number; below: number }[], meanBin: number) =>
      `Пик распределения первичных баллов на границе отметки: ${peaks
        .map((p) => `«${p.mark}» с ${p.score} б. — ${p.count} уч. (на балл ниже — ${p.below})`)
        .join('; ')} (в среднем ${n1(meanBin)} уч. на балл)`,
    none: 'признаков не найдено',
    ruleName: {
      lowered: 'Понизили: отметка за работу ниже отметки по журналу',
      raised: 'Повысили: отметка за работу выше отметки по журналу',
      highMarksLowCompletion: 'Высокие отметки по журналу при низком выполнении работы',
      peaksAtCuts: 'Пик первичных баллов на границе отметки',
    } as Record<string, string>,
    levelShort: { medium: 'средний', high: 'высокий' } as Record<string, string>,
    shareLabel: { lowered: 'Понизили', raised: 'Повысили' },
    peaksNoCuts: 'границы отметок неизвестны',
    peaksFew: (min: number) => `участников меньше ${min}`,
    groupLevel: { class: 'класс', teacher: 'учитель', school: 'школа' } as Record<string, string>,
    intro:
      'Признаки для проверки объективности — повод перепроверить работы, организацию процедуры и выставление отметок. Это не вывод о работе учителя: результаты оценочных процедур не используются для наказания педагогов.',
  },
  /** Columns users fill on «Группа риска» and «Объективность», kept across runs (output/user-columns.ts). */
  notes: {
    legend: (labels: readonly string[]) =>
      `Столбцы ${labels.map(q).join(' и ')} — ваши: ОКО сохраняет их при каждом перестроении вкладки (строка узнаётся по столбцу «Ключ (не менять)», не меняйте его); ` +
      'заметки строк, которых больше нет на вкладке, переносятся в «Архив заметок» внизу и возвращаются на место, если строка появится снова.',
    keyNote: 'По этому столбцу ОКО узнаёт строку при перестроении вкладки и возвращает в неё ваши заметки. Не меняйте и не очищайте его.',
    archive:
      'Архив заметок — строки, которых больше нет на вкладке. Ваши заметки сохранены; если строка появится снова, заметка вернётся в неё.',
  },
  dynamics: {
    sameTasks: 'одинаковый набор заданий: сравнимы баллы, % выполнения, отметки и каждое задание',
    differentTasks: (shared: number) =>
      `разные наборы заданий: сравниваются только % выполнения работы, отметки${shared > 0 ? ` и общие умения (${shared}, по совпадающему тексту умения)` : ''}; баллы за задания не сравниваются`,
    negative: (from: number, to: number, delta: number, limit: number) =>
      `Отрицательная динамика: доля «2» выросла с ${n1(from)} % до ${n1(to)} % (+${n1(delta)} п. п. ≥ ${n1(limit)} п. п.)`,
    noPairs:
      'Для динамики нужны хотя бы две работы по одному предмету (например, входная диагностика и ВПР или результаты прошлого года). Добавьте их листы в таблицу: ОКО упорядочит работы по дате и свяжет учеников по коду участника или через лист «Соответствие кодов».',
  },

  // ---- roadmaps («дорожные карты»), their template sheet and the «Исполнение» dashboard ----------
  roadmap: {
    columns: {
      number: '№',
      stage: 'Этап',
      title: 'Мероприятие',
      participants: 'Участники',
      start: 'Начало',
      end: 'Срок',
      responsible: 'Ответственный',
      result: 'Результат',
      format: 'Формат документа',
      status: 'Статус',
      doneDate: 'Дата исполнения',
      link: 'Ссылка на документ',
      comment: 'Комментарий',
      key: 'Ключ',
      overdue: 'Просрочено (служ.)',
    },
    status: { todo: 'Не начато', doing: 'В работе', done: 'Выполнено', cancelled: 'Отменено' },
    templateColumns: {
      section: 'Раздел',
      tasks: 'Задачи',
      indicators: 'Показатели',
      number: '№',
      title: 'Мероприятие',
      participants: 'Участники',
      responsible: 'Ответственный',
      deadline: 'Срок',
      result: 'Результат',
      format: 'Формат документа',
      levels: 'Уровни',
    },
    title: (procedure: string) => `Дорожная карта — ${procedure}`,
    meta: (template: string, year: string, from: string, to: string, results: string, levels: string) =>
      `Шаблон: ${template}. Учебный год ${year} (${from} – ${to}). Результаты получены: ${results}. Уровни: ${levels}.`,
    noResultsDate: 'дата не указана (сроки «после получения результатов» не вычислены)',
    allLevels: 'все',
    legend:
      'Столбцы «Статус», «Дата исполнения», «Ссылка на документ» и «Комментарий» — ваши: ОКО сохраняет их при перестроении карты (строки узнаются по столбцу «Ключ», не меняйте его). ' +
      'Остальные столбцы берутся из шаблона и анализа и перестраиваются. Просроченные мероприятия (срок прошёл, статус не «Выполнено» и не «Отменено») краснеют сами, без перезапуска. ' +
      'Свою строку можно добавить в любом месте, оставив «Ключ» пустым: она сохранится.',
    sectionDone: 'выполнено мероприятий раздела:',
    indicatorManual: 'оценивается вручную: запишите значение в «Комментарий»',
    indicatorComputed: 'доля «Выполнено» среди неотменённых мероприятий раздела',
    blockManual: 'Добавлено вручную — строки без ключа, место которых в карте больше не найдено',
    blockArchive: 'Архив — мероприятия, которых больше нет в шаблоне или в анализе; отметки об исполнении сохранены',
    deadlineNote: (phrase: string, note?: string) => `Срок по шаблону: «${phrase}»${note ? ` (${note})` : ''}`,
    keyNote: 'Служебный столбец: по ключу ОКО узнаёт строку при перестроении карты. Не меняйте и не копируйте ключи.',
    // problems
    templateUnknown: (id: string, titles: string[]) =>
      `Шаблон «${id}» не найден. Выберите один из встроенных (${titles.map((t) => `«${t}»`).join(', ')}) или «Шаблон дорожной карты (лист)».`,
    templateSheetMissing: (sheet: string) =>
      `Листа «${sheet}» нет: создайте его командой «Создать шаблон» (oko templates copy <шаблон> <книга.xlsx>) и отредактируйте.`,
    templateHeaderMissing: (missing: string[]) =>
      `Не найдена строка заголовков шаблона: нужны столбцы ${missing.map((m) => `«${m}»`).join(', ')} (полный набор: Раздел | Задачи | Показатели | № | Мероприятие | Участники | Ответственный | Срок | Результат | Формат документа | Уровни).`,
    templateNoSection: 'Не указан раздел: в первой строке мероприятий заполните «Раздел» (например, «1. Аналитический этап»).',
    templateNoTitle: 'Не указано мероприятие: заполните «Мероприятие» или очистите строку целиком.',
    templateBadLevel: (v: string) => `Уровень «${v}» не распознан: допустимы НШ, ОШ, СШ через запятую (пусто — все уровни).`,
    templateSectionNoActivities: (section: string) => `В разделе «${section}» нет ни одного мероприятия.`,
    templateEmpty: 'В шаблоне нет ни одного мероприятия.',
    templateSheetExists: (sheet: string) =>
      `Лист «${sheet}» уже есть: ОКО не перезаписывает ваш шаблон. Удалите или переименуйте лист, чтобы создать его заново.`,
    headerMissing:
      'Вкладка названа как дорожная карта ОКО, но строка заголовков не найдена (нужны столбцы «Мероприятие», «Статус», «Ключ»). Ничего не записано: отметки об исполнении нельзя сохранить. Верните заголовок (например, отменой правки) или переименуйте вкладку, чтобы построить карту заново.',
    keyColumnMissing:
      'В дорожной карте нет столбца «Ключ»: по нему ОКО сохраняет статусы, даты, ссылки и комментарии при перестроении. Ничего не записано. Верните столбец (отменой правки) или переименуйте вкладку, чтобы построить карту заново.',
    keyBad: (v: string) =>
      `Ключ «${v}» повреждён (ключи ОКО выглядят как «act:…», «wp:…», «iom:…»). Ничего не записано: верните прежнее значение или очистите ячейку — тогда строка сохранится как добавленная вручную.`,
    keyDuplicate: (key: string, firstRow: number) =>
      `Ключ «${key}» повторяется (первый раз — строка ${firstRow}): вероятно, строку скопировали вместе с ключом. Ничего не записано: очистите ключ у копии — она сохранится как добавленная вручную.`,
    keysMissing: (n: number) =>
      `В столбце «Ключ» нет ни одного ключа, а заполненных строк ${n}: похоже, столбец очищен или сдвинут. Ничего не записано: верните ключи (отменой правки) или переименуйте вкладку, чтобы построить карту заново.`,
    statusUnknown: (v: string) =>
      `Статус «${v}» не из списка (Не начато, В работе, Выполнено, Отменено): сохранён как есть, но в «Исполнении» не учитывается.`,
    noActivities: (levels: string) => `Для уровней ${levels} в шаблоне нет ни одного мероприятия.`,
    procedureNotFound: (text: string, available: string[]) =>
      `Процедура «${text}» не найдена среди листов с результатами${available.length ? ` (есть: ${available.join('; ')})` : ''}: строки о дефицитах классов не добавлены.`,
    noResults: 'Листов с результатами нет: дорожная карта построена только по шаблону, без строк из анализа.',
    yearBad: (v: string) => `«${v}» — не учебный год: укажите год начала (2025 — это 2025/2026) или «2025/2026».`,
    dateBad: (v: string) => `«${v}» — не дата. Укажите дату как 2026-05-15 или 15.05.2026.`,
    fields: {
      template: 'Шаблон',
      year: 'Учебный год',
      procedure: 'Оценочная процедура',
      resultsDate: 'Дата получения результатов',
      today: 'Сегодняшняя дата',
      levels: 'Уровни',
    },
    sectionWord: 'Раздел',
    movedNote: (floor: string, year: string) =>
      `срок перенесён на следующий год: в учебном году ${year} он приходился раньше ${floor} (даты получения результатов)`,
    movedInfo: (n: number, floor: string) =>
      `Сроков перенесено на следующий год: ${n} — в выбранном учебном году они приходились раньше ${floor}. Перенос отмечен в примечании к «Сроку» каждой такой строки; если нужен другой учебный год, выберите его в форме.`,
    iomSummary: (n: number) =>
      `Разработать индивидуальные образовательные маршруты (ИОМ) для участников группы риска: ${n} чел. — по строке на участника на вкладке «ИОМ» этой карты`,
    iomSummaryResult: 'ИОМ разработаны для всех участников из списка; отметки по каждому — на вкладке «ИОМ».',
    iomTitle: (procedure: string) => `ИОМ участников группы риска — ${procedure}`,
    iomSection: (tab: string) => `Индивидуальные образовательные маршруты (к карте «${tab}»)`,
    levelsBad: (v: string) => `Уровни «${v}» не распознаны: допустимы НШ, ОШ, СШ через запятую.`,
    procedureMissing: 'Укажите оценочную процедуру, например «ВПР-2026, математика, 5 класс».',
    otherRoadmapSkipped: (tab: string) => `Вкладка «${tab}» не прочитана как дорожная карта и не вошла в «Исполнение».`,
    undatedInfo: (n: number, phrases: string) =>
      `Сроков без даты: ${n} (${phrases}). Они показаны текстом «срок не определён (почему): …»; уточните даты в шаблоне.`,
    /** The rows the plan adds to a template's (core/roadmap/plan.ts): its tasks and indicators, the analysis rows. */
    rows: {
      tasks: (items: readonly string[]) => `Задачи: ${items.map((t, i) => `${i + 1}) ${t}`).join('\n')}`,
      indicator: (text: string) => `Показатель: ${text}`,
      /** The section of analysis rows no template activity takes in; numbered after the last, else «А». */
      resultsSection: 'Мероприятия по результатам анализа',
      resultsSectionNumber: 'А',
      /**
       * Deadlines of analysis rows whose parent activity gives no date (docs/roadmap.md). They are read by
       * core/roadmap/deadlines.ts like a template's: keep them in words it understands.
       */
      defaultDeadline: {
        deficit: 'После получения результатов в течение месяца',
        atRisk: 'После получения результатов в течение месяца',
        objectivity: 'После получения результатов в течение 3 недель',
      },
      /** A class's deficits: change the work programme. */
      deficit: {
        title: (gia: boolean, subject: string, who: string, teacher: string | undefined, ids: string) =>
          `${gia ? 'Подготовка к ГИА: внести' : 'Внести'} изменения в рабочую программу: ${subject}, ${who}${teacher ? ` (учитель ${teacher})` : ''} — недостаточно выполнены задания ${ids}`,
        /** «5А (Школа № 1)» when the plan covers several schools. */
        classOfSchool: (className: string, school: string) => `${className} (${school})`,
        participants: (teacher: string | undefined) => (teacher ? `${teacher}, руководитель ШМО` : 'Учитель-предметник, руководитель ШМО'),
        responsible: (subject: string, className: string) => `Учитель-предметник (${subject}, ${className})`,
        /** «умение — задания 3 (базовый, 40 %), 5 (…)». */
        skill: (skill: string, tasks: number, list: string) =>
          `${skill || 'умение не указано'} — ${tasks > 1 ? 'задания' : 'задание'} ${list}`,
        unreliable: (participants: number) => `Мало участников (${participants}): выводы ненадёжны. `,
        result: (warn: string, skills: string) => `${warn}Включить в рабочую программу работу над умениями: ${skills}`,
        format: 'Рабочая программа с изменениями (лист корректировки)',
      },
      /** A student at risk: an individual route. */
      atRisk: {
        title: (code: string, className: string, subjects: readonly string[]) =>
          `Разработать индивидуальный образовательный маршрут (ИОМ): участник ${code}, ${className}${subjects.length ? ` (${subjects.join(', ')})` : ''}`,
        participants: 'Учитель-предметник, классный руководитель, обучающийся и родители (законные представители)',
        responsible: 'Учитель-предметник, классный руководитель',
        result: (reasons: readonly string[]) => `ИОМ разработан и выполняется. Основания: ${reasons.join('; ') || 'не указаны'}`,
        format: 'Индивидуальный образовательный маршрут',
      },
      /** The plan's one line for all the routes (they are listed on the «ИОМ» tab). */
      iomList: {
        participants: 'Учитель-предметник, классный руководитель, обучающиеся и родители (законные представители)',
        responsible: 'Заместитель директора по УВР',
        format: 'Индивидуальные образовательные маршруты',
      },
      /** An objectivity sign: to check, not to accuse. */
      objectivity: {
        title: (group: string, subject: string | undefined, teacher: string | undefined, text: string) =>
          `Проверить признак необъективности результатов: ${group}${subject ? `, ${subject}` : ''}${teacher ? ` (учитель ${teacher})` : ''} — ${text}`,
        participants: (teacher: string | undefined) =>
          `Заместитель директора по УВР, руководитель ШМО${teacher ? `, учитель ${teacher}` : ''}`,
        responsible: 'Заместитель директора по УВР',
        result:
          'Признак проверен (подтверждён или нет), при необходимости приняты меры по обеспечению объективности. Признак — повод для проверки, а не обвинение.',
        format: 'Аналитическая справка',
      },
    },
    /** A header cell left empty on a roadmap tab: the column's name in problems. */
    columnAt: (letter: string) => `Столбец ${letter}`,
    /** «Шаблон дорожной карты» as «Создать шаблон» writes it (core/roadmap/template-sheet.ts). */
    templateSheet: {
      /** The reader finds the settings row by these first words: keep them when rewording the label. */
      yearWords: 'Учебный год источника',
      yearLabel: 'Учебный год источника (для сроков с годом, например «Август 2023»):',
      programmeWords: 'Многолетняя программа',
      programmeLabel: 'Многолетняя программа (сроки идут от первого мероприятия, раздел «2021 г.- …» — свой год):',
      yes: 'да',
      no: 'нет',
      help:
        'Одна строка — одно мероприятие. «Раздел» («1. Аналитический этап») пишется в первой строке раздела, ниже можно оставить пустым. ' +
        '«Задачи» и «Показатели» раздела — в его первой строке, каждый с новой строки внутри ячейки. «Уровни» — НШ, ОШ, СШ через запятую (пусто — все уровни). ' +
        '«Срок» — словами, как в документе: «Сентябрь – октябрь», «после получения результатов в течение 2 недель», «до 25 декабря», «в течение года». ' +
        'Постройте карту: oko roadmap … --template лист (в Таблицах — меню ОКО).',
      createdFrom: (title: string, help: string) => `Создан из встроенного шаблона ${q(title)}. ${help}`,
      /** The title and source of a template read from a sheet without a title. */
      titleOf: (sheet: string) => `Шаблон с листа ${q(sheet)}`,
      sourceOf: (sheet: string) => `лист ${q(sheet)}`,
    },
    /** The tab name's stand-in when no procedure is named. */
    untitled: 'без названия',
    /** An empty deadline phrase in the list of undated ones. */
    noDeadline: 'без срока',
    /** After a finding of a procedure with few participants. */
    unreliable: ' (мало участников — выводы ненадёжны)',
    /** «Входная диагностика» (лист «Шаблон дорожной карты»): the template named in the roadmap's heading. */
    sheetTemplate: (title: string, sheet: string) => `«${title}» (лист «${sheet}»)`,
  },

  execution: {
    title: 'Исполнение дорожных карт',
    legend:
      'Всё на этой вкладке считается формулами по вкладкам дорожных карт: меняйте статусы там — проценты, просрочки и диаграммы пересчитаются сами. ' +
      'Мероприятий — строки со статусом, кроме «Отменено»; просрочено — срок прошёл (по сегодняшней дате), а статус не «Выполнено» и не «Отменено». Строки архива не учитываются.',
    overall: 'Все дорожные карты',
    byStage: (tab: string) => `${tab}: по этапам`,
    byResponsible: (tab: string) => `${tab}: по ответственным`,
    overdueList: (tab: string) => `${tab}: просроченные мероприятия (по сегодняшней дате)`,
    noHelper: 'Список просроченных недоступен: во вкладке нет служебного столбца «Просрочено (служ.)». Перестройте карту.',
    total: 'Итого',
    chart: (tab: string) => `${tab}: исполнение по этапам`,
    columns: {
      roadmap: 'Дорожная карта',
      stage: 'Этап',
      responsible: 'Ответственный',
      todo: 'Не начато',
      doing: 'В работе',
      done: 'Выполнено',
      cancelled: 'Отменено',
      total: 'Мероприятий',
      overdue: 'Просрочено',
      percent: '% выполнения',
    },
    digestSubject: (date: string) => `ОКО: дорожные карты — ваши мероприятия на ${date}`,
    digestHello: (who: string, date: string) => `Ответственный: ${who}. Состояние на ${date}.`,
    digestOverdue: (n: number) => `Просрочено (${n}):`,
    digestSoon: (n: number, days: number) => `Срок в ближайшие ${days} дн. (${n}):`,
    digestDoing: (n: number) => `В работе без срока или с более поздним сроком (${n}):`,
    /** Whose the rows without a «Ответственный» are. */
    digestNoResponsible: 'ответственный не указан',
    /** « • «Дорожная карта · …», 1.2 Анализ — срок 15.06.2026, статус «В работе» (строка 7)»; `end` already as a date. */
    digestItem: (tab: string, number: string, title: string, end: string | null, status: string, row: number) =>
      ` • ${q(tab)}, ${number ? `${number} ` : ''}${title}${end ? ` — срок ${end}` : ''}, статус ${q(status)} (строка ${row})`,
    digestFooter: 'Отметьте исполнение в столбце «Статус» дорожной карты. Письмо собрано ОКО по дорожным картам таблицы автоматически.',
  },

  // ---- add-on menu and the messages Google Sheets shows (alerts, toasts, errors) -------------
  menu: {
    analyze: 'Анализ результатов',
    settings: 'Настройки',
    sidebar: 'Открыть панель',
    unhighlight: 'Снять подсветку',
    unhighlightDone: (n: number) =>
      n > 0
        ? `Подсветка ОКО снята (правил: ${n}). Значения и ваши правила условного форматирования не изменены.`
        : 'Подсветки ОКО в таблице нет.',
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
} as const;

// The same table, in sections kept in their own files: the sidebar's texts (the sidebar bundles only
// what it uses), the municipal edition's and the e-mail digest edition's.
export { D } from './digest';
export { DA, DG, DP, DR, DS } from './docs';
export { L } from './local';
export { M } from './municipal';
export { ST } from './settings';
export { T } from './tabs';
export { UI } from './ui';
