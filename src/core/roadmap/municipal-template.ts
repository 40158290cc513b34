// The municipal programme for schools with low results (seed 004) on its own: the district edition
// needs this one template, and importing the library would put all five into its Apps Script bundle,
// which is parsed again on every menu click, panel poll and trigger.
import * as z from '../zod';
import { type RoadmapTemplate, templateSchema } from './template-schema';
import raw from './templates/municipal-low-results.json';

let cache: RoadmapTemplate | null = null;

export function municipalTemplate(): RoadmapTemplate {
  cache ??= z.parse(templateSchema, raw);
  return cache;
}
