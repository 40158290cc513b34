// The first hour on the server side (issue 16): the example school the sidebar writes (read by the core
// like any school's table, hand-checked marks), taken away again without touching the user's sheets;
// «Указать» putting a work's subject, grade and date into its sheet's name; an empty spreadsheet that is
// a start, not an error; step times measured for the next run's «примерно».
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { exampleSchool, exampleSheetNames } from '../../src/core/sample/example';
import { schoolAnswers } from '../../src/server/api';
import { describeWork, openExample, removeExample } from '../../src/server/first-run';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

/** The example's specs as the core reads a spreadsheet (dates as the Sheets reader gives them, at noon UTC). */
function exampleWorkbook(): Workbook {
  return {
    name: 'Новая таблица',
    grids: exampleSchool().map((s) => ({
      name: s.name,
      values: s.values.map((r) => r.map((c) => (c !== null && typeof c === 'object' && 'date' in c ? new Date(`${c.date}T12:00:00Z`) : c))),
    })),
  } as Workbook;
}

describe('the example school', () => {
  it('is the same on every call and reads without errors: two works of 72 students, a weak 4В, journal marks above the work in 4Б', () => {
    expect(JSON.stringify(exampleSchool())).toBe(JSON.stringify(exampleSchool()));
    const run = runAnalysis(exampleWorkbook());
    expect(run.ok).toBe(true);
    expect(run.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(run.analyses.map((a) => [a.procedure.title, a.procedure.meta.date, a.procedure.students.length])).toEqual([
      ['ВПР 2026 Математика 4 класс', '2026-04-15', 72],
      ['ВПР 2026 Русский язык 4 класс', '2026-04-17', 72],
    ]);
    // The built-in plans give every task its level and skill (the справка and ИОМ need them).
    for (const a of run.analyses) expect(a.procedure.tasks.every((t) => t.level !== null && t.skill)).toBe(true);
    const byClass = new Map<string, number>();
    for (const s of run.findings.atRisk) byClass.set(s.className, (byClass.get(s.className) ?? 0) + 1);
    expect((byClass.get('4В') ?? 0) > (byClass.get('4А') ?? 0)).toBe(true);
    expect(run.findings.objectivity.some((s) => s.group === '4Б' && s.rule === 'lowered')).toBe(true);
  });

  it('writes each mark from the total by the example\u2019s scale (checked here independently)', () => {
    const [math] = exampleSchool();
    const rows = math?.values.slice(4) ?? [];
    expect(rows).toHaveLength(72);
    for (const r of rows) {
      const scores = r.slice(2, -2) as number[];
      const total = scores.reduce((a, b) => a + b, 0);
      const mark = total >= 14 ? 5 : total >= 10 ? 4 : total >= 6 ? 3 : 2;
      expect(r.at(-2), String(r[0])).toBe(mark);
      expect(r.at(-1) as number).toBeGreaterThanOrEqual(mark);
    }
  });

  it('is written once (one write per sheet), not again, and removed without touching the user\u2019s sheets', () => {
    const gas = fakeGas('Новая таблица');
    gas.ss.addSheet('Лист1', []);
    gas.log.reset();
    const opened = openExample(gas.ss);
    expect(opened.created).toBe(true);
    expect(opened.sheets).toEqual(exampleSheetNames());
    expect(gas.log.count('Range.setValues')).toBe(3);
    expect(gas.ss.tabNames()).toEqual(['Лист1', ...exampleSheetNames()]);
    expect(gas.ss.active?.sheet.title).toBe(exampleSheetNames()[0]);
    expect(openExample(gas.ss)).toMatchObject({ created: false, sheets: [] });

    const removed = removeExample(gas.ss);
    expect(removed.sheets).toEqual(exampleSheetNames());
    expect(gas.ss.tabNames()).toEqual(['Лист1']);
  });

  it('keeps a «Классы и учителя» of the user\u2019s: not overwritten when opening, not deleted when removing', () => {
    const gas = fakeGas('Новая таблица');
    const mine = gas.ss.addSheet('Классы и учителя', [
      ['Класс', 'Предмет', 'Учитель'],
      ['5А', 'Математика', 'Иванова'],
    ]);
    openExample(gas.ss);
    expect(gas.ss.tab('Классы и учителя')).toBe(mine);
    expect(mine.peek(2, 3)?.value).toBe('Иванова');
    removeExample(gas.ss);
    expect(gas.ss.tabNames()).toEqual(['Классы и учителя']);
  });
});

describe('«Указать»: a work\u2019s subject, grade and date', () => {
  it('are added to its sheet\u2019s name, and the work then reads with them', () => {
    const gas = fakeGas('Новая таблица');
    gas.ss.addSheet('Протокол', smallProtocol());
    const before = schoolAnswers.getDataOverview();
    expect(before.works).toHaveLength(1);
    expect(before.works[0]).toMatchObject({ sheet: 'Протокол', subject: null, grade: null, date: null, participants: 4, absent: 1 });
    const r = describeWork(gas.ss, { sheet: 'Протокол', subject: 'математика', grade: 5, date: '2026-04-20' });
    expect(r.renamed).toBe(true);
    expect(r.sheet).toBe('Протокол · Математика 5 класс 20.04.2026');
    expect(gas.ss.tabNames()).toEqual([r.sheet]);
    expect(r.work).toMatchObject({ subject: 'Математика', grade: 5, date: '2026-04-20', title: 'Процедура 2026 Математика 5 класс' });
    expect(r.message).toBe(`Лист «Протокол» переименован в «${r.sheet}»: работа распознана.`);
    // Nothing else in the sheet changed.
    expect(gas.ss.tab(r.sheet).snapshot()).toEqual(smallProtocol().map((row) => row.map((v) => v)));
  });

  it('refuses a subject ОКО does not know, and says so when nothing is given', () => {
    const gas = fakeGas('Новая таблица');
    gas.ss.addSheet('Протокол', smallProtocol());
    expect(() => describeWork(gas.ss, { sheet: 'Протокол', subject: 'Астрология', grade: null, date: '' })).toThrow(/Предмет «Астрология»/);
    expect(describeWork(gas.ss, { sheet: 'Протокол', subject: '', grade: null, date: '' })).toMatchObject({ renamed: false });
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
  });
});

describe('the overview of a first run', () => {
  it('an empty spreadsheet is a start: no «ошибка», the first steps instead', () => {
    fakeGas('Новая таблица').ss.addSheet('Лист1', []);
    const o = schoolAnswers.getDataOverview();
    expect(o.errors).toBe(0);
    expect(o.problems).toEqual([]);
    expect(o.firstRun).toEqual({ hasResults: false, hasTabs: false, unrecognised: [], example: false });
    expect(o.works).toEqual([]);
  });

  it('names sheets it could not read, and the step times go from «примерно» to measured', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Заметки', [['что-то своё']]);
    expect(schoolAnswers.getDataOverview().firstRun.unrecognised).toEqual(['Заметки']);
    gas.ss.addSheet('Протокол', smallProtocol());
    const before = schoolAnswers.getDataOverview();
    const analysis = before.steps.find((s) => s.id === 'analysis');
    expect(analysis).toMatchObject({ measured: false });
    expect(analysis?.expectedMs).toBeGreaterThan(0);
    const r = schoolAnswers.runStep('analysis');
    expect(r.ok).toBe(true);
    const after = schoolAnswers.getDataOverview();
    expect(after.steps.find((s) => s.id === 'analysis')).toMatchObject({ measured: true, expectedMs: Math.max(1, r.elapsedMs ?? 0) });
    expect(after.firstRun.hasTabs).toBe(true);
  });
});
