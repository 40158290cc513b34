// Regeneration keeps people's work: statuses, dates, links and comments typed into a roadmap tab
// survive a new analysis, an edited template, rows moved, added or deleted by hand.
import { describe, expect, it } from 'vitest';
import type { CellValue, Grid, Workbook } from '../../src/core/grid';
import { formatProblem } from '../../src/core/problems';
import { COL } from '../../src/core/roadmap/columns';
import { BLOCK_ARCHIVE, BLOCK_MANUAL, textHash } from '../../src/core/roadmap/keys';
import { findTemplate } from '../../src/core/roadmap/library';
import { type RoadmapExtras, specToGrid } from '../../src/core/roadmap/run';
import { buildTemplateSheet } from '../../src/core/roadmap/template-sheet';
import { formRows, withCell } from '../helpers/grids';
import {
  baseWorkbook,
  cell,
  copyGrid,
  FIRST_DATA,
  generate,
  keys,
  manualRow,
  NO_FINDINGS,
  REQ,
  replaceTab,
  rowIndexOfKey,
  rowOf,
  tab,
  type,
} from './helpers';

const IOM_TAB = 'ДК · ВПР МА 5 · ИОМ';
const TAB = 'Дорожная карта · ВПР МА 5';
const tpl = findTemplate('region-model-roadmap')!;
const actKey = (number: string) => `act:${textHash(tpl.sections.flatMap((s) => s.activities).find((a) => a.number === number)!.title)}`;
const K11 = actKey('1.1');
const K21 = actKey('2.1');
const K22 = actKey('2.2');
const K51 = actKey('5.1');
const WP_A = 'wp:математика|5а';
const WP_B = 'wp:математика|5б';
const DONE_DATE = new Date(Date.UTC(2026, 5, 1));

/** A first generation with a user's marks on several rows. */
function markedWorkbook(extras: RoadmapExtras = NO_FINDINGS): Workbook {
  const { wb, r } = generate(baseWorkbook(), {}, extras);
  expect(r.tabName).toBe(TAB);
  let g = tab(wb, TAB);
  g = type(g, K11, { status: 'Выполнено', doneDate: DONE_DATE, link: 'https://disk.example/spravka-1-1', comment: 'Справка на педсовете' });
  g = type(g, K21, { status: 'В работе', comment: 'Педсовет перенесён на 10.06' });
  g = type(g, WP_B, { status: 'Выполнено', link: 'https://disk.example/rp-5b' });
  g = type(g, K51, { status: 'Отменено', comment: 'Объединено с 5.1 (2/2)' });
  return replaceTab(wb, g);
}

function expectMarks(g: Grid): void {
  expect(cell(g, K11, 'status')).toBe('Выполнено');
  expect(cell(g, K11, 'doneDate')).toEqual(DONE_DATE);
  expect(cell(g, K11, 'link')).toBe('https://disk.example/spravka-1-1');
  expect(cell(g, K11, 'comment')).toBe('Справка на педсовете');
  expect(cell(g, K21, 'status')).toBe('В работе');
  expect(cell(g, K21, 'comment')).toBe('Педсовет перенесён на 10.06');
  expect(cell(g, WP_B, 'status')).toBe('Выполнено');
  expect(cell(g, WP_B, 'link')).toBe('https://disk.example/rp-5b');
  expect(cell(g, K51, 'status')).toBe('Отменено');
}

describe('a first generation', () => {
  const { wb, r } = generate(baseWorkbook());
  const g = tab(wb, TAB);

  it('writes the roadmap tab, then «Исполнение»', () => {
    expect(r.ok).toBe(true);
    expect(r.tabs.map((t) => t.name)).toEqual([TAB, 'Исполнение']);
    expect(r.merge).toMatchObject({ kept: 0, archived: 0, manual: 0 });
  });

  it('gives every row a unique, valid key and every activity the status «Не начато»', () => {
    const ks = keys(g);
    expect(ks.every((k) => /^(sec|tsk|ind|act|wp|iom|obj|blk):/.test(k))).toBe(true);
    expect(new Set(ks).size).toBe(ks.length);
    for (const row of g.values.slice(FIRST_DATA)) {
      if (String(row[COL.key]).startsWith('act:') || String(row[COL.key]).startsWith('wp:')) expect(row[COL.status]).toBe('Не начато');
    }
  });

  it('adds a work-programme row per class with insufficient tasks, under activity 2.2', () => {
    const i22 = rowIndexOfKey(g, K22);
    expect(g.values[i22 + 1]?.[COL.key]).toBe(WP_A);
    expect(g.values[i22 + 2]?.[COL.key]).toBe(WP_B);
    expect(cell(g, WP_A, 'number')).toBe('2.2.1');
    expect(cell(g, WP_A, 'title')).toBe('Внести изменения в рабочую программу: Математика, 5А — недостаточно выполнены задания 2');
    expect(cell(g, WP_B, 'title')).toBe('Внести изменения в рабочую программу: Математика, 5Б — недостаточно выполнены задания 1, 2');
    expect(String(cell(g, WP_B, 'result'))).toContain('Вычисления — задания 1 (Б, 50 %), 2 (Б, 50 %)');
    expect(String(cell(g, WP_B, 'result'))).toMatch(/^Мало участников \(2\): выводы ненадёжны\./);
    expect(cell(g, WP_A, 'end')).toEqual(new Date(Date.UTC(2026, 5, 15)));
  });
});

