// «Матрица дефицитов»: one tab per procedure, students × tasks grouped by class, with class,
// parallel and school rows. Status colours come from conditional rules, never from painting cells.
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { TasksBenchmarkRow } from '../input/benchmarks';
import type { Procedure, Task } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, num, ref, SpecBuilder } from './builder';
import { safeTabName } from './names';
import type { SheetSpec } from './spec';
import { PROCEDURE_LEAD, procedureLead } from './stats-common';

export const MATRIX_PREFIX = S.tabs.matrix;

export function matrixTabName(label: string): string {
  return safeTabName(`${MATRIX_PREFIX} · ${label}`);
}

export function taskNote(t: Task): string {
  const n = T.matrix.note;
  const lines: string[] = [];
  if (t.skill) lines.push(n.skill(t.skill));
  if (t.plannedResult) lines.push(n.planned(t.plannedResult));
  if (t.section) lines.push(n.section(t.section, t.topic));
  if (t.level) lines.push(n.level(S.levelName[t.level] as string));
  return lines.join('\n');
}

/** Each task's header cell carries its note (skill, planned result, section, level): the header stays short. */
export function noteTasks(b: SpecBuilder, headerRow: number, firstCol: number, tasks: readonly Task[]): void {
  tasks.forEach((t, i) => {
    b.note(headerRow, firstCol + i, taskNote(t));
  });
}

export function planSourceText(p: Procedure): string {
  const t = T.matrix.planSource;
  if (p.planSource === 'sheet') return t.sheet;
  if (p.planSource?.startsWith('catalog:')) return t.catalog(p.planSource.slice(8));
  if (p.planSource === 'file') return t.file;
  if (p.planSource?.startsWith('report:')) return t.report(p.planSource.slice(7));
  return t.none;
}

export function markSourceText(p: Procedure): string {
  const t = T.matrix.markSource;
  if (p.markSource === 'file') return t.file;
  if (p.markSource === 'scale') return t.scale;
  if (p.markSource === 'threshold') return t.threshold;
  return t.none;
}

export function groupLabel(g: GroupStats, s: Settings): string {
  const base = T.matrix.groupLabel(T.groupKind[g.level] ?? g.level, g.participants);
  return g.reliable ? base : `${base} — ${S.unreliable(g.participants, s['sample.minReliable'])}`;
}

/**
 * The status of each percent cell of a row shown as a symbol beside its colour (✓ ± ✗): a number
 * format per run of equal statuses, so the value stays a number for rules and charts.
 */
export function statusFormats(b: SpecBuilder, row: number, col: number, statuses: readonly string[]): void {
  let start = 0;
  for (let i = 1; i <= statuses.length; i++) {
    if (i < statuses.length && statuses[i] === statuses[start]) continue;
    const sym = T.statusSymbol[statuses[start] as keyof typeof T.statusSymbol];
    if (sym) b.format({ row, col: col + start, rows: 1, cols: i - start }, { numberFormat: `0.0" ${sym}"` });
    start = i;
  }
}

/** Status rules for a block of percent cells whose task levels sit in `levelRow`. */
export function statusRules(
  b: SpecBuilder,
  area: { row: number; col: number; rows: number; cols: number },
  levelRow: number,
  s: Settings,
  onlyIf?: string,
): void {
  if (area.rows <= 0 || area.cols <= 0) return;
  const cell = ref(area.row, area.col);
  const lvl = ref(levelRow, area.col, true, false);
  const adv = `OR(${lvl}="П",${lvl}="В")`;
  const ok = `IF(${adv},${num(s['deficit.advancedSufficient'])},${num(s['deficit.basicSufficient'])})`;
  const edge = `IF(${adv},${num(s['deficit.advancedUncertain'])},${num(s['deficit.basicUncertain'])})`;
  const guard = onlyIf ? `${onlyIf},` : '';
  b.rules.push(
    { range: area, formula: `=AND(${guard}ISNUMBER(${cell}),${cell}<${edge})`, background: COLORS.insufficientBg },
    { range: area, formula: `=AND(${guard}ISNUMBER(${cell}),${cell}>=${edge},${cell}<${ok})`, background: COLORS.uncertainBg },
    { range: area, formula: `=AND(${guard}ISNUMBER(${cell}),${cell}>=${ok})`, background: COLORS.sufficientBg },
  );
}

/**
 * `benchmarks`: ФИС ОКО per-task completion of Russia, the region, the municipality (from «Эталоны» or the
 * «Достижение планируемых результатов» report), shown under the school's rows.
 * Columns: the class and the student (frozen), the decision columns (% выполнения, Отметка, Дефицитов),
 * the tasks, then the total and the journal mark; each row's subject, parallel and class in hidden
 * filter columns at the right.
 */
