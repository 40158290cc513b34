// zod's chainable API, for the schemas that only Node runs: the JSON export (`oko analyze --json`,
// `oko aggregate --json`) and the JSON Schema documents generated from it. Apps Script bundles use
// the smaller ./zod.ts; a test keeps this module out of them.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
