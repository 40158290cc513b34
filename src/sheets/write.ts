// Writing tabs so that a reader never sees a half-written one: the new version is built beside the
// old under a temporary name, and only a complete version replaces it — in place, keeping the old
// tab's sheet, so users' formulas and links pointing at an ОКО tab survive regeneration.
import type { Rect, SheetSpec } from '../core/output/spec';
import { SheetWriteError } from './errors';
import { specExtent } from './extent';
import { dressSheet, FRESH_COLS, FRESH_ROWS, neededSize, paintCells, paintSheet, rangesOn, sizeSheet } from './paint';
import type { RangeLike, SheetLike, SpreadsheetLike } from './surface';
import { TabDirectory } from './tabs';
import { tempName } from './temp';

/**
 * Replaces the tab `spec.name` whole, or creates it (last) — as `replaceTabs` does for one tab.
 * `tabs` (from the reader, under the document lock) spares the lookups.
 */
export function writeSpec(ss: SpreadsheetLike, spec: SheetSpec, tabs?: TabDirectory): SheetLike {
  let dir = tabs;
  if (!dir) {
    try {
      dir = TabDirectory.read(ss);
    } catch (e) {
      throw new SheetWriteError(spec.name, e, false);
    }
  }
  return replaceTabs(ss, [spec], dir)[0] as SheetLike;
}

/** Sheets' default column width, restored before a kept tab gets its own widths. */
const DEFAULT_COLUMN_PX = 100;

interface Fresh {
  spec: SheetSpec;
  /** The spec as painted (formulas retargeted). */
  painted: SheetSpec;
  sheet: SheetLike;
  temp: string;
  /** The existing tab that keeps its sheet (and id) and takes the new content; null for a new tab. */
  kept: SheetLike | null;
  /** Ranges of the temporary tab (its block is the copy's source). */
  ranges: ((r: Rect) => RangeLike) | null;
}

/**
 * Replaces several tabs as one, keeping each existing tab's sheet — and so its id, its place, and
 * every formula or link of the user that points at it.
 *
 * 1. Every new version is built complete under a temporary name first (a tab that exists gets its
 *    cells there; a new tab is painted whole). A failure here — or the script being stopped — leaves
 *    every old tab as it was; the temporary tabs are removed (or, if the script was killed, cleaned
 *    by the next run: their «~ОКО~» names are never read as input).
 * 2. Only then is each one swapped in: a new tab is renamed; an existing tab is cleared and takes the
 *    new cells by one range copy, then its notes, dropdowns, rules, charts, frozen panes, widths and
 *    colour (`transfer`). A failed transfer is tried once more (Google's «Service Spreadsheets failed»
 *    is often momentary); if it fails again, the complete new version replaces the old tab the way a
 *    new one does (the old sheet is deleted: never a half-written tab, though formulas pointing at it
 *    break). Tabs swapped before a failure stay new; the ones after it keep their old version.
 */
export function replaceTabs(
  ss: SpreadsheetLike,
  specs: readonly SheetSpec[],
  tabs: TabDirectory,
  /**
   * Adjusts a spec before it is painted, knowing the temporary names of the NEW tabs painted before it
   * (final name → temporary name): a formula that refers to a tab that does not exist yet must name its
   * temporary tab, which Sheets then follows through the rename (retarget.ts). Existing tabs keep their
   * sheet, so references to them by name stay as they are.
   */
  prepare?: (spec: SheetSpec, temps: ReadonlyMap<string, string>) => SheetSpec,
): SheetLike[] {
  const fresh: Fresh[] = [];
  const temps = new Map<string, string>();
  let current: SheetSpec | null = null;
  try {
    for (const spec of specs) {
      current = spec;
      const kept = tabs.find(spec.name)?.sheet ?? null;
      const index = tabs.count();
      const temp = tempName(spec.name);
      const sheet = ss.insertSheet(temp, index);
      tabs.place(temp, sheet, index);
      const painted = prepare ? prepare(spec, temps) : spec;
      const f: Fresh = { spec, painted, sheet, temp, kept, ranges: null };
      fresh.push(f);
      if (kept) {
        const ext = specExtent(painted);
        sizeSheet(sheet, painted, ext, { rows: FRESH_ROWS, cols: FRESH_COLS });
        f.ranges = paintCells(sheet, painted, ext);
      } else {
        paintSheet(sheet, painted);
        temps.set(spec.name, temp);
      }
    }
  } catch (e) {
    for (const f of fresh) {
      discard(ss, f.sheet);
      tabs.remove(f.temp);
    }
    throw new SheetWriteError(current?.name ?? '', e, false);
  }
  const out: SheetLike[] = [];
  fresh.forEach((f, i) => {
    try {
      out.push(swapIn(ss, f, tabs));
    } catch (e) {
      for (const rest of fresh.slice(i + 1)) {
        discard(ss, rest.sheet);
        tabs.remove(rest.temp);
      }
      throw e;
    }
  });
  return out;
}

