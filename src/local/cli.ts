// The `oko` command line: the same core as the add-on, over .xlsx files.
// Commands are loaded when called (`oko --version` and `oko help` load none of them): start-up stays fast.
import { parseArgs } from 'node:util';
import { L } from '../core/strings/local';
import { CliError } from './commands/errors';

declare const OKO_VERSION: string | undefined;

const HELP = `ОКО — анализ результатов оценочных процедур (ВПР, ОГЭ, ЕГЭ, диагностики) в .xlsx

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
`;

const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  analyze: async () => (await import('./commands/analyze')).runAnalyze,
  aggregate: async () => (await import('./commands/aggregate')).runAggregate,
  demo: async () => (await import('./commands/demo')).runDemo,
  unhighlight: async () => (await import('./commands/unhighlight')).runUnhighlight,
  templates: async () => (await import('./commands/templates')).runTemplates,
  roadmap: async () => (await import('./commands/roadmap')).runRoadmapCommand,
  report: async () => (await import('./commands/report')).runReport,
  routes: async () => (await import('./commands/report')).runRoutes,
  appendix: async () => (await import('./commands/report')).runAppendix,
  shmo: async () => (await import('./commands/shmo')).runShmoCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`oko ${typeof OKO_VERSION === 'string' ? OKO_VERSION : 'dev'}\n`);
    return 0;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`Неизвестная команда «${command}».\n\n${HELP}`);
    return 1;
  }
  return (await load())(rest);
}

// `oko … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      // An unreadable file (read/index.ts UnreadableWorkbook, told by its `kind`): say that nothing was written.
      const unreadable = typeof (e as CliError & { kind?: unknown }).kind === 'string';
      process.stderr.write(`${unreadable ? `${L.nothingWritten}\n` : ''}${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`ОКО: непредвиденная ошибка: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);

export { parseArgs };
