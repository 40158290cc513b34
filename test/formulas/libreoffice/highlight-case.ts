// The case the LibreOffice check computes (scripts/libreoffice-formulas.ts): the at-risk highlight
// rules ОКО writes into a user's results sheet, placed as cell formulas beside the rows they colour.
// HyperFormula has no INDIRECT, and the rule needs it (Google Sheets lets a conditional format reach
// another sheet only through INDIRECT), so this formula is computed by LibreOffice Calc instead; the
// values it computed are committed in highlight.json and checked by test/formulas/highlight.test.ts.
//
// Two sheets are checked: the hand-made form of test/helpers/grids.ts (at risk: 102, 103, 202) and a
// sheet whose name holds COUNTIF wildcards («*», «?») and an apostrophe, with a decoy key that only a
// wildcard would match.
import type { CellValue } from '../../../src/core/grid';
import { highlightFormula } from '../../../src/core/output/highlight';
import { RISK_KEY_COL, RISK_TAB } from '../../../src/core/output/risk';
import { runAnalysis } from '../../../src/core/pipeline';
import { formWorkbook } from '../../helpers/grids';
import { Engine } from '../engine';

/** A sheet name Google Sheets allows (Excel and LibreOffice do not: the check puts it only into the formula). */
export const WILD_SHEET = "Лист* с ?знаками 'и'";
const WILD_PLACE = 'Знаки в имени листа';

export interface CaseSheet {
  name: string;
  values: (CellValue | { formula: string })[][];
}

/** 1-based places of the check formulas, with what each should compute. */
export interface CaseCheck {
  sheet: string;
  row: number;
  col: number;
  code: string;
  formula: string;
  expected: boolean;
}

export function highlightCase(): { sheets: CaseSheet[]; checks: CaseCheck[] } {
  const wb = formWorkbook();
  const run = runAnalysis(wb);
  const risk = run.tabs.find((t) => t.name === RISK_TAB);
  if (!risk) throw new Error('no risk tab');
  const atRisk = new Set(run.findings.atRisk.map((p) => p.code));
  const riskValues: CaseSheet['values'] = risk.values.map((row) =>
    row.map((v) => (v !== null && typeof v === 'object' ? ('date' in v ? v.date : null) : v)),
  );
  // The wildcard case: its key, and a decoy that «*» or «?» unescaped would also match.
  for (const key of [`${WILD_SHEET}|7`, "ЛистX с Zзнаками 'и'|8"]) {
    const row: CaseSheet['values'][number] = new Array(RISK_KEY_COL + 1).fill(null);
    row[RISK_KEY_COL] = key;
    riskValues.push(row);
  }
  const sheets: CaseSheet[] = [{ name: RISK_TAB, values: riskValues }];
  const checks: CaseCheck[] = [];

  // The results sheet: its rows, and the rule as the spreadsheet applies it to each row, in a column to the right.
  const mover = new Engine(wb.grids.map((g) => ({ name: g.name, values: [] })));
  for (const h of run.write.highlights ?? []) {
    const grid = wb.grids.find((g) => g.name === h.sheet);
    if (!grid) continue;
    const values: CaseSheet['values'] = grid.values.map((r) => [...r]);
    const col = Math.max(...values.map((r) => r.length)) + 1;
    for (const rule of h.rules) {
      for (let r = rule.range.row; r < rule.range.row + rule.range.rows; r++) {
        // The engine moves the rule's formula to the row (relative references shift as in a spreadsheet).
        const formula = mover.ruleFormulaAt(rule, r, rule.range.col);
        const row = values[r] as CaseSheet['values'][number];
        while (row.length < col) row.push(null);
        row[col - 1] = { formula };
        const code = String(row[0] ?? '');
        checks.push({ sheet: h.sheet, row: r + 1, col, code, formula, expected: atRisk.has(code) });
      }
    }
    sheets.push({ name: h.sheet, values });
  }
  const wild: CaseSheet['values'] = [['Код', 'Подсветка']];
  ['7', '8', '9'].forEach((code, i) => {
    const formula = highlightFormula(WILD_SHEET, [0], i + 1);
    wild.push([code, { formula }]);
    checks.push({ sheet: WILD_PLACE, row: i + 2, col: 2, code, formula, expected: code === '7' });
  });
  sheets.push({ name: WILD_PLACE, values: wild });
  return { sheets, checks };
}
