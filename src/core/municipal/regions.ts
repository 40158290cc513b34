// The region's figures for the ШНОР criterion «ниже региона». A school may paste them on its own
// «Эталоны»; the district usually has them for every work — a «Эталоны» sheet in the district workbook
// (the same ФИС ОКО report blocks: «Статистика по отметкам», «Выполнение заданий», with the work named
// in the title rows) applies to every school and wins over a school's own.

import type { Grid } from '../grid';
import { cellText } from '../grid';
import { type MarksBenchmarkRow, readBenchmarkBlocks, type TasksBenchmarkRow } from '../input/benchmarks';
import type { PartialMeta } from '../input/meta';
import { take } from '../input/read';
import type { Problem } from '../problems';
import type { ProcedureAgg, RegionBenchmark } from './schema';

const SAMPLE_ROW = /^(вся выборка|росси[яи]|рф|российская федерация)$/i;
const CODED_ROW = /\((reg\d+_m\d+|edu\d+)\)/i;

/** A report row of the region: neither the whole sample nor a coded municipality or school. */
export function isRegionRow(group: string): boolean {
  return !SAMPLE_ROW.test(cellText(group)) && !CODED_ROW.test(group);
}

export interface DistrictRegion {
  meta: PartialMeta;
  marks: MarksBenchmarkRow | null;
  tasks: TasksBenchmarkRow | null;
}

/** Region rows of the district's «Эталоны», one per block that names its work. */
export function readDistrictRegions(grid: Grid | undefined, problems: Problem[] = []): DistrictRegion[] {
  if (!grid) return [];
  const out: DistrictRegion[] = [];
  for (const b of take(readBenchmarkBlocks(grid), problems)) {
    if (b.kind === 'journal' || (b.meta.subject === undefined && b.meta.grade === undefined)) continue;
    const row = b.rows.find((r) => isRegionRow(r.group));
    if (!row) continue;
    out.push({
      meta: b.meta,
      marks: b.kind === 'marks' ? (row as MarksBenchmarkRow) : null,
      tasks: b.kind === 'tasks' ? (row as TasksBenchmarkRow) : null,
    });
  }
  return out;
}

function fits(meta: PartialMeta, p: ProcedureAgg): boolean {
  if (meta.subject !== undefined && meta.subject !== p.subject) return false;
  if (meta.grade !== undefined && meta.grade !== p.grade) return false;
  if (meta.year !== undefined && p.year !== null && meta.year !== p.year) return false;
  if (meta.kind !== undefined && meta.kind !== p.kind) return false;
  return true;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The region's quality («4» + «5») and mean completion from its report rows — the mean weighted by each
 * task's max score, as the school's own mean is.
 */
export function regionFrom(
  marks: MarksBenchmarkRow | null | undefined,
  tasks: TasksBenchmarkRow | null | undefined,
  taskDefs: readonly { id: string; max: number }[],
): RegionBenchmark | null {
  if (!marks && !tasks) return null;
  let meanCompletion: number | null = null;
  if (tasks) {
    let num = 0;
    let den = 0;
    for (const t of taskDefs) {
      const c = tasks.completion.get(t.id);
      if (c === undefined) continue;
      num += c * t.max;
      den += t.max;
    }
    meanCompletion = den > 0 ? r6(num / den) : null;
  }
  return {
    group: (marks ?? tasks)?.group ?? '',
    quality: marks ? r6(marks.percent['4'] + marks.percent['5']) : null,
    meanCompletion,
  };
}

/** The district's region figures for a work (the blocks whose title names it). */
export function regionFor(regions: readonly DistrictRegion[], p: ProcedureAgg): RegionBenchmark | null {
  const mine = regions.filter((r) => fits(r.meta, p));
  return regionFrom(mine.find((r) => r.marks)?.marks, mine.find((r) => r.tasks)?.tasks, p.tasks);
}
