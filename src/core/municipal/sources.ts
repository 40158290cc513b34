// «Источники»: one row per school — its spreadsheet (URL or id; a file name for the local runner),
// its code and name, and any columns the user adds as cluster attributes (urban/rural, size,
// funding…). A row without a code is a ФИС ОКО municipal export: every school in it becomes a school
// (a row with a code and no spreadsheet then gives such a school its attributes).
// Rows are grouped into *units*: one unit per spreadsheet, opened once however many schools it holds.
import { cellText, type Grid, isEmpty, norm } from '../grid';
import { type Problem, problem } from '../problems';
import { M } from '../strings';

export type RefKind = 'spreadsheet' | 'file';

export interface SourceRow {
  /** 1-based row of «Источники». */
  row: number;
  /** Spreadsheet id, or the file name as written; null for an attribute-only row. */
  ref: string | null;
  /** The cell as the user wrote it. */
  refText: string;
  code: string | null;
  name: string | null;
  /** Attribute header → value ('' when empty). */
  attrs: Record<string, string>;
}

export interface SourceUnit {
  /** Spreadsheet id, or lower-cased file name: the job's key for this source. */
  key: string;
  /** What the user wrote (first row), for messages. */
  ref: string;
  /** 'schools': the rows name the schools; 'export': every school in the file is taken. */
  kind: 'schools' | 'export';
  rows: SourceRow[];
}

export interface SourcesSheet {
  sheet: string;
  units: SourceUnit[];
  /** Attribute headers, in column order. */
  attributes: string[];
  /** Rows with a code and no spreadsheet: attributes of schools that come from an export. */
  attributeRows: SourceRow[];
  problems: Problem[];
}

const REF_LABELS = new Set([
  'таблица',
  'ссылка',
  'ссылка на таблицу',
  'url',
  'id',
  'идентификатор',
  'идентификатор таблицы',
  'id таблицы',
  'источник',
  'файл',
  'имя файла',
]);
const CODE_LABELS = new Set(['код оо', 'код', 'код школы', 'код организации', 'код образовательной организации']);
const NAME_LABELS = new Set(['школа', 'название оо', 'название', 'наименование', 'наименование оо', 'оо', 'образовательная организация']);
const IGNORED_LABELS = new Set(['№', '№ п/п', 'n', 'п/п', 'примечание', 'комментарий', 'комментарии']);
const HEADER_SCAN = 10;

function label(v: unknown): string {
  return norm(v).replace(/[:]/g, '').trim();
}

/** Spreadsheet id from a URL (…/spreadsheets/d/<id>/…, …?id=<id>) or a bare id; null otherwise. */
export function parseSpreadsheetRef(text: string): string | null {
  const t = cellText(text);
  const m = /\/spreadsheets\/d\/([a-zA-Z0-9_-]{20,})/.exec(t) ?? /[?&]id=([a-zA-Z0-9_-]{20,})/.exec(t);
  if (m) return m[1] as string;
  return /^[a-zA-Z0-9_-]{25,}$/.test(t) ? t : null;
}

function parseFileRef(text: string): string | null {
  const t = cellText(text);
  if (t === '' || t.split(/[\\/]/).includes('..')) return null;
  if (/\.xlsx$/i.test(t)) return t;
  return /\.[a-z0-9]{2,5}$/i.test(t) ? null : `${t}.xlsx`;
}

const unitKey = (ref: string, kind: RefKind) => (kind === 'file' ? ref.toLowerCase() : ref);

