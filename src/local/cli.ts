// The `oko` command line: the same core as the add-on, over .xlsx files.
import { parseArgs } from 'node:util';
import { runAnalyze } from './commands/analyze';
import { CliError } from './commands/common';
import { runDemo } from './commands/demo';

const HELP = `ОКО — анализ результатов оценочных процедур (ВПР, ОГЭ, ЕГЭ, диагностики) в .xlsx

Команды:
  oko analyze <результаты.xlsx> [-o вывод.xlsx] [--json вывод.json]
      Распознаёт листы с результатами, считает выполнение заданий и дефициты,
      пишет книгу с исходными листами и вкладками ОКО. При ошибках в данных
      выводит их (лист, строка, столбец) и ничего не записывает (код выхода 2).
  oko demo [--out папка]
      Создаёт пример школы и прогоняет на нём весь анализ (то же, что npm start).
  oko help
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  analyze: runAnalyze,
  demo: runDemo,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`Неизвестная команда «${command}».\n\n${HELP}`);
    return 1;
  }
  return run(rest);
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
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`ОКО: непредвиденная ошибка: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);

export { parseArgs };
