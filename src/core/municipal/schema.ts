// What one source leaves behind after the job has read it: per school and procedure, aggregates
// only — no student codes, no names, no per-student rows. The same objects are stored between chunks
// (in the state sheet, as JSON) and validated with these schemas when read back.
import { z } from '../zod';

const count = z.number().int().nonnegative();
const pct = z.number().describe('Процент 0–100, округлён до 6 знаков');

export const taskStatusSchema = z.enum(['sufficient', 'uncertain', 'insufficient', 'none']);

export const taskDefSchema = z.object({
  id: z.string().describe('Код задания как в заголовке результатов: "1", "4К1", "9.1"'),
  max: z.number().positive(),
  level: z.enum(['Б', 'П', 'В']).nullable(),
  skill: z.string().optional(),
});

export const signSchema = z.object({
  rule: z.enum(['lowered', 'raised', 'highMarksLowCompletion', 'peaksAtCuts']),
  level: z.enum(['medium', 'high']),
  text: z.string(),
  reliable: z.boolean(),
});

export const procedureAggSchema = z.object({
  key: z.string().describe('вид|год|предмет|класс — одинаков у всех школ района'),
  title: z.string(),
  kind: z.string(),
  year: z.number().int().nullable(),
  subject: z.string(),
  grade: z.number().int().nullable(),
  sheet: z.string(),
  tasks: z.array(taskDefSchema),
  participants: count,
  reliable: z.boolean(),
  markSource: z.enum(['file', 'scale', 'threshold', 'none']),
  marks: z.object({ '2': count, '3': count, '4': count, '5': count }),
  quality: pct.nullable(),
  success: pct.nullable(),
  meanCompletion: pct.nullable(),
  completion: z.array(pct.nullable()).describe('По заданиям, в порядке tasks'),
  status: z.array(taskStatusSchema),
  insufficient: count,
  risk: count.describe('Участников в группе риска: отметка «2» или выполнено меньше порога risk.lowShare'),
  riskShare: pct.nullable(),
  journal: z.object({ n: count, lowered: count, confirmed: count, raised: count }),
  signs: z.array(signSchema).describe('Признаки необъективности школы по этой работе (признаки для проверки, не выводы)'),
});

export const roadmapProgressSchema = z.object({
  tabs: z.array(z.string()),
  total: count.describe('Мероприятий со статусом, кроме «Отменено»'),
  done: count,
  doing: count,
  todo: count,
  cancelled: count,
  percent: pct.nullable().describe('Выполнено ÷ мероприятий × 100'),
});

export const schoolAggSchema = z.object({
  code: z.string(),
  name: z.string(),
  procedures: z.array(procedureAggSchema),
  roadmap: roadmapProgressSchema.nullable(),
});

export const sourceRecordSchema = z.object({
  key: z.string(),
  ref: z.string(),
  label: z.string().describe('Имя таблицы или файла'),
  status: z.enum(['ok', 'failed']),
  reason: z.string().nullable(),
  notes: z.array(z.string()),
  hash: z.string().nullable(),
  /** Settings + version + the unit's rows: a change re-analyses the source even if its content did not change. */
  fingerprint: z.string(),
  runId: z.string(),
  checkedAt: z.string(),
  changedAt: z.string(),
  /** This run found the content changed (or new). */
  changed: z.boolean(),
  schools: z.array(schoolAggSchema),
});

export type TaskDef = z.infer<typeof taskDefSchema>;
export type Sign = z.infer<typeof signSchema>;
export type ProcedureAgg = z.infer<typeof procedureAggSchema>;
export type RoadmapProgress = z.infer<typeof roadmapProgressSchema>;
export type SchoolAgg = z.infer<typeof schoolAggSchema>;
export type SourceRecord = z.infer<typeof sourceRecordSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
