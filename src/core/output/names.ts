// Tab names. Excel allows 31 characters and forbids : \ / ? * [ ]; Google Sheets is laxer, so the
// stricter rule is used everywhere and the same workbook opens in both.
import { SUBJECTS } from '../input/subjects';
import type { Procedure } from '../model';

export const MAX_TAB_NAME = 31;

export function safeTabName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= MAX_TAB_NAME ? clean : `${clean.slice(0, MAX_TAB_NAME - 1).trim()}…`;
}

/** «РУ 4», «МА 5 ВПР», «Физика 7 (2)»: short labels of procedures, unique within a run. */
export function shortLabels(procedures: readonly Procedure[]): Map<Procedure, string> {
  const base = (p: Procedure) => {
    const abbr = SUBJECTS.find((s) => s.name === p.meta.subject)?.abbr[0] ?? p.meta.subject.slice(0, 8);
    return p.meta.grade ? `${abbr} ${p.meta.grade}` : abbr;
  };
  const out = new Map<Procedure, string>();
  const counts = new Map<string, number>();
  for (const p of procedures) counts.set(base(p), (counts.get(base(p)) ?? 0) + 1);
  const used = new Set<string>();
  for (const p of procedures) {
    let label = base(p);
    if ((counts.get(label) ?? 0) > 1) label = `${label} ${p.meta.kind}${p.meta.year ? ` ${p.meta.year}` : ''}`;
    let unique = label;
    for (let i = 2; used.has(unique); i++) unique = `${label} (${i})`;
    used.add(unique);
    out.set(p, unique);
  }
  return out;
}
