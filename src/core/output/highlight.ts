// Highlighting at-risk students in the user's OWN results sheets: conditional-format rules only,
// values untouched. Every rule the add-on adds carries the marker N("ОКО") in its formula (N of a
// text is 0 in Google Sheets and in Excel), so hosts can find and remove exactly their own rules:
// on every run they remove ours everywhere and add these; «Снять подсветку» only removes.
//
// The rule checks the row's participant code against hidden column P of «Группа риска» («лист|код»).
// Google Sheets cannot reference another sheet in a conditional format directly, hence INDIRECT
// (Excel accepts it too):
//   =AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$P:$P"),"=<лист>|"&$A2)>0)
// The criterion starts with "=" so that the text after it is compared literally (a sheet name
// starting with < or > is not read as an operator); ~ * ? in the sheet name are escaped for COUNTIF.
import type { RiskProfile } from '../analysis/risk';
import type { Workbook } from '../grid';
import { findResultsHeader } from '../input/results';
import type { Procedure } from '../model';
import { ref } from './builder';
import { RISK_KEY_COL, RISK_TAB } from './risk';
import type { ConditionalRule } from './spec';

export const HIGHLIGHT_MARKER = 'N("ОКО")';
export const HIGHLIGHT_COLOR = '#ffe0b2';

/** The rules one user sheet gets. */
export interface SheetHighlight {
  sheet: string;
  rules: ConditionalRule[];
}

/** True for a conditional-format formula the add-on wrote (with or without the leading =, any spacing). */
export function isOkoHighlightFormula(formula: string): boolean {
  return /N\(\s*"ОКО"\s*\)/i.test(formula);
}

function columnLetters(col: number): string {
  return ref(0, col).replace(/\d+$/, '');
}

/** A text for a COUNTIF criterion inside a formula string literal. */
function criterionText(s: string): string {
  return s.replace(/[~*?]/g, '~$&').replace(/"/g, '""');
}

export function highlightFormula(sheet: string, idCols: readonly number[], row: number): string {
  const range = `'${RISK_TAB.replace(/'/g, "''")}'!$${columnLetters(RISK_KEY_COL)}:$${columnLetters(RISK_KEY_COL)}`;
  const counts = idCols.map((c) => `COUNTIF(INDIRECT("${range}"),"=${criterionText(sheet)}|"&$${columnLetters(c)}${row + 1})`);
  return `=AND(${HIGHLIGHT_MARKER}=0,${counts.join('+')}>0)`;
}

/**
 * One rule per results sheet that holds a row of an at-risk student: the table's rows (first to last
 * student row, absent ones included) across the header's width. Rows are matched by code, so the
 * highlight follows a student when the user sorts the table.
 */
export function buildHighlights(wb: Workbook, procedures: readonly Procedure[], profiles: readonly RiskProfile[]): SheetHighlight[] {
  const sheets = new Set(profiles.flatMap((p) => p.rows.map((r) => r.sheet)));
  const out: SheetHighlight[] = [];
  for (const p of procedures) {
    if (!sheets.has(p.sheet)) continue;
    const grid = wb.grids.find((g) => g.name === p.sheet);
    if (!grid) continue;
    const found = findResultsHeader(grid);
    if (found.kind !== 'found') continue;
    const roles = found.header.roles;
    const idCol = roles.code ?? roles.name;
    if (idCol === undefined) continue;
    const idCols = [idCol];
    // A row without a code was read by its name: look the name column up too.
    if (roles.code !== undefined && roles.name !== undefined && p.students.some((s) => s.name !== undefined && s.code === s.name)) {
      idCols.push(roles.name);
    }
    const rows = [...p.students, ...p.absent].map((s) => s.row);
    const first = Math.min(...rows) - 1;
    const last = Math.max(...rows) - 1;
    const header = grid.values[found.header.row] ?? [];
    let width = header.length;
    while (width > 0 && (header[width - 1] === null || header[width - 1] === '')) width--;
    out.push({
      sheet: p.sheet,
      rules: [
        {
          range: { row: first, col: 0, rows: last - first + 1, cols: Math.max(width, idCol + 1) },
          formula: highlightFormula(p.sheet, idCols, first),
          background: HIGHLIGHT_COLOR,
        },
      ],
    });
  }
  return out;
}
