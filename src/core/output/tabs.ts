// Every tab the add-on generates, in one list: such tabs are never read as input, are replaced whole
// on each run, and are deleted when a run no longer produces them. A trailing * is a name prefix.
import { norm } from '../grid';
import { S } from '../strings';

const GENERATED: readonly string[] = [`${S.tabs.matrix}*`, S.tabs.byClass, S.tabs.report];

const exact = new Set<string>();
const prefixes: string[] = [];
for (const n of GENERATED) {
  if (n.endsWith('*')) prefixes.push(norm(n.slice(0, -1)));
  else exact.add(norm(n));
}

export function isGeneratedTab(name: string): boolean {
  const n = norm(name);
  return exact.has(n) || prefixes.some((p) => n.startsWith(p));
}
