// The JSON export: its zod schema is the documentation (docs/oko-export.schema.json is generated from it).
import { z } from '../zod-full';

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
  absent: z.number().int().nonnegative().describe('Отсутствовавшие: класса (если в строке указан класс), параллели, все — у школы'),
  marks: z
    .object({
      '2': z.number().int().nonnegative(),
      '3': z.number().int().nonnegative(),
      '4': z.number().int().nonnegative(),
      '5': z.number().int().nonnegative(),
    })
    .nullable()
    .describe(
      'Число участников группы с отметкой 2, 3, 4, 5 (участники без отметки не учтены); null — отметок нет, причина в procedures[].notChecked.marks',
    ),
  journal: z
    .object({ lowered: z.number().int().nonnegative(), confirmed: z.number().int().nonnegative(), raised: z.number().int().nonnegative() })
    .nullable()
    .describe(
      'Сравнение с отметкой по журналу среди участников с обеими отметками: понизили (отметка < журнальной), подтвердили (=), повысили (>); null — сравнение не проведено, причина в procedures[].notChecked.journal',
    ),
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
  testScore: z.number().optional().describe('Тестовый балл ЕГЭ из протокола'),
  belowThreshold: z.boolean().optional().describe('Не преодолел минимальный балл ГИА (считается как отметка «2»)'),
  journalMark: z.number().int().min(2).max(5).nullable(),
  deficits: z.array(z.string()).describe('Коды заданий, где набрано меньше порога доли баллов'),
});

/**
 * What names a procedure in every export, the school's and the district's: the same fields, so a
 * database that loads both joins them on `key`.
 */
export const procedureIdentityShape = {
  key: z.string(),
  title: z.string(),
  kind: z.string(),
  year: z.number().int().nullable(),
  subject: z.string(),
  grade: z.number().int().nullable(),
};

export const exportProcedureSchema = z.object({
  ...procedureIdentityShape,
  date: z.string().nullable(),
  sheet: z.string(),
  layout: z.enum(['vpr-form', 'fis-f1', 'generic', 'gia-protocol']),
  maxTotal: z.number(),
  markSource: z
    .enum(['file', 'scale', 'threshold', 'none'])
    .describe('threshold — ЕГЭ без перевода в пятибалльную шкалу: «2» ниже минимального балла, «3» — порог преодолён'),
  threshold: z
    .object({ score: z.number(), on: z.enum(['primary', 'test']), source: z.string() })
    .nullable()
    .describe('Минимальный балл ГИА (лист «Шкалы ГИА»): по первичному баллу (ОГЭ, ГВЭ) или по тестовому (ЕГЭ)'),
  planSource: z.string().nullable(),
  absent: z.number().int().nonnegative(),
  notChecked: z
    .object({
      marks: z.string().optional(),
      journal: z.string().optional(),
      objectivity: z.string().optional(),
      skills: z.string().optional(),
    })
    .describe('Проверки, которые не удалось провести для этой работы, с причиной (нет ключа — проверка проведена)'),
  tasks: z.array(exportTaskSchema).describe('Задания в порядке работы; словари по кодам заданий в файле идут в том же порядке'),
  groups: z.array(exportGroupSchema),
  students: z.array(exportStudentSchema),
});

export const exportProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  sheet: z.string().describe('Лист; при scope = "file" — имя файла'),
  scope: z.literal('file').optional().describe('Замечание о файле целиком (например, в нём нет ни одного листа с результатами)'),
  row: z.number().int().optional(),
  col: z.number().int().optional(),
  message: z.string(),
});

export const exportRiskSchema = z.object({
  code: z.string().describe('Код участника в последней работе ученика (ФИО в выгрузку не попадают)'),
  class: z.string().describe('Класс в последней работе'),
  school: z.string(),
  procedures: z.array(z.string()).describe('Ключи работ ученика (procedures[].key) в порядке времени'),
  subjects: z.array(z.string()).describe('Предметы, по которым ученик в группе риска'),
  reasons: z
    .array(
      z.object({
        rule: z.enum(['mark2', 'lowScore', 'decline', 'stableLow', 'multiSubject']),
        text: z.string().describe('Причина словами: «Отметка «2» по ВПР 2026 Математика 5 класс»'),
        subject: z.string().optional(),
        procedure: z.string().optional().describe('Ключ работы, на которой сработало правило'),
      }),
    )
    .describe('Почему ученик в группе риска: по одной записи на сработавшее правило'),
  deficitTasks: z
    .array(z.object({ procedure: z.string(), tasks: z.array(z.string()) }))
    .describe('По последней работе каждого предмета риска: задания, где набрано меньше порога доли баллов'),
  deficitSkills: z.array(z.string()).describe('Умения этих заданий (по плану заданий)'),
  focus: z.array(z.string()).describe('На что обратить внимание: разделы (или умения) с наибольшей потерей баллов'),
});

export const exportObjectivitySchema = z.object({
  procedure: z.string().describe('Ключ работы (procedures[].key)'),
  group: z.object({ level: z.enum(['class', 'teacher', 'school']), name: z.string(), school: z.string() }),
  teacher: z.string().optional().describe('Учитель класса (лист «Классы и учителя») или учитель группы'),
  rule: z.enum(['lowered', 'raised', 'highMarksLowCompletion', 'peaksAtCuts']),
  level: z.enum(['medium', 'high']),
  numbers: z.record(z.string(), z.number()).describe('Числа, которые сравнивало правило: percent, count, of, threshold…'),
  text: z.string().describe('«Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень»'),
  reliable: z.boolean().describe('Основа признака не меньше порога надёжности (по умолчанию 10 участников)'),
});

export const exportSchema = z.object({
  format: z.literal('oko-export'),
  version: z.literal(2).describe('2: marks и journal групп могут быть null (с причиной в notChecked), у групп есть absent'),
  source: z.string().describe('Имя книги или таблицы'),
  settings: z.record(z.string(), z.number()),
  procedures: z.array(exportProcedureSchema),
  problems: z.array(exportProblemSchema),
  atRisk: z.array(exportRiskSchema).describe('Группа риска: по одному профилю на ученика'),
  objectivity: z.array(exportObjectivitySchema).describe('Признаки для проверки объективности (не выводы о работе учителя)'),
});

export type OkoExport = z.infer<typeof exportSchema>;
