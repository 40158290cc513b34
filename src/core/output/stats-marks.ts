// «Статистика отметок»: per procedure, marks of each group (class, parallel, school) with quality and
// успеваемость, the comparison with journal marks, the ФИС ОКО benchmarks from «Эталоны» beside the
// school with differences in percentage points; then the students whose two marks differ by the set gap.
// Every row of a procedure's block carries its subject and parallel, and the class on a class's rows,
// in the leading columns (the ШМО filter reads them).
import type { ProcedureAnalysis } from '../analysis/deficits';
import { type GroupMarks, marksByGroup } from '../analysis/mark-groups';
import { journalGaps, MARKS } from '../analysis/marks';
import { type Benchmarks, benchmarksOf, JOURNAL_KEYS, MARK_KEYS, type MarksBenchmarkRow } from '../input/benchmarks';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { markSourceText } from './matrix';
import type { SheetSpec, SpecCell } from './spec';
import {
  CHART_COLS,
  CHART_HEIGHT,
  CHART_WIDTH,
  groupTitle,
  orNull,
  PCT,
  PP,
  PROCEDURE_LEAD,
  padForChart,
  procedureLead,
  reliabilityText,
  schoolGroups,
} from './stats-common';

/** Widest table of the tab (the marks table, without the lead columns); charts sit to its right. */
const TABLE_COLS = 14;
const CHART_COL = TABLE_COLS + 1;

const JOURNAL_NAMES = { lowered: 'Понизили', confirmed: 'Подтвердили', raised: 'Повысили' } as const;

export function buildMarkStats(
  analyses: readonly ProcedureAnalysis[],
  labels: ReadonlyMap<Procedure, string>,
  s: Settings,
  benchmarks?: Benchmarks,
): SheetSpec {
  const b = new SpecBuilder(S.tabs.markStats);
  b.row([S.tabs.markStats], { bold: true, background: COLORS.titleBg });
  b.format({ row: 0, col: 0, rows: 1, cols: TABLE_COLS }, { background: COLORS.titleBg });
  b.row(
    [
      'Доли «2», «3», «4», «5» — среди участников с отметкой; качество — доля «4» и «5», успеваемость — доля «3», «4» и «5». ' +
        'Сравнение с журналом — среди участников, у которых есть обе отметки: понизили — отметка за работу ниже отметки по журналу, ' +
        'подтвердили — равна, повысили — выше. Эталоны — строки отчётов ФИС ОКО с листа «Эталоны»; разница = ОО − эталон, в процентных пунктах (п.п.). ' +
        `Группы меньше ${s['sample.minReliable']} участников помечены: их статистика ненадёжна.`,
    ],
    { italic: true, fontColor: COLORS.muted },
  );
  b.leadColumns(PROCEDURE_LEAD, [120, 92, 92]);
  b.lead = 'labels';
  b.row([''], { bold: true, background: COLORS.headerBg });

  for (const a of analyses) {
    const p = a.procedure;
    const label = labels.get(p) ?? p.title;
    const stats = marksByGroup(a);
    b.lead = procedureLead(p);
    b.blank();
    const blockStart = b.nextRow;
    b.row([`${p.title} (лист «${p.sheet}»): ${markSourceText(p)}`], { bold: true, background: COLORS.headerBg });
    b.format({ row: blockStart, col: 0, rows: 1, cols: TABLE_COLS }, { background: COLORS.headerBg });
    const withMarks = stats.some((x) => x.marks.n > 0);
    if (!withMarks) {
      b.row([S.stats.noMarks], { italic: true, fontColor: COLORS.danger });
      continue;
    }
    marksTable(b, p, stats, s);
    let charts = 0;
    if (journalTable(b, p, stats, label, { row: blockStart, col: CHART_COL })) charts++;
    const pb = benchmarksOf(benchmarks, p);
    if (pb.marks.length > 0) {
      marksBenchmarks(b, a, stats, pb.marks, label, { row: blockStart, col: CHART_COL + charts * CHART_COLS });
      charts++;
    }
    if (pb.journal.length > 0) journalBenchmarks(b, a, stats, pb.journal);
    if (charts > 0) padForChart(b, blockStart);
  }

  gapList(b, analyses, s);

  b.columnWidths = { 0: 200 };
  for (let c = 1; c < TABLE_COLS; c++) b.columnWidths[c] = 92;
  // Title, legend and the lead columns' header stay in view.
  return b.build({ frozenRows: 3 });
}

