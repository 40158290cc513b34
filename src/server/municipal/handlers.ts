// Menu items and the trigger of the municipal edition. A menu handler reports in the UI; the trigger
// has no UI (Apps Script refuses getUi() there): a failure is recorded in the job's status with its
// reason and rescheduled with backoff, or stops the collection (./job.ts recordTriggerFailure).
import { buildReportsTemplate, buildSourcesTemplate } from '../../core/municipal/output';
import { buildDistrictSettingsTab, readDistrictSettings } from '../../core/municipal/settings';
import { M, S } from '../../core/strings';
import { activeSpreadsheet, showAlert, showSidebar, showToast } from '../../sheets/host';
import { withDocumentLock } from '../../sheets/lock';
import { ensureSpec } from '../../sheets/write';
import { failureOf, municipalChunk, municipalStop, recordTriggerFailure } from './job';
import { chunkMessage, getAggregationStatus } from './status';

/** A time-driven trigger's event carries its trigger id; a menu click passes nothing. */
export interface TriggerEvent {
  triggerUid?: unknown;
}

/** The panel's page in dist/municipal/ (built from sidebar/municipal/). */
const SIDEBAR_FILE = 'Sidebar';

function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    showAlert(M.menu.statusTitle, failureOf(e).text);
  }
}

export function municipalStartMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    showToast(ss, chunkMessage(municipalChunk(ss, 'start')));
  });
}

/** «Продолжить сбор» from the menu, and the time-driven trigger (same top-level name). */
export function municipalContinue(e?: TriggerEvent): void {
  if (e && typeof e === 'object' && 'triggerUid' in e) {
    try {
      municipalChunk(activeSpreadsheet(), 'continue');
    } catch (err) {
      console.error(err);
      recordTriggerFailure(err);
    }
    return;
  }
  guarded(() => {
    const ss = activeSpreadsheet();
    showToast(ss, chunkMessage(municipalChunk(ss, 'continue')));
  });
}

export function municipalStopMenu(): void {
  guarded(() => {
    municipalStop();
    showToast(activeSpreadsheet(), M.menu.stopped);
  });
}

export function municipalStatusMenu(): void {
  guarded(() => showAlert(M.menu.statusTitle, getAggregationStatus().text));
}

/** «Открыть панель»: progress, «Начать сбор» / «Продолжить сбор», failed sources, district tabs. */
export function municipalSidebarMenu(): void {
  guarded(() => showSidebar(SIDEBAR_FILE, M.panel.title));
}

/** Creates «Источники» (and «Настройки ОКО») when missing, then opens «Источники». */
export function municipalSourcesMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => {
      const created = ensureSpec(ss, buildSourcesTemplate());
      ensureSpec(ss, buildDistrictSettingsTab(readDistrictSettings(undefined).settings));
      if (created) showToast(ss, M.menu.sourcesCreated);
    });
    ss.getSheetByName(M.tabs.sources)?.activate();
  });
}

/** Creates «Сроки отчётов» when missing, then opens it. */
export function municipalReportsMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => {
      if (ensureSpec(ss, buildReportsTemplate())) showToast(ss, M.reports.created);
    });
    ss.getSheetByName(M.reports.sheet)?.activate();
  });
}

export function municipalSettingsMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => ensureSpec(ss, buildDistrictSettingsTab(readDistrictSettings(undefined).settings)));
    ss.getSheetByName(S.tabs.settings)?.activate();
  });
}
