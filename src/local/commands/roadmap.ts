// `oko roadmap`: builds (or rebuilds, keeping what users typed) a roadmap tab and the «Исполнение»
// dashboard in an .xlsx, from a built-in template or the workbook's «Шаблон дорожной карты».
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ruDate } from '../../core/roadmap/dates';
import { buildDigest } from '../../core/roadmap/digest';
import { type RoadmapExtras, type RoadmapRequest, type RoadmapResult, runRoadmap } from '../../core/roadmap/run';
import { defaultOutput } from '../output';
import type { WorkbookSource } from '../read';
import { runOnFile } from '../run-file';
import { CliError, printProblems } from './common';

export interface RoadmapFileResult {
  result: RoadmapResult;
  /** Files written; empty when the roadmap was refused. */
  written: string[];
}

/** Reads the workbook, builds the roadmap, writes the output only when everything is in order. */
export async function roadmapFile(
  input: string,
  out: string | ((source: WorkbookSource) => string),
  req: RoadmapRequest,
  extras: RoadmapExtras = {},
): Promise<RoadmapFileResult> {
  // Formulas of the dashboard have no cached values: the package writer has Excel compute them on open.
  const outcome = await runOnFile(input, out, (wb) => runRoadmap(wb, req, extras));
  return { result: outcome.result, written: outcome.out ? [outcome.out] : [] };
}

const USAGE =
  'oko roadmap <книга.xlsx> --template <шаблон|лист> --year 2026 --procedure "ВПР-2026, математика, 5 класс" ' +
  '[--results-date 2026-05-15] [--levels НШ,ОШ] [--today 2026-11-23] [--digest] [-o вывод.xlsx]';

export function printRoadmapSummary(r: RoadmapResult, today: string | undefined, out: NodeJS.WritableStream): void {
  const m = r.merge;
  const c = r.plan?.counts;
  out.write(`\n${r.tabName}: мероприятий ${r.activities}`);
  if (c) out.write(` (из шаблона ${c.template}, по дефицитам классов ${c.deficit}, ИОМ ${c.atRisk}, объективность ${c.objectivity})`);
  out.write('\n');
  if (m) {
    out.write(
      `  сохранено отметок: ${m.kept}; новых строк: ${m.fresh}; в архив: ${m.archived}; добавленных вручную: ${m.manual}; вернулось из архива: ${m.restored}\n`,
    );
  }
  if (today) {
    out.write(`  просрочено на ${ruDate(today)}: ${r.overdue.length}\n`);
    for (const o of r.overdue.slice(0, 10)) out.write(`    ${o.number} ${o.title.slice(0, 90)} — срок ${ruDate(o.end)}\n`);
    if (r.overdue.length > 10) out.write(`    …и ещё ${r.overdue.length - 10}\n`);
  }
}

export async function runRoadmapCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string', short: 't' },
      year: { type: 'string', short: 'y' },
      procedure: { type: 'string', short: 'p' },
      'results-date': { type: 'string' },
      levels: { type: 'string' },
      today: { type: 'string' },
      digest: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const input = positionals[0];
  if (!input) throw new CliError(`Укажите книгу: ${USAGE}`);
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  if (!values.template) throw new CliError(`Укажите шаблон (--template; список — oko templates): ${USAGE}`);
  if (!values.year) throw new CliError(`Укажите учебный год (--year 2026 — это 2026/2027): ${USAGE}`);
  if (!values.procedure) throw new CliError(`Укажите процедуру (--procedure "ВПР-2026, математика, 5 класс"): ${USAGE}`);
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  const req: RoadmapRequest = {
    template: values.template,
    year: values.year,
    procedure: values.procedure,
    today,
    ...(values['results-date'] ? { resultsDate: values['results-date'] } : {}),
    ...(values.levels ? { levels: values.levels } : {}),
  };
  const out = values.out ?? ((source: WorkbookSource) => defaultOutput(input, 'roadmap', source));
  const { result, written } = await roadmapFile(input, out, req);
  if (!result.ok) {
    process.stderr.write('ОКО: дорожная карта не построена, ничего не записано. Исправьте и запустите снова:\n');
    printProblems(result.problems, process.stderr, ['error']);
    return 2;
  }
  if (!values.quiet) {
    printRoadmapSummary(result, today, process.stdout);
    const notes = result.problems.filter((p) => p.severity === 'warning' || p.code.startsWith('roadmap'));
    if (notes.length) {
      process.stdout.write('\nЗамечания:\n');
      printProblems(notes, process.stdout, ['warning', 'info']);
    }
    if (values.digest) {
      process.stdout.write('\nЕженедельная рассылка (предпросмотр):\n');
      for (const d of buildDigest(result.roadmaps, today)) process.stdout.write(`\n--- ${d.subject}\n${d.text}\n`);
    }
    process.stdout.write(`\nЗаписано: ${written.join(', ')}\n`);
  }
  return 0;
}