function marksTable(b: SpecBuilder, p: Procedure, stats: GroupMarks[], s: Settings): void {
  b.row([S.stats.marksHeading], { bold: true });
  b.row(
    [
      'Группа',
      'Участников',
      'С отметкой',
      ...MARKS.map((m) => `«${m}», чел.`),
      ...MARKS.map((m) => `«${m}», %`),
      'Качество, %',
      'Успеваемость, %',
      'Надёжность',
    ],
    { bold: true, background: COLORS.headerBg, wrap: true },
  );
  const start = b.nextRow;
  for (const { group: g, marks } of stats) {
    b.lead = procedureLead(p, g);
    const r = b.row([
      groupTitle(g),
      g.participants,
      marks.n,
      ...MARKS.map((m) => marks.counts[m]),
      ...MARKS.map((m) => orNull(marks.percent[m])),
      orNull(marks.quality),
      orNull(marks.success),
      reliabilityText(marks.n, s),
    ]);
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: TABLE_COLS }, { bold: true, background: COLORS.summaryBg });
    if (marks.n < s['sample.minReliable']) b.format({ row: r, col: 13, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
  }
  b.lead = procedureLead(p);
  b.format({ row: start, col: 7, rows: b.nextRow - start, cols: 6 }, { numberFormat: PCT });
}

