// Per-user preferences of one spreadsheet. User properties are per user and per script, shared by
// every document the add-on runs in, so keys carry the spreadsheet's id.
import { propertiesService } from './gas';
import type { SpreadsheetLike } from './surface';

function key(ss: SpreadsheetLike, name: string): string {
  return `oko.${name}.${ss.getId()}`;
}

export function loadUserPref(ss: SpreadsheetLike, name: string): unknown {
  const raw = propertiesService().getUserProperties().getProperty(key(ss, name));
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** Apps Script refuses a property value over 9 KB — counted in UTF-8 bytes, where a Cyrillic letter is 2. */
export const PREF_MAX_BYTES = 9 * 1024;

/** Bytes of `s` in UTF-8 (Apps Script has no TextEncoder). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Remembers a preference; false when it is too large to keep (a preference is a convenience: the
 * action it belongs to goes on, and the previous value is forgotten rather than left stale).
 */
export function saveUserPref(ss: SpreadsheetLike, name: string, value: unknown): boolean {
  const json = JSON.stringify(value);
  const store = propertiesService().getUserProperties();
  if (utf8Bytes(json) > PREF_MAX_BYTES) {
    store.deleteProperty(key(ss, name));
    return false;
  }
  store.setProperty(key(ss, name), json);
  return true;
}

export function clearUserPref(ss: SpreadsheetLike, name: string): void {
  propertiesService().getUserProperties().deleteProperty(key(ss, name));
}
