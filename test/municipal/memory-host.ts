// An in-memory JobHost for core tests: sources are Workbooks (or the reason they cannot be read).
import type { Grid, Workbook } from '../../src/core/grid';
import { emptyHistory, type History } from '../../src/core/municipal/history';
import { type JobCursor, type JobHost, SourceError } from '../../src/core/municipal/job';
import type { SourceRecord } from '../../src/core/municipal/schema';
import type { SheetSpec } from '../../src/core/output/spec';
import { specToGrid } from '../../src/core/roadmap/run';

export interface MemoryHost extends JobHost {
  books: Map<string, Workbook | string | (() => Workbook)>;
  cursor: JobCursor | null;
  records: Map<string, SourceRecord>;
  history: History;
  tabs: readonly SheetSpec[];
  /** Every tab ever written, by name (the last version): what `readTab` gives back. */
  written: Map<string, SheetSpec>;
  status: SheetSpec | null;
  reads: number;
  clock: number;
  date: string;
}

export function memoryHost(books: Map<string, Workbook | string | (() => Workbook)>, date = '2026-05-20'): MemoryHost {
  const h: MemoryHost = {
    books,
    cursor: null,
    records: new Map(),
    history: emptyHistory(),
    tabs: [],
    written: new Map(),
    status: null,
    reads: 0,
    clock: 0,
    date,
    now: () => h.clock,
    today: () => h.date,
    read(unit) {
      h.reads++;
      const b = h.books.get(unit.key);
      if (b === undefined) throw new SourceError('нет такой таблицы');
      if (typeof b === 'string') throw new SourceError(b);
      return typeof b === 'function' ? b() : b;
    },
    loadCursor: () => (h.cursor ? { ...h.cursor } : null),
    saveCursor: (c) => {
      h.cursor = c ? { ...c } : null;
    },
    loadRecords: () => new Map(h.records),
    loadHistory: () => h.history,
    saveRecords: (rs, history) => {
      h.records = new Map(rs.map((r) => [r.key, r]));
      if (history) h.history = history;
    },
    readTab: (name): Grid | undefined => {
      const spec = h.written.get(name);
      return spec ? specToGrid(spec) : undefined;
    },
    writeTabs: (t) => {
      h.tabs = t;
      for (const spec of t) h.written.set(spec.name, spec);
    },
    writeStatus: (t) => {
      h.status = t;
    },
    schedule: () => {},
    unschedule: () => {},
  };
  return h;
}
