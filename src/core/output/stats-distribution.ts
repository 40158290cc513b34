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
import { S } from '../strings';
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
  return i >= 0 ? `граница «${i + 3}»` : '';
}

export function buildDistributionTab(
  analyses: readonly ProcedureAnalysis[],
  labels: ReadonlyMap<Procedure, string>,
  s: Settings,
): SheetSpec {
  const b = new SpecBuilder(S.tabs.distribution);
  const minN = s['sample.minDistribution'];
  b.row([S.tabs.distribution], { bold: true, background: COLORS.titleBg });
  b.format({ row: 0, col: 0, rows: 1, cols: COLS }, { background: COLORS.titleBg });
  b.row(
    [
      'Сколько участников набрали каждый первичный балл. «Граница» — наименьший балл отметки «3», «4» или «5» ' +
        '(по листу «Шкала отметок» или выведенный из отметок файла); строки границ выделены цветом. ' +
        `Распределение надёжно от ${minN} участников (приблизительно — от 20–30).`,
    ],
    { italic: true, fontColor: COLORS.muted },
  );
  b.leadColumns(PROCEDURE_LEAD, [120, 100, 100]);
  b.lead = 'labels';
  b.row([''], { bold: true, background: COLORS.headerBg });

  for (const a of analyses) {
    const p = a.procedure;
    const label = labels.get(p) ?? p.title;
    for (const school of schoolGroups(a)) {
      const students = groupStudents(p, school);
      const d = distribution(p, students);
      b.lead = procedureLead(p, school);
      b.blank();
      const blockStart = b.nextRow;
      b.row([blockTitle(p, school)], { bold: true, background: COLORS.headerBg });
      b.format({ row: blockStart, col: 0, rows: 1, cols: COLS }, { background: COLORS.headerBg });
      b.row([`Участников: ${d.n}; ${cutsText(p)}.`], { italic: true, fontColor: p.cuts ? COLORS.muted : COLORS.danger });
      if (d.n < minN) {
        const r = b.row([S.stats.smallSample(d.n, minN)], { italic: true, fontColor: COLORS.danger });
        b.note(r, 0, S.stats.smallSample(d.n, minN));
      }
      const head = b.row(['Балл', 'Участников', '% участников', 'Отметка', 'Граница'], {
        bold: true,
        background: COLORS.headerBg,
      });
      const start = b.nextRow;
      d.counts.forEach((c, score) => {
        b.row([score, c, d.n > 0 ? (c / d.n) * 100 : null, p.cuts ? markFromScale(score, p.cuts) : '', boundaryText(score, p.cuts)]);
      });
      const rows = b.nextRow - start;
      const total = b.row(['Всего', d.n, d.n > 0 ? 100 : null], { bold: true });
      b.format({ row: start, col: 2, rows: rows + 1, cols: 1 }, { numberFormat: PCT });
      b.format({ row: total, col: 0, rows: 1, cols: COLS }, { background: COLORS.summaryBg });
      const area = { row: start, col: 0, rows, cols: COLS };
      const boundary = ref(start, 4, false, true);
      const mark = ref(start, 3, false, true);
      b.rules.push(
        { range: area, formula: `=${boundary}<>""`, background: CUT_BG, bold: true },
        { range: { row: start, col: 3, rows, cols: 1 }, formula: `=${mark}=2`, fontColor: COLORS.danger },
      );
      b.charts.push({
        type: 'column',
        title: `${label}${p.schools.length > 1 ? ` — ${school.name}` : ''}: распределение первичных баллов`,
        data: { row: head, col: 0, rows: rows + 1, cols: 2 },
        anchor: { row: head, col: CHART_COL },
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      });
      padForChart(b, head);
    }
  }

  // One width for all: a single setColumnWidths call in Sheets.
  b.columnWidths = { 0: 100, 1: 100, 2: 100, 3: 100, 4: 100 };
  // Title, legend and the lead columns' header stay in view.
  return b.build({ frozenRows: 3 });
}
