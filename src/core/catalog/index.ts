// Built-in task plans («обобщённый план варианта») from the ФИОКО KIM descriptions, matched to a
// procedure by subject + grade + task codes and max scores.
import type { TaskLevel } from '../model';
import * as z from '../zod';
import literaryReading4 from './data/vpr-literary_reading-grade4-2026.json';
import mathematics4 from './data/vpr-mathematics-grade4-2026.json';
import russian4 from './data/vpr-russian-grade4-2026.json';

const itemSchema = z.object({
  task_code: z.string(),
  max_score: z.number().check(z.positive()),
  section: z.optional(z.string()),
  topic: z.optional(z.string()),
  subtopic: z.optional(z.string()),
  skill: z.optional(z.string()),
  planned_result: z.optional(z.string()),
  complexity: z.enum(['Базовый', 'Повышенный', 'Высокий']),
});
const catalogSchema = z.object({
  meta: z.object({
    exam: z.string(),
    year: z.int(),
    subject: z.string(),
    parallel: z.int(),
    source: z.string(),
  }),
  items: z.array(itemSchema).check(z.minLength(1)),
});

export interface CatalogItem {
  id: string;
  max: number;
  level: TaskLevel;
  section?: string;
  topic?: string;
  skill?: string;
  plannedResult?: string;
}
export interface Catalog {
  id: string;
  exam: string;
  year: number;
  subject: string;
  grade: number;
  source: string;
  items: Map<string, CatalogItem>;
}

const LEVEL: Record<string, TaskLevel> = { Базовый: 'Б', Повышенный: 'П', Высокий: 'В' };

function load(id: string, raw: unknown): Catalog {
  const c = z.parse(catalogSchema, raw);
  const items = new Map<string, CatalogItem>();
  for (const it of c.items) {
    const item: CatalogItem = { id: it.task_code, max: it.max_score, level: LEVEL[it.complexity] as TaskLevel };
    if (it.section) item.section = it.section;
    if (it.topic) item.topic = it.subtopic ? `${it.topic}: ${it.subtopic}` : it.topic;
    if (it.skill) item.skill = it.skill;
    if (it.planned_result) item.plannedResult = it.planned_result;
    items.set(it.task_code, item);
  }
  return { id, exam: c.meta.exam, year: c.meta.year, subject: c.meta.subject, grade: c.meta.parallel, source: c.meta.source, items };
}

let cache: Catalog[] | null = null;
export function catalogs(): Catalog[] {
  cache ??= [
    load('vpr-russian-4-2026', russian4),
    load('vpr-mathematics-4-2026', mathematics4),
    load('vpr-literary_reading-4-2026', literaryReading4),
  ];
  return cache;
}

/**
 * The catalog whose subject and grade match and which has every task of the procedure with the
 * same max score. A catalog lists both a task and its parts (9 and 9.1, 9.2): results use one or the other.
 */
export function findCatalog(subject: string, grade: number | null, tasks: readonly { id: string; max: number }[]): Catalog | null {
  for (const c of catalogs()) {
    if (c.subject !== subject || c.grade !== grade) continue;
    if (tasks.every((t) => c.items.get(t.id)?.max === t.max)) return c;
  }
  return null;
}
