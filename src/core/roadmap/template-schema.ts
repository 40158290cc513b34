// Structured roadmap templates («дорожные карты»), transcribed from the seed documents.
// A template is data: sections (stages) with their tasks, indicators and activities.
import * as z from '../zod';
import { LEVEL_TAGS } from './levels';

export { LEVEL_TAGS };

export const activitySchema = z.object({
  /** Number as printed in the source: "1.1", "2.10", "7". */
  number: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  participants: z.optional(z.string()),
  responsible: z.optional(z.string()),
  /** The deadline phrase exactly as the source words it («После получения результатов в течение 2 недель»). */
  deadline: z.optional(z.string()),
  result: z.optional(z.string()),
  documentFormat: z.optional(z.string()),
  levels: z.optional(z.array(z.enum(LEVEL_TAGS))),
  /** Set when the transcription of this row is uncertain (garbled scan, lost spaces): what is unsure. */
  uncertain: z.optional(z.string()),
});

export const sectionSchema = z.object({
  number: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  /** «Задачи» of the section, if the source lists them. */
  tasks: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** «Показатели» (indicators) of the section, if the source lists them. */
  indicators: z._default(z.array(z.string().check(z.minLength(1))), []),
  activities: z.array(activitySchema).check(z.minLength(1)),
  uncertain: z.optional(z.string()),
});

export const templateSchema = z.object({
  /** Stable id used on the command line: `oko roadmap … --template <id>`. */
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  title: z.string().check(z.minLength(1)),
  /** A name short enough for a dropdown (≤ 60 characters); the full title stays in the tab's header. */
  shortTitle: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  /** school | region (a model plan) | municipality */
  scope: z.enum(['school', 'region', 'municipality']),
  /** Where the text comes from: the document, its author, its date. */
  source: z.string().check(z.minLength(1)),
  /** The plan's goal («Цель»), if stated. */
  goal: z.optional(z.string()),
  /** Academic year the source was written for, e.g. "2023-2024", if stated. */
  sourceYear: z.optional(z.string()),
  /**
   * 'school-year' (default): every month falls in the chosen academic year. 'programme': a programme
   * that runs from its first activity on, over more than one year — a month that would fall before
   * the programme's first step is the next year's (sections titled «2021 г.- …» name their own year).
   */
  timeline: z.optional(z.enum(['school-year', 'programme'])),
  sections: z.array(sectionSchema).check(z.minLength(1)),
  /** Free notes about the transcription (what was restored and how). */
  notes: z._default(z.array(z.string()), []),
});

export type RoadmapActivity = z.infer<typeof activitySchema>;
export type RoadmapSection = z.infer<typeof sectionSchema>;
export type RoadmapTemplate = z.infer<typeof templateSchema>;
