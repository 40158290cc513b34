// The roadmap step in the Sheets host: generated through the server function on the fake, statuses
// typed into the roadmap tab as a user would (setValues on those cells) survive regeneration, the
// «Исполнение» formulas name the roadmap tab (through the temporary-name swap), refusals write nothing,
// and «Создать шаблон» copies a template only when the sheet is absent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWorkbook as readInput } from '../../src/core/input/workbook';
import { S, UI } from '../../src/core/strings';
import type { RoadmapForm } from '../../src/server/contract';
import { menuRoadmap, menuRoadmapTemplate } from '../../src/server/handlers';
import { academicYearOf, roadmapFormInfo, roadmapStep } from '../../src/server/roadmap';
import { runStepAndWrite } from '../../src/server/steps';
import { readSpreadsheet } from '../../src/sheets/read';
import type { FakeGas, FakeSheet } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

const TAB = 'Дорожная карта · ВПР МА 4';
const EXEC = S.tabs.execution;
/** The roadmap's per-student routes (its at-risk students of grade 4 mathematics). */
const IOM = 'ДК · ВПР МА 4 · ИОМ';
const FORM: RoadmapForm = {
  template: 'region-model-roadmap',
  year: '2026/2027',
  procedure: 'ВПР Математика 4 класс',
  resultsDate: '2026-05-15',
  levels: [],
};

beforeEach(() => {
  // The server's today: 23.11.2026, 12:00 in Moscow.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function book(): FakeGas {
  const gas = fakeGas();
  gas.ss.addSheet('Протокол', smallProtocol());
  return gas;
}

/** 1-based columns of the roadmap tab's header row, by label. */
function header(sheet: FakeSheet): { row: number; col: (label: string) => number } {
  const values = sheet.snapshot();
  const r = values.findIndex((row) => row.includes('Статус') && row.includes('Ключ'));
  if (r < 0) throw new Error(`no header in ${sheet.title}`);
  const labels = values[r] as unknown[];
  return {
    row: r + 1,
    col: (label) => {
      const c = labels.indexOf(label);
      if (c < 0) throw new Error(`no column ${label}`);
      return c + 1;
    },
  };
}

/** Rows (1-based) of template activities, by key. */
function activityRows(sheet: FakeSheet): Map<string, number> {
  const h = header(sheet);
  const out = new Map<string, number>();
  sheet.snapshot().forEach((row, i) => {
    const key = String(row[h.col('Ключ') - 1] ?? '');
    if (i + 1 > h.row && key.startsWith('act:')) out.set(key, i + 1);
  });
  return out;
}

/** Types a value into one cell, as a user would (Sheets parses it). */
function type(sheet: FakeSheet, row: number, col: number, value: string): void {
  sheet.getRange(row, col, 1, 1).setValues([[value]]);
}

function formulas(sheet: FakeSheet): string[] {
  const out: string[] = [];
  const { rows, cols } = sheet.usedSize();
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= cols; c++) if (sheet.peek(r, c)?.formula) out.push(sheet.peek(r, c)?.formula as string);
  return out;
}

