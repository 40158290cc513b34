// What the analysis finds beyond deficits, typed for the tabs, the JSON export and the roadmap
// generator: at-risk students, objectivity signs, dynamics between procedures.
import type { OkoExport } from '../export/schema';
import { type Read, read } from '../input/read';
import type { Teachers } from '../input/teachers';
import type { WorkbookData } from '../input/workbook';
import type { Settings } from '../settings';
import type { ProcedureAnalysis } from './deficits';
import { analyseDynamics, type Dynamics } from './dynamics';
import { type Links, linkStudents } from './linking';
import { analyseObjectivity, type ObjectivityGroup, type ObjectivitySign } from './objectivity';
import { analyseRisk, type RiskProfile } from './risk';

export interface FindingsInput {
  links: Links;
  teachers: Teachers | null;
}

export interface Findings {
  /** One profile per at-risk student (roadmap: one ИОМ row each). */
  atRisk: RiskProfile[];
  /** Every objectivity sign that fired (roadmap: one check activity each). */
  objectivity: ObjectivitySign[];
  /** All groups checked for objectivity, with or without signs. */
  objectivityGroups: ObjectivityGroup[];
  dynamics: Dynamics;
  links: Links;
  /** The «Классы и учителя» sheet, when present (the roadmap names teachers from it). */
  teachers: Teachers | null;
}

/**
 * Links students across procedures (through «Соответствие кодов» when the workbook has it). Its notes
 * (codes reused by different students) come back with the result: `data` is not changed.
 */
export function prepareFindings(data: WorkbookData): Read<FindingsInput> {
  const linked = linkStudents(data.procedures, data.codes);
  return read({ links: linked.value, teachers: data.teachers }, linked.problems);
}

export function analyseFindings(input: FindingsInput, analyses: readonly ProcedureAnalysis[], s: Settings): Findings {
  const groups = analyseObjectivity(analyses, input.teachers, s);
  return {
    atRisk: analyseRisk(input.links, analyses, s),
    objectivity: groups.flatMap((g) => g.signs),
    objectivityGroups: groups,
    dynamics: analyseDynamics(input.links, analyses, s),
    links: input.links,
    teachers: input.teachers,
  };
}

export function emptyFindings(links: Links): Findings {
  return {
    atRisk: [],
    objectivity: [],
    objectivityGroups: [],
    dynamics: { comparisons: [], classes: [], students: [] },
    links,
    teachers: null,
  };
}

/** The JSON export's `atRisk` and `objectivity` (docs/oko-export.schema.json); no student names. */
export function exportFindings(f: Pick<Findings, 'atRisk' | 'objectivity'> | undefined): Pick<OkoExport, 'atRisk' | 'objectivity'> {
  if (!f) return { atRisk: [], objectivity: [] };
  return {
    atRisk: f.atRisk.map((p) => ({
      code: p.code,
      class: p.className,
      school: p.school,
      procedures: p.entries.map((e) => e.proc.key),
      subjects: p.subjects,
      reasons: p.reasons.map((r) => {
        const o: OkoExport['atRisk'][number]['reasons'][number] = { rule: r.rule, text: r.text };
        if (r.subject) o.subject = r.subject;
        if (r.procedure) o.procedure = r.procedure.key;
        return o;
      }),
      deficitTasks: p.deficits.map((d) => ({ procedure: d.procedure.key, tasks: d.tasks })),
      deficitSkills: [...new Set(p.deficits.flatMap((d) => d.skills))],
      focus: p.deficits.flatMap((d) => d.focus.map((x) => `${d.subject}: ${x}`)),
    })),
    objectivity: f.objectivity.map((x) => {
      const o: OkoExport['objectivity'][number] = {
        procedure: x.procedure.key,
        group: { level: x.groupLevel, name: x.group, school: x.school },
        rule: x.rule,
        level: x.level,
        numbers: Object.fromEntries(Object.entries(x.numbers).filter(([, v]) => Number.isFinite(v))),
        text: x.text,
        reliable: x.reliable,
      };
      if (x.teacher) o.teacher = x.teacher;
      return o;
    }),
  };
}
