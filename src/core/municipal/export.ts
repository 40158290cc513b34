// The district aggregate as JSON (zod schema → docs/municipal-export.schema.json) and as one long
// table (school × procedure × task), the shape that loads into BigQuery or any database unchanged.
// No timestamps: the same records give byte-identical output, however many chunks collected them.
import { procedureIdentityShape } from '../export/schema';
import { z } from '../zod-full';
import type { District } from './district';
import { procedureAggSchema, roadmapProgressSchema, taskStatusSchema } from './schema';
import type { DistrictSettings } from './settings';
import { supportPlan } from './support';

const count = z.number().int().nonnegative();
const criterionSchema = z.enum(['quality', 'meanCompletion', 'riskShare', 'belowRegion', 'bottomQuartile']);

export const municipalExportSchema = z.object({
  format: z.literal('oko-municipal'),
  version: z.literal(1),
  settings: z.record(z.string(), z.number()).describe('Пороги анализа и параметры района, с которыми построен экспорт'),
  attributes: z.array(z.string()).describe('Признаки кластеров (столбцы листа «Источники»)'),
  sources: z.array(
    z.object({
      ref: z.string().describe('Ссылка, идентификатор таблицы или имя файла, как на листе «Источники»'),
      key: z.string(),
      status: z.enum(['ok', 'failed', 'waiting']),
      reason: z.string().nullable(),
      notes: z.array(z.string()),
      schools: z.array(z.string()).describe('Коды ОО, полученные из источника'),
    }),
  ),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      cluster: z.string(),
      attributes: z.record(z.string(), z.string()),
      source: z.string(),
      roadmap: z.nullable(roadmapProgressSchema),
      procedures: z.array(procedureAggSchema),
    }),
  ),
  procedures: z.array(
    z.object({
      ...procedureIdentityShape,
      schools: count,
      participants: count,
      meanCompletion: z.number().nullable(),
      tasks: z.array(
        z.object({
          id: z.string(),
          max: z.number(),
          level: z.enum(['Б', 'П', 'В']).nullable(),
          skill: z.string().optional(),
          completion: z.number().nullable().describe('По всем участникам района'),
          status: taskStatusSchema,
          schools: count.describe('Школ, писавших задание'),
          insufficientSchools: count,
          fallsOut: z.boolean().describe('Недостаточно выполнено не меньше чем в district.fallShare % школ'),
        }),
      ),
    }),
  ),
  shnor: z.object({
    flags: z
      .array(
        z.object({
          cluster: z.string(),
          code: z.string(),
          name: z.string(),
          procedure: z.string(),
          procedureKey: z.string(),
          year: z.number().int().nullable(),
          criterion: criterionSchema,
          value: z.number(),
          threshold: z.number(),
          clusterMedian: z.number().nullable(),
          clusterSchools: count,
          participants: count,
          detail: z.string(),
        }),
      )
      .describe('Каждый критерий, выполненный в отдельной работе (у школ в списке и вне его)'),
    schools: z
      .array(
        z.object({
          cluster: z.string(),
          code: z.string(),
          name: z.string(),
          evaluated: count.describe('Работ оценено'),
          listed: z.boolean().describe('В списке ШНОР: засчитано критериев не меньше shnor.minCriteria'),
          counted: z.array(criterionSchema),
          criteria: z.array(
            z.object({
              criterion: criterionSchema,
              hits: count.describe('Работ, где критерий выполнен'),
              of: count.describe('Работ, где его можно проверить'),
              counted: z.boolean(),
              reason: z.enum(['share', 'years']).nullable(),
            }),
          ),
          partner: z
            .object({
              code: z.string(),
              name: z.string(),
              tasks: z.array(z.object({ procedure: z.string(), task: z.string(), own: z.number(), theirs: z.number() })),
            })
            .nullable()
            .describe('Предлагаемая школа-партнёр того же кластера (только у школ в списке)'),
        }),
      )
      .describe('Школы, у которых есть хотя бы одна оценённая работа'),
    stableHigh: z.array(z.object({ cluster: z.string(), code: z.string(), name: z.string(), high: count, of: count })),
    tooFew: z.array(z.object({ cluster: z.string(), code: z.string(), name: z.string(), works: count, participants: count })),
    notEvaluated: z.array(
      z.object({ cluster: z.string(), code: z.string(), name: z.string(), procedure: z.string(), participants: count }),
    ),
    clusters: z.array(z.object({ name: z.string(), schools: count, flagged: count.describe('Школ в списке') })),
  }),
  notes: z.array(z.string()),
  problems: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      code: z.string(),
      sheet: z.string(),
      row: z.number().int().optional(),
      col: z.number().int().optional(),
      message: z.string(),
    }),
  ),
});

