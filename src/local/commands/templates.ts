// `oko templates`: the built-in roadmap templates; `oko templates copy <id> <книга.xlsx>` («Создать
// шаблон»): the template as an editable sheet «Шаблон дорожной карты» in the workbook.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { builtInTemplates, findTemplate, templateInfo } from '../../core/roadmap/library';
import { buildTemplateSheet, TEMPLATE_SHEET } from '../../core/roadmap/template-sheet';
import { S } from '../../core/strings';
import { defaultOutput, writeFileAtomic } from '../output';
import { writePackage } from '../package/write';
import { readWorkbookFile } from '../read';
import { CliError } from './common';

const SCOPE: Record<string, string> = { school: 'школа', region: 'регион (модель)', municipality: 'муниципалитет' };

export function templatesText(): string {
  const lines = [`Шаблоны дорожных карт (${builtInTemplates().length}):`];
  for (const t of builtInTemplates()) {
    const i = templateInfo(t);
    lines.push(
      `  ${i.id.padEnd(28)} ${SCOPE[i.scope] ?? i.scope}: разделов ${i.sections}, мероприятий ${i.activities}, задач ${i.tasks}, показателей ${i.indicators}`,
    );
    lines.push(`      ${i.title.length > 150 ? `${i.title.slice(0, 149)}…` : i.title}`);
  }
  lines.push(
    '',
    'Построить карту: oko roadmap <книга.xlsx> --template <id> --year 2026 --procedure "ВПР-2026, математика, 5 класс" --results-date 2026-05-15',
    `Свой шаблон: oko templates copy <id> <книга.xlsx> — создаёт лист «${TEMPLATE_SHEET}»; затем --template лист.`,
  );
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
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string', short: 'o' } } });
  if (positionals.length === 0) {
    process.stdout.write(templatesText());
    return 0;
  }
  const [sub, id, input] = positionals;
  if (sub !== 'copy' || !id || !input)
    throw new CliError('Использование: oko templates | oko templates copy <id> <книга.xlsx> [-o вывод.xlsx]');
  if (!existsSync(input)) throw new CliError(`Файл не найден: ${input}`);
  const out = values.out ?? input;
  const written = await copyTemplateFile(id, input, out);
  process.stdout.write(
    `Лист «${TEMPLATE_SHEET}» создан из шаблона «${id}»: ${written}\nОтредактируйте его и постройте карту: oko roadmap ${written} --template лист …\n`,
  );
  return 0;
}
