// Columns by id. Every table an analytic tab writes has a column table in the string table
// (strings/columns.ts: id → label); builders write ids through `SpecBuilder.header`, which puts the
// labels in the header row and records the table in `SheetSpec.tables`. Whoever needs a column again
// — users' notes (user-columns.ts), the ШМО view (shmo-view.ts), the sidebar's summaries — asks for
// it here by id. Labels are looked up when a tab is built, so a label renamed in the string table
// renames the header and breaks nothing.
import { S } from '../strings';
import type { Columns } from '../strings/columns';
import type { SheetSpec, SpecTable } from './spec';

export type TableName = keyof Columns;
export type ColumnId<T extends TableName> = keyof Columns[T] & string;

/** The header label of a column, from the string table (read now, not at load: renames apply). */
export function columnLabel<T extends TableName>(table: T, id: ColumnId<T>): string {
  return (S.columns[table] as Record<string, string>)[id] as string;
}

/**
 * Tables users type under carry their column ids in a hidden row right above the header: «oko:done»,
 * «oko:key». The ids move with their columns, so a tab is read back by id even after the user moved a
 * column, or after a label was renamed in a later version.
 */
export const ID_PREFIX = 'oko:';

/** The `nth` table (0-based) written from column table `table`. */
export function tableOf(spec: SheetSpec, table: TableName, nth = 0): SpecTable | undefined {
  return (spec.tables ?? []).filter((t) => t.table === table)[nth];
}

/** Every table written from `table`, top to bottom. */
export function tablesOf(spec: SheetSpec, table: TableName): SpecTable[] {
  return (spec.tables ?? []).filter((t) => t.table === table);
}

/** 0-based column of `id` in the first table `table` of the tab; undefined when the tab has no such column. */
export function columnOf<T extends TableName>(spec: SheetSpec, table: T, id: ColumnId<T>): number | undefined {
  return tableOf(spec, table)?.columns[id];
}
