// The roadmap tab «Дорожная карта · <процедура>»: one row per activity with concrete dates, a status
// dropdown, the user's columns, and a key column that lets a regeneration keep what users typed.
// Overdue rows turn red by a conditional rule against TODAY(), so nothing has to be re-run; each
// section's share of «Выполнено» is a formula over its rows.
import type { CellValue } from '../grid';
import { metaFromText } from '../input/meta';
import { SUBJECTS } from '../input/subjects';
import { COL, COLUMN_IDS, type ColumnId, columnLabel, STATUS, STATUSES, USER_COLUMNS } from '../roadmap/columns';
import { isoFromDate } from '../roadmap/dates';
import type { MergeResult, OutRow } from '../roadmap/merge';
import { S } from '../strings';
import { COLORS, ref, SpecBuilder } from './builder';
import { MAX_TAB_NAME, safeTabName } from './names';
import type { ConditionalRule, ListValidation, SheetSpec, SpecCell } from './spec';

export const ROADMAP_TAB_PREFIX = `${S.tabs.roadmap} · `;
export const ROADMAP_TAB_SHORT_PREFIX = `${S.tabs.roadmapShort} · `;

/** Short forms of the procedure, longest first: «ВПР-2026 МА 5»; a long kind becomes its initials («ВД-2026 РУ 10»). */
function shortForms(procedure: string): string[] {
  const m = metaFromText(procedure);
  if (!m.subject && !m.grade && !m.kind) return [procedure.replace(/\s+/g, ' ').trim()];
  const tail = [m.subject ? (SUBJECTS.find((s) => s.name === m.subject)?.abbr[0] ?? m.subject) : '', m.grade ? String(m.grade) : ''];
  const kinds = m.kind ? [m.kind] : [''];
  if (m.kind && /\s/.test(m.kind))
    kinds.push(
      m.kind
        .split(/\s+/)
        .map((w) => w[0]?.toUpperCase() ?? '')
        .join(''),
    );
  const out: string[] = [];
  for (const k of kinds) {
    const head = k && m.year ? `${k}-${m.year}` : k || (m.year ? String(m.year) : '');
    out.push([head, ...tail].filter((x) => x).join(' '));
  }
  return out;
}

/** «ВПР-2026, математика, 5 класс» → «ВПР-2026 МА 5»; text the reader cannot place stays as written. */
export function roadmapShortLabel(procedure: string): string {
  return shortForms(procedure)[0] as string;
}

/** «Дорожная карта · ВПР-2026 МА 5», or «ДК · …» (then initials of a long kind) when over Excel's 31 characters. */
export function roadmapTabName(procedure: string): string {
  const forms = shortForms(procedure);
  const candidates = [`${ROADMAP_TAB_PREFIX}${forms[0]}`, ...forms.map((f) => `${ROADMAP_TAB_SHORT_PREFIX}${f}`)];
  for (const c of candidates) {
    const safe = safeTabName(c);
    if (safe.length <= MAX_TAB_NAME && !safe.endsWith('…')) return safe;
  }
  return safeTabName(candidates[candidates.length - 1] as string);
}

/** «ДК · ВПР-2026 МА 5 · ИОМ»: the roadmap's per-student routes (a roadmap tab too: same columns, keys, «Исполнение»). */
export function iomTabName(procedure: string): string {
  const suffix = ` · ${S.tabs.iom}`;
  for (const f of shortForms(procedure)) {
    const safe = safeTabName(`${ROADMAP_TAB_SHORT_PREFIX}${f}${suffix}`);
    if (safe.length <= MAX_TAB_NAME && !safe.endsWith('…')) return safe;
  }
  const forms = shortForms(procedure);
  const base = safeTabName(`${ROADMAP_TAB_SHORT_PREFIX}${forms[forms.length - 1] ?? ''}`);
  return `${base.slice(0, MAX_TAB_NAME - suffix.length)}${suffix}`;
}

export interface RoadmapTabModel {
  name: string;
  procedure: string;
  meta: string;
  merged: MergeResult;
  /** The first line; default «Дорожная карта — <процедура>». */
  title?: string;
}

/** Row (0-based) of the header; data starts on the next row. */
export const HEADER_ROW = 3;

const WIDTHS: Record<ColumnId, number> = {
  number: 60,
  stage: 150,
  title: 360,
  participants: 180,
  start: 85,
  end: 110,
  responsible: 180,
  result: 260,
  format: 150,
  status: 105,
  doneDate: 95,
  link: 180,
  comment: 220,
  key: 90,
  overdue: 40,
};

const USER_HEADER_BG = '#fff2cc';
const BLOCK_BG = { manual: '#e3ecfa', archive: '#e6e6e6' } as const;

function specValue(v: CellValue | undefined): SpecCell {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : { date: isoFromDate(v) };
  return v;
}

const letter = (id: ColumnId) => ref(0, COL[id]).replace(/\d+$/, '');
/** The visible table: № … Комментарий (the key and overdue columns after it are service columns). */
const VISIBLE_COLS = COL.comment + 1;

