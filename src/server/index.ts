// The school edition (dist/school/, editions/school/appsscript.json): its menu, its menu handlers and
// its sidebar's endpoints, as data. The build declares a top-level function for every key of
// `entryPoints` (Apps Script calls menu items, triggers and google.script.run by name).
import { DG, S, UI } from '../core/strings';
import { schoolAnswers } from './api';
import { SCHOOL_ENDPOINTS } from './contract';
import { entryPoints } from './edition';
import * as handlers from './handlers';

/** The menu «ОКО»; the e-mail digest edition's menu (./digest/index.ts) is this one plus its own items. */
export const SCHOOL_MENU = [
  { label: S.menu.analyze, fn: 'menuAnalyze' },
  { label: S.menu.settings, fn: 'menuSettings' },
  { label: S.menu.sidebar, fn: 'menuShowSidebar' },
  { label: S.menu.unhighlight, fn: 'menuUnhighlight' },
  { label: UI.roadmap.menuRoadmap, fn: 'menuRoadmap' },
  { label: UI.roadmap.menuTemplate, fn: 'menuRoadmapTemplate' },
  { label: DG.menu, fn: 'menuDocuments' },
] as const satisfies readonly { label: string; fn: keyof typeof handlers }[];

export const SCHOOL = { menu: SCHOOL_MENU, handlers: { ...handlers }, endpoints: SCHOOL_ENDPOINTS, answers: schoolAnswers };

export const topLevel = entryPoints(SCHOOL);
