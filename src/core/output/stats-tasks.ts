// «Задания по отметкам»: per procedure (and per school of a municipal download), the completion of each
// task among the students who got 2, 3, 4 and 5, then all participants, then the ФИС ОКО «Выполнение
// заданий» rows from «Эталоны» and the difference ОО − эталон. Status colours as on the deficit tabs.
// Every row of a block carries the procedure's subject and parallel in the leading columns (the
// «Класс» column stays empty: the groups are the school's), so the ШМО filter narrows the tab.
import type { ProcedureAnalysis } from '../analysis/deficits';
import { completionByMark, groupStudents } from '../analysis/mark-groups';
import { type Benchmarks, benchmarksOf } from '../input/benchmarks';
import type { Settings } from '../settings';
import { S, T } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { noteTasks, statusFormats, statusRules } from './matrix';
import type { SheetSpec } from './spec';
import {
  blockTitle,
  deficitThresholds,
  orNull,
  PCT,
  PP,
  PROCEDURE_LEAD,
  procedureLead,
  reliabilityText,
  schoolGroups,
  widestTasks,
  worseSymbol,
} from './stats-common';

export function buildTasksByMark(analyses: readonly ProcedureAnalysis[], s: Settings, benchmarks?: Benchmarks): SheetSpec {
  const b = new SpecBuilder(S.tabs.tasksByMark);
  const maxTasks = widestTasks(analyses);
  b.preamble(S.tabs.tasksByMark, 4 + maxTasks, [T.tasksByMark.legend(...deficitThresholds(s), T.statusLegend)]);
  b.leadColumns(PROCEDURE_LEAD);

  for (const a of analyses) {
    const p = a.procedure;
    const pb = benchmarksOf(benchmarks, p);
    for (const school of schoolGroups(a)) {
      const students = groupStudents(p, school);
      const byMark = completionByMark(p, students);
      const withMark = byMark.reduce((n, g) => n + g.n, 0);
      b.lead = procedureLead(p, school);
      b.blank();
      const title = blockTitle(p, school);
      const noMark = students.length - withMark;
      b.row([withMark > 0 && noMark > 0 ? `${title}; ${S.stats.withoutMark(noMark)}` : title], {
        bold: true,
        background: COLORS.titleBg,
      });
      if (withMark === 0) b.row([S.stats.noMarkGroups], { italic: true, fontColor: COLORS.danger });
      const h = b.header('tasksByMark', [
        'group',
        'completion',
        'participants',
        'reliability',
        { span: 'tasks', labels: p.tasks.map((t) => t.id) },
      ]);
      const tasks = h.span('tasks');
      const c0 = tasks.col;
      const nT = tasks.cols;
      noteTasks(b, h.row, c0, p.tasks);
      b.lead = procedureLead(p, school);
      const levelRow = b.line(h, { group: T.tasksByMark.levelRow }, { tasks: p.tasks.map((t) => t.level ?? '—') }, { italic: true });
      const start = b.nextRow;
      if (withMark > 0) {
        for (const g of byMark) {
          const r = b.line(
            h,
            {
              group: T.tasksByMark.got(g.mark),
              participants: g.n,
              reliability: reliabilityText(g.n, s),
              completion: orNull(g.meanCompletion),
            },
            { tasks: g.completion.map(orNull) },
          );
          if (g.n < s['sample.minReliable'])
            b.format({ row: r, col: h.col('reliability'), rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
        }
      }
      const all = b.line(
        h,
        {
          group: T.tasksByMark.all,
          participants: school.participants,
          reliability: reliabilityText(school.participants, s),
          completion: orNull(school.meanCompletion),
        },
        { tasks: school.completion.map(orNull) },
      );
      b.format({ row: all, col: 0, rows: 1, cols: c0 }, { bold: true });
      for (const bm of pb.tasks) {
        b.line(
          h,
          { group: bm.group, participants: bm.participants, reliability: T.benchmark, completion: null },
          { tasks: p.tasks.map((t) => bm.completion.get(t.id) ?? null) },
          { italic: true },
        );
      }
      const rows = b.nextRow - start;
      b.format({ row: start, col: h.col('completion'), rows, cols: 1 }, { numberFormat: PCT });
      b.format({ row: start, col: c0, rows, cols: nT }, { numberFormat: PCT });
      statusFormats(b, all, c0, school.status);
      statusRules(b, { row: start, col: c0, rows, cols: nT }, levelRow, s);

      if (pb.tasks.length > 0) {
        const dStart = b.nextRow;
        const worse: [number, number, number | null][] = [];
        for (const bm of pb.tasks) {
          const diffs = p.tasks.map((t, i) => {
            const theirs = bm.completion.get(t.id);
            const ours = school.completion[i] as number;
            return theirs === undefined || !Number.isFinite(ours) ? null : ours - theirs;
          });
          const r = b.line(h, { group: T.tasksByMark.diff(bm.group), completion: null }, { tasks: diffs });
          diffs.forEach((d, i) => {
            worse.push([r, c0 + i, d]);
          });
        }
        const dRows = b.nextRow - dStart;
        b.format({ row: dStart, col: c0, rows: dRows, cols: nT }, { numberFormat: PP });
        for (const [r, c, d] of worse) worseSymbol(b, r, c, d, '<');
        const c = ref(dStart, c0);
        const area = { row: dStart, col: c0, rows: dRows, cols: nT };
        b.rules.push(
          { range: area, formula: `=AND(ISNUMBER(${c}),${c}<0)`, fontColor: COLORS.danger },
          { range: area, formula: `=AND(ISNUMBER(${c}),${c}>0)`, fontColor: '#1b5e20' },
        );
      }
    }
  }

  b.columnWidths = { 0: 200, 1: 100, 2: 100, 3: 100 };
  for (let i = 0; i < maxTasks; i++) b.columnWidths[4 + i] = 52;
  // Title and legend, and the group column, stay in view.
  return b.build({ frozenRows: 2, frozenCols: 1 });
}
