// Regenerates docs/municipal-export.schema.json from the zod schema of the municipal JSON export.
// A test fails when the committed file is out of date: run `npm run schema:municipal`.
import { writeFileSync } from 'node:fs';
import { municipalJsonSchema } from '../src/core/municipal/export';

writeFileSync(new URL('../docs/municipal-export.schema.json', import.meta.url), municipalJsonSchema());
console.log('docs/municipal-export.schema.json written');
