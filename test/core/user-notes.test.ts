// Notes users type into «Группа риска» and «Объективность» survive regeneration: the tabs are rebuilt
// whole, and the user's columns come back by row key; rows whose key is gone move, with their text,
// to the «Архив заметок» block at the bottom (src/core/output/user-columns.ts).
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid, Workbook } from '../../src/core/grid';
import { buildRiskTab, RISK_KEY_COL, riskRowKey } from '../../src/core/output/risk';
import type { SheetSpec } from '../../src/core/output/spec';
import { OBJECTIVITY_USER_COLUMNS, RISK_USER_COLUMNS, readUserColumns } from '../../src/core/output/user-columns';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { specToGrid } from '../../src/core/roadmap/run';
import { S } from '../../src/core/strings';
import { isGeneratedTab, isRoadmapOwned, keepsUserInput, staleGeneratedTabs } from '../../src/core/tabs';
import {
  book,
  CODES_SHEET,
  DIAG,
  MA_TASKS,
  objectivityBook,
  riskBook,
  riskDiag,
  riskVpr,
  TEACHERS,
  table,
  VPR_MA,
} from '../helpers/findings';
import { col } from '../helpers/tables';

const RISK = S.tabs.risk;
const OBJ = S.tabs.objectivity;
const KEY = 'Ключ (не менять)';

/** The workbook as a host leaves it after writing the run: generated tabs replaced, new ones appended. */
function written(wb: Workbook, run: AnalysisRun): Workbook {
  expect(run.ok).toBe(true);
  const grids = [...wb.grids];
  for (const spec of run.tabs) {
    const g = specToGrid(spec);
    const i = grids.findIndex((x) => x.name === g.name);
    if (i >= 0) grids[i] = g;
    else grids.push(g);
  }
  return { name: wb.name, grids };
}

/** The input sheets of `input` with the generated tabs of `prev` (what a user edits between runs). */
function rerun(input: Workbook, prev: Workbook): { run: AnalysisRun; wb: Workbook } {
  const wb: Workbook = { name: input.name, grids: [...input.grids, ...prev.grids.filter((g) => isGeneratedTab(g.name))] };
  const run = runAnalysis(wb);
  return { run, wb: written(wb, run) };
}

const gridOf = (wb: Workbook, name: string) => wb.grids.find((g) => g.name === name) as Grid;
const specOf = (run: AnalysisRun, name: string) => run.tabs.find((t) => t.name === name) as SheetSpec;

/** 0-based header row with the key column, and each label's column there. */
function header(g: Grid | SheetSpec): { row: number; col: (label: string) => number } {
  const row = g.values.findIndex((r) => r.includes(KEY));
  expect(row).toBeGreaterThanOrEqual(0);
  const labels = g.values[row] as unknown[];
  return {
    row,
    col: (label) => {
      const c = labels.indexOf(label);
      if (c < 0) throw new Error(`no column «${label}»`);
      return c;
    },
  };
}

/** The first row below the header where `label`'s column holds `value`. */
function rowWhere(g: Grid | SheetSpec, label: string, value: unknown, from = header(g).row + 1): number {
  const c = header(g).col(label);
  const r = g.values.findIndex((row, i) => i >= from && row[c] === value);
  if (r < 0) throw new Error(`no row with «${label}» = ${String(value)}`);
  return r;
}

/** Types into a generated tab the way a user does: cells of the row, by header label. */
function type(wb: Workbook, tab: string, row: number, cells: Record<string, CellValue>): Workbook {
  const g = gridOf(wb, tab);
  const values = g.values.map((r) => [...r]);
  for (const [label, v] of Object.entries(cells)) {
    const c = header(g).col(label);
    const r = values[row] as CellValue[];
    while (r.length <= c) r.push(null);
    r[c] = v;
  }
  return { name: wb.name, grids: wb.grids.map((x) => (x.name === tab ? { name: tab, values } : x)) };
}

const at = (g: Grid | SheetSpec, row: number, label: string) => g.values[row]?.[header(g).col(label)] ?? null;

