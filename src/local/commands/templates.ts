// `oko templates`: the built-in roadmap templates; `oko templates copy <id> <книга.xlsx>` («Создать
// шаблон»): the template as an editable sheet «Шаблон дорожной карты» in the workbook.
import { existsSync } from 'node:fs';
import { builtInTemplates, findTemplate, templateInfo } from '../../core/roadmap/library';
import { buildTemplateSheet, TEMPLATE_SHEET } from '../../core/roadmap/template-sheet';
import { L, S } from '../../core/strings';
import { defaultOutput, writeFileAtomic } from '../output';
import { writePackage } from '../package/write';
import { readWorkbookFile } from '../read';
import { CliError, commandArgs } from './common';

const C = L.cli.templates;

export function templatesText(): string {
  const lines = [C.head(builtInTemplates().length)];
  for (const t of builtInTemplates()) {
    const i = templateInfo(t);
    lines.push(`  ${i.id.padEnd(28)} ${C.counts(C.scope[i.scope] ?? i.scope, i.sections, i.activities, i.tasks, i.indicators)}`);
    lines.push(`      ${i.title.length > 150 ? `${i.title.slice(0, 149)}…` : i.title}`);
  }
  lines.push('', C.build, C.own(TEMPLATE_SHEET));
  return `${lines.join('\n')}\n`;
}

/** «Создать шаблон»: adds the template sheet to the workbook; refuses when the sheet already exists. */
export async function copyTemplateFile(id: string, input: string, out: string): Promise<string> {
  const tpl = findTemplate(id);
  if (!tpl)
    throw new CliError(
      S.roadmap.templateUnknown(
        id,
        builtInTemplates().map((t) => t.id),
      ),
    );
  const { workbook, source } = await readWorkbookFile(input);
  if (workbook.grids.some((g) => g.name.trim().toLowerCase() === TEMPLATE_SHEET.toLowerCase())) {
    throw new CliError(S.roadmap.templateSheetExists(TEMPLATE_SHEET), 2);
  }
  const plan = { replace: [buildTemplateSheet(tpl)], ensure: [], remove: [], highlights: null };
  // A .csv/.xls/.ods becomes a new .xlsx beside it, never written over the original.
  const path = source.kind !== 'xlsx' && out === input ? defaultOutput(input, 'template', source) : out;
  writeFileAtomic(path, writePackage(source.kind === 'xlsx' ? source.pkg : workbook, plan).bytes);
  return path;
}

export async function runTemplates(args: string[]): Promise<number> {
  const { values, positionals } = commandArgs(args, {});
  if (positionals.length === 0) {
    process.stdout.write(templatesText());
    return 0;
  }
  const [sub, id, input] = positionals;
  if (sub !== 'copy' || !id || !input) throw new CliError(L.cli.usage.templates);
  if (!existsSync(input)) throw new CliError(L.cli.fileNotFound(input));
  const written = await copyTemplateFile(id, input, values.out ?? input);
  if (!values.quiet) process.stdout.write(`${C.copied(TEMPLATE_SHEET, id, written)}\n`);
  return 0;
}
