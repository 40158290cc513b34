// «Задания по отметкам»: per procedure (and per school of a municipal download), the completion of each
// task among the students who got 2, 3, 4 and 5, then all participants, then the ФИС ОКО «Выполнение
// заданий» rows from «Эталоны» and the difference ОО − эталон. Status colours as on the deficit tabs.
// Every row of a block carries the procedure's subject and parallel in the leading columns (the
// «Класс» column stays empty: the groups are the school's), so the ШМО filter narrows the tab.
import type { ProcedureAnalysis } from '../analysis/deficits';
import { completionByMark, groupStudents } from '../analysis/mark-groups';
import { type Benchmarks, benchmarksOf } from '../input/benchmarks';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { statusRules, taskNote } from './matrix';
import type { SheetSpec } from './spec';
import { blockTitle, orNull, PCT, PP, PROCEDURE_LEAD, procedureLead, reliabilityText, schoolGroups } from './stats-common';

const C0 = 4; // first task column

export function buildTasksByMark(analyses: readonly ProcedureAnalysis[], s: Settings, benchmarks?: Benchmarks): SheetSpec {
  const b = new SpecBuilder(S.tabs.tasksByMark);
  const maxTasks = Math.max(1, ...analyses.map((a) => a.procedure.tasks.length));
  b.row([S.tabs.tasksByMark], { bold: true, background: COLORS.titleBg });
  b.format({ row: 0, col: 0, rows: 1, cols: C0 + maxTasks }, { background: COLORS.titleBg });
  b.row(
    [
      '% выполнения задания группой участников, получивших отметку «2», «3», «4» или «5» = сумма баллов группы за задание ÷ (участники × макс. балл) × 100; ' +
        '«X» (не приступал) = 0 баллов. Зелёный — достаточно, жёлтый — на грани, красный — недостаточно ' +
        `(базовые ≥ ${s['deficit.basicSufficient']} % / ${s['deficit.basicUncertain']}–${s['deficit.basicSufficient']} %; ` +
        `повышенные и высокие ≥ ${s['deficit.advancedSufficient']} % / ${s['deficit.advancedUncertain']}–${s['deficit.advancedSufficient']} %). ` +
        'Эталоны — строки «Выполнение заданий» ФИС ОКО с листа «Эталоны»; «ОО − эталон» — разница в процентных пунктах.',
    ],
    { italic: true, fontColor: COLORS.muted },
  );
  b.leadColumns(PROCEDURE_LEAD, [120, 100, 100]);
  b.lead = 'labels';
  b.row([''], { bold: true, background: COLORS.headerBg });

  for (const a of analyses) {
    const p = a.procedure;
    const nT = p.tasks.length;
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
        background: COLORS.headerBg,
      });
      if (withMark === 0) b.row([S.stats.noMarkGroups], { italic: true, fontColor: COLORS.danger });
      const head = b.row(['Группа', 'Участников', 'Надёжность', '% выполнения работы', ...p.tasks.map((t) => t.id)], {
        bold: true,
        background: COLORS.headerBg,
      });
      p.tasks.forEach((t, i) => {
        b.note(head, C0 + i, taskNote(t));
      });
      const levelRow = b.row(['Уровень', '', '', '', ...p.tasks.map((t) => t.level ?? '—')], { italic: true });
      const start = b.nextRow;
      if (withMark > 0) {
        for (const g of byMark) {
          const r = b.row([`Получили «${g.mark}»`, g.n, reliabilityText(g.n, s), orNull(g.meanCompletion), ...g.completion.map(orNull)]);
          if (g.n < s['sample.minReliable']) b.format({ row: r, col: 2, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
        }
      }
      const all = b.row([
        'Все участники',
        school.participants,
        reliabilityText(school.participants, s),
        orNull(school.meanCompletion),
        ...school.completion.map(orNull),
      ]);
      b.format({ row: all, col: 0, rows: 1, cols: C0 }, { bold: true });
      for (const bm of pb.tasks) {
        b.row([bm.group, bm.participants, 'эталон', null, ...p.tasks.map((t) => bm.completion.get(t.id) ?? null)], { italic: true });
      }
      const rows = b.nextRow - start;
      b.format({ row: start, col: 3, rows, cols: 1 + nT }, { numberFormat: PCT });
      statusRules(b, { row: start, col: C0, rows, cols: nT }, levelRow, s);

      if (pb.tasks.length > 0) {
        const dStart = b.nextRow;
        for (const bm of pb.tasks) {
          b.row([
            `ОО − ${bm.group}, п.п.`,
            '',
            '',
            null,
            ...p.tasks.map((t, i) => {
              const theirs = bm.completion.get(t.id);
              const ours = school.completion[i] as number;
              return theirs === undefined || !Number.isFinite(ours) ? null : ours - theirs;
            }),
          ]);
        }
        const dRows = b.nextRow - dStart;
        b.format({ row: dStart, col: C0, rows: dRows, cols: nT }, { numberFormat: PP });
        const c = ref(dStart, C0);
        const area = { row: dStart, col: C0, rows: dRows, cols: nT };
        b.rules.push(
          { range: area, formula: `=AND(ISNUMBER(${c}),${c}<0)`, fontColor: COLORS.danger },
          { range: area, formula: `=AND(ISNUMBER(${c}),${c}>0)`, fontColor: '#1b5e20' },
        );
      }
    }
  }

  b.columnWidths = { 0: 200, 1: 100, 2: 100, 3: 100 };
  for (let i = 0; i < maxTasks; i++) b.columnWidths[C0 + i] = 52;
  // Title, legend and the lead columns' header stay in view.
  return b.build({ frozenRows: 3 });
}
