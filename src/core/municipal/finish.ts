// The end of a collection, the same in Apps Script and in `oko aggregate`: from the district model to
// the tabs to write — support planned per listed school, the district roadmap regenerated over the
// coordinator's marks, the effect of measures for the previous list — and the history with this
// collection's list added.
import type { Grid } from '../grid';
import { cellText } from '../grid';
import type { SheetSpec } from '../output/spec';
import { academicYear } from '../roadmap/dates';
import { slug } from '../roadmap/keys';
import { readRoadmapTab } from '../roadmap/tab-read';
import type { District } from './district';
import { buildDistrictRoadmap, districtRoadmapName, districtYear } from './district-roadmap';
import { dataHashOf, effectOf, type History, previousRound, recordRound, roundOf, type SupportStatus } from './history';
import { type DistrictExtras, districtTabs } from './output';
import type { DistrictSettings } from './settings';
import { supportPlan } from './support';

const SUPPORT_KEY = /^act:sup-([a-z]+)\|(.+)$/;

export interface Finished {
  tabs: SheetSpec[];
  history: History;
  extras: DistrictExtras;
}

function addStatus(out: Map<string, SupportStatus[]>, key: string, number: string, title: string, status: string): void {
  const m = SUPPORT_KEY.exec(key);
  if (!m) return;
  const code = m[2] as string;
  const list = out.get(code) ?? [];
  if (!list.some((x) => x.number === number && x.title === title)) list.push({ number, title, status });
  out.set(code, list);
}

export function finishDistrict(d: District, s: DistrictSettings, history: History, readTab: (name: string) => Grid | undefined): Finished {
  const support = supportPlan(d, s);
  const setting = s.municipal['roadmap.year'];
  const name = setting === 0 || setting >= 2000 ? districtRoadmapName(districtYear(setting, d.today)) : null;
  const built = buildDistrictRoadmap(d, support, s, name ? readTab(name) : undefined);
  d.problems.push(...built.problems);

  // Support rows and their statuses, by school code (slug): this year's tab and last year's.
  const statuses = new Map<string, SupportStatus[]>();
  for (const r of built.merged?.rows ?? []) {
    const number = r.planned?.number ?? cellText(r.old?.cells.number);
    const title = r.planned?.title ?? cellText(r.old?.cells.title);
    addStatus(statuses, r.key, number, title, cellText(r.user.status));
  }
  if (built.year) {
    const last = readTab(districtRoadmapName(academicYear(built.year.start - 1)));
    const tab = last ? readRoadmapTab(last, []) : null;
    for (const r of tab?.rows ?? [])
      addStatus(statuses, r.key, cellText(r.cells.number), cellText(r.cells.title), cellText(r.cells.status));
  }
  const data = dataHashOf(d);
  const previous = previousRound(history, data);
  const effect = { previous, rows: previous ? effectOf(previous, d, s, (code) => statuses.get(slug(code)) ?? []) : [] };
  const extras: DistrictExtras = { support, effect, roadmapName: built.spec ? built.name : null };
  const tabs = districtTabs(d, s, extras);
  if (built.spec) tabs.push(built.spec);
  return { tabs, history: recordRound(history, roundOf(d, s)), extras };
}
