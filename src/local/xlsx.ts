// ExcelJS helpers: Grids from an ExcelJS workbook and SheetSpecs rendered with ExcelJS. The `oko` commands
// no longer read or write through these (src/local/read and src/local/package do, without losing anything);
// tests use them as an independent second reader, and the sample school is written with ExcelJS.
import ExcelJS from 'exceljs';
import { type CellValue, columnLetter, type Grid, type Workbook } from '../core/grid';
import { isOkoHighlightFormula, type SheetHighlight } from '../core/output/highlight';
import { type ConditionalRule, isDate, isFormula, type RangeFormat, type SheetSpec } from '../core/output/spec';
import type { HighlightReport } from '../core/write/plan';

/** ExcelJS cell value → the plain value a Grid holds (formula → its cached result, rich text → text). */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return result as CellValue;
    }
    if ('text' in v && 'hyperlink' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: CellValue[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      // ExcelJS drops a falsy cached result from `value` (a formula total of 0 would read as empty);
      // `cell.result` keeps it.
      const isFormulaCell = v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
      out.push(
        isFormulaCell ? plainValue({ ...(v as ExcelJS.CellFormulaValue), result: cell.result } as ExcelJS.CellValue) : plainValue(v),
      );
    }
    while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
    values.push(out);
  }
  while (values.length > 0 && (values[values.length - 1] as CellValue[]).length === 0) values.pop();
  return { name: ws.name, values };
}

export function workbookGrids(wb: ExcelJS.Workbook, name: string): Workbook {
  return { name, grids: wb.worksheets.map(worksheetGrid) };
}

export async function readXlsx(path: string): Promise<{ wb: ExcelJS.Workbook; data: Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const base = path.split(/[\\/]/).pop() ?? path;
  return { wb, data: workbookGrids(wb, base.replace(/\.xlsx$/i, '')) };
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function applyFormat(ws: ExcelJS.Worksheet, f: RangeFormat): void {
  for (let r = f.range.row; r < f.range.row + f.range.rows; r++) {
    const row = ws.getRow(r + 1);
    for (let c = f.range.col; c < f.range.col + f.range.cols; c++) {
      const cell = row.getCell(c + 1);
      if (f.numberFormat) cell.numFmt = f.numberFormat;
      if (f.bold || f.italic || f.fontColor) {
        cell.font = {
          ...cell.font,
          ...(f.bold ? { bold: true } : {}),
          ...(f.italic ? { italic: true } : {}),
          ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
        };
      }
      if (f.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.background) } };
      if (f.wrap || f.align) {
        cell.alignment = {
          ...cell.alignment,
          ...(f.wrap ? { wrapText: true, vertical: 'top' as const } : {}),
          ...(f.align ? { horizontal: f.align } : {}),
        };
      }
    }
  }
}

function a1Range(r: { row: number; col: number; rows: number; cols: number }): string {
  return `${columnLetter(r.col + 1)}${r.row + 1}:${columnLetter(r.col + r.cols)}${r.row + r.rows}`;
}

/** One custom-formula conditional rule, as Excel stores it (formula without «=»). */
function addRule(ws: ExcelJS.Worksheet, rule: ConditionalRule, priority: number): void {
  ws.addConditionalFormatting({
    ref: a1Range(rule.range),
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [rule.formula.replace(/^=/, '')],
        style: {
          ...(rule.background ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } } } : {}),
          ...(rule.fontColor || rule.bold
            ? { font: { ...(rule.fontColor ? { color: { argb: argb(rule.fontColor) } } : {}), ...(rule.bold ? { bold: true } : {}) } }
            : {}),
        },
      },
    ],
  });
}

/** Pixels (Sheets) → Excel column width in characters, roughly. */
const pxToChars = (px: number) => Math.max(2, Math.round(px / 7));

/**
 * Renders a spec into the workbook, replacing a sheet of the same name at the same position.
 * Strings are written as strings (Excel never evaluates them); formulas only from FormulaCell.
 */
