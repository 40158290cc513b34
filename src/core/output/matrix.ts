// «Матрица дефицитов»: one tab per procedure, students × tasks grouped by class, with class,
// parallel and school rows. Status colours come from conditional rules, never from painting cells.
import type { GroupStats, ProcedureAnalysis } from '../analysis/deficits';
import type { TasksBenchmarkRow } from '../input/benchmarks';
import type { Procedure, Task } from '../model';
import type { Settings } from '../settings';
import { S } from '../strings';
import { COLORS, num, ref, SpecBuilder } from './builder';
import { safeTabName } from './names';
import type { SheetSpec, SpecCell } from './spec';

export const MATRIX_PREFIX = S.tabs.matrix;
export const SUMMARY_MARK = '% выполнения';

export function matrixTabName(label: string): string {
  return safeTabName(`${MATRIX_PREFIX} · ${label}`);
}

export function taskNote(t: Task): string {
  const lines: string[] = [];
  if (t.skill) lines.push(`Умение: ${t.skill}`);
  if (t.plannedResult) lines.push(`Планируемый результат: ${t.plannedResult}`);
  if (t.section) lines.push(`Раздел: ${t.section}${t.topic ? ` — ${t.topic}` : ''}`);
  if (t.level) lines.push(`Уровень: ${S.levelName[t.level]}`);
  return lines.join('\n');
}

export function planSourceText(p: Procedure): string {
  if (p.planSource === 'sheet') return 'уровни и умения — с листа «План заданий»';
  if (p.planSource?.startsWith('catalog:')) return `уровни и умения — из встроенного плана ${p.planSource.slice(8)}`;
  if (p.planSource === 'file') return 'уровни — из строки «Уровень сложности задания»';
  if (p.planSource?.startsWith('report:'))
    return `умения — из отчёта ФИС ОКО «Достижение планируемых результатов» (лист «${p.planSource.slice(7)}»)`;
  return 'уровни неизвестны: пороги базового уровня';
}

export function markSourceText(p: Procedure): string {
  if (p.markSource === 'file') return 'отметки — из файла';
  if (p.markSource === 'scale') return 'отметки — по листу «Шкала отметок» или «Шкалы ГИА»';
  if (p.markSource === 'threshold') return '«2» — ниже минимального балла («Шкалы ГИА»), «3» — порог преодолён';
  return 'отметки не вычислены (нет шкалы)';
}