describe('regeneration keeps what users typed', () => {
  it('keeps statuses, dates, links and comments, across two regenerations', () => {
    const wb1 = markedWorkbook();
    const second = generate(wb1);
    expect(second.r.merge).toMatchObject({ kept: 4, fresh: 0, archived: 0, manual: 0 });
    expectMarks(tab(second.wb, TAB));
    const third = generate(second.wb);
    expectMarks(tab(third.wb, TAB));
    expect(keys(tab(third.wb, TAB))).toEqual(keys(tab(second.wb, TAB)));
  });

  it('matches rows by key when the user sorted or reordered them', () => {
    const wb1 = markedWorkbook();
    const g = copyGrid(tab(wb1, TAB));
    const data = g.values.slice(FIRST_DATA).reverse();
    g.values = [...g.values.slice(0, FIRST_DATA), ...data];
    const again = generate(replaceTab(wb1, g));
    expectMarks(tab(again.wb, TAB));
    // The regenerated tab is in template order again.
    expect(keys(tab(again.wb, TAB))).toEqual(keys(tab(generate(baseWorkbook()).wb, TAB)));
  });

  it('keeps a row added by hand right below the row it followed, with all its content', () => {
    const wb1 = markedWorkbook();
    const g = copyGrid(tab(wb1, TAB));
    const at = rowIndexOfKey(g, K21) + 1;
    const mine = manualRow('Методический семинар для учителей математики', 'В работе', 'Провести до каникул');
    mine[COL.responsible] = 'Петрова А.А.';
    mine[COL.end] = new Date(Date.UTC(2026, 9, 20));
    g.values.splice(at, 0, mine);
    const again = generate(replaceTab(wb1, g));
    const g2 = tab(again.wb, TAB);
    expect(again.r.merge?.manual).toBe(1);
    const i = rowIndexOfKey(g2, K21);
    const row = g2.values[i + 1] as CellValue[];
    expect(row[COL.title]).toBe('Методический семинар для учителей математики');
    expect(row[COL.status]).toBe('В работе');
    expect(row[COL.comment]).toBe('Провести до каникул');
    expect(row[COL.responsible]).toBe('Петрова А.А.');
    expect(row[COL.end]).toEqual(new Date(Date.UTC(2026, 9, 20)));
    expect(row[COL.key]).toBe('');
    expectMarks(g2);
    // And it stays there, once, after another regeneration.
    const third = tab(generate(again.wb).wb, TAB);
    expect(third.values.filter((r) => r[COL.title] === 'Методический семинар для учителей математики')).toHaveLength(1);
    expect(third.values[rowIndexOfKey(third, K21) + 1]?.[COL.title]).toBe('Методический семинар для учителей математики');
  });

  it('moves hand-made rows whose place is gone to «Добавлено вручную»', () => {
    // The hand-made row follows the work-programme row of 5Б; then 5Б has no deficits any more.
    const wb1 = markedWorkbook();
    const g = copyGrid(tab(wb1, TAB));
    g.values.splice(rowIndexOfKey(g, WP_B) + 1, 0, manualRow('Консультация родителей 5Б', 'Выполнено'));
    const fixed = withCell(withCell(withCell(withCell(formRows(), 6, 3, 1), 6, 5, 3), 7, 4, 2), 7, 5, 3);
    const wb2 = {
      ...replaceTab(wb1, g),
      grids: replaceTab(wb1, g).grids.map((x) => (x.name === 'ВПР Математика 5 класс' ? { ...x, values: withCell(fixed, 7, 3, 1) } : x)),
    };
    const again = generate(wb2);
    const g2 = tab(again.wb, TAB);
    const ks = keys(g2);
    const manualAt = ks.indexOf(BLOCK_MANUAL);
    const archiveAt = ks.indexOf(BLOCK_ARCHIVE);
    expect(manualAt).toBeGreaterThan(0);
    expect(archiveAt).toBeGreaterThan(manualAt);
    expect(g2.values[FIRST_DATA + manualAt + 1]?.[COL.title]).toBe('Консультация родителей 5Б');
    expect(g2.values[FIRST_DATA + manualAt + 1]?.[COL.status]).toBe('Выполнено');
    // The 5Б row went to the archive with its status and link.
    expect(ks.indexOf(WP_B)).toBeGreaterThan(archiveAt);
    expect(cell(g2, WP_B, 'status')).toBe('Выполнено');
    expect(cell(g2, WP_B, 'link')).toBe('https://disk.example/rp-5b');
  });

  it('brings back a row deleted by hand, fresh, without touching the others', () => {
    const wb1 = markedWorkbook();
    const g = copyGrid(tab(wb1, TAB));
    g.values.splice(rowIndexOfKey(g, K22), 1);
    const again = generate(replaceTab(wb1, g));
    const g2 = tab(again.wb, TAB);
    expect(cell(g2, K22, 'status')).toBe('Не начато');
    expect(again.r.merge).toMatchObject({ fresh: 1, archived: 0 });
    expectMarks(g2);
  });

  it('keeps a column the user added, row by row', () => {
    const wb1 = markedWorkbook();
    const g = copyGrid(tab(wb1, TAB));
    g.values[3]![COL.overdue + 1] = 'Исполнитель';
    g.values[rowIndexOfKey(g, K11)]![COL.overdue + 1] = 'Сидорова';
    const g2 = tab(generate(replaceTab(wb1, g)).wb, TAB);
    expect(g2.values[3]?.[COL.overdue + 1]).toBe('Исполнитель');
    expect(g2.values[rowIndexOfKey(g2, K11)]?.[COL.overdue + 1]).toBe('Сидорова');
  });
});

