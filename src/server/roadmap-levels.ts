// Constants of the roadmap form shared by the contract and the sidebar. Kept apart from contract.ts,
// which brings zod and the settings along: the sidebar bundles only this file.

import { LEVEL_TAGS, type LevelTag } from '../core/roadmap/levels';

/** НШ, ОШ, СШ: the core's list (core/roadmap/levels.ts), under the form's name. */
export const ROADMAP_LEVELS = LEVEL_TAGS;
export type RoadmapLevel = LevelTag;
/** The template id of the user's sheet «Шаблон дорожной карты» (the core accepts «лист» for it). */
export const SHEET_TEMPLATE_ID = 'лист';
