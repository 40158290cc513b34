// The local backend of the sidebar: the built dist/school/Code.js in node:vm over the in-memory SpreadsheetApp
// fake, exactly as the bundle tests load it. The preview server and the browser tests call the same
// server functions the real sidebar calls through google.script.run, by name, with JSON in and out.
import { buildSampleSchool, type SampleCell } from '../../src/local/sample';
import { SERVER_FUNCTIONS } from '../../src/server/contract';
import { type Bundle, loadBundle } from '../bundle/load';
import { createFakeGas, type FakeGas } from '../fakes';

export interface SheetRows {
  name: string;
  rows: readonly (readonly unknown[])[];
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export interface LocalBackend {
  gas: FakeGas;
  bundle: Bundle;
  /** Server-side log lines (console.error of the bundle). */
  logs: unknown[][];
  /** Calls a contract function as google.script.run would: JSON in, JSON out, errors as messages. */
  call(name: string, args: unknown[]): CallOutcome;
}

const CALLABLE = new Set<string>(SERVER_FUNCTIONS);

export function createBackend(spreadsheet: string, sheets: readonly SheetRows[]): LocalBackend {
  const gas = createFakeGas({ name: spreadsheet });
  for (const s of sheets) gas.ss.addSheet(s.name, s.rows);
  const logs: unknown[][] = [];
  const bundle = loadBundle(gas, logs);
  return {
    gas,
    bundle,
    logs,
    call(name, args) {
      if (!CALLABLE.has(name)) return { ok: false, message: `Script function not found: ${name}` };
      try {
        // Arguments and results cross as JSON, as google.script.run serialises them.
        const value = bundle.call(name, ...(JSON.parse(JSON.stringify(args)) as unknown[]));
        return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (e) {
        // Errors come from the bundle's realm (node:vm), where `instanceof Error` does not hold.
        const message = (e as { message?: unknown } | null)?.message;
        return { ok: false, message: typeof message === 'string' ? message : String(e) };
      }
    },
  };
}

const plain = (v: SampleCell) => (v !== null && typeof v === 'object' ? v.result : v);

export const SAMPLE_BOOK = 'Пример школы — МБОУ «СОШ № 7»';

/** The sample school (src/local/sample) in the fake spreadsheet. */
export function sampleBackend(): LocalBackend {
  return createBackend(
    SAMPLE_BOOK,
    buildSampleSchool(1).sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(plain)) })),
  );
}