/** The archive block: its title row and the rows below its own header (null: no archive). */
function archive(g: Grid | SheetSpec): { title: number; rows: number[] } | null {
  const title = g.values.findIndex((r) => r.includes(S.notes.archive));
  if (title < 0) return null;
  const rows: number[] = [];
  for (let r = title + 2; r < g.values.length; r++) if ((g.values[r] ?? []).some((v) => v !== null && v !== '')) rows.push(r);
  return { title, rows };
}

/** 107 wrote the ВПР as well as the diagnostic: no decline, not at risk any more. */
function book107Fine(): Workbook {
  return riskBook({
    [VPR_MA]: table(
      MA_TASKS,
      riskVpr().map((r) => (r.code === 107 ? { ...r, scores: [9, 9], mark: 5 } : r)),
    ),
  });
}

describe('which tabs keep what users type', () => {
  it('«Группа риска» and «Объективность» are read back with values, belong to no roadmap, and are never deleted as stale', () => {
    for (const n of [RISK, OBJ]) {
      expect(keepsUserInput(n), n).toBe(true);
      expect(isRoadmapOwned(n), n).toBe(false);
    }
    expect(keepsUserInput(S.tabs.dynamics)).toBe(false);
    expect(staleGeneratedTabs([RISK, OBJ, S.tabs.dynamics], [])).toEqual([S.tabs.dynamics]);
  });
});

