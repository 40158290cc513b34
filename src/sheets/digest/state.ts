// Who got this week's digest, in the document properties (one small JSON value): a second run in the
// same week — the trigger firing again, «Отправить рассылку сейчас» after the trigger, a retry after
// a failed letter — writes only to those who have not had it yet.
import { digestProperties } from './gas';

export const LAST_SENT = 'oko.digest.lastSent';
/** Apps Script caps a property value at 9 KB; the list of addresses stays well below. */
const MAX_CHARS = 8000;

export interface SentThisWeek {
  /** ISO date of the week's Monday. */
  week: string;
  /** Recipients (as passed to MailApp) already written to this week. */
  to: string[];
  /** When the last letter went, ISO timestamp. */
  at: string;
}

export function readSent(week: string): SentThisWeek {
  const raw = digestProperties().getDocumentProperties().getProperty(LAST_SENT);
  if (raw) {
    try {
      const v = JSON.parse(raw) as Partial<SentThisWeek>;
      if (v.week === week && Array.isArray(v.to)) return { week, to: v.to.filter((x) => typeof x === 'string'), at: String(v.at ?? '') };
    } catch {
      // a damaged value counts as «nothing sent this week»
    }
  }
  return { week, to: [], at: '' };
}

export function recordSent(state: SentThisWeek): void {
  let to = [...new Set(state.to)];
  while (to.length > 1 && JSON.stringify({ ...state, to }).length > MAX_CHARS) to = to.slice(1);
  digestProperties()
    .getDocumentProperties()
    .setProperty(LAST_SENT, JSON.stringify({ ...state, to }));
}
