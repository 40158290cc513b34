// A tab is built under a temporary name and renamed only when complete. The name carries a prefix
// no user tab has, so a leftover from a run killed by Apps Script's time limit is recognised:
// never read as input, deleted by the next run.
const TEMP_PREFIX = '~ОКО~ ';
const MAX_SHEET_NAME = 100;
let counter = 0;

export function tempName(name: string): string {
  counter = (counter + 1) % 1296;
  const stamp = `${Date.now().toString(36)}${counter.toString(36)}`;
  return `${TEMP_PREFIX}${stamp} ${name}`.slice(0, MAX_SHEET_NAME);
}

export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}
