// The spreadsheet UI (menus, alerts, sidebar) and HtmlService, recording what the user would see.
import type { HtmlOutputLike, HtmlServiceLike, MenuLike, UiLike } from '../../src/sheets/surface';
import type { CallLog } from './calls';

export interface MenuEntry {
  caption: string;
  fn: string;
}

export class FakeMenu implements MenuLike {
  readonly items: (MenuEntry | 'separator')[] = [];
  constructor(
    private readonly ui: FakeUi,
    private readonly log: CallLog,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.log.hit('ui', 'Menu.addItem');
    this.items.push({ caption, fn: functionName });
    return this;
  }
  addSeparator(): this {
    this.log.hit('ui', 'Menu.addSeparator');
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.log.hit('ui', 'Menu.addToUi');
    this.ui.menus.push(this.items);
    this.ui.menuCaptions.push(this.caption);
  }
}

export class FakeHtmlOutput implements HtmlOutputLike {
  private title = '';
  constructor(readonly file: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
}

export class FakeUi implements UiLike {
  readonly ButtonSet = { OK: 0 as GoogleAppsScript.Base.ButtonSet };
  readonly menus: (MenuEntry | 'separator')[][] = [];
  /** The caption of each menu added, in the order of `menus`. */
  readonly menuCaptions: string[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  constructor(private readonly log: CallLog) {}
  createMenu(caption: string): FakeMenu {
    this.log.hit('ui', 'Ui.createMenu');
    if (typeof caption !== 'string' || caption.trim() === '') throw new Error('Invalid argument: caption');
    return new FakeMenu(this, this.log, caption);
  }
  alert(title: string, prompt: string, _buttons: GoogleAppsScript.Base.ButtonSet): string {
    this.log.hit('ui', 'Ui.alert');
    this.alerts.push({ title, prompt });
    return 'OK';
  }
  showSidebar(userInterface: HtmlOutputLike): void {
    this.log.hit('ui', 'Ui.showSidebar');
    if (!(userInterface instanceof FakeHtmlOutput)) throw new Error('Invalid argument: userInterface');
    this.sidebars.push(userInterface);
  }
}

export class FakeHtmlService implements HtmlServiceLike {
  constructor(
    private readonly log: CallLog,
    private readonly files: ReadonlySet<string> = new Set(['Sidebar']),
  ) {}
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.log.hit('service', 'HtmlService.createHtmlOutputFromFile');
    if (!this.files.has(filename)) throw new Error(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(filename);
  }
}
