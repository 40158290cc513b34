// Every schema that reaches an Apps Script bundle imports `z` from here: zod's «mini» build, whose
// functional API (z.optional(x), x.check(z.minLength(1))) lets the bundler keep only what is used —
// about 25 KB instead of the ~385 KB of the chainable API, loaded on every menu click and sidebar
// call. The jitless switch is set before any schema exists: Apps Script and the sidebar iframe
// forbid `new Function`, which zod's JIT would use. The JSON export's schemas (Node only) use the
// chainable API from ./zod-full.ts; both share zod's core, so either can parse the other's schemas.
//
// Import it as a namespace (`import * as z from '…/zod'`) and use members only: passing the namespace
// object around would make the bundler keep all of zod, its 40-odd locales included.
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
