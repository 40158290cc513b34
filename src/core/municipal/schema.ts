// What one source leaves behind after the job has read it: per school and procedure, aggregates
// only — no student codes, no names, no per-student rows. The same objects are stored between chunks
// (in the state sheet, as JSON) and validated with these schemas when read back.
import * as z from '../zod';

const count = z.int().check(z.nonnegative());
const pct = z.number().check(z.describe('Процент 0–100, округлён до 6 знаков'));
const described = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

export const taskStatusSchema = z.enum(['sufficient', 'uncertain', 'insufficient', 'none']);

export const taskDefSchema = z.object({
  id: z.string().check(z.describe('Код задания как в заголовке результатов: "1", "4К1", "9.1"')),
  max: z.number().check(z.positive()),
  level: z.nullable(z.enum(['Б', 'П', 'В'])),
  skill: z.optional(z.string()),
});

export const signSchema = z.object({
  rule: z.enum(['lowered', 'raised', 'highMarksLowCompletion', 'peaksAtCuts']),
  level: z.enum(['medium', 'high']),
  text: z.string(),
  reliable: z.boolean(),
});

export const regionSchema = z.object({
  group: z.string().check(z.describe('Строка отчёта ФИС ОКО, как на листе «Эталоны» («Энская область»)')),
  quality: described(z.nullable(pct), '«4» + «5», % («Статистика по отметкам»)'),
  meanCompletion: described(z.nullable(pct), 'Среднее выполнение заданий, взвешенное по макс. баллу («Выполнение заданий»)'),
});

export const procedureAggSchema = z.object({
  key: z.string().check(z.describe('вид|год|предмет|класс — одинаков у всех школ района')),
  title: z.string(),
  kind: z.string(),
  year: z.nullable(z.int()),
  subject: z.string(),
  grade: z.nullable(z.int()),
  sheet: z.string(),
  tasks: z.array(taskDefSchema),
  participants: count,
  reliable: z.boolean(),
  markSource: z.enum(['file', 'scale', 'threshold', 'none']),
  marks: z.object({ '2': count, '3': count, '4': count, '5': count }),
  quality: z.nullable(pct),
  success: z.nullable(pct),
  meanCompletion: z.nullable(pct),
  points: z
    .number()
    .check(
      z.nonnegative(),
      z.describe(
        'Сумма первичных баллов участников: среднее выполнение = points ÷ (participants × Σ max) — для точного сравнения с порогами',
      ),
    ),
  completion: z.array(z.nullable(pct)).check(z.describe('По заданиям, в порядке tasks')),
  status: z.array(taskStatusSchema),
  insufficient: count,
  risk: z.int().check(z.nonnegative(), z.describe('Участников в группе риска: отметка «2» или выполнено меньше порога risk.lowShare')),
  riskShare: z.nullable(pct),
  journal: z.object({ n: count, lowered: count, confirmed: count, raised: count }),
  signs: z.array(signSchema).check(z.describe('Признаки необъективности школы по этой работе (признаки для проверки, не выводы)')),
  region: described(z.nullable(regionSchema), 'Показатели региона по этой работе с листа «Эталоны» школы (ФИС ОКО), если он есть'),
});

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const reportProgressSchema = z.object({
  id: z.string().check(z.describe('Строка листа «Сроки отчётов» (ключ по тексту «что сдать» и «мероприятие»)')),
  matched: z.int().check(z.nonnegative(), z.describe('Мероприятий дорожных карт школы, подходящих под строку')),
  done: z.int().check(z.nonnegative(), z.describe('Из них «Выполнено»')),
  lastDone: described(z.nullable(isoDate), 'Самая поздняя «Дата выполнения» среди выполненных (если все выполнены и даты указаны)'),
});

export const roadmapProgressSchema = z.object({
  tabs: z.array(z.string()),
  total: z.int().check(z.nonnegative(), z.describe('Мероприятий со статусом, кроме «Отменено»')),
  done: count,
  doing: count,
  todo: count,
  cancelled: count,
  percent: z.nullable(pct).check(z.describe('Выполнено ÷ мероприятий × 100')),
  open: z
    .array(isoDate)
    .check(
      z.describe(
        'Сроки (окончание) невыполненных мероприятий «Не начато» и «В работе», по возрастанию: просрочено и ближайший срок считаются на дату свода',
      ),
    ),
  openUndated: z.int().check(z.nonnegative(), z.describe('Невыполненных мероприятий без даты срока')),
  reports: z.array(reportProgressSchema).check(z.describe('Строки листа «Сроки отчётов» района: что из них школа выполнила')),
});

export const schoolAggSchema = z.object({
  code: z.string(),
  name: z.string(),
  procedures: z.array(procedureAggSchema),
  roadmap: z.nullable(roadmapProgressSchema),
});

export const sourceRecordSchema = z.object({
  key: z.string(),
  ref: z.string(),
  label: z.string().check(z.describe('Имя таблицы или файла')),
  status: z.enum(['ok', 'failed']),
  reason: z.nullable(z.string()),
  notes: z.array(z.string()),
  hash: z.nullable(z.string()),
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
export type ReportProgress = z.infer<typeof reportProgressSchema>;
export type RegionBenchmark = z.infer<typeof regionSchema>;
export type SchoolAgg = z.infer<typeof schoolAggSchema>;
export type SourceRecord = z.infer<typeof sourceRecordSchema>;
export type TaskStatus = z.infer<typeof taskStatusSchema>;