describe('regeneration after the inputs changed', () => {
  it('a changed analysis archives rows that are no longer needed, with their marks, and adds new ones', () => {
    const risk = {
      atRisk: [
        { code: '102', className: '5А', reasons: ['отметка 2'] },
        { code: '202', className: '5Б', reasons: ['меньше 50 % баллов'] },
      ],
    };
    const wb1 = markedWorkbook(risk);
    const g = type(tab(wb1, IOM_TAB), 'iom:102', { status: 'В работе', comment: 'ИОМ согласован с родителями' });
    const newRisk = {
      atRisk: [
        { code: '202', className: '5Б', reasons: ['меньше 50 % баллов', 'снижение отметки'] },
        { code: '103', className: '5А', reasons: ['отметка 2'] },
      ],
    };
    const again = generate(replaceTab(wb1, g), {}, newRisk);
    const g2 = tab(again.wb, IOM_TAB);
    const ks = keys(g2);
    expect(ks.indexOf('iom:102')).toBeGreaterThan(ks.indexOf(BLOCK_ARCHIVE));
    expect(cell(g2, 'iom:102', 'status')).toBe('В работе');
    expect(cell(g2, 'iom:102', 'comment')).toBe('ИОМ согласован с родителями');
    expect(cell(g2, 'iom:103', 'status')).toBe('Не начато');
    expect(String(cell(g2, 'iom:202', 'result'))).toContain('снижение отметки');
    expect(again.r.iomMerge).toMatchObject({ archived: 1, fresh: 1 });
    expectMarks(tab(again.wb, TAB));

    // 102 comes back: its row returns from the archive with its marks.
    const back = generate(again.wb, {}, risk);
    const g3 = tab(back.wb, IOM_TAB);
    const ks3 = keys(g3);
    expect(ks3.indexOf('iom:102')).toBeLessThan(ks3.indexOf(BLOCK_ARCHIVE));
    expect(ks3.indexOf('iom:103')).toBeGreaterThan(ks3.indexOf(BLOCK_ARCHIVE));
    expect(cell(g3, 'iom:102', 'status')).toBe('В работе');
    expect(cell(g3, 'iom:102', 'comment')).toBe('ИОМ согласован с родителями');
    expect(back.r.iomMerge?.restored).toBe(1);
  });

  it('moves the ИОМ marks of an older roadmap (ИОМ rows on the roadmap tab itself) to the «ИОМ» tab, losing none', () => {
    const risk = { atRisk: [{ code: '102', className: '5А', reasons: ['отметка 2'] }] };
    const wb1 = markedWorkbook(risk);
    // An older version kept the ИОМ row on the roadmap tab: put it there (with marks) and drop the «ИОМ» tab.
    const iomRow = tab(wb1, IOM_TAB).values[rowIndexOfKey(tab(wb1, IOM_TAB), 'iom:102')]!.slice();
    iomRow[COL.status] = 'Выполнено';
    iomRow[COL.comment] = 'маршрут утверждён';
    const main = tab(wb1, TAB);
    const older = { name: main.name, values: [...main.values, iomRow] };
    const wbOld = { name: wb1.name, grids: replaceTab(wb1, older).grids.filter((x) => x.name !== IOM_TAB) };
    const again = generate(wbOld, {}, risk);
    expect(cell(tab(again.wb, IOM_TAB), 'iom:102', 'status')).toBe('Выполнено');
    expect(cell(tab(again.wb, IOM_TAB), 'iom:102', 'comment')).toBe('маршрут утверждён');
    expect(keys(tab(again.wb, TAB))).not.toContain('iom:102');
    expect(again.r.merge?.archived).toBe(0);
  });

  it("an objectivity sign keeps its row while its numbers change (key by the sign's kind)", () => {
    const o1 = { objectivity: [{ group: '5Б', text: 'Понизили отметку 45 % участников', kind: 'journal-gap' }] };
    const { wb } = generate(baseWorkbook(), {}, o1);
    const key = 'obj:5б|journal-gap';
    const g = type(tab(wb, TAB), key, { status: 'В работе' });
    const o2 = { objectivity: [{ group: '5Б', text: 'Понизили отметку 38 % участников', kind: 'journal-gap' }] };
    const g2 = tab(generate(replaceTab(wb, g), {}, o2).wb, TAB);
    expect(cell(g2, key, 'status')).toBe('В работе');
    expect(String(cell(g2, key, 'title'))).toContain('38 %');
  });

  it('an edited template: renumbered rows keep marks, renamed and removed ones go to the archive, new ones appear', () => {
    const wb0 = baseWorkbook();
    const sheet = specToGrid(buildTemplateSheet(tpl));
    const withSheet = { ...wb0, grids: [...wb0.grids, sheet] };
    const first = generate(withSheet, { template: 'лист' });
    expect(first.r.ok).toBe(true);
    let g = tab(first.wb, TAB);
    g = type(g, K11, { status: 'Выполнено' });
    g = type(g, K21, { status: 'В работе', comment: 'ждём протокол' });
    g = type(g, K22, { status: 'Выполнено' });
    const wb1 = replaceTab(first.wb, g);

    // The user edits the sheet: 1.1 renumbered to 1.0, 2.1 renamed, 2.2's deadline changed, 5.1 removed, one activity added.
    const s = copyGrid(sheet);
    const rowOfTitle = (n: string) => s.values.findIndex((r) => r[3] === n);
    s.values[rowOfTitle('1.1')]![3] = '1.0';
    s.values[rowOfTitle('2.1')]![4] = 'Педсовет по итогам ВПР (переименовано)';
    s.values[rowOfTitle('2.2')]![7] = 'до 25 декабря';
    const at51 = rowOfTitle('5.1');
    const secCell = s.values[at51]![0];
    s.values.splice(at51, 1, [
      secCell ?? null,
      null,
      null,
      '5.2',
      'Новое мероприятие рефлексивного этапа',
      null,
      'Директор',
      'до конца учебного года',
    ]);
    const wb2 = replaceTab(wb1, s);
    const again = generate(wb2, { template: 'лист' });
    expect(again.r.ok).toBe(true);
    const g2 = tab(again.wb, TAB);
    const ks = keys(g2);
    const archive = ks.indexOf(BLOCK_ARCHIVE);
    // renumbered: same key, marks kept, number updated
    expect(cell(g2, K11, 'status')).toBe('Выполнено');
    expect(cell(g2, K11, 'number')).toBe('1.0');
    // deadline changed: marks kept, new date
    expect(cell(g2, K22, 'status')).toBe('Выполнено');
    expect(cell(g2, K22, 'end')).toEqual(new Date(Date.UTC(2026, 11, 25)));
    // renamed: the old row is archived with its marks, the new one is fresh
    expect(ks.indexOf(K21)).toBeGreaterThan(archive);
    expect(cell(g2, K21, 'comment')).toBe('ждём протокол');
    const renamed = rowOf(g2, 'Педсовет по итогам ВПР (переименовано)')!;
    expect(renamed[COL.status]).toBe('Не начато');
    // removed (5.1 had two occurrences): both archived; the new activity is there
    expect(ks.indexOf(K51)).toBeGreaterThan(archive);
    expect(ks.indexOf(`${K51}@2`)).toBeGreaterThan(archive);
    expect(rowOf(g2, 'Новое мероприятие рефлексивного этапа')?.[COL.status]).toBe('Не начато');
    expect(again.r.merge).toMatchObject({ archived: 3, fresh: 2 });
  });

  it('two roadmaps (two procedures) live side by side; «Исполнение» covers both', () => {
    const wb1 = markedWorkbook();
    const other = generate(wb1, { procedure: 'Объективность оценивания 2026', template: 'school-objectivity-plan' });
    expect(other.r.ok).toBe(true);
    const names = other.wb.grids.map((g) => g.name);
    expect(names).toContain(TAB);
    expect(names).toContain(other.r.tabName);
    expect(other.r.tabName).not.toBe(TAB);
    // A's marks are untouched, and regenerating A again keeps B.
    expectMarks(tab(other.wb, TAB));
    const a2 = generate(other.wb);
    expect(a2.wb.grids.map((g) => g.name)).toContain(other.r.tabName);
    expectMarks(tab(a2.wb, TAB));
    const dash = tab(a2.wb, 'Исполнение');
    const labels = dash.values.map((r) => r[0]);
    expect(labels).toContain(TAB);
    expect(labels).toContain(other.r.tabName);
  });
});

