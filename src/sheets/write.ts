// Writing tabs so that a reader never sees a half-written one: the new tab is built beside the old
// under a temporary name, and only a complete tab replaces it.
import type { SheetSpec } from '../core/output/spec';
import { SheetWriteError } from './errors';
import { paintSheet } from './paint';
import type { SheetLike, SpreadsheetLike } from './surface';
import type { TabDirectory } from './tabs';
import { tempName } from './temp';

/**
 * Replaces the tab `spec.name` whole, at the old tab's position (a new tab goes last). On any failure
 * before the old tab is deleted, the temporary tab is removed and the old one stays as it was.
 * `tabs` (from the reader, under the document lock) spares two lookups per tab.
 */
export function writeSpec(ss: SpreadsheetLike, spec: SheetSpec, tabs?: TabDirectory): SheetLike {
  let fresh: SheetLike | null = null;
  let oldDeleted = false;
  try {
    const old = tabs ? tabs.find(spec.name) : locate(ss, spec.name);
    const index = old ? old.index : tabs ? tabs.count() : ss.getNumSheets();
    const name = tempName(spec.name);
    fresh = ss.insertSheet(name, index);
    paintSheet(fresh, spec);
    if (old) {
      ss.deleteSheet(old.sheet);
      oldDeleted = true;
    }
    fresh.setName(spec.name);
    tabs?.place(spec.name, fresh, index);
    return fresh;
  } catch (e) {
    // Once the old tab is gone the new one is complete: keeping it (under the temporary name, replaced
    // by the next run) loses less than deleting both.
    if (oldDeleted) throw new SheetWriteError(spec.name, e, true);
    if (fresh) discard(ss, fresh);
    throw new SheetWriteError(spec.name, e, false);
  }
}

/**
 * Replaces several tabs as one: every new tab is painted under a temporary name first, and only when
 * all of them are complete are the old tabs deleted and the new ones renamed. A failure while painting
 * (or the script being stopped) leaves every old tab as it was; temporary tabs are removed, or, if the
 * script was killed, cleaned by the next run. Same document calls as `writeSpec` per tab.
 */
export function replaceTabs(
  ss: SpreadsheetLike,
  specs: readonly SheetSpec[],
  tabs: TabDirectory,
  /**
   * Adjusts a spec before it is painted, knowing the temporary names of the specs painted before it
   * (final name → temporary name): formulas that refer to an earlier tab of the same write must name
   * its temporary tab, which Sheets then follows through the rename (see src/sheets/retarget.ts).
   */
  prepare?: (spec: SheetSpec, temps: ReadonlyMap<string, string>) => SheetSpec,
): SheetLike[] {
  const fresh: { spec: SheetSpec; sheet: SheetLike; temp: string }[] = [];
  const temps = new Map<string, string>();
  let current: SheetSpec | null = null;
  try {
    for (const spec of specs) {
      current = spec;
      const old = tabs.find(spec.name);
      const index = old ? old.index : tabs.count();
      const temp = tempName(spec.name);
      const sheet = ss.insertSheet(temp, index);
      tabs.place(temp, sheet, index);
      fresh.push({ spec, sheet, temp });
      paintSheet(sheet, prepare ? prepare(spec, temps) : spec);
      temps.set(spec.name, temp);
    }
  } catch (e) {
    for (const f of fresh) {
      discard(ss, f.sheet);
      tabs.remove(f.temp);
    }
    throw new SheetWriteError(current?.name ?? '', e, false);
  }
  fresh.forEach((f, i) => {
    const old = tabs.find(f.spec.name);
    let oldDeleted = false;
    try {
      if (old) {
        ss.deleteSheet(old.sheet);
        tabs.remove(f.spec.name);
        oldDeleted = true;
      }
      f.sheet.setName(f.spec.name);
      tabs.rename(f.temp, f.spec.name);
    } catch (e) {
      // Tabs swapped so far are complete and stay; the others keep their old version (past the
      // delete, the new one stays under its temporary name, and the next run replaces it).
      for (const rest of fresh.slice(oldDeleted ? i + 1 : i)) {
        discard(ss, rest.sheet);
        tabs.remove(rest.temp);
      }
      throw new SheetWriteError(f.spec.name, e, oldDeleted);
    }
  });
  return fresh.map((f) => f.sheet);
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

function locate(ss: SpreadsheetLike, name: string): { sheet: SheetLike; index: number } | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? { sheet, index: sheet.getIndex() - 1 } : null;
}

function discard(ss: SpreadsheetLike, sheet: SheetLike): void {
  try {
    ss.deleteSheet(sheet);
  } catch {
    // The original failure is what the user needs to see; the leftover is cleaned by the next run.
  }
}