/** The journal comparison of every group; false when the file has no journal marks at all. */
function journalTable(b: SpecBuilder, p: Procedure, stats: GroupMarks[], label: string, anchor: { row: number; col: number }): boolean {
  b.row([S.stats.journalHeading], { bold: true });
  if (stats.every((x) => x.journal.n === 0)) {
    b.row([S.stats.noJournal], { italic: true, fontColor: COLORS.muted });
    return false;
  }
  const head = b.row(
    [
      'Группа',
      ...JOURNAL_KEYS.map((k) => `${JOURNAL_NAMES[k]}, %`),
      ...JOURNAL_KEYS.map((k) => `${JOURNAL_NAMES[k]}, чел.`),
      'С обеими отметками',
      'Без отметки по журналу',
    ],
    { bold: true, background: COLORS.headerBg, wrap: true },
  );
  const start = b.nextRow;
  for (const { group: g, marks, journal: j } of stats) {
    b.lead = procedureLead(p, g);
    const r = b.row([
      groupTitle(g),
      orNull(j.loweredPct),
      orNull(j.confirmedPct),
      orNull(j.raisedPct),
      j.lowered,
      j.confirmed,
      j.raised,
      j.n,
      marks.n - j.n,
    ]);
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: 9 }, { bold: true, background: COLORS.summaryBg });
  }
  b.lead = procedureLead(p);
  b.format({ row: start, col: 1, rows: b.nextRow - start, cols: 3 }, { numberFormat: PCT });
  b.charts.push({
    type: 'bar',
    stacked: true,
    title: `${label}: сравнение с отметками по журналу, %`,
    data: { row: head, col: 0, rows: b.nextRow - head, cols: 4 },
    anchor,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  return true;
}

const diff = (ours: number, theirs: number): number | null => (Number.isFinite(ours) && Number.isFinite(theirs) ? ours - theirs : null);

function marksBenchmarks(
  b: SpecBuilder,
  a: ProcedureAnalysis,
  stats: GroupMarks[],
  rows: readonly MarksBenchmarkRow[],
  label: string,
  anchor: { row: number; col: number },
): void {
  b.row([S.stats.marksBenchmarkHeading], { bold: true });
  const head = b.row(
    [
      'Группа',
      ...MARK_KEYS.map((m) => `«${m}», %`),
      'Качество, %',
      'Успеваемость, %',
      'Участников',
      ...MARK_KEYS.map((m) => `ОО − эталон: «${m}», п.п.`),
      'ОО − эталон: качество, п.п.',
      'ОО − эталон: успеваемость, п.п.',
    ],
    { bold: true, background: COLORS.headerBg, wrap: true },
  );
  const start = b.nextRow;
  let chartRows = 0;
  schoolGroups(a).forEach((school, si) => {
    const ours = stats.find((x) => x.group === school)?.marks;
    if (!ours) return;
    const oursPct = MARKS.map((m) => ours.percent[m]);
    const r = b.row([`ОО: ${school.name}`, ...oursPct.map(orNull), orNull(ours.quality), orNull(ours.success), ours.n]);
    b.format({ row: r, col: 0, rows: 1, cols: 14 }, { bold: true, background: COLORS.summaryBg });
    for (const bm of rows) {
      const theirs = MARK_KEYS.map((k) => bm.percent[k]);
      const q = bm.percent['4'] + bm.percent['5'];
      const succ = bm.percent['3'] + bm.percent['4'] + bm.percent['5'];
      b.row([
        bm.group,
        ...theirs,
        q,
        succ,
        bm.participants,
        ...theirs.map((t, i) => diff(oursPct[i] as number, t)),
        diff(ours.quality, q),
        diff(ours.success, succ),
      ]);
    }
    if (si === 0) chartRows = 1 + rows.length;
  });
  const n = b.nextRow - start;
  b.format({ row: start, col: 1, rows: n, cols: 6 }, { numberFormat: PCT });
  b.format({ row: start, col: 8, rows: n, cols: 6 }, { numberFormat: PP });
  // Worse than the benchmark: more «2», lower quality or успеваемость.
  const worse = (col: number, sign: '>' | '<') => {
    const c = ref(start, col);
    b.rules.push({
      range: { row: start, col, rows: n, cols: 1 },
      formula: `=AND(ISNUMBER(${c}),${c}${sign}0)`,
      fontColor: COLORS.danger,
      bold: true,
    });
  };
  worse(8, '>');
  worse(12, '<');
  worse(13, '<');
  b.charts.push({
    type: 'column',
    title: `${label}: отметки ОО и эталонов, %`,
    data: { row: head, col: 0, rows: 1 + chartRows, cols: 5 },
    anchor,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
}

function journalBenchmarks(
  b: SpecBuilder,
  a: ProcedureAnalysis,
  stats: GroupMarks[],
  rows: ReturnType<typeof benchmarksOf>['journal'],
): void {
  b.row([S.stats.journalBenchmarkHeading], { bold: true });
  b.row(
    [
      'Группа',
      ...JOURNAL_KEYS.map((k) => `${JOURNAL_NAMES[k]}, %`),
      'Участников',
      ...JOURNAL_KEYS.map((k) => `ОО − эталон: ${JOURNAL_NAMES[k].toLowerCase()}, п.п.`),
    ],
    { bold: true, background: COLORS.headerBg, wrap: true },
  );
  const start = b.nextRow;
  for (const school of schoolGroups(a)) {
    const j = stats.find((x) => x.group === school)?.journal;
    if (!j) continue;
    const ours = [j.loweredPct, j.confirmedPct, j.raisedPct];
    const r = b.row([`ОО: ${school.name}`, ...ours.map(orNull), j.n]);
    b.format({ row: r, col: 0, rows: 1, cols: 8 }, { bold: true, background: COLORS.summaryBg });
    for (const bm of rows) {
      const theirs = JOURNAL_KEYS.map((k) => bm.percent[k]);
      const cells: SpecCell[] = [bm.group, ...theirs, bm.participants, ...theirs.map((t, i) => diff(ours[i] as number, t))];
      b.row(cells);
    }
  }
  const n = b.nextRow - start;
  b.format({ row: start, col: 1, rows: n, cols: 3 }, { numberFormat: PCT });
  b.format({ row: start, col: 5, rows: n, cols: 3 }, { numberFormat: PP });
}

function gapList(b: SpecBuilder, analyses: readonly ProcedureAnalysis[], s: Settings): void {
  const minGap = s['journal.minGap'];
  const hasNames = analyses.some((a) => a.procedure.students.some((st) => st.name));
  // The class is in the lead columns; a municipal download names the school beside the code.
  const multiSchool = analyses.some((a) => a.procedure.schools.length > 1);
  b.lead = null;
  b.blank();
  b.row([S.stats.gapHeading(minGap)], { bold: true, background: COLORS.titleBg });
  b.format({ row: b.nextRow - 1, col: 0, rows: 1, cols: TABLE_COLS }, { background: COLORS.titleBg });
  b.lead = 'labels';
  b.row(
    [
      'Работа',
      ...(multiSchool ? ['Школа'] : []),
      'Код участника',
      ...(hasNames ? ['ФИО'] : []),
      'Отметка за работу',
      'Отметка по журналу',
      'Разница (работа − журнал)',
    ],
    { bold: true, background: COLORS.headerBg, wrap: true },
  );
  const start = b.nextRow;
  for (const a of analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.level !== 'class') continue;
      b.lead = procedureLead(p, g);
      const students = g.members.map((i) => p.students[i]).filter((x) => x !== undefined);
      for (const gap of journalGaps(students, minGap)) {
        const st = gap.student;
        b.row([
          p.title,
          ...(multiSchool ? [st.school] : []),
          st.code,
          ...(hasNames ? [st.name ?? ''] : []),
          gap.mark,
          gap.journalMark,
          gap.gap,
        ]);
      }
    }
  }
  b.lead = null;
  if (b.nextRow === start) {
    b.row([S.stats.noGaps], { italic: true, fontColor: COLORS.muted });
    return;
  }
  const gapCol = 4 + (multiSchool ? 1 : 0) + (hasNames ? 1 : 0);
  b.format({ row: start, col: gapCol, rows: b.nextRow - start, cols: 1 }, { numberFormat: '+0;-0;0', bold: true });
}
