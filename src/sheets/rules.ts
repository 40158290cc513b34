// Conditional rules: built locally, then set on the sheet in one call. A rule's formula is written
// for the top-left cell of its range with relative references, which is how Sheets reads it too.
import type { ConditionalRule, Rect } from '../core/output/spec';
import type { ConditionalRuleLike, RangeLike, RuleBuilderLike } from './surface';

export function buildRules(
  rules: readonly ConditionalRule[],
  rangeOf: (r: Rect) => RangeLike,
  newRule: () => RuleBuilderLike,
): ConditionalRuleLike[] {
  const out: ConditionalRuleLike[] = [];
  for (const rule of rules) {
    if (rule.range.rows <= 0 || rule.range.cols <= 0) continue;
    let b = newRule()
      .whenFormulaSatisfied(rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`)
      .setRanges([rangeOf(rule.range)]);
    if (rule.background) b = b.setBackground(rule.background);
    if (rule.fontColor) b = b.setFontColor(rule.fontColor);
    if (rule.bold) b = b.setBold(true);
    out.push(b.build());
  }
  return out;
}
