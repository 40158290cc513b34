// The levels of general education a roadmap activity may be tagged with (docs/domain.md §2): the
// templates' «Уровни», the form's checkboxes and the contract's schema use this one list. Kept free
// of imports, so the sidebar can bundle it alone.

/** НШ (1–4 классы), ОШ (5–9), СШ (10–11). */
export const LEVEL_TAGS = ['НШ', 'ОШ', 'СШ'] as const;
export type LevelTag = (typeof LEVEL_TAGS)[number];
