// The local backend of the sidebar: the built dist/school/Code.js in node:vm over the in-memory SpreadsheetApp
// fake, exactly as the bundle tests load it. The preview server and the browser tests call the same
// server functions the real sidebar calls through google.script.run, by name, with JSON in and out.
import { buildSampleSchool, type SampleCell } from '../../src/local/sample';
import { SERVER_FUNCTIONS } from '../../src/server/contract';
import { type Bundle, loadBundle } from '../bundle/load';
import { type FakeDocServices, fakeDocServices } from '../docs/fake-drive';
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

/**
 * `docs`: the strict fake Drive service (test/docs/fake-drive.ts) beside SpreadsheetApp, wired as
 * test/docs/bundle.test.ts does, for «Справка и ИОМ в Google Документах».
 */
export function createBackend(spreadsheet: string, sheets: readonly SheetRows[], docs?: FakeDocServices): LocalBackend {
  const gas = createFakeGas({ name: spreadsheet });
  for (const s of sheets) gas.ss.addSheet(s.name, s.rows);
  const logs: unknown[][] = [];
  if (docs) {
    Object.assign(gas.globals.Utilities, { newBlob: docs.blobs.newBlob.bind(docs.blobs) });
    Object.assign(gas.globals.HtmlService, { createHtmlOutput: docs.dialogs.createHtmlOutput.bind(docs.dialogs) });
    Object.assign(gas.ui, { showModalDialog: docs.dialogs.showModalDialog.bind(docs.dialogs) });
  }
  const bundle = loadBundle(docs ? { ...gas, globals: { ...gas.globals, Drive: docs.drive } as FakeGas['globals'] } : gas, logs);
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

/** The sample school (src/local/sample) in the fake spreadsheet; `docs`: with the fake Drive service. */
export function sampleBackend(docs?: FakeDocServices): LocalBackend {
  return createBackend(
    SAMPLE_BOOK,
    buildSampleSchool(1).sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(plain)) })),
    docs,
  );
}

/** The sample school with the strict fake Drive service: the backend and the documents it made. */
export function documentsBackend(): { backend: LocalBackend; docs: FakeDocServices } {
  const docs = fakeDocServices();
  return { backend: sampleBackend(docs), docs };
}
