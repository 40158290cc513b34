// Tab names. Excel allows 31 characters and forbids : \ / ? * [ ]; Google Sheets is laxer, so the
// stricter rule is used everywhere and the same workbook opens in both.
import { SUBJECTS } from '../input/subjects';
import type { Procedure } from '../model';
import { S } from '../strings';

export const MAX_TAB_NAME = 31;

export function safeTabName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= MAX_TAB_NAME ? clean : `${clean.slice(0, MAX_TAB_NAME - 1).trim()}…`;
}

/**
 * «РУ 4», «МА 5 ВПР», «МА 4 2025», «Физика 7 (2)»: short labels of procedures, unique within a run.
 * Procedures of one subject and grade get what tells them apart: the kind when the kinds differ, else
 * the year (ВПР 2025 and ВПР 2026), else both. Labels stay unique as matrix tab names too, which are cut
 * at 31 characters («Матрица дефицитов · МА 4 ВПР 2…» would hide the year of both).
 */
export function shortLabels(procedures: readonly Procedure[]): Map<Procedure, string> {
  const base = (p: Procedure) => {
    const abbr = SUBJECTS.find((s) => s.name === p.meta.subject)?.abbr[0] ?? p.meta.subject.slice(0, 8);
    return p.meta.grade ? `${abbr} ${p.meta.grade}` : abbr;
  };
  const groups = new Map<string, Procedure[]>();
  for (const p of procedures) groups.set(base(p), [...(groups.get(base(p)) ?? []), p]);
  const distinct = (xs: readonly unknown[]) => new Set(xs).size === xs.length;
  const extra = (p: Procedure): string => {
    const group = groups.get(base(p)) ?? [];
    if (group.length < 2) return '';
    if (distinct(group.map((q) => q.meta.kind))) return ` ${p.meta.kind}`;
    if (p.meta.year && distinct(group.map((q) => q.meta.year))) return ` ${p.meta.year}`;
    return ` ${p.meta.kind}${p.meta.year ? ` ${p.meta.year}` : ''}`;
  };
  const tab = (label: string) => safeTabName(`${S.tabs.matrix} · ${label}`);
  const out = new Map<Procedure, string>();
  const used = new Set<string>();
  const taken = (label: string) => used.has(label) || used.has(tab(label));
  for (const p of procedures) {
    // The same as another once cut to a tab name: the year alone, then a number, on the short base.
    const tries = [`${base(p)}${extra(p)}`, ...(p.meta.year ? [`${base(p)} ${p.meta.year}`] : [])];
    let unique = tries.find((l) => !taken(l));
    for (let i = 2; unique === undefined || taken(unique); i++) unique = `${base(p)} (${i})`;
    used.add(unique);
    used.add(tab(unique));
    out.set(p, unique);
  }
  return out;
}
