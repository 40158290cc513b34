// Texts of the local host (the `oko` command line): files that cannot be read, formats converted.
const q = (s: string) => `«${s}»`;

export const L = {
  nothingWritten: 'ОКО: файл не прочитан, ничего не записано.',
  file: {
    empty: (f: string) => `Файл ${q(f)} пустой (0 байт): скорее всего, он не докачался или не скопировался. Возьмите файл заново.`,
    encrypted: (f: string) =>
      `Файл ${q(f)} защищён паролем, ОКО не может его прочитать. Снимите пароль: откройте файл в Excel → Файл → Сведения → ` +
      'Защитить книгу → Зашифровать с использованием пароля → очистите поле и сохраните (в LibreOffice: Файл → Свойства → ' +
      'Безопасность или «Сохранить как» без пароля).',
    damaged: (f: string, what: string) =>
      `Файл ${q(f)} повреждён (${what}). Попробуйте открыть его в Excel или LibreOffice: если откроется — сохраните заново ` +
      'как .xlsx; если нет — скачайте или скопируйте исходный файл ещё раз.',
    notWorkbook: (f: string, seems: string) =>
      `Файл ${q(f)} — это не книга Excel: ${seems}. Откройте выгрузку результатов и сохраните её как .xlsx (или .csv).`,
    // What a file seems to be («это не книга Excel: …»).
    seems: {
      pdf: 'похоже, это документ PDF',
      word: 'похоже, это документ Word',
      powerpoint: 'похоже, это презентация PowerPoint',
      odt: 'похоже, это текстовый документ OpenDocument (Writer)',
      zip: 'это zip-архив, в котором нет книги (распакуйте его и укажите файл книги)',
      image: 'похоже, это изображение',
      rtf: 'похоже, это документ RTF',
      cfb: 'это файл Microsoft Office, но не книга Excel',
      binary: 'это двоичный файл неизвестного формата',
      noTable: 'в нём не найдено ни одной таблицы',
    },
    // What is damaged.
    broken: {
      truncated: 'файл обрезан: не хватает конца',
      corrupt: 'содержимое не сходится с контрольной суммой',
      directory: 'повреждено оглавление архива книги',
      parts: 'в книге нет нужных частей',
      xls: 'старый формат Excel 97–2003 не читается',
      ods: 'книга OpenDocument не читается',
    },
  },
  converted: (kind: string, out: string) =>
    `Исходный файл — ${kind}: ОКО записало новую книгу ${out} (значения ваших листов и вкладки ОКО; оформление исходного ` +
    'файла в ней не сохраняется). Сам исходный файл не изменён.',
  /** The command line's own words: help, usage lines, what each command prints. */
  cli: {
    help: `ОКО — анализ результатов оценочных процедур (ВПР, ОГЭ, ЕГЭ, диагностики) в .xlsx

Команды:
  oko analyze <результаты.xlsx> [-o вывод.xlsx] [--json вывод.json]
      Распознаёт листы с результатами, считает выполнение заданий и дефициты,
      пишет книгу с исходными листами и вкладками ОКО. При ошибках в данных
      выводит их (лист, строка, столбец) и ничего не записывает (код выхода 2).
  oko aggregate <папка с .xlsx> [-o municipal.xlsx] [--json свод.json] [--csv свод.csv] [--sources Источники.xlsx]
      Свод района по книгам школ: «Сводная по школам», «Дефициты по району», «ШНОР».
      Только итоги по школам, без кодов и ФИО учеников; повреждённые книги перечисляются
      с причиной и пропускаются. Повторный запуск пересчитывает только изменённые файлы.
  oko demo [--out папка]
      Создаёт пример школы и прогоняет на нём весь анализ (то же, что npm start).
  oko unhighlight <книга.xlsx> [-o вывод.xlsx]
      Снимает подсветку учеников группы риска, которую ОКО добавило на листы
      с результатами (только свои правила условного форматирования; значения
      и ваши правила не меняются). По умолчанию пишет <книга>.unhighlighted.xlsx.
  oko templates
      Встроенные шаблоны дорожных карт: id, название, разделы, мероприятия.
  oko templates copy <id> <книга.xlsx> [-o вывод.xlsx]
      «Создать шаблон»: копирует шаблон в редактируемый лист «Шаблон дорожной карты».
  oko roadmap <книга.xlsx> --template <id|лист> --year 2026 --procedure "ВПР-2026, математика, 5 класс"
              [--results-date 2026-05-15] [--levels НШ,ОШ] [--today 2026-11-23] [--digest] [-o вывод.xlsx]
      Строит дорожную карту с конкретными датами и вкладку «Исполнение». На своём выводе
      перестраивает карту, сохраняя статусы, даты исполнения, ссылки и комментарии.
  oko report <книга.xlsx> [-o справка.docx] [--procedure "ВПР 2026"] [--subject Математика] [--class 5А]
             [--results-date 2026-05-15] [--year 2026]
      Аналитическая справка (.docx): паспорт работы, отметки и качество, сравнение с журналом,
      выполнение заданий школой, параллелью и классами, дефициты (школа → параллель → класс →
      обучающиеся), группа риска, признаки для проверки объективности, выводы-гипотезы и
      предлагаемые решения из дорожной карты. Несколько работ — сводная справка.
  oko routes <книга.xlsx> [-o ИОМ.docx] [--procedure …] [--subject …] [--class …] [--codes-only]
      Индивидуальные образовательные маршруты (.docx): по маршруту на каждого ученика группы
      риска — дефицитные задания и умения, виды работы, контрольные точки с датами.
      ФИО — только если они есть на листе школы (--codes-only: только коды).
  oko appendix <книга.xlsx> [-o приложения.docx] [--procedure …] [--subject …] [--class …]
      Приложения к рабочим программам (.docx): по классу и предмету — несформированные
      умения с заданиями, которые их показали, и блок согласования (ШМО, УВР, директор).
  oko shmo <книга.xlsx> [--subject Математика] [--grade 5] [--class 5Б] [--teacher "Иванова А. П."] [-o вывод.xlsx] [--remove]
      Вкладка руководителя ШМО «ШМО · …»: строки вкладок ОКО о выбранном предмете, параллели,
      классе или учителе (как «Фильтр ШМО» панели). Другие листы книги не меняются.
  oko --version
  oko help
`,
    unknownCommand: (command: string) => `Неизвестная команда ${q(command)}.`,
    unexpected: (detail: string) => `ОКО: непредвиденная ошибка: ${detail}`,
    fileNotFound: (path: string) => `Файл не найден: ${path}`,
    folderNotFound: (path: string) => `Папка не найдена: ${path}`,
    written: (paths: readonly string[]) => `Записано: ${paths.join(', ')}`,
    notes: 'Замечания:',
    /** The label before each problem printed: «  ОШИБКА. …». */
    severity: { error: 'ОШИБКА', warning: 'Внимание', info: 'Сведения' },
    needFile: (usage: string) => `Укажите файл: ${usage}`,
    needBook: (usage: string) => `Укажите книгу: ${usage}`,
    needFolder: (usage: string) => `Укажите папку: ${usage}`,
    usage: {
      analyze: 'oko analyze <результаты.xlsx> [-o вывод.xlsx] [--json вывод.json]',
      unhighlight: 'oko unhighlight <книга.xlsx> [-o вывод.xlsx]',
      aggregate:
        'oko aggregate <папка с .xlsx> [-o municipal.xlsx] [--json свод.json] [--csv свод.csv] [--sources Источники.xlsx] [--today 2026-05-20]',
      roadmap:
        'oko roadmap <книга.xlsx> --template <шаблон|лист> --year 2026 --procedure "ВПР-2026, математика, 5 класс" ' +
        '[--results-date 2026-05-15] [--levels НШ,ОШ] [--today 2026-11-23] [--digest] [-o вывод.xlsx]',
      report: 'oko report <книга.xlsx> [-o справка.docx] [--procedure "ВПР 2026"] [--subject Математика] [--class 5А]',
      routes: 'oko routes <книга.xlsx> [-o ИОМ.docx] [--procedure …] [--subject …] [--class …] [--codes-only]',
      appendix: 'oko appendix <книга.xlsx> [-o приложения.docx] [--procedure …] [--subject …] [--class …]',
      templates: 'Использование: oko templates | oko templates copy <id> <книга.xlsx> [-o вывод.xlsx]',
    },
    /** The word in a document's default file name: «книга.справка.docx». */
    documentFile: { report: 'справка', routes: 'ИОМ', appendix: 'приложения' } as Record<'report' | 'routes' | 'appendix', string>,
    refused: 'ОКО: данные не приняты, ничего не записано. Исправьте и запустите снова:',
    analyze: {
      procedure: (title: string, sheet: string, participants: number, absent: number, completion: string) =>
        `${title} (лист ${q(sheet)}): участников ${participants}, отсутствовали ${absent}, выполнение ${completion}`,
      insufficient: (line: string) => `  недостаточно выполненных заданий по классам: ${line}`,
      unreliable: '  * мало участников: статистика ненадёжна',
    },
    aggregate: {
      refused: 'ОКО: свод не построен: исправьте ошибки выше.',
      noFiles: (folder: string) => `В папке ${folder} нет файлов .xlsx.`,
      badToday: (text: string) => `--today: укажите дату как 2026-05-20, а не ${q(text)}.`,
      head: (total: number, read: number, failed: number) =>
        `ОКО · свод района: источников ${total}, прочитано ${read}, с ошибкой ${failed}`,
      counts: (n: { schools: number; works: number; clusters: number; listed: number; assessed: number; stableHigh: number }) =>
        `  школ ${n.schools}, работ ${n.works}, кластеров ${n.clusters}; ШНОР: в списке ${n.listed} из ${n.assessed} оценённых школ; ` +
        `стабильно высокие результаты — ${n.stableHigh}`,
      /** «  ОШИБКА. Школа.xlsx: причина», «  Внимание. …». */
      line: (label: string, text: string, file?: string) => `  ${label}. ${file === undefined ? '' : `${file}: `}${text}`,
    },
    roadmap: {
      refused: 'ОКО: дорожная карта не построена, ничего не записано. Исправьте и запустите снова:',
      needTemplate: (usage: string) => `Укажите шаблон (--template; список — oko templates): ${usage}`,
      needYear: (usage: string) => `Укажите учебный год (--year 2026 — это 2026/2027): ${usage}`,
      needProcedure: (usage: string) => `Укажите процедуру (--procedure "ВПР-2026, математика, 5 класс"): ${usage}`,
      activities: (tab: string, n: number) => `${tab}: мероприятий ${n}`,
      counts: (template: number, deficit: number, atRisk: number, objectivity: number) =>
        ` (из шаблона ${template}, по дефицитам классов ${deficit}, ИОМ ${atRisk}, объективность ${objectivity})`,
      merge: (kept: number, fresh: number, archived: number, manual: number, restored: number) =>
        `  сохранено отметок: ${kept}; новых строк: ${fresh}; в архив: ${archived}; добавленных вручную: ${manual}; вернулось из архива: ${restored}`,
      overdue: (date: string, n: number) => `  просрочено на ${date}: ${n}`,
      overdueItem: (number: string, title: string, end: string) => `    ${number} ${title} — срок ${end}`,
      more: (n: number) => `    …и ещё ${n}`,
      digest: 'Еженедельная рассылка (предпросмотр):',
    },
    report: {
      refused: 'ОКО: документ не создан, ничего не записано. Исправьте и запустите снова:',
    },
    demo: {
      school: (description: string, input: string) => `ОКО · пример школы: ${description}\n  исходные данные: ${input}`,
      done: (out: string, n: number, tabs: string) => `Готово. Откройте ${out}: вкладок записано ${n} — ${tabs}.`,
      /** «Матрица дефицитов · …» (3: РУ 4, МА 4, МА 5). */
      tabGroup: (prefix: string, rest: readonly string[]) => `${q(`${prefix} · …`)} (${rest.length}: ${rest.join(', ')})`,
      tab: (name: string) => q(name),
    },
    /** `oko shmo`: the ШМО view (its tab texts are T.shmo). */
    shmo: {
      usage:
        'Укажите книгу и выбор: oko shmo <книга.xlsx> [--subject Математика] [--grade 5] [--class 5Б] [--teacher «Иванова А. П.»] [-o вывод.xlsx] [--remove]',
      badGrade: (g: string) => `Параллель ${q(g)}: нужно число от 1 до 12.`,
      tab: (name: string) => `Вкладка ${q(name)}, строки из вкладок:`,
      nothing: (name: string, why: string) => `Вкладка ${q(name)}: ${why}`,
      line: (sheet: string, visible: number, total: number) => `  ${sheet}: ${visible} из ${total}`,
      removed: (names: string) => `Удалено: ${names}`,
      noneRemoved: 'Удалено: ничего (такой вкладки нет)',
    },
    templates: {
      scope: { school: 'школа', region: 'регион (модель)', municipality: 'муниципалитет' } as Record<string, string>,
      head: (n: number) => `Шаблоны дорожных карт (${n}):`,
      counts: (scope: string, sections: number, activities: number, tasks: number, indicators: number) =>
        `${scope}: разделов ${sections}, мероприятий ${activities}, задач ${tasks}, показателей ${indicators}`,
      build:
        'Построить карту: oko roadmap <книга.xlsx> --template <id> --year 2026 --procedure "ВПР-2026, математика, 5 класс" --results-date 2026-05-15',
      own: (sheet: string) => `Свой шаблон: oko templates copy <id> <книга.xlsx> — создаёт лист ${q(sheet)}; затем --template лист.`,
      copied: (sheet: string, id: string, path: string) =>
        `Лист ${q(sheet)} создан из шаблона ${q(id)}: ${path}\nОтредактируйте его и постройте карту: oko roadmap ${path} --template лист …`,
    },
  },
  /** What a .csv was read as: «UTF-8, разделитель «;»». */
  csvDetail: (encoding: string, separator: string) => `${encoding}, разделитель ${separator === '\t' ? 'табуляция' : q(separator)}`,
  kinds: {
    xls: '.xls (Excel 97–2003)',
    ods: '.ods (OpenDocument, LibreOffice)',
    csv: 'таблица .csv',
    xlsb: '.xlsb (двоичная книга Excel)',
    html: 'HTML-таблица',
    xml2003: 'XML-таблица Excel 2003',
  } as Record<string, string>,
} as const;
