// Column widths as runs of equal width: one setColumnWidths per run instead of one per column.

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
