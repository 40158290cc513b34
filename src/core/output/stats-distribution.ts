// «Распределение баллов»: per procedure (and per school of a municipal download), how many participants
// got each primary score, with the mark of each score and the cut-offs marked in a column and by a
// rule; a histogram chart beside each table. Small samples are flagged (`sample.minDistribution`).
// Every row of a block carries the procedure's subject and parallel in the leading columns (the
// «Класс» column stays empty: the distribution is the school's), so the ШМО filter narrows the tab.
import type { ProcedureAnalysis } from '../analysis/deficits';
import { distribution } from '../analysis/distribution';
import { groupStudents } from '../analysis/mark-groups';
import { markFromScale } from '../input/config';
import type { Procedure } from '../model';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import type { SheetSpec } from './spec';
import {
  blockTitle,
  CHART_HEIGHT,
  CHART_WIDTH,
  cutsText,
  PCT,
  PROCEDURE_LEAD,
  padForChart,
  procedureLead,
  schoolGroups,
} from './stats-common';

const COLS = 5;
const CHART_COL = COLS + 1;
export const CUT_BG = '#ffe0b2';

/** «граница «4»» at the lowest score of a mark, '' elsewhere. */
export function boundaryText(score: number, cuts: readonly [number, number, number] | null): string {
  if (!cuts) return '';
  const i = cuts.indexOf(score);
  return i >= 0 ? T.distribution.boundary(i + 3) : '';
}

export function buildDistributionTab(
  analyses: readonly ProcedureAnalysis[],
  labels: ReadonlyMap<Procedure, string>,
  s: Settings,
): SheetSpec {
  const b = new SpecBuilder(S.tabs.distribution);
  const minN = s['sample.minDistribution'];
  b.preamble(S.tabs.distribution, COLS, [T.distribution.legend(minN)]);
  b.leadColumns(PROCEDURE_LEAD);

  for (const a of analyses) {
    const p = a.procedure;
    const label = labels.get(p) ?? p.title;
    for (const school of schoolGroups(a)) {
      const students = groupStudents(p, school);
      const d = distribution(p, students);
      b.lead = procedureLead(p, school);
      b.blank();
      const blockStart = b.nextRow;
      b.row([blockTitle(p, school)], { bold: true, background: COLORS.titleBg });
      b.format({ row: blockStart, col: 0, rows: 1, cols: COLS }, { background: COLORS.titleBg });
      b.row([T.distribution.participants(d.n, cutsText(p))], { italic: true, fontColor: p.cuts ? COLORS.muted : COLORS.danger });
      if (d.n < minN) {
        const r = b.row([S.stats.smallSample(d.n, minN)], { italic: true, fontColor: COLORS.danger });
        b.note(r, 0, S.stats.smallSample(d.n, minN));
      }
      const h = b.header('distribution', ['score', 'count', 'pct', 'mark', 'boundary']);
      b.lead = procedureLead(p, school);
      const start = b.nextRow;
      d.counts.forEach((c, score) => {
        b.line(h, {
          score,
          count: c,
          pct: d.n > 0 ? (c / d.n) * 100 : null,
          mark: p.cuts ? markFromScale(score, p.cuts) : '',
          boundary: boundaryText(score, p.cuts),
        });
      });
      const rows = b.nextRow - start;
      const total = b.line(h, { score: T.distribution.total, count: d.n, pct: d.n > 0 ? 100 : null }, {}, { bold: true });
      b.format({ row: start, col: h.col('pct'), rows: rows + 1, cols: 1 }, { numberFormat: PCT });
      b.format({ row: total, col: 0, rows: 1, cols: COLS }, { background: COLORS.summaryBg });
      const area = { row: start, col: 0, rows, cols: COLS };
      const boundary = ref(start, h.col('boundary'), false, true);
      const mark = ref(start, h.col('mark'), false, true);
      b.rules.push(
        { range: area, formula: `=${boundary}<>""`, background: CUT_BG, bold: true },
        { range: { row: start, col: h.col('mark'), rows, cols: 1 }, formula: `=${mark}=2`, fontColor: COLORS.danger },
      );
      b.charts.push({
        type: 'column',
        title: T.distribution.chart(`${label}${p.schools.length > 1 ? ` — ${school.name}` : ''}`),
        // The score and the count: the first two columns.
        data: { row: h.row, col: 0, rows: rows + 1, cols: 2 },
        anchor: { row: h.row, col: CHART_COL },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      });
      padForChart(b, h.row);
    }
  }

  // Every column keeps the default width (100 px): no width calls at all.
  // Title and legend, and the score column, stay in view.
  return b.build({ frozenRows: 2, frozenCols: 1 });
}
