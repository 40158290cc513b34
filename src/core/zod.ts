// Every schema in the project imports `z` from here, so the jitless switch is set before any schema
// exists: Apps Script and the sidebar iframe forbid `new Function`, which zod's JIT would use.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
