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

export function saveUserPref(ss: SpreadsheetLike, name: string, value: unknown): void {
  propertiesService().getUserProperties().setProperty(key(ss, name), JSON.stringify(value));
}

export function clearUserPref(ss: SpreadsheetLike, name: string): void {
  propertiesService().getUserProperties().deleteProperty(key(ss, name));
}
