// «Шаблон дорожной карты»: a user's editable copy of a template as one flat table
// (Раздел | Задачи | Показатели | № | Мероприятие | Участники | Ответственный | Срок | Результат |
// Формат документа | Уровни). «Создать шаблон» writes it from a built-in template; roadmap generation
// reads it back like a built-in one. Bad rows are reported with sheet, row and column, and nothing is
// generated from a sheet with errors.
import { type CellValue, cellText, type Grid, isEmpty, norm } from '../grid';
import { COLORS, SpecBuilder } from '../output/builder';
import type { SheetSpec } from '../output/spec';
import { type Problem, problem } from '../problems';
import { S } from '../strings';
import * as z from '../zod';
import { LEVEL_TAGS, type RoadmapTemplate, templateSchema } from './template-schema';

export const TEMPLATE_SHEET = S.tabs.roadmapTemplate;

const TC = S.roadmap.templateColumns;
export const TEMPLATE_COLUMNS = [
  TC.section,
  TC.tasks,
  TC.indicators,
  TC.number,
  TC.title,
  TC.participants,
  TC.responsible,
  TC.deadline,
  TC.result,
  TC.format,
  TC.levels,
] as const;
type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];
/** An activity's own columns, from «№» on; the three before it (section, tasks, indicators) describe its section. */
const ACTIVITY_COLUMNS: readonly TemplateColumn[] = TEMPLATE_COLUMNS.slice(TEMPLATE_COLUMNS.indexOf(TC.number));

const TS = S.roadmap.templateSheet;

/** «Создать шаблон»: a built-in template as the editable flat table. */
export function buildTemplateSheet(tpl: RoadmapTemplate): SheetSpec {
  const b = new SpecBuilder(TEMPLATE_SHEET);
  const width = TEMPLATE_COLUMNS.length;
  b.row([tpl.title], { bold: true, background: COLORS.titleBg });
  b.format({ row: 0, col: 0, rows: 1, cols: width }, { background: COLORS.titleBg });
  // Beside the source year, on the same row: the header stays on row 4 for every template.
  b.row([TS.yearLabel, tpl.sourceYear ?? '', TS.programmeLabel, tpl.timeline === 'programme' ? TS.yes : TS.no], {
    italic: true,
    fontColor: COLORS.muted,
  });
  b.row([TS.createdFrom(tpl.shortTitle ?? tpl.title, TS.help)], { italic: true, fontColor: COLORS.muted });
  const head = b.row([...TEMPLATE_COLUMNS], { bold: true, background: COLORS.headerBg, wrap: true });
  for (const s of tpl.sections) {
    s.activities.forEach((a, i) => {
      b.row([
        i === 0 ? `${s.number.replace(/\.$/, '')}. ${s.title}` : '',
        i === 0 ? s.tasks.join('\n') : '',
        i === 0 ? s.indicators.join('\n') : '',
        a.number,
        a.title,
        a.participants ?? '',
        a.responsible ?? '',
        a.deadline ?? '',
        a.result ?? '',
        a.documentFormat ?? '',
        (a.levels ?? []).join(', '),
      ]);
    });
  }
  const n = b.nextRow - head - 1;
  b.format({ row: head + 1, col: 0, rows: n, cols: width }, { wrap: true });
  b.columnWidths = { 0: 200, 1: 260, 2: 260, 3: 50, 4: 360, 5: 180, 6: 180, 7: 150, 8: 240, 9: 150, 10: 80 };
  return b.build({ frozenRows: head + 1 });
}

function findHeader(grid: Grid): { row: number; cols: Partial<Record<TemplateColumn, number>> } | null {
  for (let r = 0; r < Math.min(grid.values.length, 30); r++) {
    const labels = (grid.values[r] ?? []).map((v) => norm(v));
    if (!labels.includes(norm(TC.title)) || !labels.includes(norm(TC.section))) continue;
    const cols: Partial<Record<TemplateColumn, number>> = {};
    for (const c of TEMPLATE_COLUMNS) {
      const i = labels.indexOf(norm(c));
      if (i >= 0) cols[c] = i;
    }
    return { row: r, cols };
  }
  return null;
}

const lines = (v: CellValue | undefined): string[] =>
  String(v ?? '')
    .split(/\r?\n/)
    .map((x) => cellText(x))
    .filter((x) => x !== '');

