// OAuth scopes, as Google checks them: every call needs one of its scopes to be granted by the
// project's manifest, or it fails with Google's «Specified permissions are not sufficient» error.
// The fakes take the granted scopes from the edition's own appsscript.json, so a manifest that is
// too narrow for the code fails in the tests as it would in Google.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  currentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  readonly: `${AUTH}spreadsheets.readonly`,
  ui: `${AUTH}script.container.ui`,
  mail: `${AUTH}script.send_mail`,
  triggers: `${AUTH}script.scriptapp`,
  drive: `${AUTH}drive`,
  driveFile: `${AUTH}drive.file`,
} as const;

/** Scopes that allow a call (any one of them), by method-name prefix; no entry: the call needs none. */
const RULES: readonly [prefix: string, anyOf: readonly string[]][] = [
  // Opening another spreadsheet needs access to all of the user's spreadsheets.
  ['SpreadsheetApp.openById', [SCOPES.spreadsheets, SCOPES.drive]],
  ['SpreadsheetApp.getActiveSpreadsheet', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['SpreadsheetApp.getUi', [SCOPES.ui]],
  ['Ui.', [SCOPES.ui]],
  ['Menu.', [SCOPES.ui]],
  ['Spreadsheet.', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['Sheet.', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['Range.', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['RangeList.', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['Filter.', [SCOPES.currentOnly, SCOPES.spreadsheets]],
  ['MailApp.', [SCOPES.mail]],
  ['ScriptApp.', [SCOPES.triggers]],
  ['TriggerBuilder.', [SCOPES.triggers]],
  ['ClockTriggerBuilder.', [SCOPES.triggers]],
  // The Sheets API advanced service reads with the read-only scope.
  ['Sheets.', [SCOPES.readonly, SCOPES.spreadsheets, SCOPES.drive]],
];

/** The scopes one of which a call needs; null when it needs none (builders, properties, locks, utilities). */
export function scopesFor(method: string): readonly string[] | null {
  return RULES.find(([prefix]) => method === prefix || method.startsWith(prefix))?.[1] ?? null;
}

/** The scopes an edition's manifest grants (editions/<id>/appsscript.json). */
export function manifestScopes(edition: 'school' | 'municipal' | 'digest'): string[] {
  const path = join(import.meta.dirname, '..', '..', 'editions', edition, 'appsscript.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { oauthScopes: string[] }).oauthScopes;
}

export class ScopeError extends Error {
  constructor(method: string, anyOf: readonly string[]) {
    super(`Specified permissions are not sufficient to call ${method}. Required permissions: ${anyOf.join(' || ')}`);
    this.name = 'ScopeError';
  }
}
