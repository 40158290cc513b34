// Regenerates docs/oko-export.schema.json from the zod schema of the JSON export.
// A test fails when the committed file is out of date: run `npm run schema`.
import { writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../src/core/export/json-schema';

writeFileSync(new URL('../docs/oko-export.schema.json', import.meta.url), exportJsonSchema());
console.log('docs/oko-export.schema.json written');