/** Reads the template sheet. On any error `template` is undefined and every problem is listed. */
export function readTemplateSheet(grid: Grid): { template?: RoadmapTemplate; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (code: string, msg: string, row?: number, col?: number) => problems.push(problem('error', code, grid.name, msg, row, col));
  const header = findHeader(grid);
  if (!header) {
    const any = grid.values.slice(0, 30).map((r) => r.map((v) => norm(v)));
    const missing = [TC.section, TC.title].filter((c) => !any.some((r) => r.includes(norm(c))));
    err('template-header', S.roadmap.templateHeaderMissing(missing.length ? missing : [TC.section, TC.title]));
    return { problems };
  }
  const col = header.cols;
  const get = (row: CellValue[], c: TemplateColumn): CellValue | undefined => (col[c] === undefined ? undefined : row[col[c] as number]);
  const text = (row: CellValue[], c: TemplateColumn) => cellText(get(row, c));
  /** Long cells keep their line breaks (lists inside an activity); spacing within lines is tidied. */
  const multiline = (row: CellValue[], c: TemplateColumn) => {
    const v = get(row, c);
    if (v instanceof Date || isEmpty(v)) return cellText(v);
    return String(v)
      .split(/\r?\n/)
      .map((l) => cellText(l))
      .filter((l) => l !== '')
      .join('\n');
  };

  let title = '';
  let sourceYear: string | undefined;
  let programme = false;
  for (let r = 0; r < header.row; r++) {
    const row = grid.values[r] ?? [];
    const first = cellText(row[0]);
    if (norm(first).startsWith(norm(TS.yearWords))) {
      const y = cellText(row[1]);
      if (/^\d{4}/.test(y)) sourceYear = y;
      if (norm(row[2]).startsWith(norm(TS.programmeWords))) programme = norm(row[3]) === norm(TS.yes);
    } else if (!title && first && r === 0) title = first;
  }

  type Sec = { number: string; title: string; tasks: string[]; indicators: string[]; activities: Record<string, unknown>[]; row: number };
  const sections: Sec[] = [];
  let cur: Sec | null = null;
  const activityCols = ACTIVITY_COLUMNS;
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const rowNo = r + 1;
    if (row.every((v) => isEmpty(v))) continue;
    const secText = text(row, TC.section);
    if (secText) {
      const m = /^(\d+(?:\.\d+)*)\.\s+(.+)$/.exec(secText);
      const number = m ? (m[1] as string) : String(sections.length + 1);
      const stitle = m ? (m[2] as string) : secText;
      cur = sections.find((s) => norm(s.title) === norm(stitle)) ?? null;
      if (!cur) {
        cur = { number, title: stitle, tasks: [], indicators: [], activities: [], row: rowNo };
        sections.push(cur);
      }
    }
    const hasActivity = activityCols.some((c) => !isEmpty(get(row, c)));
    const hasSectionInfo = !isEmpty(get(row, TC.tasks)) || !isEmpty(get(row, TC.indicators));
    if (!cur) {
      if (hasActivity || hasSectionInfo) err('template-no-section', S.roadmap.templateNoSection, rowNo, (col[TC.section] as number) + 1);
      continue;
    }
    for (const t of lines(get(row, TC.tasks))) if (!cur.tasks.includes(t)) cur.tasks.push(t);
    for (const t of lines(get(row, TC.indicators))) if (!cur.indicators.includes(t)) cur.indicators.push(t);
    if (!hasActivity) continue;
    const atitle = multiline(row, TC.title);
    if (!atitle) {
      err('template-no-title', S.roadmap.templateNoTitle, rowNo, (col[TC.title] as number) + 1);
      continue;
    }
    const levels: string[] = [];
    let badLevel = false;
    for (const l of text(row, TC.levels)
      .split(/[,;\s]+/)
      .filter((x) => x)) {
      const tag = LEVEL_TAGS.find((t) => norm(t) === norm(l));
      if (!tag) {
        err('template-bad-level', S.roadmap.templateBadLevel(l), rowNo, (col[TC.levels] as number) + 1);
        badLevel = true;
      } else if (!levels.includes(tag)) levels.push(tag);
    }
    if (badLevel) continue;
    const a: Record<string, unknown> = {
      number: text(row, TC.number) || `${cur.number}.${cur.activities.length + 1}`,
      title: atitle,
    };
    const opt: [string, TemplateColumn][] = [
      ['participants', TC.participants],
      ['responsible', TC.responsible],
      ['deadline', TC.deadline],
      ['result', TC.result],
      ['documentFormat', TC.format],
    ];
    for (const [k, c] of opt) {
      const v = c === TC.deadline ? text(row, c) : multiline(row, c);
      if (v) a[k] = v;
    }
    if (levels.length) a.levels = levels;
    cur.activities.push(a);
  }
  for (const s of sections) {
    if (s.activities.length === 0)
      err('template-empty-section', S.roadmap.templateSectionNoActivities(s.title), s.row, (col[TC.section] as number) + 1);
  }
  if (sections.length === 0) err('template-empty', S.roadmap.templateEmpty);
  if (problems.length > 0) return { problems };

  const parsed = z.safeParse(templateSchema, {
    id: 'sheet',
    title: title || TS.titleOf(grid.name),
    scope: 'school',
    source: TS.sourceOf(grid.name),
    ...(sourceYear ? { sourceYear } : {}),
    ...(programme ? { timeline: 'programme' } : {}),
    sections: sections.map((s) => ({
      number: s.number,
      title: s.title,
      tasks: s.tasks,
      indicators: s.indicators,
      activities: s.activities,
    })),
  });
  if (!parsed.success) {
    err('template-invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return { problems };
  }
  return { template: parsed.data, problems };
}
