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
import { S, T } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { markSourceText } from './matrix';
import type { SheetSpec } from './spec';
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
  schoolSummaryLine,
  worseSymbol,
} from './stats-common';

/** Widest table of the tab (the marks table); charts sit to its right. */
const TABLE_COLS = 14;
const CHART_COL = TABLE_COLS + 1;

// Column ids by mark («2» … «5»).
const PCT_IDS: Record<string, 'pct2' | 'pct3' | 'pct4' | 'pct5'> = { 2: 'pct2', 3: 'pct3', 4: 'pct4', 5: 'pct5' };
const COUNT_IDS: Record<string, 'count2' | 'count3' | 'count4' | 'count5'> = { 2: 'count2', 3: 'count3', 4: 'count4', 5: 'count5' };
const DIFF_IDS: Record<string, 'diff2' | 'diff3' | 'diff4' | 'diff5'> = { 2: 'diff2', 3: 'diff3', 4: 'diff4', 5: 'diff5' };
const id = <V>(table: Record<string, V>, m: string | number): V => table[m] as V;

export function buildMarkStats(
  analyses: readonly ProcedureAnalysis[],
  labels: ReadonlyMap<Procedure, string>,
  s: Settings,
  benchmarks?: Benchmarks,
): SheetSpec {
  const b = new SpecBuilder(S.tabs.markStats);
  b.preamble(S.tabs.markStats, TABLE_COLS, [T.marks.legend(s['sample.minReliable'])]);
  b.leadColumns(PROCEDURE_LEAD);

  for (const a of analyses) {
    const p = a.procedure;
    const label = labels.get(p) ?? p.title;
    const stats = marksByGroup(a);
    b.lead = procedureLead(p);
    b.blank();
    const blockStart = b.nextRow;
    b.row([T.marks.blockTitle(p.title, p.sheet, markSourceText(p))], { bold: true, background: COLORS.titleBg });
    b.format({ row: blockStart, col: 0, rows: 1, cols: TABLE_COLS }, { background: COLORS.titleBg });
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

  // Narrow number columns (their headers wrap): one run of equal widths.
  b.columnWidths = { 0: 200 };
  for (let c = 1; c < TABLE_COLS; c++) b.columnWidths[c] = 72;
  // Title and legend, and the group column of every table, stay in view.
  return b.build({ frozenRows: 2, frozenCols: 1 });
}

/** Marks of each group: quality and успеваемость first, then the shares and the counts. */
function marksTable(b: SpecBuilder, p: Procedure, stats: GroupMarks[], s: Settings): void {
  b.row([S.stats.marksHeading], { bold: true });
  const h = b.header('marks', [
    'group',
    'quality',
    'success',
    ...MARKS.map((m) => id(PCT_IDS, m)),
    'participants',
    'withMark',
    ...MARKS.map((m) => id(COUNT_IDS, m)),
    'reliability',
  ]);
  const start = b.nextRow;
  for (const { group: g, marks } of stats) {
    b.lead = procedureLead(p, g);
    const r = b.line(h, {
      group: groupTitle(g),
      quality: orNull(marks.quality),
      success: orNull(marks.success),
      ...Object.fromEntries(MARKS.map((m) => [id(PCT_IDS, m), orNull(marks.percent[m])])),
      participants: g.participants,
      withMark: marks.n,
      ...Object.fromEntries(MARKS.map((m) => [id(COUNT_IDS, m), marks.counts[m]])),
      reliability: reliabilityText(marks.n, s),
    });
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: h.width }, { bold: true, background: COLORS.summaryBg });
    if (marks.n < s['sample.minReliable'])
      b.format({ row: r, col: h.col('reliability'), rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
  }
  b.lead = procedureLead(p);
  b.format({ row: start, col: h.col('quality'), rows: b.nextRow - start, cols: 6 }, { numberFormat: PCT });
}

/** The journal comparison of every group; false when the file has no journal marks at all. */
function journalTable(b: SpecBuilder, p: Procedure, stats: GroupMarks[], label: string, anchor: { row: number; col: number }): boolean {
  b.row([S.stats.journalHeading], { bold: true });
  if (stats.every((x) => x.journal.n === 0)) {
    b.row([S.stats.noJournal], { italic: true, fontColor: COLORS.muted });
    return false;
  }
  // The group and the three shares first: the chart reads them.
  const h = b.header('journal', [
    'group',
    'loweredPct',
    'confirmedPct',
    'raisedPct',
    'lowered',
    'confirmed',
    'raised',
    'both',
    'noJournal',
  ]);
  const start = b.nextRow;
  for (const { group: g, marks, journal: j } of stats) {
    b.lead = procedureLead(p, g);
    const r = b.line(h, {
      group: groupTitle(g),
      loweredPct: orNull(j.loweredPct),
      confirmedPct: orNull(j.confirmedPct),
      raisedPct: orNull(j.raisedPct),
      lowered: j.lowered,
      confirmed: j.confirmed,
      raised: j.raised,
      both: j.n,
      noJournal: marks.n - j.n,
    });
    if (g.level !== 'class') b.format({ row: r, col: 0, rows: 1, cols: h.width }, { bold: true, background: COLORS.summaryBg });
  }
  b.lead = procedureLead(p);
  b.format({ row: start, col: h.col('loweredPct'), rows: b.nextRow - start, cols: 3 }, { numberFormat: PCT });
  b.charts.push({
    type: 'bar',
    stacked: true,
    title: T.marks.journalChart(label),
    data: { row: h.row, col: 0, rows: b.nextRow - h.row, cols: 4 },
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
  // The group and the four shares first: the chart reads them.
  const h = b.header('marksBenchmarks', [
    'group',
    ...MARK_KEYS.map((m) => id(PCT_IDS, m)),
    'quality',
    'success',
    'participants',
    ...MARK_KEYS.map((m) => id(DIFF_IDS, m)),
    'diffQuality',
    'diffSuccess',
  ]);
  const start = b.nextRow;
  let chartRows = 0;
  // More «2», lower quality or успеваемость than the benchmark is worse.
  const worse = { diff2: '>', diffQuality: '<', diffSuccess: '<' } as const;
  const marked: (() => void)[] = [];
  schoolGroups(a).forEach((school, si) => {
    const ours = stats.find((x) => x.group === school)?.marks;
    if (!ours) return;
    const oursPct = MARKS.map((m) => ours.percent[m]);
    schoolSummaryLine(b, h, school, {
      ...Object.fromEntries(MARKS.map((m, i) => [id(PCT_IDS, m), orNull(oursPct[i] as number)])),
      quality: orNull(ours.quality),
      success: orNull(ours.success),
      participants: ours.n,
    });
    for (const bm of rows) {
      const theirs = MARK_KEYS.map((k) => bm.percent[k]);
      const q = bm.percent['4'] + bm.percent['5'];
      const succ = bm.percent['3'] + bm.percent['4'] + bm.percent['5'];
      const diffs: Record<string, number | null> = {
        ...Object.fromEntries(MARK_KEYS.map((k, i) => [id(DIFF_IDS, k), diff(oursPct[i] as number, theirs[i] as number)])),
        diffQuality: diff(ours.quality, q),
        diffSuccess: diff(ours.success, succ),
      };
      const br = b.line(h, {
        group: bm.group,
        ...Object.fromEntries(MARK_KEYS.map((k, i) => [id(PCT_IDS, k), theirs[i] as number])),
        quality: q,
        success: succ,
        participants: bm.participants,
        ...diffs,
      });
      for (const [cid, sign] of Object.entries(worse))
        marked.push(() => worseSymbol(b, br, h.col(cid as 'diff2'), diffs[cid] ?? null, sign));
    }
    if (si === 0) chartRows = 1 + rows.length;
  });
  const n = b.nextRow - start;
  b.format({ row: start, col: 1, rows: n, cols: 6 }, { numberFormat: PCT });
  b.format({ row: start, col: h.col('diff2'), rows: n, cols: 6 }, { numberFormat: PP });
  // After the general format: the later format wins, so the worse differences read «▼».
  for (const mark of marked) mark();
  for (const [cid, sign] of Object.entries(worse)) {
    const col = h.col(cid as 'diff2');
    const c = ref(start, col);
    b.rules.push({
      range: { row: start, col, rows: n, cols: 1 },
      formula: `=AND(ISNUMBER(${c}),${c}${sign}0)`,
      fontColor: COLORS.danger,
      bold: true,
    });
  }
  b.charts.push({
    type: 'column',
    title: T.marks.marksChart(label),
    data: { row: h.row, col: 0, rows: 1 + chartRows, cols: 5 },
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
  const h = b.header('journalBenchmarks', [
    'group',
    'loweredPct',
    'confirmedPct',
    'raisedPct',
    'participants',
    'diffLowered',
    'diffConfirmed',
    'diffRaised',
  ]);
  const start = b.nextRow;
  for (const school of schoolGroups(a)) {
    const j = stats.find((x) => x.group === school)?.journal;
    if (!j) continue;
    const ours = [j.loweredPct, j.confirmedPct, j.raisedPct];
    schoolSummaryLine(b, h, school, {
      loweredPct: orNull(j.loweredPct),
      confirmedPct: orNull(j.confirmedPct),
      raisedPct: orNull(j.raisedPct),
      participants: j.n,
    });
    for (const bm of rows) {
      const theirs = JOURNAL_KEYS.map((k) => bm.percent[k]);
      const d = theirs.map((t, i) => diff(ours[i] as number, t));
      b.line(h, {
        group: bm.group,
        loweredPct: theirs[0] as number,
        confirmedPct: theirs[1] as number,
        raisedPct: theirs[2] as number,
        participants: bm.participants,
        diffLowered: d[0] ?? null,
        diffConfirmed: d[1] ?? null,
        diffRaised: d[2] ?? null,
      });
    }
  }
  const n = b.nextRow - start;
  b.format({ row: start, col: 1, rows: n, cols: 3 }, { numberFormat: PCT });
  b.format({ row: start, col: h.col('diffLowered'), rows: n, cols: 3 }, { numberFormat: PP });
}

/** Students whose mark for the work and journal mark differ by the set gap: the class and the student first. */
function gapList(b: SpecBuilder, analyses: readonly ProcedureAnalysis[], s: Settings): void {
  const minGap = s['journal.minGap'];
  const hasNames = analyses.some((a) => a.procedure.students.some((st) => st.name));
  const multiSchool = analyses.some((a) => a.procedure.schools.length > 1);
  b.lead = null;
  b.blank();
  b.row([S.stats.gapHeading(minGap)], { bold: true, background: COLORS.titleBg });
  b.format({ row: b.nextRow - 1, col: 0, rows: 1, cols: TABLE_COLS }, { background: COLORS.titleBg });
  const h = b.header('markGaps', [
    'className',
    'code',
    ...(hasNames ? (['name'] as const) : []),
    'gap',
    'mark',
    'journalMark',
    'procedure',
    ...(multiSchool ? (['school'] as const) : []),
  ]);
  const start = b.nextRow;
  for (const a of analyses) {
    const p = a.procedure;
    for (const g of a.groups) {
      if (g.level !== 'class') continue;
      b.lead = procedureLead(p, g);
      const students = g.members.map((i) => p.students[i]).filter((x) => x !== undefined);
      for (const gap of journalGaps(students, minGap)) {
        const st = gap.student;
        b.line(h, {
          className: st.className,
          code: st.code,
          name: st.name ?? '',
          gap: gap.gap,
          mark: gap.mark,
          journalMark: gap.journalMark,
          procedure: p.title,
          school: st.school,
        });
      }
    }
  }
  b.lead = null;
  if (b.nextRow === start) {
    b.row([S.stats.noGaps], { italic: true, fontColor: COLORS.muted });
    return;
  }
  b.format({ row: start, col: h.col('gap'), rows: b.nextRow - start, cols: 1 }, { numberFormat: '+0;-0;0', bold: true });
}
