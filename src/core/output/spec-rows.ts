// Rows of a SheetSpec as a unit: keep some rows of a tab (everything on them — formats, rules with
// their formulas, notes, merges, dropdowns, charts, tables — goes with them), move a tab down, and
// stack tabs one below another. The ШМО view (shmo-view.ts) is made of the analytic tabs this way,
// so it looks and colours exactly like them.
import { a1Text, mapRefs } from './builder';
import type { ChartSpec, ConditionalRule, ListValidation, NoteSpec, RangeFormat, Rect, SheetSpec, SpecTable } from './spec';

/** Runs of consecutive kept rows inside `r`: [old first row, count, new first row]. */
function runsOf(r: Rect, newRow: readonly number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = r.row; i < r.row + r.rows; i++) {
    const n = newRow[i] ?? -1;
    if (n < 0) continue;
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[2] + last[1] === n) last[1]++;
    else out.push([i, 1, n]);
  }
  return out;
}

/**
 * A rule's formula for the run of its range that starts at old row `from` (0-based) and lands at new
 * rows: relative references are read from that row, then every referenced row is mapped; null when
 * the formula refers to a row that is gone.
 */
function remapFormula(formula: string, rangeRow: number, from: number, newRow: readonly number[]): string | null {
  return mapRefs(formula, (ref) => {
    const old = ref.absRow ? ref.row - 1 : ref.row - 1 + (from - rangeRow);
    const n = newRow[old];
    if (n === undefined || n < 0) return null;
    // The formula is written for the run's first cell: a reference names the row it points at there.
    return a1Text({ ...ref, row: n + 1 });
  });
}

/**
 * The spec with only the rows `keep` says (by 0-based row). Ranges are cut into runs of kept rows;
 * a merge, a chart or a table whose rows are not all kept goes (a chart keeps its place when its data
 * rows stay together); frozen rows count only the kept ones.
 */
export function selectRows(spec: SheetSpec, keep: readonly boolean[]): SheetSpec {
  const newRow: number[] = [];
  const values: SheetSpec['values'] = [];
  spec.values.forEach((r, i) => {
    if (keep[i]) {
      newRow[i] = values.length;
      values.push([...r]);
    } else newRow[i] = -1;
  });
  const cut = <T extends { range: Rect }>(xs: readonly T[] | undefined): T[] =>
    (xs ?? []).flatMap((x) => runsOf(x.range, newRow).map(([, n, at]) => ({ ...x, range: { ...x.range, row: at, rows: n } })));
  const whole = (r: Rect): Rect | null => {
    const runs = runsOf(r, newRow);
    const [first] = runs;
    return runs.length === 1 && first && first[1] === r.rows ? { ...r, row: first[2] } : null;
  };
  const rules: ConditionalRule[] = (spec.rules ?? []).flatMap((rule) =>
    runsOf(rule.range, newRow).flatMap(([from, n, at]) => {
      const formula = remapFormula(rule.formula, rule.range.row, from, newRow);
      return formula === null ? [] : [{ ...rule, formula, range: { ...rule.range, row: at, rows: n } }];
    }),
  );
  const notes: NoteSpec[] = (spec.notes ?? []).filter((n) => keep[n.row]).map((n) => ({ ...n, row: newRow[n.row] as number }));
  const merges = (spec.merges ?? []).map(whole).filter((m): m is Rect => m !== null);
  const charts: ChartSpec[] = (spec.charts ?? []).flatMap((c) => {
    const data = whole(c.data);
    if (!data) return [];
    return [{ ...c, data, anchor: { ...c.anchor, row: data.row + (c.anchor.row - c.data.row) } }];
  });
  const tables: SpecTable[] = (spec.tables ?? []).filter((t) => keep[t.header]).map((t) => ({ ...t, header: newRow[t.header] as number }));
  const frozenRows = spec.frozenRows ? keep.slice(0, spec.frozenRows).filter(Boolean).length : undefined;
  const hiddenRows = (spec.hiddenRows ?? []).filter((r) => keep[r]).map((r) => newRow[r] as number);
  return withLists(spec, {
    values,
    formats: cut<RangeFormat>(spec.formats),
    rules,
    validations: cut<ListValidation>(spec.validations),
    notes,
    merges,
    charts,
    tables,
    hiddenRows,
    ...(frozenRows !== undefined ? { frozenRows } : {}),
  });
}

/** The spec moved `by` rows down (formulas of its rules follow). */
export function shiftRows(spec: SheetSpec, by: number): SheetSpec {
  const down = (r: Rect): Rect => ({ ...r, row: r.row + by });
  const formula = (f: string) => mapRefs(f, (ref) => a1Text({ ...ref, row: ref.row + by })) as string;
  return withLists(spec, {
    values: [...Array.from({ length: by }, () => []), ...spec.values],
    formats: (spec.formats ?? []).map((f) => ({ ...f, range: down(f.range) })),
    rules: (spec.rules ?? []).map((r) => ({ ...r, range: down(r.range), formula: formula(r.formula) })),
    validations: (spec.validations ?? []).map((v) => ({ ...v, range: down(v.range) })),
    notes: (spec.notes ?? []).map((n) => ({ ...n, row: n.row + by })),
    merges: (spec.merges ?? []).map(down),
    charts: (spec.charts ?? []).map((c) => ({ ...c, data: down(c.data), anchor: { ...c.anchor, row: c.anchor.row + by } })),
    tables: (spec.tables ?? []).map((t) => ({ ...t, header: t.header + by })),
    hiddenRows: (spec.hiddenRows ?? []).map((r) => r + by),
  });
}

/**
 * Tabs one below another, a blank row between, as one tab named `name`: each part keeps its rows,
 * formats, rules, notes, charts and tables; a column is as wide as its widest use.
 */
export function stack(name: string, parts: readonly SheetSpec[]): SheetSpec {
  const out: Required<
    Pick<SheetSpec, 'values' | 'formats' | 'rules' | 'validations' | 'notes' | 'merges' | 'charts' | 'tables' | 'hiddenRows'>
  > = {
    values: [],
    formats: [],
    rules: [],
    validations: [],
    notes: [],
    merges: [],
    charts: [],
    tables: [],
    hiddenRows: [],
  };
  const columnWidths: Record<number, number> = {};
  for (const part of parts) {
    if (out.values.length > 0) out.values.push([]);
    // shiftRows puts blank rows above the part: only the part's own rows are added.
    const moved = shiftRows(part, out.values.length);
    out.values.push(...moved.values.slice(out.values.length));
    out.formats.push(...(moved.formats ?? []));
    out.rules.push(...(moved.rules ?? []));
    out.validations.push(...(moved.validations ?? []));
    out.notes.push(...(moved.notes ?? []));
    out.merges.push(...(moved.merges ?? []));
    out.charts.push(...(moved.charts ?? []));
    out.tables.push(...(moved.tables ?? []));
    out.hiddenRows.push(...(moved.hiddenRows ?? []));
    for (const [c, w] of Object.entries(part.columnWidths ?? {})) columnWidths[Number(c)] = Math.max(columnWidths[Number(c)] ?? 0, w);
  }
  return withLists({ name, values: [] }, { ...out, columnWidths });
}

/** `base` with `lists` set, leaving out the empty ones (a spec names only what it has). */
function withLists(base: SheetSpec, lists: Partial<SheetSpec>): SheetSpec {
  const out: SheetSpec = { ...base };
  for (const [k, v] of Object.entries(lists) as [keyof SheetSpec, unknown][]) {
    const empty = Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0;
    if (empty && k !== 'values') delete (out as unknown as Record<string, unknown>)[k];
    else (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}
