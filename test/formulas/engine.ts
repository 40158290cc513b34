// The formulas ОКО writes, computed by a real spreadsheet engine: HyperFormula (GPLv3 licence key,
// a devDependency used only by tests). Tabs go in as a host writes them: text as text (an empty
// string is an empty cell, as `setValues('')` leaves it), numbers, booleans, dates as serial numbers
// (the 1899-12-30 epoch Google Sheets and Excel use), formulas as formulas.
//
// Conditional-format rules are written for the top-left cell of their range with relative references
// (spec.ts). To evaluate a rule at another cell, the engine itself moves the formula there (copy and
// paste in a small separate instance, which shifts relative references exactly as a spreadsheet
// does), and the moved formula is then computed in the context of the rule's own sheet.
//
// `useArrayArithmetic: true`: Google Sheets and Excel evaluate the arguments of SUMPRODUCT as arrays
// («(range="x")*(range<>"")»); HyperFormula does so only in its array-arithmetic mode. All our array
// expressions sit inside SUMPRODUCT, so the mode changes nothing else.
//
// TODAY() is the engine's clock: tests fix it with `vi.setSystemTime`.
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { ConditionalRule, SheetSpec, SpecCell } from '../../src/core/output/spec';

export type EngineCell = string | number | boolean | null;

const EPOCH = Date.UTC(1899, 11, 30);
/** 'YYYY-MM-DD' → the spreadsheet serial number of that day. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y as number, (m as number) - 1, d as number) - EPOCH) / 86400000;
}

/** What a sheet holds: a spec as ОКО writes it, or plain values. */
export interface EngineSheet {
  name: string;
  values: readonly (readonly (SpecCell | Date | undefined)[])[];
}

function content(v: SpecCell | Date | undefined): RawCellContent {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return serial(v.toISOString().slice(0, 10));
  if (typeof v === 'object' && 'formula' in v) return v.formula;
  if (typeof v === 'object' && 'date' in v) return serial(v.date);
  if (typeof v === 'string') return `'${v}`;
  return v;
}

const CONFIG = { licenseKey: 'gpl-v3', useArrayArithmetic: true };

export class Engine {
  readonly hf: HyperFormula;
  /** Moves rule formulas (copy/paste); kept apart so that moving recomputes nothing of the tabs. */
  private readonly mover: HyperFormula;

  constructor(sheets: readonly EngineSheet[]) {
    const data: Record<string, RawCellContent[][]> = {};
    for (const s of sheets) data[s.name] = s.values.map((row) => row.map(content));
    this.hf = HyperFormula.buildFromSheets(data, CONFIG);
    // The same sheet names, empty: a moved reference to another sheet stays valid.
    this.mover = HyperFormula.buildFromSheets(Object.fromEntries(sheets.map((s) => [s.name, []])), CONFIG);
  }

  private id(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    return id;
  }

  /** The computed value of a 1-based cell; an error comes back as its code («#DIV/0!»). */
  value(sheet: string, row: number, col: number): EngineCell {
    const v = this.hf.getCellValue({ sheet: this.id(sheet), row: row - 1, col: col - 1 });
    if (v !== null && typeof v === 'object') return (v as { value: string }).value;
    return v as EngineCell;
  }

  /** Types a value into a 1-based cell, as a user would. */
  set(sheet: string, row: number, col: number, v: SpecCell | Date): void {
    this.hf.setCellContents({ sheet: this.id(sheet), row: row - 1, col: col - 1 }, [[content(v)]]);
  }

  /** The rule's formula as the spreadsheet applies it to the 0-based cell (row, col) of its range. */
  ruleFormulaAt(rule: ConditionalRule, row: number, col: number): string {
    if (row === rule.range.row && col === rule.range.col) return rule.formula;
    const m = this.mover;
    const from = { sheet: 0, row: rule.range.row, col: rule.range.col };
    m.setCellContents(from, [[rule.formula]]);
    m.copy({ start: from, end: from });
    m.paste({ sheet: 0, row, col });
    const moved = m.getCellFormula({ sheet: 0, row, col }) as string;
    m.setCellContents(from, [[null]]);
    m.setCellContents({ sheet: 0, row, col }, [[null]]);
    return moved;
  }

  /** The rule's result at the 0-based cell (row, col) of its range, computed on the rule's sheet. */
  ruleAt(sheet: string, rule: ConditionalRule, row: number, col: number): EngineCell {
    const v = this.hf.calculateFormula(this.ruleFormulaAt(rule, row, col), this.id(sheet));
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return (v as { value: string }).value;
    return v as EngineCell;
  }

  /** The rule's result at each cell of its range (0-based); `onlyCol` limits it to one column. */
  ruleCells(sheet: string, rule: ConditionalRule, onlyCol?: number): { row: number; col: number; value: EngineCell }[] {
    const out: { row: number; col: number; value: EngineCell }[] = [];
    for (let r = rule.range.row; r < rule.range.row + rule.range.rows; r++)
      for (let c = rule.range.col; c < rule.range.col + rule.range.cols; c++) {
        if (onlyCol === undefined || c === onlyCol) out.push({ row: r, col: c, value: this.ruleAt(sheet, rule, r, c) });
      }
    return out;
  }
}

/** Specs as engine sheets (a copy: tests may type into them). */
export function sheetsOf(specs: readonly SheetSpec[]): EngineSheet[] {
  return specs.map((s) => ({ name: s.name, values: s.values.map((row) => [...row]) }));
}
