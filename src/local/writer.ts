// The .xlsx side of the write plan (core/write/plan.ts): the lossless package writer
// (./package/write.ts) behind the PlanWriter interface that `applyPlan` drives. The package writer
// makes the whole output in one pass, so this writer collects the plan as `applyPlan` hands it over,
// in its order, and writes the package once everything is known — at the highlights (the last step
// that reports numbers) or at `finish`. Nothing touches the user's file: the bytes are saved by the
// caller, atomically, only for an accepted run.
import type { Grid } from '../core/grid';
import type { SheetHighlight } from '../core/output/highlight';
import type { SheetSpec } from '../core/output/spec';
import type { HighlightReport, PlanWriter } from '../core/write/plan';
import type { Package } from './package/opc';
import { writePackage } from './package/write';

export interface PackageWriter {
  writer: PlanWriter;
  /** The output package's bytes (writes it now when the plan had no highlights step). */
  finish(): Uint8Array;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `input`: the .xlsx package as read (kept part for part), or grids read from .xls/.ods/.csv (a new .xlsx). */
export function packageWriter(input: Package | { grids: readonly Grid[] }, sheetNames: readonly string[]): PackageWriter {
  const replace: SheetSpec[] = [];
  const ensure: SheetSpec[] = [];
  const remove: string[] = [];
  let highlights: SheetHighlight[] | null = null;
  let bytes: Uint8Array | null = null;
  const exists = (name: string) => sheetNames.some((n) => same(n, name)) || replace.some((s) => same(s.name, name));
  const write = () => {
    const out = writePackage(input, { replace, ensure, remove, highlights });
    bytes = out.bytes;
    return out.report;
  };
  const writer: PlanWriter = {
    prepare: () => {},
    replaceTabs: (specs) => {
      replace.push(...specs);
    },
    ensureTab: (spec) => {
      if (exists(spec.name) || ensure.some((s) => same(s.name, spec.name))) return false;
      ensure.push(spec);
      return true;
    },
    removeTab: (name) => {
      if (!sheetNames.some((n) => same(n, name))) return false;
      remove.push(name);
      return true;
    },
    setHighlights: (hs): HighlightReport => {
      highlights = [...hs];
      const report = write();
      const sheets = [...new Set(hs.map((h) => h.sheet))];
      return { removed: report.highlights.removed, added: report.highlights.added, sheets };
    },
  };
  return {
    writer,
    finish: () => {
      if (!bytes) write();
      return bytes as unknown as Uint8Array;
    },
  };
}
