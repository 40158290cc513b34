// ОКО's at-risk highlight on a user's sheet, as a minimal edit of the sheet's XML: ОКО's own cfRules
// (marked N("ОКО")) are removed and the new ones inserted after the user's rules; nothing else changes.
import { isOkoHighlightFormula, type SheetHighlight } from '../../core/output/highlight';
import { conditionalXml } from './sheet-xml';
import type { StylesEditor } from './styles';
import { unescapeXml } from './xml';

// CT_Worksheet elements that come after conditionalFormatting.
const AFTER_CF = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * A user's sheet with ОКО's highlight rules replaced: every cfRule whose formula carries the marker
 * N("ОКО") is removed (its block too when it empties), then `rules` are added after the user's own
 * rules with lower priority. Nothing else in the part changes; with nothing to do it is returned as is.
 */
export function editHighlights(
  xml: string,
  rules: readonly SheetHighlight['rules'][number][],
  styles: StylesEditor,
): { xml: string; removed: number; added: number } {
  let removed = 0;
  const p = /<([\w.-]+:)?worksheet[\s>]/.exec(xml)?.[1] ?? '';
  const sdEnd = Math.max(0, xml.lastIndexOf(`</${p}sheetData>`), xml.lastIndexOf(`<${p}sheetData/>`));
  let head = xml.slice(0, sdEnd);
  let tail = xml.slice(sdEnd);
  if (/N\(\s*(?:"|&quot;)ОКО(?:"|&quot;)\s*\)/i.test(tail)) {
    const block = new RegExp(`<${p}conditionalFormatting(?=[\\s>])[^>]*>([\\s\\S]*?)</${p}conditionalFormatting>`, 'g');
    tail = tail.replace(block, (whole, inner: string) => {
      const ruleRe = new RegExp(`<${p}cfRule(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, 'g');
      let keptRules = 0;
      const newInner = inner.replace(ruleRe, (rule) => {
        const formulas = [...rule.matchAll(new RegExp(`<${p}formula>([\\s\\S]*?)</${p}formula>`, 'g'))].map((f) =>
          unescapeXml(f[1] as string),
        );
        if (formulas.some(isOkoHighlightFormula)) {
          removed++;
          return '';
        }
        keptRules++;
        return rule;
      });
      if (newInner === inner) return whole;
      return keptRules === 0 ? '' : whole.replace(inner, newInner);
    });
  }
  let added = 0;
  if (rules.length) {
    let priority = Math.max(0, ...[...tail.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    const snippet = rules
      .map((r) => {
        added++;
        const x = conditionalXml(r, styles, priority++);
        return p ? x.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${p}`) : x;
      })
      .join('');
    // After the last conditionalFormatting, else before the first element that follows it in the schema.
    const lastCf = tail.lastIndexOf(`</${p}conditionalFormatting>`);
    let at = lastCf >= 0 ? lastCf + `</${p}conditionalFormatting>`.length : -1;
    if (at < 0) {
      for (const n of AFTER_CF) {
        const f = new RegExp(`<${p}${n}(?=[\\s/>])`).exec(tail);
        if (f && (at < 0 || f.index < at)) at = f.index;
      }
    }
    if (at < 0) at = tail.lastIndexOf(`</${p}worksheet>`);
    // A self-closing <sheetData/> sits in the tail: insert after it.
    const sd = tail.indexOf(`<${p}sheetData/>`);
    if (sd >= 0 && at <= sd) at = sd + `<${p}sheetData/>`.length;
    tail = tail.slice(0, at) + snippet + tail.slice(at);
  }
  if (removed === 0 && added === 0) return { xml, removed, added };
  head = xml.slice(0, sdEnd);
  return { xml: head + tail, removed, added };
}
