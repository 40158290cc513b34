// Menu item handlers. Each reports its outcome in the UI and never lets an exception escape as
// Sheets' generic "script error" bar: the user gets a Russian alert, the log gets the stack.
import { buildSettingsTab } from '../core/output/settings-tab';
import { defaultSettings } from '../core/settings';
import { S, UI } from '../core/strings';
import { userMessage } from '../sheets/errors';
import { activeSpreadsheet, showAlert, showSidebar, showToast } from '../sheets/host';
import { withDocumentLock } from '../sheets/lock';
import { findSettingsTab } from '../sheets/settings';
import { TabDirectory } from '../sheets/tabs';
import { writeSpec } from '../sheets/write';
import { analyseAndWrite, removeHighlights } from './analyze';
import { doneToastText, errorsAlertText } from './messages';
import { chosenTemplate, copyTemplateSheet, requestFocus } from './roadmap';

export { menuDocuments } from './documents';

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
      return findSettingsTab(tabs)?.sheet ?? writeSpec(ss, buildSettingsTab(defaultSettings()), tabs);
    });
    sheet.activate();
  });
}

/** Removes the at-risk highlighting from the user's sheets (values and their own rules stay). */
export function menuUnhighlight(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    showToast(ss, S.menu.unhighlightDone(removeHighlights(ss)));
  });
}

export function menuShowSidebar(): void {
  guarded(() => showSidebar(SIDEBAR_FILE, UI.title));
}

/** «Дорожная карта…»: the panel, opened on the roadmap step's form. */
export function menuRoadmap(): void {
  guarded(() => {
    requestFocus(activeSpreadsheet());
    showSidebar(SIDEBAR_FILE, UI.title);
  });
}

/**
 * «Создать шаблон»: a menu item takes no parameter, so the template is the one last chosen in the
 * panel's roadmap form (a built-in one), else region-model-roadmap; the alert names the one copied.
 * An existing «Шаблон дорожной карты» is never overwritten.
 */
export function menuRoadmapTemplate(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    const { id, fromForm } = chosenTemplate(ss);
    const result = copyTemplateSheet(ss, id);
    if (!result.created) {
      showAlert(UI.roadmap.templateTitle, result.message);
      return;
    }
    result.sheetObject?.activate();
    showAlert(UI.roadmap.templateTitle, fromForm ? result.message : `${UI.roadmap.templateFromDefault(id)} ${result.message}`);
  });
}

function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    showAlert(S.menu.failedTitle, userMessage(e));
  }
}
