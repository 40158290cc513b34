// Reading a generated tab's tables by column id, as the product does (core/output/columns.ts): tests
// say «the level column of the objectivity table», not «column P».
import { type ColumnId, columnLabel, type TableName, tablesOf } from '../../src/core/output/columns';
import type { SheetSpec, SpecCell, SpecTable } from '../../src/core/output/spec';

export function table(spec: SheetSpec, name: TableName, nth = 0): SpecTable {
  const t = tablesOf(spec, name)[nth];
  if (!t) throw new Error(`«${spec.name}»: no table «${name}» #${nth} (tables: ${(spec.tables ?? []).map((x) => x.table).join(', ')})`);
  return t;
}

/** 0-based column of `id` in the `nth` table `name`. */
export function col<T extends TableName>(spec: SheetSpec, name: T, id: ColumnId<T>, nth = 0): number {
  const c = table(spec, name, nth).columns[id];
  if (c === undefined) throw new Error(`«${spec.name}»: table «${name}» has no column «${id}»`);
  return c;
}

export type Row = Record<string, SpecCell> & { $row: number };

/**
 * The rows of the `nth` table `name` below its header, up to the first empty row (or the next table's
 * header), as records by column id; `$row` is the 0-based row.
 */
export function rows<T extends TableName>(spec: SheetSpec, name: T, nth = 0): Row[] {
  const t = table(spec, name, nth);
  const next = Math.min(...(spec.tables ?? []).map((x) => x.header).filter((h) => h > t.header), spec.values.length);
  const out: Row[] = [];
  // The hidden filter columns do not count: a blank row of a block carries its subject there.
  const width = Math.min(...Object.values(spec.filterColumns ?? {}), Number.POSITIVE_INFINITY);
  for (let r = t.header + 1; r < next; r++) {
    const cells = spec.values[r] ?? [];
    if (cells.slice(0, width).every((v) => v === null || v === '')) break;
    const rec: Row = { $row: r } as Row;
    for (const [id, c] of Object.entries(t.columns)) rec[id] = cells[c] ?? null;
    out.push(rec);
  }
  return out;
}

/** The header labels of a table, by id (what the user sees). */
export function labels<T extends TableName>(spec: SheetSpec, name: T, nth = 0): Record<string, SpecCell> {
  const t = table(spec, name, nth);
  const header = spec.values[t.header] ?? [];
  return Object.fromEntries(Object.entries(t.columns).map(([id, c]) => [id, header[c] ?? null]));
}

/** The ids of a table in the order of its columns. */
export function order(spec: SheetSpec, name: TableName, nth = 0): string[] {
  const t = table(spec, name, nth);
  return Object.entries(t.columns)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
}

export { columnLabel };
