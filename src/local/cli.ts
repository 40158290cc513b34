// The `oko` command line: the same core as the add-on, over .xlsx files.
// Commands are loaded when called (`oko --version` and `oko help` load none of them): start-up stays fast.
import { parseArgs } from 'node:util';
import { L } from '../core/strings/local';
import { CliError } from './commands/errors';

declare const OKO_VERSION: string | undefined;

const HELP = L.cli.help;

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
    process.stderr.write(`${L.cli.unknownCommand(command)}\n\n${HELP}`);
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
    process.stderr.write(`${L.cli.unexpected(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    process.exitCode = 70;
  },
);

export { parseArgs };