export type MunicipalExport = z.infer<typeof municipalExportSchema>;

export function buildMunicipalExport(d: District, s: DistrictSettings): MunicipalExport {
  const support = new Map(supportPlan(d, s).schools.map((x) => [x.school.code, x]));
  return {
    format: 'oko-municipal',
    version: 1,
    settings: { ...s.analysis, ...s.municipal },
    attributes: [...d.attributes],
    sources: d.sources.map((st) => ({
      ref: st.unit.ref,
      key: st.unit.key,
      status: !st.record || !st.done ? 'waiting' : st.record.status,
      reason: st.record?.reason ?? null,
      notes: st.record?.notes ?? [],
      schools: st.record?.schools.map((x) => x.code) ?? [],
    })),
    schools: d.schools.map((sc) => ({
      code: sc.code,
      name: sc.name,
      cluster: sc.cluster,
      attributes: { ...sc.attrs },
      source: sc.source,
      roadmap: sc.roadmap,
      procedures: sc.procedures,
    })),
    procedures: d.procedures.map((p) => {
      const falls = new Set(p.falls.map((f) => f.index));
      return {
        key: p.key,
        title: p.title,
        kind: p.kind,
        year: p.year,
        subject: p.subject,
        grade: p.grade,
        schools: p.rows.length,
        participants: p.participants,
        meanCompletion: p.meanCompletion,
        tasks: p.tasks.map((t, i) => ({
          ...t,
          completion: p.completion[i] ?? null,
          status: p.status[i] ?? 'none',
          schools: p.schoolsWithTask[i] ?? 0,
          insufficientSchools: p.insufficientSchools[i] ?? 0,
          fallsOut: falls.has(i),
        })),
      };
    }),
    shnor: {
      flags: d.shnor.flags,
      schools: d.shnor.schools.map((x) => {
        const partner = support.get(x.code)?.partner ?? null;
        return {
          cluster: x.cluster,
          code: x.code,
          name: x.name,
          evaluated: x.evaluated,
          listed: x.listed,
          counted: x.counted,
          criteria: x.criteria.map((c) => ({
            criterion: c.criterion,
            hits: c.hits.length,
            of: c.of,
            counted: c.counted,
            reason: c.reason,
          })),
          partner: partner
            ? {
                code: partner.code,
                name: partner.name,
                tasks: partner.tasks.map((t) => ({ procedure: t.procedure, task: t.task, own: t.own, theirs: t.theirs })),
              }
            : null,
        };
      }),
      stableHigh: d.shnor.stableHigh.map(({ cluster, code, name, high, of }) => ({ cluster, code, name, high, of })),
      tooFew: d.shnor.tooFew,
      notEvaluated: d.shnor.notEvaluated,
      clusters: d.shnor.clusters,
    },
    notes: [...d.notes],
    problems: d.problems.map((p) => ({ ...p })),
  };
}

export const LONG_COLUMNS = [
  'school_code',
  'school_name',
  'cluster',
  'procedure_key',
  'procedure',
  'kind',
  'year',
  'subject',
  'grade',
  'participants',
  'mean_completion',
  'quality',
  'risk_share',
  'task_id',
  'task_level',
  'task_max',
  'completion',
  'status',
] as const;

export type LongCell = string | number | null;

/** One row per school × procedure × task: the table Connected Sheets / BigQuery would hold. */
export function longRows(d: District): LongCell[][] {
  const out: LongCell[][] = [];
  for (const sc of d.schools) {
    for (const p of sc.procedures) {
      p.tasks.forEach((t, i) => {
        out.push([
          sc.code,
          sc.name,
          sc.cluster,
          p.key,
          p.title,
          p.kind,
          p.year,
          p.subject,
          p.grade,
          p.participants,
          p.meanCompletion,
          p.quality,
          p.riskShare,
          t.id,
          t.level,
          t.max,
          p.completion[i] ?? null,
          p.status[i] ?? 'none',
        ]);
      });
    }
  }
  return out;
}

/** RFC 4180 CSV (UTF-8, comma, CRLF), header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly LongCell[])[]): string {
  const cell = (v: LongCell) => {
    if (v === null) return '';
    const t = String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${[header, ...rows].map((r) => r.map((v) => cell(v as LongCell)).join(',')).join('\r\n')}\r\n`;
}

export function municipalJsonSchema(): string {
  const schema = z.toJSONSchema(municipalExportSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ title: 'ОКО: сводный экспорт района (без данных учеников)', ...schema }, null, 2)}\n`;
}
