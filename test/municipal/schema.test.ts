// The committed JSON Schema of the municipal export is the one the zod schema generates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipalJsonSchema } from '../../src/core/municipal/export';

describe('docs/municipal-export.schema.json', () => {
  it('is current (npm run schema:municipal regenerates it)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'municipal-export.schema.json'), 'utf8');
    expect(committed).toBe(municipalJsonSchema());
  });

  it('describes an aggregate without student-level fields', () => {
    const text = municipalJsonSchema();
    for (const field of ['"students"', '"scores"', '"journalMark"', '"deficits"']) expect(text).not.toContain(field);
  });
});
