// The slot for documents in the write plan. The documents feature (src/core/docs/) defines what a
// document is — an «аналитическая справка», a roadmap as .docx / Google Docs — as a DocSpec, the
// way an output tab is a SheetSpec. Until it lands, this placeholder keeps the plan's shape stable:
// replace the interface below with `export type { DocSpec } from '../docs/spec';` and every host's
// `writeDocuments` gets the real type.

/** A document to make, described as data (placeholder: src/core/docs/ owns the real shape). */
export interface DocSpec {
  /** File or document name, unique within one plan («Аналитическая справка · ВПР-2026 МА 5»). */
  name: string;
}
