// Constants of the roadmap form shared by the contract and the sidebar. Kept apart from contract.ts,
// which brings zod and the settings along: the sidebar bundles only this file.

/** НШ, ОШ, СШ (as in the templates' «Уровни»). */
export const ROADMAP_LEVELS = ['НШ', 'ОШ', 'СШ'] as const;
export type RoadmapLevel = (typeof ROADMAP_LEVELS)[number];
/** The template id of the user's sheet «Шаблон дорожной карты» (the core accepts «лист» for it). */
export const SHEET_TEMPLATE_ID = 'лист';
