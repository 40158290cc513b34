// An in-memory JobHost for core tests: sources are Workbooks (or the reason they cannot be read).
import type { Workbook } from '../../src/core/grid';
import { type JobCursor, type JobHost, SourceError } from '../../src/core/municipal/job';
import type { SourceRecord } from '../../src/core/municipal/schema';
import type { SheetSpec } from '../../src/core/output/spec';

export interface MemoryHost extends JobHost {
  books: Map<string, Workbook | string>;
  cursor: JobCursor | null;
  records: Map<string, SourceRecord>;
  tabs: readonly SheetSpec[];
  status: SheetSpec | null;
  reads: number;
  clock: number;
}

export function memoryHost(books: Map<string, Workbook | string>): MemoryHost {
  const h: MemoryHost = {
    books,
    cursor: null,
    records: new Map(),
    tabs: [],
    status: null,
    reads: 0,
    clock: 0,
    now: () => h.clock,
    read(unit) {
      h.reads++;
      const b = h.books.get(unit.key);
      if (b === undefined) throw new SourceError('нет такой таблицы');
      if (typeof b === 'string') throw new SourceError(b);
      return b;
    },
    loadCursor: () => (h.cursor ? { ...h.cursor } : null),
    saveCursor: (c) => {
      h.cursor = c ? { ...c } : null;
    },
    loadRecords: () => new Map(h.records),
    saveRecords: (rs) => {
      h.records = new Map(rs.map((r) => [r.key, r]));
    },
    writeTabs: (t) => {
      h.tabs = t;
    },
    writeStatus: (t) => {
      h.status = t;
    },
    schedule: () => {},
    unschedule: () => {},
  };
  return h;
}
