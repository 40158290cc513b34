// The .xlsx side of the write plan (core/write/plan.ts), backed by ExcelJS for now: the workbook is
// changed in memory and saved only when the whole plan is applied (commands/common.ts writes it
// atomically), so all-or-nothing comes for free. The lossless package writer (src/local) will
// implement the same interface.
import type ExcelJS from 'exceljs';
import type { PlanWriter } from '../core/write/plan';
import { applyHighlights, ensureSheet, renderSheet } from './xlsx';

export function excelWriter(wb: ExcelJS.Workbook): PlanWriter {
  return {
    // Nothing is left behind by an interrupted run: the file is written atomically or not at all.
    prepare: () => {},
    ensureTab: (spec) => ensureSheet(wb, spec),
    replaceTabs: (specs) => {
      for (const spec of specs) renderSheet(wb, spec);
    },
    removeTab: (name) => {
      const ws = wb.getWorksheet(name);
      if (ws) wb.removeWorksheet(ws.id);
      return ws !== undefined;
    },
    setHighlights: (highlights) => applyHighlights(wb, highlights),
  };
}