export function buildMatrix(a: ProcedureAnalysis, label: string, s: Settings, benchmarks: readonly TasksBenchmarkRow[] = []): SheetSpec {
  const p = a.procedure;
  const b = new SpecBuilder(matrixTabName(label));
  const hasNames = p.students.some((st) => st.name);
  const mark = T.matrix.summaryMark;

  b.preamble(`${S.tabs.matrix} — ${p.title}`, (hasNames ? 8 : 7) + p.tasks.length, [
    T.matrix.legend(
      p.sheet,
      p.students.length,
      p.absent.length,
      `${planSourceText(p)}; ${markSourceText(p)}`,
      s['deficit.basicSufficient'],
      s['deficit.advancedSufficient'],
      s['deficit.studentShare'],
      T.statusLegend,
    ),
  ]);
  b.leadColumns(PROCEDURE_LEAD);
  const h = b.header(
    'matrix',
    [
      'className',
      'code',
      ...(hasNames ? (['name'] as const) : []),
      'completion',
      'mark',
      'deficits',
      { span: 'tasks', labels: p.tasks.map((t) => t.id) },
      'total',
      'journalMark',
    ],
    { format: { bold: true, background: COLORS.headerBg, align: 'center', wrap: true } },
  );
  const width = h.width;
  const tasks = h.span('tasks');
  const t0 = tasks.col;
  const nT = tasks.cols;
  b.lead = procedureLead(p);
  const maxRow = b.line(h, { code: T.matrix.maxRow, total: p.maxTotal, completion: 100 }, { tasks: p.tasks.map((t) => t.max) });
  const levelRow = b.line(h, { code: T.matrix.levelRow }, { tasks: p.tasks.map((t) => t.level ?? '—') });
  b.format({ row: maxRow, col: 0, rows: 2, cols: width }, { bold: true, background: COLORS.headerBg, align: 'center' });
  noteTasks(b, h.row, t0, p.tasks);

  const dataStart = b.nextRow;
  const cCompletion = h.col('completion');
  const sumRow = (g: GroupStats) => {
    const meanPoints = (g.meanCompletion / 100) * p.maxTotal;
    b.lead = procedureLead(p, g);
    const r = b.line(
      h,
      {
        className: g.name,
        code: mark,
        ...(hasNames ? { name: groupLabel(g, s) } : {}),
        completion: Number.isFinite(g.meanCompletion) ? g.meanCompletion : null,
        deficits: g.status.filter((x) => x === 'insufficient').length,
        total: Number.isFinite(meanPoints) ? meanPoints : null,
      },
      { tasks: g.completion.map((c) => (Number.isFinite(c) ? c : null)) },
    );
    const bg = g.level === 'class' ? COLORS.summaryBg : g.level === 'parallel' ? COLORS.parallelBg : COLORS.schoolBg;
    b.format({ row: r, col: 0, rows: 1, cols: width }, { bold: true, background: bg, italic: !g.reliable });
    b.format({ row: r, col: cCompletion, rows: 1, cols: 1 }, { numberFormat: '0.0' });
    b.format({ row: r, col: h.col('total'), rows: 1, cols: 1 }, { numberFormat: '0.0' });
    b.format({ row: r, col: t0, rows: 1, cols: nT }, { numberFormat: '0.0' });
    statusFormats(b, r, t0, g.status);
    if (!hasNames) b.note(r, 0, groupLabel(g, s));
  };

  for (const g of a.groups) {
    if (g.level === 'class') {
      for (const idx of g.members) {
        const st = p.students[idx];
        if (!st) continue;
        const ss = a.students[idx];
        b.lead = { subject: p.meta.subject, grade: st.grade ?? g.grade ?? p.meta.grade, className: st.className };
        b.line(
          h,
          {
            className: st.className,
            code: st.code,
            ...(hasNames ? { name: st.name ?? '' } : {}),
            completion: ss ? ss.completion : null,
            mark: st.mark ?? '',
            deficits: ss ? ss.deficitCount : null,
            total: st.total,
            journalMark: st.journalMark ?? '',
          },
          { tasks: st.scores },
        );
      }
    }
    sumRow(g);
  }
  const dataRows = b.nextRow - dataStart;
  b.format({ row: dataStart, col: cCompletion, rows: dataRows, cols: 1 }, { numberFormat: '0.0' });

  // Rules: per-student deficits on student rows, statuses on summary rows.
  const area = { row: dataStart, col: t0, rows: dataRows, cols: nT };
  const cell = ref(dataStart, t0);
  const kindCell = ref(dataStart, h.col('code'), false, true);
  const maxCell = ref(maxRow, t0, true, false);
  const share = num(s['deficit.studentShare'] / 100);
  b.rules.push(
    { range: area, formula: `=AND(${kindCell}<>"${mark}",${cell}="X")`, background: COLORS.deficitBg, fontColor: COLORS.danger },
    {
      range: area,
      formula: `=AND(${kindCell}<>"${mark}",ISNUMBER(${cell}),${cell}<${maxCell}*${share})`,
      background: COLORS.deficitBg,
      fontColor: COLORS.danger,
    },
  );
  statusRules(b, area, levelRow, s, `${kindCell}="${mark}"`);

  if (benchmarks.length > 0) {
    b.lead = procedureLead(p);
    b.blank();
    b.row([S.planReport.matrixHeading], { bold: true });
    const bStart = b.nextRow;
    for (const bm of benchmarks)
      b.line(
        h,
        { className: bm.group, code: T.benchmark },
        { tasks: p.tasks.map((t) => bm.completion.get(t.id) ?? null) },
        { italic: true },
      );
    b.format({ row: bStart, col: t0, rows: benchmarks.length, cols: nT }, { numberFormat: '0.0' });
  }

  // Few distinct widths (Sheets sets each run of equal widths in one call): the class, the student and
  // the decision columns alike, the tasks narrow, the total and the journal mark as the first ones.
  b.columnWidths = {};
  for (let c = 0; c < t0; c++) b.columnWidths[c] = 80;
  if (hasNames) b.columnWidths[h.col('name')] = 200;
  for (let i = 0; i < nT; i++) b.columnWidths[t0 + i] = 52;
  b.columnWidths[h.col('total')] = 80;
  b.columnWidths[h.col('journalMark')] = 80;
  // The header rows and the student stay in view.
  return b.build({ frozenRows: levelRow + 1, frozenCols: h.col('code') + (hasNames ? 2 : 1) });
}