/** Puts a complete new version in place of its tab; throws SheetWriteError when it cannot. */
function swapIn(ss: SpreadsheetLike, f: Fresh, tabs: TabDirectory): SheetLike {
  const { spec, sheet, temp, kept } = f;
  if (kept) {
    for (let attempt = 1; ; attempt++) {
      try {
        transfer(ss, f);
        tabs.remove(temp);
        return kept;
      } catch {
        if (attempt < 2) continue;
        // The last resort: the new version, dressed, replaces the old sheet.
        try {
          const ext = specExtent(f.painted);
          dressSheet(sheet, f.painted, ext, rangesOn(sheet, f.painted, ext), true);
        } catch (dressing) {
          throw new SheetWriteError(spec.name, dressing, true);
        }
        break;
      }
    }
  }
  let oldDeleted = false;
  try {
    const old = tabs.find(spec.name);
    if (old) {
      ss.deleteSheet(old.sheet);
      tabs.remove(spec.name);
      oldDeleted = true;
    }
    sheet.setName(spec.name);
    tabs.rename(temp, spec.name);
    return sheet;
  } catch (e) {
    // A new tab that cannot be renamed is complete: it stays under its temporary name, and the next
    // run replaces it. An old tab not yet deleted (only possible for a new tab) is untouched.
    if (!oldDeleted && !kept) {
      discard(ss, sheet);
      tabs.remove(temp);
    }
    throw new SheetWriteError(spec.name, e, oldDeleted || kept !== null);
  }
}

/**
 * The kept tab takes the complete new version built in `f.sheet`: everything of the old tab is
 * cleared, the cells come over in one range copy, the rest is set on the kept sheet, and the
 * temporary tab goes. Repeatable from the start: a retry after a failure midway ends the same.
 */
function transfer(ss: SpreadsheetLike, f: Fresh): void {
  const kept = f.kept as SheetLike;
  const spec = f.painted;
  const ext = specExtent(spec);
  const now = { rows: kept.getMaxRows(), cols: kept.getMaxColumns() };
  const all = kept.getRange(1, 1, now.rows, now.cols);
  all.breakApart();
  all.clearDataValidations();
  kept.clear();
  kept.clearNotes();
  for (const chart of kept.getCharts()) kept.removeChart(chart);
  kept.getFilter()?.remove();
  // The ШМО filter may have hidden it; a regenerated tab is shown, as a new one would be.
  kept.showSheet();
  const need = neededSize(spec, ext);
  if (need.rows > now.rows) kept.insertRowsAfter(now.rows, need.rows - now.rows);
  if (need.cols > now.cols) kept.insertColumnsAfter(now.cols, need.cols - now.cols);
  // Frozen panes before trimming rows: Sheets refuses to delete rows that a larger old pane holds.
  kept.setFrozenRows(spec.frozenRows ?? 0);
  kept.setFrozenColumns(spec.frozenCols ?? 0);
  if (need.rows < now.rows) kept.deleteRows(need.rows + 1, now.rows - need.rows);
  kept.setColumnWidths(1, Math.max(need.cols, now.cols), DEFAULT_COLUMN_PX);
  // Columns the old version hid (its service and filter columns) are shown; the new version hides its
  // own. Rows: only tabs that hide a row (the column ids above a header users type under) had one hidden.
  kept.showColumns(1, Math.max(need.cols, now.cols));
  if (spec.hiddenRows?.length) kept.showRows(1, need.rows);
  const rangeOf = rangesOn(kept, spec, ext);
  if (ext.rows > 0 && ext.cols > 0) {
    const block = { row: 0, col: 0, rows: ext.rows, cols: ext.cols };
    (f.ranges ?? rangesOn(f.sheet, spec, ext))(block).copyTo(rangeOf(block));
  }
  dressSheet(kept, spec, ext, rangeOf, false, false);
  ss.deleteSheet(f.sheet);
}

/** Creates the tab only when no tab of that name exists (the user's own settings). */
export function ensureSpec(ss: SpreadsheetLike, spec: SheetSpec, tabs?: TabDirectory): SheetLike | null {
  const exists = tabs ? tabs.find(spec.name) !== null : ss.getSheetByName(spec.name) !== null;
  return exists ? null : writeSpec(ss, spec, tabs);
}

/** Deletes the named tabs that exist; returns the names actually deleted. */
export function deleteStale(ss: SpreadsheetLike, names: readonly string[], tabs?: TabDirectory): string[] {
  const deleted: string[] = [];
  for (const name of names) {
    const sheet = tabs ? (tabs.find(name)?.sheet ?? null) : ss.getSheetByName(name);
    if (!sheet) continue;
    ss.deleteSheet(sheet);
    tabs?.remove(name);
    deleted.push(name);
  }
  return deleted;
}

function discard(ss: SpreadsheetLike, sheet: SheetLike): void {
  try {
    ss.deleteSheet(sheet);
  } catch {
    // The original failure is what the user needs to see; the leftover is cleaned by the next run.
  }
}
