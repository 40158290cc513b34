// Structured roadmap templates («дорожные карты»), transcribed from the seed documents.
// A template is data: sections (stages) with their tasks, indicators and activities.
import { z } from '../zod';

export const LEVEL_TAGS = ['НШ', 'ОШ', 'СШ'] as const;

export const activitySchema = z.object({
  /** Number as printed in the source: "1.1", "2.10", "7". */
  number: z.string().min(1),
  title: z.string().min(1),
  participants: z.string().optional(),
  responsible: z.string().optional(),
  /** The deadline phrase exactly as the source words it («После получения результатов в течение 2 недель»). */
  deadline: z.string().optional(),
  result: z.string().optional(),
  documentFormat: z.string().optional(),
  levels: z.array(z.enum(LEVEL_TAGS)).optional(),
  /** Set when the transcription of this row is uncertain (garbled scan, lost spaces): what is unsure. */
  uncertain: z.string().optional(),
});

export const sectionSchema = z.object({
  number: z.string().min(1),
  title: z.string().min(1),
  /** «Задачи» of the section, if the source lists them. */
  tasks: z.array(z.string().min(1)).default([]),
  /** «Показатели» (indicators) of the section, if the source lists them. */
  indicators: z.array(z.string().min(1)).default([]),
  activities: z.array(activitySchema).min(1),
  uncertain: z.string().optional(),
});

export const templateSchema = z.object({
  /** Stable id used on the command line: `oko roadmap … --template <id>`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** A name short enough for a dropdown (≤ 60 characters); the full title stays in the tab's header. */
  shortTitle: z.string().min(1).max(60).optional(),
  /** school | region (a model plan) | municipality */
  scope: z.enum(['school', 'region', 'municipality']),
  /** Where the text comes from: the document, its author, its date. */
  source: z.string().min(1),
  /** The plan's goal («Цель»), if stated. */
  goal: z.string().optional(),
  /** Academic year the source was written for, e.g. "2023-2024", if stated. */
  sourceYear: z.string().optional(),
  /**
   * 'school-year' (default): every month falls in the chosen academic year. 'programme': a programme
   * that runs from its first activity on, over more than one year — a month that would fall before
   * the programme's first step is the next year's (sections titled «2021 г.- …» name their own year).
   */
  timeline: z.enum(['school-year', 'programme']).optional(),
  sections: z.array(sectionSchema).min(1),
  /** Free notes about the transcription (what was restored and how). */
  notes: z.array(z.string()).default([]),
});

export type RoadmapActivity = z.infer<typeof activitySchema>;
export type RoadmapSection = z.infer<typeof sectionSchema>;
export type RoadmapTemplate = z.infer<typeof templateSchema>;