describe('«Группа риска»: the user columns', () => {
  const input = riskBook();
  const first = runAnalysis(input);
  const t = specOf(first, RISK);

  it('sit right of the profile: «Что сделано», «Комментарий», then the hidden «Ключ (не менять)»; their ids above the header', () => {
    const h = header(t);
    expect(h.row).toBe(3);
    const done = col(t, 'risk', 'done');
    expect(done).toBe(col(t, 'risk', 'focus') + 1);
    expect(t.values[3]?.slice(done, done + 3)).toEqual(['Что сделано', 'Комментарий', KEY]);
    expect(t.values[2]?.slice(done, done + 3)).toEqual(['oko:done', 'oko:comment', 'oko:key']);
    expect(t.hiddenRows).toEqual([2]);
    expect(t.hiddenColumns).toContain(done + 2);
    expect(t.hiddenColumns).not.toContain(done);
    expect(t.hiddenColumns).not.toContain(done + 1);
  });

  it('key each student by the linked person: the code, or the «Ученик» of «Соответствие кодов» (Д5 → 105)', () => {
    const K = col(t, 'risk', 'key');
    const keys = t.values
      .slice(4)
      .map((r) => r[K])
      .filter((v) => typeof v === 'string');
    expect(keys).toEqual(['101', '102', '104', '105', '106', '107']);
    // 105 wrote the diagnostic as «Д5»: the mapping's «Ученик» is the key, whichever code the latest work has.
    expect(first.findings.atRisk.find((p) => p.code === '105')?.entries.map((e) => e.student.code)).toEqual(['Д5', '105']);
    expect(t.values[rowWhere(t, 'Код', '105')]?.[K]).toBe('105');
    expect(t.notes).toContainEqual({ row: 3, col: K, text: S.notes.keyNote });
    // With students of several schools the key names the school (the whole linked person).
    const p104 = first.findings.atRisk.find((p) => p.code === '104')!;
    expect(riskRowKey(p104, false)).toBe('104');
    expect(riskRowKey(p104, true)).toBe('школа|104');
    const several = buildRiskTab(first.findings.atRisk, new Map(), first.data.settings, null, true);
    expect(several.values[rowWhere(several, 'Код', '104')]?.[col(several, 'risk', 'key')]).toBe('школа|104');
  });

  it('keep what users typed through a regeneration and a second one, in the student’s row', () => {
    let wb = written(input, first);
    const g = gridOf(wb, RISK);
    wb = type(wb, RISK, rowWhere(g, 'Код', '104'), { 'Что сделано': 'Беседа с родителями 12.05', Комментарий: 'Повторная\nдиагностика' });
    wb = type(wb, RISK, rowWhere(g, 'Код', '101'), { Комментарий: 'Консультации по средам' });
    for (let i = 0; i < 2; i++) {
      const next = rerun(input, wb);
      wb = next.wb;
      const r = specOf(next.run, RISK);
      expect(at(r, rowWhere(r, 'Код', '104'), 'Что сделано')).toBe('Беседа с родителями 12.05');
      // Line breaks stay as typed.
      expect(at(r, rowWhere(r, 'Код', '104'), 'Комментарий')).toBe('Повторная\nдиагностика');
      expect(at(r, rowWhere(r, 'Код', '101'), 'Комментарий')).toBe('Консультации по средам');
      expect(at(r, rowWhere(r, 'Код', '102'), 'Комментарий')).toBeNull();
      expect(archive(r)).toBeNull();
      // Column P is still the highlight list, untouched by the notes.
      expect(r.values.map((row) => row[RISK_KEY_COL])).toEqual(t.values.map((row) => row[RISK_KEY_COL]));
    }
  });

  it('follow the student into a new procedure with another code, when «Соответствие кодов» links it', () => {
    // Only the diagnostic at first: Д5 (45 %) is at risk under its own code.
    const before = book({ [DIAG]: table(MA_TASKS, riskDiag()) });
    const r1 = runAnalysis(before);
    let wb = written(before, r1);
    wb = type(wb, RISK, rowWhere(gridOf(wb, RISK), 'Код', 'Д5'), { 'Что сделано': 'Консультация' });
    expect(at(gridOf(wb, RISK), rowWhere(gridOf(wb, RISK), 'Код', 'Д5'), KEY)).toBe('д5');
    // The ВПР gives the student code 105; the mapping names the identifier the student already had.
    const after = riskBook({
      [CODES_SHEET]: [
        ['Лист', 'Код участника', 'Ученик'],
        [VPR_MA, '105', 'Д5'],
      ],
    });
    const r = specOf(rerun(after, wb).run, RISK);
    const row = rowWhere(r, 'Код', '105');
    expect(at(r, row, KEY)).toBe('д5');
    expect(at(r, row, 'Что сделано')).toBe('Консультация');
    expect(archive(r)).toBeNull();
  });

  it('match rows by key, not by place: rows the user sorted still get their notes', () => {
    let wb = written(input, first);
    const g = gridOf(wb, RISK);
    wb = type(wb, RISK, rowWhere(g, 'Код', '106'), { 'Что сделано': 'ИОМ составлен' });
    // The user sorts the students' rows in reverse (whole rows move together).
    const sorted = gridOf(wb, RISK).values.map((r) => [...r]);
    const body = sorted.slice(4, 10).reverse();
    sorted.splice(4, 6, ...body);
    expect(sorted[4]?.[1]).toBe('107');
    wb = { name: wb.name, grids: wb.grids.map((x) => (x.name === RISK ? { name: RISK, values: sorted } : x)) };
    const r = specOf(rerun(input, wb).run, RISK);
    expect(at(r, rowWhere(r, 'Код', '106'), 'Что сделано')).toBe('ИОМ составлен');
    expect(r.values.filter((row) => row[col(r, 'risk', 'done')] === 'ИОМ составлен')).toHaveLength(1);
  });

  it('move the notes of a student who left the group to «Архив заметок», and bring them back when the student returns', () => {
    let wb = written(input, first);
    wb = type(wb, RISK, rowWhere(gridOf(wb, RISK), 'Код', '107'), { 'Что сделано': 'Занятия с психологом', Комментарий: 'Мама в курсе' });
    wb = type(wb, RISK, rowWhere(gridOf(wb, RISK), 'Код', '104'), { Комментарий: 'Остаётся' });

    const fine = book107Fine();
    const out = rerun(fine, wb);
    const r = specOf(out.run, RISK);
    expect(out.run.findings.atRisk.map((p) => p.code)).not.toContain('107');
    const a = archive(r);
    expect(a).not.toBeNull();
    // Below everything else, column P included: the highlight list never runs into the archive.
    const lastM = Math.max(...r.values.map((row, i) => (row[RISK_KEY_COL] != null ? i : -1)));
    expect(lastM).toBeGreaterThan(10);
    expect(a!.title).toBeGreaterThan(lastM);
    expect(r.values[a!.title + 1]).toEqual(expect.arrayContaining(['Класс', 'Код', 'ФИО', 'Предметы', 'Что сделано', 'Комментарий', KEY]));
    expect(a!.rows).toHaveLength(1);
    const row = r.values[a!.rows[0]!] as unknown[];
    // What the row was about, the key and the text as typed; nothing in column P.
    expect(row.slice(0, 3)).toEqual(['5А', '107', null]);
    expect(row[col(r, 'risk', 'subjects')]).toBe('Математика');
    expect(row[RISK_KEY_COL] ?? null).toBeNull();
    const done = col(r, 'risk', 'done');
    expect(row.slice(done, done + 3)).toEqual(['Занятия с психологом', 'Мама в курсе', '107']);
    expect(at(r, rowWhere(r, 'Код', '104'), 'Комментарий')).toBe('Остаётся');

    // Still out: the archive keeps the note (no copies).
    const again = rerun(fine, out.wb);
    const r2 = specOf(again.run, RISK);
    expect(archive(r2)?.rows).toHaveLength(1);
    expect(r2.values.filter((x) => x[col(r2, 'risk', 'done')] === 'Занятия с психологом')).toHaveLength(1);

    // Back in the group: the note returns to the student's row, the archive goes.
    const back = specOf(rerun(input, again.wb).run, RISK);
    expect(at(back, rowWhere(back, 'Код', '107'), 'Что сделано')).toBe('Занятия с психологом');
    expect(at(back, rowWhere(back, 'Код', '107'), 'Комментарий')).toBe('Мама в курсе');
    expect(archive(back)).toBeNull();
  });

  it('accepts an old tab without the key column (an earlier version of ОКО): nothing to keep, no error', () => {
    const wb = written(input, first);
    // The tab as an earlier version wrote it: the profile and column M only (no ids, no key), and someone typed beside it.
    const old = gridOf(wb, RISK).values.map((r, i) => (i === 2 ? [] : [...r.slice(0, 10), null, null, r[RISK_KEY_COL] ?? null]));
    (old[4] as CellValue[])[13] = 'заметка без ключа';
    const legacy = { name: wb.name, grids: wb.grids.map((x) => (x.name === RISK ? { name: RISK, values: old } : x)) };
    expect(readUserColumns({ name: RISK, values: old }, RISK_USER_COLUMNS).size).toBe(0);
    const out = rerun(input, legacy);
    expect(out.run.ok).toBe(true);
    expect(out.run.problems.filter((p) => p.severity !== 'info')).toEqual(first.problems.filter((p) => p.severity !== 'info'));
    const r = specOf(out.run, RISK);
    expect(r.values).toEqual(specOf(first, RISK).values);
  });

  it('keeps both texts of a row the user copied (the same key twice), and a typed date as a date', () => {
    let wb = written(input, first);
    const g = gridOf(wb, RISK);
    const r104 = rowWhere(g, 'Код', '104');
    wb = type(wb, RISK, r104, { 'Что сделано': new Date(Date.UTC(2026, 4, 12)), Комментарий: 'первая' });
    const values = gridOf(wb, RISK).values.map((r) => [...r]);
    const copy = [...(values[r104] as CellValue[])];
    copy[header(g).col('Комментарий')] = 'вторая';
    values.push([], copy);
    wb = { name: wb.name, grids: wb.grids.map((x) => (x.name === RISK ? { name: RISK, values } : x)) };
    const r = specOf(rerun(input, wb).run, RISK);
    const row = rowWhere(r, 'Код', '104');
    expect(at(r, row, 'Что сделано')).toEqual({ date: '2026-05-12' });
    expect(at(r, row, 'Комментарий')).toBe('первая\nвторая');
    expect(archive(r)).toBeNull();
  });
});

