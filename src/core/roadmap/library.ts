// The built-in roadmap templates: the five seed documents, transcribed into templates/*.json and
// checked by `templateSchema` when first used.
import * as z from '../zod';
import { type RoadmapTemplate, templateSchema } from './template-schema';
import municipalLowResults from './templates/municipal-low-results.json';
import regionModelRoadmap from './templates/region-model-roadmap.json';
import schoolComplexAnalysis from './templates/school-complex-analysis.json';
import schoolObjectivityPlan from './templates/school-objectivity-plan.json';
import schoolObjectivityRoadmap from './templates/school-objectivity-roadmap.json';

const RAW: readonly unknown[] = [
  schoolComplexAnalysis,
  schoolObjectivityPlan,
  regionModelRoadmap,
  schoolObjectivityRoadmap,
  municipalLowResults,
];

let cache: RoadmapTemplate[] | null = null;

export function builtInTemplates(): RoadmapTemplate[] {
  cache ??= RAW.map((r) => z.parse(templateSchema, r));
  return cache;
}

export function findTemplate(id: string): RoadmapTemplate | undefined {
  return builtInTemplates().find((t) => t.id === id.trim());
}

export interface TemplateInfo {
  id: string;
  title: string;
  scope: RoadmapTemplate['scope'];
  sections: number;
  activities: number;
  tasks: number;
  indicators: number;
}

export function templateInfo(t: RoadmapTemplate): TemplateInfo {
  return {
    id: t.id,
    title: t.title,
    scope: t.scope,
    sections: t.sections.length,
    activities: t.sections.reduce((n, s) => n + s.activities.length, 0),
    tasks: t.sections.reduce((n, s) => n + s.tasks.length, 0),
    indicators: t.sections.reduce((n, s) => n + s.indicators.length, 0),
  };
}

export function listTemplates(): TemplateInfo[] {
  return builtInTemplates().map(templateInfo);
}
