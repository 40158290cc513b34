// Menu items and the trigger of the municipal edition. A menu handler reports in the UI; the trigger
// has no UI (Apps Script refuses getUi() there), so it only logs, and when a menu-started chunk holds
// the lock it simply tries again a minute later.
import type { ChunkReport } from '../../core/municipal/job';
import { buildSourcesTemplate } from '../../core/municipal/output';
import { buildDistrictSettingsTab, readDistrictSettings } from '../../core/municipal/settings';
import { M, S } from '../../core/strings';
import { LockBusyError, userMessage } from '../../sheets/errors';
import { activeSpreadsheet, showAlert, showToast } from '../../sheets/host';
import { withDocumentLock } from '../../sheets/lock';
import { scheduleContinue } from '../../sheets/municipal/triggers';
import { ensureSpec } from '../../sheets/write';
import { municipalChunk, municipalStop } from './job';
import { getAggregationStatus } from './status';

/** A time-driven trigger's event carries its trigger id; a menu click passes nothing. */
export interface TriggerEvent {
  triggerUid?: unknown;
}

const RETRY_MS = 60_000;

function chunkToast(r: ChunkReport | null): string {
  if (!r) return M.status.nothingToContinue;
  const line = M.status.chunk(r.chunk, r.done, r.total);
  return r.finished ? `${line} ${M.status.finished}` : `${line} ${r.done === r.total ? M.status.finishing : M.status.running(1)}`;
}

function guarded(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(e);
    showAlert(M.menu.statusTitle, userMessage(e));
  }
}

export function municipalStartMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    showToast(ss, chunkToast(municipalChunk(ss, 'start')));
  });
}

/** «Продолжить сбор» from the menu, and the time-driven trigger (same top-level name). */
export function municipalContinue(e?: TriggerEvent): void {
  if (e && typeof e === 'object' && 'triggerUid' in e) {
    try {
      municipalChunk(activeSpreadsheet(), 'continue');
    } catch (err) {
      if (err instanceof LockBusyError) scheduleContinue(RETRY_MS);
      else console.error(err);
    }
    return;
  }
  guarded(() => {
    const ss = activeSpreadsheet();
    showToast(ss, chunkToast(municipalChunk(ss, 'continue')));
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

export function municipalSettingsMenu(): void {
  guarded(() => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => ensureSpec(ss, buildDistrictSettingsTab(readDistrictSettings(undefined).settings)));
    ss.getSheetByName(S.tabs.settings)?.activate();
  });
}
