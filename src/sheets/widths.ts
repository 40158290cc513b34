// Column widths as runs of equal width: one setColumnWidths per run instead of one per column; hidden
// columns and rows as runs of consecutive indexes.

export interface WidthRun {
  /** 1-based first column. */
  start: number;
  count: number;
  px: number;
}

export function widthRuns(widths: Record<number, number> | undefined): WidthRun[] {
  const cols = Object.keys(widths ?? {})
    .map(Number)
    .filter((c) => Number.isInteger(c) && c >= 0)
    .sort((a, b) => a - b);
  const runs: WidthRun[] = [];
  for (const c of cols) {
    const px = Math.round((widths as Record<number, number>)[c] as number);
    if (!(px > 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last.px === px && last.start + last.count === c + 1) last.count++;
    else runs.push({ start: c + 1, count: 1, px });
  }
  return runs;
}

/** 0-based indexes → 1-based runs of consecutive indexes: one hideColumns / hideRows call per run. */
export function indexRuns(indexes: readonly number[] | undefined): { start: number; count: number }[] {
  const sorted = [...new Set(indexes ?? [])].filter((i) => Number.isInteger(i) && i >= 0).sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === i + 1) last.count++;
    else runs.push({ start: i + 1, count: 1 });
  }
  return runs;
}