describe('the roadmap step in Google Sheets', () => {
  it('writes the roadmap tab, then «Исполнение», with a summary computed with the server\u2019s today', () => {
    const gas = book();
    const r = roadmapStep(gas.ss, FORM);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.tabs.written).toEqual([TAB, IOM, EXEC]);
    expect(gas.ss.tabNames()).toEqual(['Протокол', TAB, IOM, EXEC]);
    const s = r.roadmap;
    expect(s).not.toBeNull();
    expect(s?.today).toBe('2026-11-23');
    expect(s?.year).toBe('2026/2027');
    expect(s?.activities).toBeGreaterThan(20);
    // Every new row is «Не начато»: nothing done yet.
    expect(s).toMatchObject({ done: 0, doing: 0, cancelled: 0, completion: 0 });
    // The stage-1 deadlines («после получения результатов в течение 2 недель» of 15.05.2026) are past.
    expect(s?.overdue.length).toBeGreaterThan(0);
    for (const o of s?.overdue ?? []) {
      expect(o.end < '2026-11-23').toBe(true);
      expect(gas.ss.tab(TAB).peek(o.row as number, header(gas.ss.tab(TAB)).col('Мероприятие'))?.value).toBe(o.title);
    }
    // The summary: activities, completion, overdue, then links to both tabs.
    const [main, tabs] = r.blocks;
    expect(main?.title).toBe(TAB);
    expect(main?.items.map((i) => i.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Мероприятий: \d+ \(выполнено 0, в работе 0, не начато \d+, отменено 0\)\.$/),
        expect.stringMatching(/^Выполнение: 0 % \(выполнено 0 из \d+ неотменённых\)\.$/),
        `Просрочено на 23.11.2026: ${s?.overdue.length}.`,
      ]),
    );
    expect(tabs?.items.map((i) => [i.text, i.place?.sheet])).toEqual([
      [TAB, TAB],
      [IOM, IOM],
      [EXEC, EXEC],
    ]);
  });

  it('keeps statuses, dates and comments typed into the roadmap tab when it is regenerated', () => {
    const gas = book();
    expect(roadmapStep(gas.ss, FORM).ok).toBe(true);
    const first = gas.ss.tab(TAB);
    const h = header(first);
    const rows = [...activityRows(first)];
    expect(rows.length).toBeGreaterThan(5);
    type Row = [string, number];
    const [a, b, c] = rows.slice(0, 3) as [Row, Row, Row];
    type(first, a[1], h.col('Статус'), 'Выполнено');
    type(first, a[1], h.col('Дата исполнения'), '01.10.2026');
    type(first, a[1], h.col('Комментарий'), 'Протокол ШМО № 3');
    type(first, a[1], h.col('Ссылка на документ'), 'https://example.org/protocol-3');
    type(first, b[1], h.col('Статус'), 'В работе');
    type(first, c[1], h.col('Статус'), 'Отменено');
    type(first, c[1], h.col('Комментарий'), 'Не проводится в этом году');

    const again = roadmapStep(gas.ss, FORM);
    expect(again.ok).toBe(true);
    const second = gas.ss.tab(TAB);
    // The same sheet, rewritten: links and formulas pointing at the roadmap keep working.
    expect(second).toBe(first);
    const h2 = header(second);
    const at = activityRows(second);
    const cell = (key: string, label: string) => second.peek(at.get(key) as number, h2.col(label))?.value;
    expect(cell(a[0], 'Статус')).toBe('Выполнено');
    expect(cell(a[0], 'Дата исполнения')).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(cell(a[0], 'Комментарий')).toBe('Протокол ШМО № 3');
    expect(cell(a[0], 'Ссылка на документ')).toBe('https://example.org/protocol-3');
    expect(cell(b[0], 'Статус')).toBe('В работе');
    expect(cell(c[0], 'Статус')).toBe('Отменено');
    expect(cell(c[0], 'Комментарий')).toBe('Не проводится в этом году');
    // Rows nobody touched are still «Не начато».
    const untouched = rows[3] as [string, number];
    expect(cell(untouched[0], 'Статус')).toBe('Не начато');

    const s = again.roadmap;
    expect(s).toMatchObject({ done: 1, doing: 1, cancelled: 1 });
    expect(s?.kept).toBeGreaterThanOrEqual(3);
    expect(s?.counted).toBe((s?.done ?? 0) + (s?.doing ?? 0) + (s?.todo ?? 0));
    expect(s?.completion).toBeCloseTo(100 / (s?.counted ?? 0), 6);
    // A third run over the second keeps them too.
    expect(roadmapStep(gas.ss, FORM).ok).toBe(true);
    const third = gas.ss.tab(TAB);
    expect(third.peek(activityRows(third).get(a[0]) as number, header(third).col('Статус'))?.value).toBe('Выполнено');
  });

  it('«Исполнение» refers to the roadmap tab by name (not the temporary tab, no #REF!) after every regeneration', () => {
    const gas = book();
    roadmapStep(gas.ss, FORM);
    roadmapStep(gas.ss, FORM);
    const f = formulas(gas.ss.tab(EXEC));
    expect(f.length).toBeGreaterThan(10);
    // The overall line: «Выполнено» counted over the roadmap's status column, from below the header to its last row.
    const tab = gas.ss.tab(TAB);
    const h = header(tab);
    const L = String.fromCharCode(64 + h.col('Статус'));
    expect(f).toContain(`=COUNTIF('${TAB}'!$${L}$${h.row + 1}:$${L}$${tab.usedSize().rows},"Выполнено")`);
    expect(f.filter((x) => x.includes(`'${TAB}'!`)).length).toBeGreaterThan(10);
    expect(f.some((x) => x.includes('~ОКО~') || x.includes('#REF!'))).toBe(false);
    // No temporary tab is left behind.
    expect(gas.ss.tabNames()).toEqual(['Протокол', TAB, IOM, EXEC]);
  });

  it('a failure at any document call of a regeneration leaves both tabs as they were, «Исполнение» still pointing at the roadmap', () => {
    // Count the document calls of a successful regeneration.
    const count = book();
    roadmapStep(count.ss, FORM);
    count.log.reset();
    roadmapStep(count.ss, FORM);
    const total = count.log.docCalls;
    expect(total).toBeGreaterThan(20);
    // Up to the first swap every new version is built aside: a failure changes nothing. A single failure
    // during the swaps is retried (test/sheets/atomic.test.ts).
    const beforeSwap = count.log.callsBeforeSwap();
    for (let n = 1; n <= beforeSwap; n += Math.max(1, Math.floor(beforeSwap / 25))) {
      const gas = book();
      roadmapStep(gas.ss, FORM);
      const tab = gas.ss.tab(TAB);
      const exec = gas.ss.tab(EXEC);
      gas.log.reset();
      gas.log.failOnDocCall(n);
      expect(() => roadmapStep(gas.ss, FORM), `call ${n}`).toThrow();
      expect(gas.ss.tabNames(), `call ${n}`).toEqual(['Протокол', TAB, IOM, EXEC]);
      expect(gas.ss.tab(TAB), `call ${n}`).toBe(tab);
      expect(gas.ss.tab(EXEC), `call ${n}`).toBe(exec);
      expect(
        formulas(exec).some((x) => x.includes('#REF!') || x.includes('~ОКО~')),
        `call ${n}`,
      ).toBe(false);
    }
    for (let n = beforeSwap + 1; n <= total; n += Math.max(1, Math.floor((total - beforeSwap) / 15))) {
      const gas = book();
      roadmapStep(gas.ss, FORM);
      const tab = gas.ss.tab(TAB);
      const exec = gas.ss.tab(EXEC);
      gas.log.reset();
      gas.log.failOnDocCall(n);
      expect(roadmapStep(gas.ss, FORM).ok, `call ${n}`).toBe(true);
      expect(gas.ss.tabNames(), `call ${n}`).toEqual(['Протокол', TAB, IOM, EXEC]);
      expect(gas.ss.tab(TAB), `call ${n}`).toBe(tab);
      expect(gas.ss.tab(EXEC), `call ${n}`).toBe(exec);
      const f = formulas(exec);
      expect(
        f.some((x) => x.includes(`'${TAB}'!`)),
        `call ${n}`,
      ).toBe(true);
      expect(
        f.some((x) => x.includes('#REF!') || x.includes('~ОКО~')),
        `call ${n}`,
      ).toBe(false);
    }
  });

  it('never deletes other roadmap tabs: a second procedure adds its tab, and «Исполнение» covers both', () => {
    const gas = book();
    roadmapStep(gas.ss, FORM);
    const first = gas.ss.tab(TAB);
    const other = roadmapStep(gas.ss, { ...FORM, procedure: 'ВПР', template: 'school-objectivity-plan' });
    expect(other.ok).toBe(true);
    const otherTab = other.tabs.written[0] as string;
    expect(otherTab).not.toBe(TAB);
    expect(gas.ss.tab(TAB)).toBe(first);
    // The second roadmap (all ВПР) has per-student routes: its «ИОМ» tab comes with it.
    expect(other.tabs.written).toEqual([otherTab, 'ДК · ВПР · ИОМ', EXEC]);
    expect(gas.ss.tabNames()).toEqual(['Протокол', TAB, IOM, EXEC, otherTab, 'ДК · ВПР · ИОМ']);
    const f = formulas(gas.ss.tab(EXEC));
    expect(f.some((x) => x.includes(`'${TAB}'!`))).toBe(true);
    expect(f.some((x) => x.includes(`'${otherTab}'!`))).toBe(true);
    // An analysis run leaves the roadmap tabs and «Исполнение» alone.
    runStepAndWrite(gas.ss, 'analysis');
    expect(gas.ss.tab(TAB)).toBe(first);
    expect(gas.ss.tabNames()).toEqual(expect.arrayContaining([TAB, EXEC, otherTab]));
  });

  it('refuses a bad year with a readable message and writes nothing', () => {
    const gas = book();
    gas.log.reset();
    const r = roadmapStep(gas.ss, { ...FORM, year: 'абв' });
    expect(r.ok).toBe(false);
    expect(r.roadmap).toBeNull();
    expect(r.blocks).toEqual([]);
    expect(r.tabs).toEqual({ written: [], created: [], deleted: [] });
    const error = r.problems.find((p) => p.severity === 'error');
    expect(error?.message).toBe(S.roadmap.yearBad('абв'));
    expect(gas.log.count('Spreadsheet.insertSheet') + gas.log.count('Spreadsheet.deleteSheet')).toBe(0);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });

  it('refuses damaged keys with a link to the cell, and leaves both tabs as they were', () => {
    const gas = book();
    roadmapStep(gas.ss, FORM);
    const tab = gas.ss.tab(TAB);
    const exec = gas.ss.tab(EXEC);
    const h = header(tab);
    const row = [...activityRows(tab).values()][2] as number;
    type(tab, row, h.col('Ключ'), 'мусор');
    const r = roadmapStep(gas.ss, FORM);
    expect(r.ok).toBe(false);
    const error = r.problems.find((p) => p.code === 'roadmap-key-bad');
    expect(error?.place).toEqual({ sheet: TAB, row, col: h.col('Ключ') });
    expect(error?.text).toContain(`Лист «${TAB}»`);
    expect(gas.ss.tab(TAB)).toBe(tab);
    expect(gas.ss.tab(EXEC)).toBe(exec);
  });

  it('refuses when the data has errors', () => {
    const gas = fakeGas();
    const rows = smallProtocol();
    (rows[2] as unknown[])[2] = 3;
    gas.ss.addSheet('Протокол', rows);
    const r = roadmapStep(gas.ss, FORM);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.severity === 'error')?.place).toEqual({ sheet: 'Протокол', row: 3, col: 3 });
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });

  it('is not run through runStep: it needs its form', () => {
    const gas = book();
    expect(() => runStepAndWrite(gas.ss, 'roadmap')).toThrow(UI.roadmap.needsForm(UI.steps.roadmap.title));
  });

  it('offers the templates, the current academic year and the analysed procedures; remembers the form', () => {
    const gas = book();
    const read = () => {
      const r = readSpreadsheet(gas.ss);
      return roadmapFormInfo(gas.ss, r.tabs.names(), readInput(r.workbook));
    };
    const info = read();
    expect(info.templates.map((t) => t.id)).toEqual([
      'school-complex-analysis',
      'school-objectivity-plan',
      'region-model-roadmap',
      'school-objectivity-roadmap',
      'municipal-low-results',
    ]);
    expect(info.defaultYear).toBe('2026/2027');
    expect(info.today).toBe('2026-11-23');
    expect(info.procedures).toEqual(['ВПР Математика 4 класс']);
    expect(info.saved).toBeNull();
    expect(info.focus).toBe(false);
    roadmapStep(gas.ss, { ...FORM, levels: ['НШ'] });
    expect(read().saved).toEqual({ ...FORM, levels: ['НШ'] });
    // The menu «Дорожная карта…» opens the panel on the form, once.
    menuRoadmap();
    expect(gas.ui.sidebars).toHaveLength(1);
    expect(read().focus).toBe(true);
    expect(read().focus).toBe(false);
  });

  it('computes the academic year from September to August', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025/2026');
    expect(academicYearOf('2026-09-01')).toBe('2026/2027');
    expect(academicYearOf('2027-01-15')).toBe('2026/2027');
  });

  it('«Создать шаблон» copies the default template, says which, and never overwrites the sheet', () => {
    const gas = book();
    menuRoadmapTemplate();
    const sheet = gas.ss.tab(S.tabs.roadmapTemplate);
    expect(sheet.peek(1, 1)?.value).toMatch(/Примерная|дорожн/i);
    expect(gas.ui.alerts).toHaveLength(1);
    expect(gas.ui.alerts[0]?.title).toBe(UI.roadmap.templateTitle);
    // Named by its short name, never by its internal id.
    expect(gas.ui.alerts[0]?.prompt).toContain('«Примерная дорожная карта по результатам ОКО (регион)»');
    expect(gas.ui.alerts[0]?.prompt).not.toContain('region-model-roadmap');
    expect(gas.ui.alerts[0]?.prompt).toContain(UI.roadmap.templateFromDefault('region-model-roadmap'));
    expect(gas.ss.active?.sheet).toBe(sheet);
    // Typed into by the user, then «Создать шаблон» again: refused, the sheet untouched.
    type(sheet, 6, 5, 'Моё мероприятие');
    menuRoadmapTemplate();
    expect(gas.ui.alerts[1]?.prompt).toBe(S.roadmap.templateSheetExists(S.tabs.roadmapTemplate));
    expect(gas.ss.tab(S.tabs.roadmapTemplate)).toBe(sheet);
    expect(sheet.peek(6, 5)?.value).toBe('Моё мероприятие');
    // The form now offers the sheet, and a roadmap is built from it.
    const r = readSpreadsheet(gas.ss);
    const info = roadmapFormInfo(gas.ss, r.tabs.names(), readInput(r.workbook));
    expect(info.templates.at(-1)).toEqual({ id: 'лист', title: UI.roadmap.sheetTemplate });
    const built = roadmapStep(gas.ss, { ...FORM, template: 'лист' });
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(built.ok).toBe(true);
    expect(built.roadmap?.template).toContain('дорожн');
  });

  it('«Создать шаблон» uses the template chosen in the panel\u2019s form', () => {
    const gas = book();
    roadmapStep(gas.ss, { ...FORM, template: 'school-objectivity-plan' });
    menuRoadmapTemplate();
    expect(gas.ui.alerts[0]?.prompt).toContain('«План по объективности оценивания (школа)»');
    expect(gas.ui.alerts[0]?.prompt).not.toContain('school-objectivity-plan');
    expect(gas.ui.alerts[0]?.prompt).not.toContain(UI.roadmap.templateFromDefault('region-model-roadmap'));
    expect(gas.ss.tab(S.tabs.roadmapTemplate).snapshot()[2]?.[0]).toContain('План по объективности оценивания (школа)');
  });

  it('waits for the document lock like every run', () => {
    const gas = book();
    gas.lockService.lock.busy = true;
    expect(() => roadmapStep(gas.ss, FORM)).toThrow(/^Анализ уже выполняется/);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });
});
