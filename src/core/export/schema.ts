// The JSON export: its zod schema is the documentation (docs/oko-export.schema.json is generated from it).
import { z } from '../zod';

const percent = z.number().describe('Процент, не округлён (0–100)');
const status = z.enum(['sufficient', 'uncertain', 'insufficient', 'none']);

export const exportTaskSchema = z.object({
  id: z.string().describe('Код задания как в заголовке результатов: "1", "4К1", "9.1"'),
  max: z.number().positive(),
  level: z.enum(['Б', 'П', 'В']).nullable().describe('Уровень сложности; null — неизвестен'),
  skill: z.string().optional(),
  plannedResult: z.string().optional(),
  section: z.string().optional(),
});

export const exportGroupSchema = z.object({
  level: z.enum(['school', 'parallel', 'class']),
  name: z.string(),
  school: z.string(),
  participants: z.number().int().nonnegative().describe('Присутствовавшие участники'),
  reliable: z.boolean().describe('participants ≥ порога надёжности'),
  meanCompletion: percent.nullable(),
  completion: z.record(z.string(), percent.nullable()).describe('Процент выполнения по коду задания'),
  status: z.record(z.string(), status),
});

export const exportStudentSchema = z.object({
  code: z.string().describe('Код участника (в таблице без кодов — ФИО)'),
  class: z.string(),
  school: z.string(),
  scores: z
    .record(z.string(), z.union([z.number(), z.literal('X')]))
    .describe('Баллы по коду задания; "X" — не приступал (0 баллов), отличается от 0'),
  total: z.number(),
  completion: percent,
  mark: z.number().int().min(2).max(5).nullable(),
  journalMark: z.number().int().min(2).max(5).nullable(),
  deficits: z.array(z.string()).describe('Коды заданий, где набрано меньше порога доли баллов'),
});

export const exportProcedureSchema = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.string(),
  year: z.number().int().nullable(),
  subject: z.string(),
  grade: z.number().int().nullable(),
  date: z.string().nullable(),
  sheet: z.string(),
  layout: z.enum(['vpr-form', 'fis-f1', 'generic']),
  maxTotal: z.number(),
  markSource: z.enum(['file', 'scale', 'none']),
  planSource: z.string().nullable(),
  absent: z.number().int().nonnegative(),
  tasks: z.array(exportTaskSchema),
  groups: z.array(exportGroupSchema),
  students: z.array(exportStudentSchema),
});

export const exportProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  sheet: z.string(),
  row: z.number().int().optional(),
  col: z.number().int().optional(),
  message: z.string(),
});

export const exportSchema = z.object({
  format: z.literal('oko-export'),
  version: z.literal(1),
  source: z.string().describe('Имя книги или таблицы'),
  settings: z.record(z.string(), z.number()),
  procedures: z.array(exportProcedureSchema),
  problems: z.array(exportProblemSchema),
});

export type OkoExport = z.infer<typeof exportSchema>;