export function readSources(grid: Grid | undefined, kind: RefKind): SourcesSheet {
  const sheet = grid?.name ?? M.tabs.sources;
  const out: SourcesSheet = { sheet, units: [], attributes: [], attributeRows: [], problems: [] };
  const err = (code: string, msg: string, row?: number, col?: number) => out.problems.push(problem('error', code, sheet, msg, row, col));
  if (!grid) {
    err('sources-missing', M.sources.missing);
    return out;
  }
  let header = -1;
  let refCol = -1;
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN) && header < 0; r++) {
    const c = (grid.values[r] ?? []).findIndex((v) => REF_LABELS.has(label(v)));
    if (c >= 0) {
      header = r;
      refCol = c;
    }
  }
  if (header < 0) {
    err('sources-header', kind === 'file' ? M.sources.headerFiles : M.sources.header);
    return out;
  }
  const head = grid.values[header] ?? [];
  let codeCol = -1;
  let nameCol = -1;
  const attrCols: { col: number; name: string }[] = [];
  head.forEach((v, c) => {
    if (c === refCol || isEmpty(v)) return;
    const l = label(v);
    if (codeCol < 0 && CODE_LABELS.has(l)) codeCol = c;
    else if (nameCol < 0 && NAME_LABELS.has(l)) nameCol = c;
    else if (!IGNORED_LABELS.has(l)) attrCols.push({ col: c, name: cellText(v) });
  });
  out.attributes = attrCols.map((a) => a.name);

  const codeRows = new Map<string, number>();
  const exportRows = new Map<string, number>();
  const schoolRows = new Map<string, number>();
  const units = new Map<string, SourceUnit>();
  for (let r = header + 1; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    const rowNo = r + 1;
    if (values.every(isEmpty)) continue;
    const refText = cellText(values[refCol]);
    const code = codeCol >= 0 ? cellText(values[codeCol]) || null : null;
    const name = nameCol >= 0 ? cellText(values[nameCol]) || null : null;
    const attrs: Record<string, string> = {};
    for (const a of attrCols) attrs[a.name] = cellText(values[a.col]);
    if (refText === '' && code === null) {
      out.problems.push(problem('warning', 'source-row-empty', sheet, M.sources.noRefNoCode, rowNo));
      continue;
    }
    if (code !== null) {
      const first = codeRows.get(norm(code));
      if (first !== undefined) {
        err('source-code-duplicate', M.sources.codeDuplicate(code, first), rowNo, codeCol + 1);
        continue;
      }
    }
    if (refText === '') {
      codeRows.set(norm(code as string), rowNo);
      out.attributeRows.push({ row: rowNo, ref: null, refText, code, name, attrs });
      continue;
    }
    const ref = kind === 'file' ? parseFileRef(refText) : parseSpreadsheetRef(refText);
    if (ref === null) {
      err('source-ref-bad', kind === 'file' ? M.sources.fileBad(refText) : M.sources.refBad(refText), rowNo, refCol + 1);
      continue;
    }
    const key = unitKey(ref, kind);
    if (code === null) {
      const first = exportRows.get(key) ?? schoolRows.get(key);
      if (first !== undefined) {
        err(
          exportRows.has(key) ? 'source-duplicate' : 'source-mixed',
          exportRows.has(key) ? M.sources.exportDuplicate(first) : M.sources.mixed(first),
          rowNo,
          refCol + 1,
        );
        continue;
      }
      exportRows.set(key, rowNo);
    } else {
      const first = exportRows.get(key);
      if (first !== undefined) {
        err('source-mixed', M.sources.mixed(first), rowNo, refCol + 1);
        continue;
      }
      if (!schoolRows.has(key)) schoolRows.set(key, rowNo);
      codeRows.set(norm(code), rowNo);
    }
    const row: SourceRow = { row: rowNo, ref, refText, code, name, attrs };
    const unit = units.get(key);
    if (unit) unit.rows.push(row);
    else units.set(key, { key, ref: refText, kind: code === null ? 'export' : 'schools', rows: [row] });
  }
  out.units = [...units.values()];
  if (out.units.length === 0 && !out.problems.some((p) => p.severity === 'error')) err('sources-none', M.sources.none);
  return out;
}

/** The local runner without a «Источники» workbook: each file is an export (its schools as it says). */
export function unitsFromFiles(files: readonly string[]): SourcesSheet {
  return {
    sheet: M.tabs.sources,
    attributes: [],
    attributeRows: [],
    problems: [],
    units: files.map((f, i) => ({
      key: unitKey(f, 'file'),
      ref: f,
      kind: 'export' as const,
      rows: [{ row: i + 1, ref: f, refText: f, code: null, name: null, attrs: {} }],
    })),
  };
}