describe('«Объективность»: the user columns', () => {
  const input = objectivityBook();
  const first = runAnalysis(input);
  const t = specOf(first, OBJ);

  it('sit beside the signs: «Результат проверки», «Комментарий»; the key is hidden at the end of the first table', () => {
    const h = header(t);
    const c = col(t, 'objectivity', 'checkResult');
    expect(c).toBe(col(t, 'objectivity', 'signs') + 1);
    expect(t.values[h.row]?.slice(c, c + 2)).toEqual(['Результат проверки', 'Комментарий']);
    const K = col(t, 'objectivity', 'key');
    expect(t.values[h.row]?.[K]).toBe(KEY);
    expect(t.values[h.row]?.[K - 1]).toBe('Надёжность');
    expect(t.hiddenColumns).toContain(K);
    const keys = t.values
      .slice(h.row + 1)
      .map((r) => r[K])
      .filter((v) => typeof v === 'string');
    expect(keys).toEqual([
      'впр|2026|математика|6||class|6а',
      'впр|2026|математика|6||class|6б',
      'впр|2026|математика|6||class|6в',
      'впр|2026|математика|6||teacher|иванова и. и.',
      'впр|2026|математика|6||school|школа',
    ]);
    expect(OBJECTIVITY_USER_COLUMNS.user).toEqual(['checkResult', 'comment']);
  });

  it('keep the check result and comment per group through two regenerations; a group that is gone goes to the archive', () => {
    let wb = written(input, first);
    const g = gridOf(wb, OBJ);
    wb = type(wb, OBJ, rowWhere(g, 'Группа', '6Б'), { 'Результат проверки': 'Перепроверено: подтвердилось', Комментарий: 'Протокол №3' });
    wb = type(wb, OBJ, rowWhere(g, 'Группа', 'Иванова И. И.'), { Комментарий: 'Беседа с учителем' });
    for (let i = 0; i < 2; i++) {
      const next = rerun(input, wb);
      wb = next.wb;
      const o = specOf(next.run, OBJ);
      expect(at(o, rowWhere(o, 'Группа', '6Б'), 'Результат проверки')).toBe('Перепроверено: подтвердилось');
      expect(at(o, rowWhere(o, 'Группа', '6Б'), 'Комментарий')).toBe('Протокол №3');
      expect(at(o, rowWhere(o, 'Группа', 'Иванова И. И.'), 'Комментарий')).toBe('Беседа с учителем');
      expect(archive(o)).toBeNull();
    }

    // Without «Классы и учителя» there is no teacher group: its note moves to the archive, with what it was about.
    const noTeachers = objectivityBook({ 'Классы и учителя': null });
    const out = rerun(noTeachers, wb);
    const o = specOf(out.run, OBJ);
    expect(at(o, rowWhere(o, 'Группа', '6Б'), 'Комментарий')).toBe('Протокол №3');
    const a = archive(o)!;
    expect(a.rows).toHaveLength(1);
    const row = o.values[a.rows[0]!] as unknown[];
    expect(row.slice(0, 3)).toEqual(['ВПР 2026 Математика 6 класс', 'Иванова И. И.', 'учитель']);
    const c = col(o, 'objectivity', 'checkResult');
    expect(row.slice(c, c + 2)).toEqual([null, 'Беседа с учителем']);
    expect(row[col(o, 'objectivity', 'key')]).toBe('впр|2026|математика|6||teacher|иванова и. и.');
    // The archive title sits in «Работа» (A).
    expect(o.values[a.title]?.[0]).toBe(S.notes.archive);

    // The teachers' sheet is back: the note returns to Иванова's row.
    const back = specOf(rerun(objectivityBook({ 'Классы и учителя': TEACHERS }), out.wb).run, OBJ);
    expect(at(back, rowWhere(back, 'Группа', 'Иванова И. И.'), 'Комментарий')).toBe('Беседа с учителем');
    expect(archive(back)).toBeNull();
  });

  it('accepts an old tab without the key column', () => {
    const wb = written(input, first);
    const old = gridOf(wb, OBJ).values.map((r) => r.slice(0, col(t, 'objectivity', 'key')));
    const out = rerun(input, { name: wb.name, grids: wb.grids.map((x) => (x.name === OBJ ? { name: OBJ, values: old } : x)) });
    expect(out.run.ok).toBe(true);
    expect(specOf(out.run, OBJ).values).toEqual(t.values);
  });
});
