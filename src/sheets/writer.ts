// The Google Sheets side of the write plan (core/write/plan.ts): how each step of a plan is done
// with SpreadsheetApp. Valid only under the document lock, with the tabs as the reader saw them.
import type { PlanWriter } from '../core/write/plan';
import { applyHighlights } from './highlights';
import type { SpreadsheetRead } from './read';
import { retargetFormulas } from './retarget';
import type { SpreadsheetLike } from './surface';
import { deleteStale, ensureSpec, replaceTabs } from './write';

export function sheetsWriter(ss: SpreadsheetLike, read: SpreadsheetRead): PlanWriter {
  const { tabs } = read;
  return {
    prepare: () => {
      deleteStale(ss, read.leftovers, tabs);
    },
    ensureTab: (spec) => ensureSpec(ss, spec, tabs) !== null,
    replaceTabs: (specs) => {
      replaceTabs(ss, specs, tabs, retargetFormulas);
    },
    removeTab: (name) => deleteStale(ss, [name], tabs).length > 0,
    setHighlights: (highlights) => applyHighlights(tabs, highlights),
  };
}