/**
 * An activity is overdue while it is neither done nor cancelled, has a status and its end date has
 * passed: one test, for the overdue column (which the digest counts) and the red rows alike.
 */
export function overdueTest(status: string, end: string): string {
  return `AND(${status}<>"${STATUS.done}",${status}<>"${STATUS.cancelled}",${status}<>"",ISNUMBER(${end}),${end}<TODAY())`;
}

/**
 * The roadmap tab: the heading (stage 1), one row per merged row with its formulas, users' values and
 * formats (stage 2, here), the status dropdowns (3), the status colours (4) and the widths (5).
 */
export function buildRoadmapSpec(m: RoadmapTabModel): SheetSpec {
  const b = new SpecBuilder(m.name);
  const { rows, extraLabels } = m.merged;
  const width = COLUMN_IDS.length + extraLabels.length;
  roadmapHeading(b, m);

  const first = b.nextRow;
  const archiveAt = rows.findIndex((r) => r.kind === 'block' && r.block === 'archive');
  const activeEnd = first + (archiveAt < 0 ? rows.length : archiveAt); // exclusive, 0-based
  // Each section covers the rows up to the next section, the «Добавлено вручную» block or the archive.
  const sectionEnd = (i: number) => {
    for (let j = i + 1; j < rows.length; j++) {
      const k = rows[j]?.kind;
      if (k === 'section' || k === 'block') return first + j;
    }
    return first + rows.length;
  };

  const J = letter('status');
  const doneShare = (from: number, to: number) => {
    const rg = `${J}${from + 1}:${J}${to}`;
    return { formula: `=IFERROR(COUNTIF(${rg},"${STATUS.done}")/(COUNTIF(${rg},"<>")-COUNTIF(${rg},"${STATUS.cancelled}")),"")` };
  };

  const statusRows: number[] = [];
  rows.forEach((row, i) => {
    const r = first + i;
    const cells: SpecCell[] = new Array(width).fill('');
    const set = (id: ColumnId, v: SpecCell) => {
      cells[COL[id]] = v;
    };
    fill(row, set, i, sectionEnd, doneShare, first);
    for (const id of USER_COLUMNS)
      if (row.user[id as keyof OutRow['user']] !== undefined) set(id, specValue(row.user[id as keyof OutRow['user']]));
    set('key', row.key);
    if (r < activeEnd && row.kind !== 'block')
      set('overdue', { formula: `=IF(${overdueTest(`${J}${r + 1}`, `${letter('end')}${r + 1}`)},ROW(),"")` });
    extraLabels.forEach((l, x) => {
      cells[COLUMN_IDS.length + x] = specValue(row.extra[l]);
    });
    b.row(cells);
    const p = row.planned;
    if (p && p.kind === 'activity' && p.end && p.phrase) b.note(r, COL.end, S.roadmap.deadlineNote(p.phrase, p.note));
    if (p && p.kind === 'activity' && !p.end && p.note) b.note(r, COL.end, p.note);
    if (row.kind === 'activity' || row.kind === 'manual' || row.kind === 'archived') statusRows.push(r);
    formatRow(b, row, r, VISIBLE_COLS);
  });
  const n = rows.length;
  if (n > 0) {
    b.format({ row: first, col: COL.title, rows: n, cols: COL.format - COL.title + 1 }, { wrap: true });
    b.format({ row: first, col: COL.comment, rows: n, cols: 1 }, { wrap: true });
    for (const id of ['start', 'end', 'doneDate'] as const)
      b.format({ row: first, col: COL[id], rows: n, cols: 1 }, { numberFormat: 'dd.mm.yyyy' });
    b.format({ row: first, col: COL.key, rows: n, cols: 2 }, { fontColor: COLORS.muted });
  }

  b.validations.push(...statusDropdowns(statusRows));
  b.rules.push(...statusRules(first, activeEnd - first, n));
  b.columnWidths = roadmapWidths(extraLabels.length);
  return b.build({ frozenRows: HEADER_ROW + 1, tabColor: '#3c78d8' });
}

/**
 * Stage 1: the title, what the roadmap was made from, the legend, and the header at HEADER_ROW (the
 * merge finds users' columns below it). Users' columns get their own header colour, so it is clear
 * what a regeneration keeps; the key's note says why it must not be edited.
 */
export function roadmapHeading(b: SpecBuilder, m: RoadmapTabModel): void {
  b.row([m.title ?? S.roadmap.title(m.procedure)], { bold: true, background: COLORS.titleBg });
  b.format({ row: 0, col: 0, rows: 1, cols: VISIBLE_COLS }, { background: COLORS.titleBg });
  b.row([m.meta], { italic: true, fontColor: COLORS.muted });
  b.row([S.roadmap.legend], { italic: true, fontColor: COLORS.muted });
  const header = b.row([...COLUMN_IDS.map(columnLabel), ...m.merged.extraLabels], {
    bold: true,
    background: COLORS.headerBg,
    wrap: true,
    align: 'center',
  });
  if (header !== HEADER_ROW) throw new Error('roadmap header row moved');
  for (const id of USER_COLUMNS) b.format({ row: header, col: COL[id], rows: 1, cols: 1 }, { background: USER_HEADER_BG });
  b.format({ row: header, col: COL.key, rows: 1, cols: 2 }, { fontColor: COLORS.muted });
  b.note(header, COL.key, S.roadmap.keyNote);
  b.note(header, COL.status, STATUSES.join(' / '));
}

