// What tabs the spreadsheet has, in order, with their Sheet objects. Built from the one getSheets()
// the reader makes anyway, and kept current as tabs are replaced, so writing a tab needs no
// getSheetByName/getIndex round trips. Only valid while the document lock is held.
import type { SheetLike, SpreadsheetLike } from './surface';

export interface Tab {
  name: string;
  sheet: SheetLike;
}

export class TabDirectory {
  private constructor(private readonly tabs: Tab[]) {}

  static read(ss: SpreadsheetLike): TabDirectory {
    return new TabDirectory(ss.getSheets().map((sheet) => ({ name: sheet.getName(), sheet })));
  }

  static of(tabs: readonly Tab[]): TabDirectory {
    return new TabDirectory([...tabs]);
  }

  entries(): readonly Tab[] {
    return this.tabs;
  }

  names(): string[] {
    return this.tabs.map((t) => t.name);
  }

  count(): number {
    return this.tabs.length;
  }

  /** The tab and its 0-based position. */
  find(name: string): { sheet: SheetLike; index: number } | null {
    const index = this.tabs.findIndex((t) => t.name === name);
    const tab = this.tabs[index];
    return tab ? { sheet: tab.sheet, index } : null;
  }

  /** Records that `sheet` now sits at `index` under `name`, replacing a tab of that name if any. */
  place(name: string, sheet: SheetLike, index: number): void {
    const at = this.tabs.findIndex((t) => t.name === name);
    if (at >= 0) this.tabs.splice(at, 1);
    this.tabs.splice(Math.min(index, this.tabs.length), 0, { name, sheet });
  }

  /** Records a rename in place. */
  rename(from: string, to: string): void {
    const tab = this.tabs.find((t) => t.name === from);
    if (tab) tab.name = to;
  }

  remove(name: string): void {
    const at = this.tabs.findIndex((t) => t.name === name);
    if (at >= 0) this.tabs.splice(at, 1);
  }
}