export function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const old = wb.getWorksheet(spec.name);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(spec.name, {
    views: [
      { state: spec.frozenRows || spec.frozenCols ? 'frozen' : 'normal', xSplit: spec.frozenCols ?? 0, ySplit: spec.frozenRows ?? 0 },
    ],
    properties: spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {},
  });
  // ExcelJS orders sheets by orderNo: the replacement takes the old sheet's place.
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  spec.values.forEach((rowVals, r) => {
    if (rowVals.length === 0) return;
    const row = ws.getRow(r + 1);
    rowVals.forEach((v, c) => {
      if (v === null || v === '') return;
      const cell = row.getCell(c + 1);
      if (isFormula(v)) cell.value = { formula: v.formula.replace(/^=/, '') };
      else if (isDate(v)) {
        const [y, m, d] = v.date.split('-').map(Number);
        cell.value = new Date(Date.UTC(y as number, (m as number) - 1, d as number));
        cell.numFmt = 'dd.mm.yyyy';
      } else cell.value = v;
    });
  });
  for (const f of spec.formats ?? []) applyFormat(ws, f);
  for (const [col, px] of Object.entries(spec.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = pxToChars(px);
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (const r of spec.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  for (const m of spec.merges ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const n of spec.notes ?? []) ws.getRow(n.row + 1).getCell(n.col + 1).note = n.text;
  for (const v of spec.validations ?? []) {
    for (let r = v.range.row; r < v.range.row + v.range.rows; r++) {
      for (let c = v.range.col; c < v.range.col + v.range.cols; c++) {
        ws.getRow(r + 1).getCell(c + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${v.list.join(',')}"`],
          showErrorMessage: !v.allowInvalid,
          errorStyle: v.allowInvalid ? 'warning' : 'stop',
        };
      }
    }
  }
  if (spec.rules?.length) {
    let priority = 1;
    for (const rule of spec.rules) {
      addRule(ws, rule, priority++);
    }
  }
  return ws;
}

/** Adds a spec only when no sheet of that name exists (user-owned tabs such as the settings). */
export function ensureSheet(wb: ExcelJS.Workbook, spec: SheetSpec): boolean {
  if (wb.getWorksheet(spec.name)) return false;
  renderSheet(wb, spec);
  return true;
}

// ---- highlighting at-risk rows in the user's own sheets (core/output/highlight.ts) --------------
// Only conditional formats are touched: cell values stay as they are. ExcelJS reads the existing
// conditional formats of a workbook and writes them back, so the user's own rules survive.

type CfBlock = { ref: string; rules: ExcelJS.ConditionalFormattingRule[] };
const cfBlocks = (ws: ExcelJS.Worksheet): CfBlock[] =>
  (ws as unknown as { conditionalFormattings?: CfBlock[] }).conditionalFormattings ?? [];

function isOkoRule(rule: ExcelJS.ConditionalFormattingRule): boolean {
  const f = (rule as { formulae?: unknown[] }).formulae;
  return rule.type === 'expression' && Array.isArray(f) && f.some((x) => typeof x === 'string' && isOkoHighlightFormula(x));
}

/** Removes the add-on's highlight rules from every sheet and keeps all others. Returns how many went. */
export function removeOkoHighlights(wb: ExcelJS.Workbook): number {
  let removed = 0;
  for (const ws of wb.worksheets) {
    const blocks = cfBlocks(ws);
    if (blocks.length === 0) continue;
    const kept: CfBlock[] = [];
    for (const b of blocks) {
      const rules = b.rules.filter((r) => !isOkoRule(r));
      removed += b.rules.length - rules.length;
      if (rules.length > 0) kept.push(rules.length === b.rules.length ? b : { ...b, rules });
    }
    (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings = kept;
  }
  return removed;
}

/**
 * Replaces the add-on's highlight rules: removes ours from every sheet, then adds `highlights` after
 * the user's rules (lowest priority, so where a user's rule applies, it wins).
 */
export function applyHighlights(wb: ExcelJS.Workbook, highlights: readonly SheetHighlight[]): HighlightReport {
  const removed = removeOkoHighlights(wb);
  let added = 0;
  const sheets: string[] = [];
  for (const h of highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue;
    let priority = 1 + Math.max(0, ...cfBlocks(ws).flatMap((b) => b.rules.map((r) => r.priority ?? 0)));
    for (const rule of h.rules) {
      addRule(ws, rule, priority++);
      added++;
    }
    if (h.rules.length > 0) sheets.push(h.sheet);
  }
  return { removed, added, sheets };
}