/** Stage 3: the status dropdown on every row that can have a status, one validation per contiguous run. */
export function statusDropdowns(statusRows: readonly number[]): ListValidation[] {
  return runs(statusRows).map((run) => ({
    range: { row: run.from, col: COL.status, rows: run.rows, cols: 1 },
    list: STATUSES,
    allowInvalid: false,
  }));
}

/**
 * Stage 4: colours that follow the status as users change it, with no re-run: overdue activities red
 * across the visible table (only above the archive: archived rows are history), and the status cell
 * green when done, yellow while in progress, grey when cancelled.
 */
export function statusRules(first: number, active: number, n: number): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  const st = `$${letter('status')}${first + 1}`;
  if (active > 0) {
    rules.push({
      range: { row: first, col: 0, rows: active, cols: VISIBLE_COLS },
      formula: `=${overdueTest(st, `$${letter('end')}${first + 1}`)}`,
      background: COLORS.insufficientBg,
      fontColor: COLORS.danger,
    });
  }
  if (n > 0) {
    const area = { row: first, col: COL.status, rows: n, cols: 1 };
    rules.push(
      { range: area, formula: `=${st}="${STATUS.done}"`, background: COLORS.sufficientBg },
      { range: area, formula: `=${st}="${STATUS.doing}"`, background: COLORS.uncertainBg },
      { range: area, formula: `=${st}="${STATUS.cancelled}"`, fontColor: COLORS.muted },
    );
  }
  return rules;
}

/** Stage 5: the widths of the roadmap's columns, and 160 px for each column users added on the right. */
export function roadmapWidths(extraColumns: number): Record<number, number> {
  const widths: Record<number, number> = {};
  for (const id of COLUMN_IDS) widths[COL[id]] = WIDTHS[id];
  for (let x = 0; x < extraColumns; x++) widths[COLUMN_IDS.length + x] = 160;
  return widths;
}

function fill(
  row: OutRow,
  set: (id: ColumnId, v: SpecCell) => void,
  i: number,
  sectionEnd: (i: number) => number,
  doneShare: (from: number, to: number) => SpecCell,
  first: number,
): void {
  const p = row.planned;
  if (row.kind === 'block') {
    set('title', row.block === 'archive' ? S.roadmap.blockArchive : S.roadmap.blockManual);
    return;
  }
  if (!p) {
    // Manual and archived rows: as they were, column by column.
    const old = row.old;
    for (const id of COLUMN_IDS) {
      if (id === 'key' || id === 'overdue' || USER_COLUMNS.includes(id)) continue;
      if (old?.cells[id] !== undefined) set(id, specValue(old.cells[id]));
    }
    return;
  }
  set('number', p.number);
  set('title', p.title);
  if (p.kind === 'section') {
    set('responsible', S.roadmap.sectionDone);
    set('result', doneShare(first + i + 1, sectionEnd(i)));
    return;
  }
  if (p.kind === 'indicator') {
    if (p.indicator === 'done-share') {
      // Indicator rows sit right below their section row: find it and cover the same rows.
      set('result', doneShare(first + i + 1, sectionEnd(i)));
      set('format', S.roadmap.indicatorComputed);
    } else set('result', S.roadmap.indicatorManual);
    return;
  }
  if (p.kind === 'tasks') return;
  set('stage', p.stage);
  set('participants', p.participants);
  set('start', p.start ? { date: p.start } : '');
  set('end', p.end ? { date: p.end } : p.deadlineText);
  set('responsible', p.responsible);
  set('result', p.result);
  set('format', p.documentFormat);
}

function formatRow(b: SpecBuilder, row: OutRow, r: number, nCols: number): void {
  const all = { row: r, col: 0, rows: 1, cols: nCols };
  if (row.kind === 'section') {
    b.format(all, { bold: true, background: COLORS.headerBg });
    b.format({ row: r, col: COL.responsible, rows: 1, cols: 1 }, { italic: true, align: 'right' });
    b.format({ row: r, col: COL.result, rows: 1, cols: 1 }, { numberFormat: '0%', align: 'left' });
  } else if (row.kind === 'tasks') b.format(all, { italic: true });
  else if (row.kind === 'indicator') {
    b.format(all, { italic: true, background: COLORS.summaryBg });
    b.format({ row: r, col: COL.result, rows: 1, cols: 1 }, { numberFormat: '0%', bold: true, align: 'left' });
  } else if (row.kind === 'block') b.format(all, { bold: true, background: BLOCK_BG[row.block ?? 'manual'] });
  else if (row.kind === 'archived') b.format(all, { fontColor: COLORS.muted, italic: true });
}

function runs(rows: readonly number[]): { from: number; rows: number }[] {
  const out: { from: number; rows: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.from + last.rows === r) last.rows++;
    else out.push({ from: r, rows: 1 });
  }
  return out;
}
