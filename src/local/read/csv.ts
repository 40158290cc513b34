// A .csv as one sheet: encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1251) and
// separator (; , tab |) detected; numbers as Excel would read them, a decimal comma included.
import type { CellValue, Grid } from '../../core/grid';

export function decodeCsv(b: Uint8Array): { text: string; encoding: string } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder().decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Russian files from Excel «CSV (разделители — запятые)» are Windows-1251.
    return { text: new TextDecoder('windows-1251').decode(b), encoding: 'Windows-1251' };
  }
}

/** Fields of each record (RFC 4180 quotes; CRLF, LF or CR line ends). */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quoted = false;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SEPARATORS = [';', ',', '\t', '|'];

/** The separator that splits the first lines into the same, largest number of fields. */
export function detectSeparator(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ';';
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const rows = parseCsv(sample, sep)
      .slice(0, 50)
      .filter((r) => r.some((f) => f.trim() !== ''));
    if (rows.length === 0) continue;
    const counts = rows.map((r) => r.length);
    const max = Math.max(...counts);
    if (max < 2) continue;
    // Rows of the table share one width; title lines above it are shorter.
    const mode = counts.filter((c) => c === max).length;
    const score = max * mode;
    if (score > bestScore) {
      bestScore = score;
      best = sep;
    }
  }
  return best;
}

/** A field as Excel would read it: integers and decimals (a comma too, unless it separates) as numbers. */
function fieldValue(f: string, sep: string): CellValue {
  const t = f.trim();
  if (t === '') return null;
  if (/^[-+]?(0|[1-9]\d{0,14})$/.test(t)) return Number(t);
  if (/^[-+]?(0|[1-9]\d{0,14})\.\d+$/.test(t)) return Number(t);
  if (sep !== ',' && /^[-+]?(0|[1-9]\d{0,14}),\d+$/.test(t)) return Number(t.replace(',', '.'));
  return f;
}

export function readCsv(bytes: Uint8Array, sheetName: string): { grid: Grid; encoding: string; separator: string } {
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text);
  const values = parseCsv(text, separator).map((r) => {
    const out = r.map((f) => fieldValue(f, separator));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (values.length > 0 && (values[values.length - 1] as CellValue[]).length === 0) values.pop();
  return { grid: { name: sheetName, values }, encoding, separator };
}