export function groupLabel(g: GroupStats, s: Settings): string {
  const kind = g.level === 'class' ? 'класс' : g.level === 'parallel' ? 'параллель' : 'школа';
  const base = `${kind}, ${g.participants} уч.`;
  return g.reliable ? base : `${base} — ${S.unreliable(g.participants, s['sample.minReliable'])}`;
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
 */
export function buildMatrix(a: ProcedureAnalysis, label: string, s: Settings, benchmarks: readonly TasksBenchmarkRow[] = []): SheetSpec {
  const p = a.procedure;
  const b = new SpecBuilder(matrixTabName(label));
  const hasNames = p.students.some((st) => st.name);
  const t0 = hasNames ? 3 : 2; // first task column
  const nT = p.tasks.length;
  const cTotal = t0 + nT;
  const width = cTotal + 5;

  b.preamble(`${S.tabs.matrix} — ${p.title}`, width, [
    `Лист «${p.sheet}»: участников ${p.students.length}, отсутствовали ${p.absent.length}; ${planSourceText(p)}; ${markSourceText(p)}. ` +
      `Цвет итоговых строк: зелёный — достаточно, жёлтый — на грани, красный — недостаточно (базовые ≥ ${s['deficit.basicSufficient']} %, повышенные ≥ ${s['deficit.advancedSufficient']} %). ` +
      `У ученика красным — набрано меньше ${s['deficit.studentShare']} % баллов задания или «X».`,
  ]);

  const lead = (a1: string, a2: string): SpecCell[] => (hasNames ? [a1, a2, ''] : [a1, a2]);
  const headerRow = b.row([
    ...(hasNames ? ['Класс', 'Код', 'ФИО'] : ['Класс', 'Код']),
    ...p.tasks.map((t) => t.id),
    'Итого',
    '% выполнения',
    'Отметка',
    'Отметка по журналу',
    'Дефицитов',
  ]);
  const maxRow = b.row([...lead('', 'Макс. балл'), ...p.tasks.map((t) => t.max), p.maxTotal, 100]);
  const levelRow = b.row([...lead('', 'Уровень'), ...p.tasks.map((t) => t.level ?? '—')]);
  b.format({ row: headerRow, col: 0, rows: 3, cols: width }, { bold: true, background: COLORS.headerBg, align: 'center' });
  p.tasks.forEach((t, i) => {
    b.note(headerRow, t0 + i, taskNote(t));
  });

  const dataStart = b.nextRow;
  const sumRow = (g: GroupStats) => {
    const meanPoints = (g.meanCompletion / 100) * p.maxTotal;
    const r = b.row([
      g.name,
      SUMMARY_MARK,
      ...(hasNames ? [groupLabel(g, s)] : []),
      ...g.completion.map((c) => (Number.isFinite(c) ? c : null)),
      Number.isFinite(meanPoints) ? meanPoints : null,
      Number.isFinite(g.meanCompletion) ? g.meanCompletion : null,
      '',
      '',
      g.status.filter((x) => x === 'insufficient').length,
    ]);
    const bg = g.level === 'class' ? COLORS.summaryBg : g.level === 'parallel' ? COLORS.parallelBg : COLORS.schoolBg;
    b.format({ row: r, col: 0, rows: 1, cols: width }, { bold: true, background: bg, italic: !g.reliable });
    b.format({ row: r, col: t0, rows: 1, cols: nT + 2 }, { numberFormat: '0.0' });
    if (!hasNames) b.note(r, 0, groupLabel(g, s));
  };

  for (const g of a.groups) {
    if (g.level === 'class') {
      for (const idx of g.members) {
        const st = p.students[idx];
        if (!st) continue;
        const ss = a.students[idx];
        b.row([
          st.className,
          st.code,
          ...(hasNames ? [st.name ?? ''] : []),
          ...st.scores,
          st.total,
          ss ? ss.completion : null,
          st.mark ?? '',
          st.journalMark ?? '',
          ss ? ss.deficitCount : null,
        ]);
      }
    }
    sumRow(g);
  }
  const dataRows = b.nextRow - dataStart;
  b.format({ row: dataStart, col: cTotal + 1, rows: dataRows, cols: 1 }, { numberFormat: '0.0' });

  // Rules: per-student deficits on student rows, statuses on summary rows.
  const area = { row: dataStart, col: t0, rows: dataRows, cols: nT };
  const cell = ref(dataStart, t0);
  const kindCell = ref(dataStart, 1, false, true);
  const maxCell = ref(maxRow, t0, true, false);
  const share = num(s['deficit.studentShare'] / 100);
  b.rules.push(
    { range: area, formula: `=AND(${kindCell}<>"${SUMMARY_MARK}",${cell}="X")`, background: COLORS.deficitBg, fontColor: COLORS.danger },
    {
      range: area,
      formula: `=AND(${kindCell}<>"${SUMMARY_MARK}",ISNUMBER(${cell}),${cell}<${maxCell}*${share})`,
      background: COLORS.deficitBg,
      fontColor: COLORS.danger,
    },
  );
  statusRules(b, area, levelRow, s, `${kindCell}="${SUMMARY_MARK}"`);

  if (benchmarks.length > 0) {
    b.blank();
    b.row([S.planReport.matrixHeading], { bold: true });
    const bStart = b.nextRow;
    for (const bm of benchmarks)
      b.row([bm.group, 'эталон', ...(hasNames ? [''] : []), ...p.tasks.map((t) => bm.completion.get(t.id) ?? null)], { italic: true });
    b.format({ row: bStart, col: t0, rows: benchmarks.length, cols: nT }, { numberFormat: '0.0' });
  }

  b.columnWidths = { 0: 110, 1: 110 };
  if (hasNames) b.columnWidths[2] = 200;
  for (let i = 0; i < nT; i++) b.columnWidths[t0 + i] = 46;
  b.columnWidths[cTotal + 1] = 90;
  return b.build({ frozenRows: levelRow + 1, frozenCols: t0 });
}
