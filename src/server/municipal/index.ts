// The municipal edition (dist/municipal/, editions/municipal/appsscript.json): its menu, its menu
// handlers and the continuation trigger, and its sidebar's endpoints (./contract.ts), as data. The
// build declares a top-level function for every key of `topLevel`. The school edition is ../index.ts;
// the two are separate Apps Script projects.
import { M } from '../../core/strings';
import { entryPoints } from '../edition';
import { municipalAnswers } from './api';
import { MUNICIPAL_ENDPOINTS } from './contract';
import * as handlers from './handlers';
import { failureOf } from './job';

export const MUNICIPAL_MENU = [
  { label: M.menu.start, fn: 'municipalStartMenu' },
  { label: M.menu.resume, fn: 'municipalContinue' },
  { label: M.menu.stop, fn: 'municipalStopMenu' },
  { label: M.menu.status, fn: 'municipalStatusMenu' },
  { label: M.menu.sidebar, fn: 'municipalSidebarMenu' },
  { label: M.menu.sources, fn: 'municipalSourcesMenu' },
  { label: M.menu.reports, fn: 'municipalReportsMenu' },
  { label: M.menu.settings, fn: 'municipalSettingsMenu' },
] as const satisfies readonly { label: string; fn: keyof typeof handlers }[];

export const topLevel = entryPoints({
  menu: MUNICIPAL_MENU,
  handlers: { ...handlers },
  endpoints: MUNICIPAL_ENDPOINTS,
  answers: municipalAnswers,
  // Google's own (English) errors become what to do, in Russian.
  translateError: (e: unknown) => failureOf(e).text,
});
