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
  kinds: {
    xls: '.xls (Excel 97–2003)',
    ods: '.ods (OpenDocument, LibreOffice)',
    csv: 'таблица .csv',
    xlsb: '.xlsb (двоичная книга Excel)',
    html: 'HTML-таблица',
    xml2003: 'XML-таблица Excel 2003',
  } as Record<string, string>,
} as const;
