// ============================================================================================
// SHEETS ADAPTER CALL COUNT: every `run.tabs` spec is written through the Apps Script adapter
// (src/sheets/write.ts `writeSpec`) into the in-memory fake (test/fakes), starting from an empty
// spreadsheet, and the fake's call log is read. The budget (ARCHITECTURE.md): calls per tab must
// not grow with rows, so the numbers should be the same for 10 k, 100 k and 1 M scores.
// ============================================================================================
import type { AnalysisRun } from '../src/core/pipeline';
import { readSpreadsheet } from '../src/sheets/read';
import { writeSpec } from '../src/sheets/write';
import { createFakeGas, installFakeGas } from '../test/fakes';

export interface SheetsCalls {
  /** Calls that read or change the document (what Apps Script quotas and latency are about). */
  doc: number;
  /** All calls, builders (text styles, rules) included. */
  total: number;
  tabs: number;
  /** Wall time of the adapter against the fake, ms: not Google's latency, only our own work. */
  ms: number;
}

/** Calls the Sheets adapter makes to write the run's generated tabs into an empty spreadsheet. */
export function sheetsCallCount(run: AnalysisRun): SheetsCalls {
  const gas = createFakeGas({ name: 'ОКО bench' });
  const undo = installFakeGas(gas);
  try {
    const read = readSpreadsheet(gas.ss);
    gas.log.reset();
    const t = performance.now();
    for (const spec of run.tabs) writeSpec(gas.ss, spec, read.tabs);
    return { doc: gas.log.docCalls, total: gas.log.total(), tabs: run.tabs.length, ms: performance.now() - t };
  } finally {
    undo();
  }
}
