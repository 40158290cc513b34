// RangeFormat list → one 2-D array per cell property, so each property is a single Range call.
// Formats apply in order and only set what they name (bold: false never un-bolds), as in the xlsx
// renderer. Bold, italic and font colour travel together as one TextStyle grid (one call, not three).
import { isDate, type SheetSpec } from '../core/output/spec';
import { DATE_FORMAT } from './cells';
import { type Extent, eachCell, toGrid } from './extent';
import type { Alignment, TextStyleBuilderLike, TextStyleLike, VerticalAlignment } from './surface';

/** Sheets' own name for "no explicit number format". */
export const AUTOMATIC_FORMAT = 'General';

export interface Layers {
  numberFormats?: string[][];
  textStyles?: TextStyleLike[][];
  backgrounds?: (string | null)[][];
  horizontal?: (Alignment | null)[][];
  vertical?: (VerticalAlignment | null)[][];
  wraps?: boolean[][];
}

export function buildLayers(spec: SheetSpec, ext: Extent, newTextStyle: () => TextStyleBuilderLike): Layers {
  const size = ext.rows * ext.cols;
  let numberFormat: (string | null)[] | null = null;
  let bold: boolean[] | null = null;
  let italic: boolean[] | null = null;
  let fontColor: (string | null)[] | null = null;
  let background: (string | null)[] | null = null;
  let align: (Alignment | null)[] | null = null;
  let wrap: boolean[] | null = null;

  for (let r = 0; r < spec.values.length; r++) {
    const row = spec.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || !isDate(v)) continue;
      numberFormat ??= new Array(size).fill(null);
      numberFormat[r * ext.cols + c] = DATE_FORMAT;
    }
  }

  for (const f of spec.formats ?? []) {
    // A property's grid is made on its first use (with the «not set» value), then the range is painted.
    const paint = <T>(grid: T[] | null, unset: T, value: T): T[] => {
      const a = grid ?? new Array<T>(size).fill(unset);
      eachCell(f.range, ext, (i) => (a[i] = value));
      return a;
    };
    if (f.numberFormat) numberFormat = paint<string | null>(numberFormat, null, f.numberFormat);
    if (f.bold) bold = paint(bold, false, true);
    if (f.italic) italic = paint(italic, false, true);
    if (f.fontColor) fontColor = paint<string | null>(fontColor, null, f.fontColor);
    if (f.background) background = paint<string | null>(background, null, f.background);
    if (f.align) align = paint<Alignment | null>(align, null, f.align);
    if (f.wrap) wrap = paint(wrap, false, true);
  }

  const layers: Layers = {};
  if (numberFormat)
    layers.numberFormats = toGrid(
      numberFormat.map((f) => f ?? AUTOMATIC_FORMAT),
      ext,
    );
  if (bold || italic || fontColor) layers.textStyles = toGrid(textStyles(size, bold, italic, fontColor, newTextStyle), ext);
  if (background) layers.backgrounds = toGrid(background, ext);
  if (align) layers.horizontal = toGrid(align, ext);
  if (wrap) {
    const w = wrap;
    layers.wraps = toGrid(w, ext);
    // Wrapped text reads from the top, as in the xlsx renderer (Sheets would default to bottom).
    layers.vertical = toGrid(
      w.map((on) => (on ? 'top' : null)),
      ext,
    );
  }
  return layers;
}

/** One TextStyle object per distinct combination, shared by every cell that uses it. */
function textStyles(
  size: number,
  bold: boolean[] | null,
  italic: boolean[] | null,
  color: (string | null)[] | null,
  newTextStyle: () => TextStyleBuilderLike,
): TextStyleLike[] {
  const cache = new Map<string, TextStyleLike>();
  const out: TextStyleLike[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const b = bold?.[i] ?? false;
    const it = italic?.[i] ?? false;
    const c = color?.[i] ?? null;
    const key = `${b ? 1 : 0}${it ? 1 : 0}${c ?? ''}`;
    let style = cache.get(key);
    if (!style) {
      let builder = newTextStyle();
      if (b) builder = builder.setBold(true);
      if (it) builder = builder.setItalic(true);
      if (c) builder = builder.setForegroundColor(c);
      style = builder.build();
      cache.set(key, style);
    }
    out[i] = style;
  }
  return out;
}
