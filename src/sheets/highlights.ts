// At-risk rows highlighted in the user's own results sheets (core/output/highlight.ts): conditional
// rules only, values untouched. The add-on's rules carry a marker in their formula, so exactly those
// are found and replaced; the user's own rules keep their order and come first. Per user sheet: one
// read of its rules, and one write only where something changes.
import { isOkoHighlightFormula, type SheetHighlight } from '../core/output/highlight';
import { isGeneratedTab } from '../core/tabs';
import type { HighlightReport } from '../core/write/plan';
import { spreadsheetApp } from './gas';
import { buildRules } from './rules';
import type { ConditionalRuleLike } from './surface';
import type { TabDirectory } from './tabs';
import { isTempName } from './temp';

function isOko(rule: ConditionalRuleLike): boolean {
  const formula = rule.getBooleanCondition()?.getCriteriaValues()[0];
  return typeof formula === 'string' && isOkoHighlightFormula(formula);
}

/** Removes the add-on's highlight rules everywhere, then adds `highlights` (none: only removes). */
export function applyHighlights(tabs: TabDirectory, highlights: readonly SheetHighlight[]): HighlightReport {
  const report: HighlightReport = { removed: 0, added: 0, sheets: [] };
  const app = spreadsheetApp();
  for (const { name, sheet } of tabs.entries()) {
    if (isGeneratedTab(name) || isTempName(name)) continue;
    const wanted = highlights.filter((h) => h.sheet === name).flatMap((h) => h.rules);
    const rules = sheet.getConditionalFormatRules();
    const kept = rules.filter((r) => !isOko(r));
    if (kept.length === rules.length && wanted.length === 0) continue;
    const ours = buildRules(
      wanted,
      (r) => sheet.getRange(r.row + 1, r.col + 1, r.rows, r.cols),
      () => app.newConditionalFormatRule(),
    );
    sheet.setConditionalFormatRules([...kept, ...ours]);
    report.removed += rules.length - kept.length;
    report.added += ours.length;
    if (ours.length > 0) report.sheets.push(name);
  }
  return report;
}
