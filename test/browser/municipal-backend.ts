// The district panel's local backend: the built dist/municipal/Code.js in node:vm over the municipal
// fakes — the district spreadsheet, school spreadsheets read through the Sheets API, time-driven triggers and a fake
// clock that every Google call advances by its assumed latency. The bundle's Date reads that clock,
// so a chunk stops on its budget after "minutes" that take milliseconds, and the test decides when
// the continuation trigger fires. Same call shape as ./backend.ts, so the preview server serves it.
import type { CellValue } from '../../src/core/grid';
import { M } from '../../src/core/strings';
import { MUNICIPAL_FUNCTIONS } from '../../src/server/municipal/contract';
import { CONTINUE_HANDLER } from '../../src/sheets/municipal/triggers';
import { loadBundle, MUNICIPAL_CODE } from '../bundle/load';
import { createMunicipalGas, type Latency, type MunicipalGas } from '../fakes/municipal';
import { sources, sourcesSheet } from '../municipal/fixtures';
import type { LocalBackend } from './backend';

export const DISTRICT_BOOK = 'Свод района — Энский район';

export interface MunicipalBackend extends LocalBackend {
  gas: MunicipalGas;
  /** Contract calls so far, by function name. */
  calls: Map<string, number>;
  /** Fires the pending continuation trigger as Apps Script would: at its time, a new execution. */
  fireTrigger(): void;
}

const CALLABLE = new Set<string>(MUNICIPAL_FUNCTIONS);

export interface DistrictOptions {
  latency?: Partial<Latency>;
  /** «Источники» as the district wrote it (default: the municipal fixtures). */
  sourcesRows?: CellValue[][];
}

/** The municipal fixtures (8 sources, 4 of them failing) in a district spreadsheet, nothing collected yet. */
export function municipalBackend(opts: DistrictOptions = {}): MunicipalBackend {
  const gas = createMunicipalGas({ name: DISTRICT_BOOK, latency: opts.latency });
  gas.clock.now = Date.UTC(2026, 3, 21, 6, 0, 0);
  gas.ss.addSheet(M.tabs.sources, opts.sourcesRows ?? sourcesSheet());
  for (const s of sources()) {
    if (s.error) gas.denySource(s.id, s.error);
    else
      gas.addSource(
        s.id,
        s.name,
        s.grids.map((g) => [g.name, g.values] as const),
      );
  }
  const logs: unknown[][] = [];
  const bundle = loadBundle(gas, { code: MUNICIPAL_CODE, logs, Date: gas.clock.dateConstructor() });
  const calls = new Map<string, number>();
  return {
    gas,
    bundle,
    logs,
    calls,
    call(name, args) {
      if (!CALLABLE.has(name)) return { ok: false, message: `Script function not found: ${name}` };
      calls.set(name, (calls.get(name) ?? 0) + 1);
      // Each google.script.run call is an execution of its own.
      gas.clock.startExecution();
      try {
        const value = bundle.call(name, ...(JSON.parse(JSON.stringify(args)) as unknown[]));
        return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (e) {
        const message = (e as { message?: unknown } | null)?.message;
        return { ok: false, message: typeof message === 'string' ? message : String(e) };
      }
    },
    fireTrigger() {
      const t = gas.scriptApp.pending(CONTINUE_HANDLER);
      if (!t) throw new Error('no continuation trigger is pending');
      gas.clock.now = Math.max(gas.clock.now, t.dueAt);
      gas.clock.startExecution();
      bundle.call(CONTINUE_HANDLER, { triggerUid: 'fake-trigger' });
    },
  };
}
