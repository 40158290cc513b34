// Menu item handlers. Each reports its outcome in the UI and never lets an exception escape as
// Sheets' generic "script error" bar: the user gets a Russian alert, the log gets the stack.
import { norm } from '../core/grid';
import { buildSettingsTab } from '../core/output/settings-tab';
import { defaultSettings } from '../core/settings';
import { S } from '../core/strings';
import { userMessage } from '../sheets/errors';
import { activeSpreadsheet, showAlert, showSidebar, showToast } from '../sheets/host';
import { withDocumentLock } from '../sheets/lock';
import { TabDirectory } from '../sheets/tabs';
import { writeSpec } from '../sheets/write';
import { analyseAndWrite } from './analyze';
import { doneToastText, errorsAlertText } from './messages';

/** The sidebar page, as the build names it in dist/. */
const SIDEBAR_FILE = 'Sidebar';

export function menuAnalyze(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    const { run, report } = analyseAndWrite(ss);
    if (!report) showAlert(S.menu.errorsTitle, errorsAlertText(run.problems));
    else showToast(ss, doneToastText(run, report));
  });
}

/** Opens «Настройки ОКО», creating it with the default values first if it is missing. */
export function menuSettings(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    const sheet = withDocumentLock(() => {
      const tabs = TabDirectory.read(ss);
      // The core recognises the tab case- and ё-insensitively; so must the check for it.
      const existing = tabs.entries().find((t) => norm(t.name) === norm(S.tabs.settings));
      return existing ? existing.sheet : writeSpec(ss, buildSettingsTab(defaultSettings()), tabs);
    });
    sheet.activate();
  });
}

export function menuShowSidebar(): void {
  guarded(() => showSidebar(SIDEBAR_FILE, S.sidebar.title));
}

function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    showAlert(S.menu.failedTitle, userMessage(e));
  }
}