describe('a damaged roadmap tab stops the regeneration: clear message, nothing written', () => {
  const wb1 = markedWorkbook();
  const g1 = tab(wb1, TAB);
  const refused = (g: Grid) => {
    const r = generate(replaceTab(wb1, g)).r;
    expect(r.ok).toBe(false);
    expect(r.tabs).toEqual([]);
    return r.problems.filter((p) => p.severity === 'error');
  };

  it('a key copied with its row', () => {
    const g = copyGrid(g1);
    const i = rowIndexOfKey(g, K11);
    g.values.splice(i + 1, 0, [...(g.values[i] as CellValue[])]);
    const [p] = refused(g);
    expect(p?.code).toBe('roadmap-key-duplicate');
    expect(p?.row).toBe(i + 2);
    expect(p?.col).toBe(COL.key + 1);
    expect(formatProblem(p!)).toBe(
      `Лист «${TAB}», ячейка N${i + 2} (строка ${i + 2}, столбец N): Ключ «${K11}» повторяется (первый раз — строка ${i + 1}): вероятно, строку скопировали вместе с ключом. Ничего не записано: очистите ключ у копии — она сохранится как добавленная вручную.`,
    );
  });

  it('a key overwritten with something else', () => {
    const g = type(g1, K21, { key: 'Иванов' });
    const [p] = refused(g);
    expect(p?.code).toBe('roadmap-key-bad');
    expect(p?.message).toMatch(/^Ключ «Иванов» повреждён/);
  });

  it('the key column deleted', () => {
    const g = copyGrid(g1);
    g.values = g.values.map((r) => r.filter((_, c) => c !== COL.key));
    const [p] = refused(g);
    expect(p?.code).toBe('roadmap-key-column');
    expect(p?.row).toBe(4);
  });

  it('every key cleared', () => {
    const g = copyGrid(g1);
    for (const r of g.values.slice(FIRST_DATA)) r[COL.key] = null;
    const [p] = refused(g);
    expect(p?.code).toBe('roadmap-keys-missing');
  });

  it('the header row gone', () => {
    const g = copyGrid(g1);
    g.values[3] = [];
    const [p] = refused(g);
    expect(p?.code).toBe('roadmap-header');
  });

  it('the same request without the damage works (sanity)', () => {
    expect(generate(wb1).r.ok).toBe(true);
    expect(REQ.template).toBe('region-model-roadmap');
  });
});
