import { z } from '../zod-full';
import { exportSchema } from './schema';

/** The JSON Schema (draft 2020-12) of the export, as committed in docs/. */
export function exportJsonSchema(): string {
  const schema = z.toJSONSchema(exportSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ title: 'ОКО: экспорт результатов анализа', ...schema }, null, 2)}\n`;
}
