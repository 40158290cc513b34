// The ШМО filter: which rows a tab keeps (pure), and how the adapter sets native filters — hidden
// values only, a fixed number of calls per tab however many rows it has.
import { describe, expect, it } from 'vitest';
import type { FilterChoice } from '../../src/server/contract';
import { type FilterContext, findTable, planTab } from '../../src/server/filter-plan';
import { applyFilter, clearFilter, savedChoice } from '../../src/server/filters';
import { runStepAndWrite } from '../../src/server/steps';
import { FakeFilterCriteriaBuilder } from '../fakes';
import { bigProtocol, smallProtocol } from './fixtures';
import { fakeGas } from './setup';

const none: FilterChoice = { subjects: [], grades: [], classes: [], teachers: [] };
const ctx = (choice: Partial<FilterChoice>): FilterContext => ({
  choice: { ...none, ...choice },
  classGrade: new Map([
    ['5а', 5],
    ['5б', 5],
    ['6а', 6],
  ]),
  teaching: [
    { teacher: 'Иванова А. П.', subject: 'Математика', className: '5А' },
    { teacher: 'Иванова А. П.', subject: 'Математика', className: '6А' },
    { teacher: 'Петров С. Н.', subject: 'Русский язык', className: '5Б' },
  ],
});

/** A flat table below a title, as the risk tab has it. */
const RISK = [
  ['Группа риска: 4 уч.'],
  ['Правила…'],
  ['Класс', 'Код', 'Предметы', 'Причины'],
  ['5А', '501', 'математика', '…'],
  ['5Б', '502', 'русский язык, математика', '…'],
  ['6А', '601', 'русский язык', '…'],
  ['', '', '', 'примечание'],
  ['5А', '503', 'русский язык', '…'],
];

describe('planTab', () => {
  it('finds the header row by its column names', () => {
    expect(findTable(RISK)).toEqual({ headerRow: 2, columns: { class: 0, subject: 2 }, labels: ['Класс', 'Предметы'] });
    expect(
      findTable([
        ['Группа', 'Тип'],
        ['4А', 'класс'],
      ]),
    ).toBeNull();
  });

  it('keeps rows whose subject list names a chosen subject, hiding the other shown values', () => {
    const plan = planTab(RISK, ctx({ subjects: ['Математика'] }), null);
    expect(plan).toEqual({
      kind: 'filter',
      row: 3,
      rows: 6,
      cols: 4,
      columns: [{ col: 3, hidden: ['русский язык'] }],
      labels: ['Класс', 'Предметы'],
      visible: 2,
      total: 4,
    });
  });

  it('narrows classes by parallel (from the classes read), by class and by teacher', () => {
    expect(planTab(RISK, ctx({ grades: [5] }), null)).toMatchObject({ columns: [{ col: 1, hidden: ['6А'] }], visible: 3 });
    expect(planTab(RISK, ctx({ classes: ['5 а'] }), null)).toMatchObject({ columns: [{ col: 1, hidden: ['5Б', '6А'] }], visible: 2 });
    expect(planTab(RISK, ctx({ teachers: ['Иванова А. П.'], subjects: ['Математика'] }), null)).toMatchObject({
      columns: [
        { col: 3, hidden: ['русский язык'] },
        { col: 1, hidden: ['5Б'] },
      ],
    });
  });

  it('hides a tab about one work whose subject or parallel is not chosen, and shows it as it is otherwise', () => {
    const matrix = [['Матрица'], [''], ['Класс', 'Код', '1'], ['', 'Макс. балл', 1], ['5А', '501', 1], ['5Б', '502', 0]].map((r) =>
      r.map(String),
    );
    const scope = { subject: 'Математика', grade: 5 };
    expect(planTab(matrix, ctx({ subjects: ['Русский язык'] }), scope)).toEqual({ kind: 'hide' });
    expect(planTab(matrix, ctx({ grades: [6] }), scope)).toEqual({ kind: 'hide' });
    expect(planTab(matrix, ctx({ subjects: ['Математика'] }), scope)).toEqual({ kind: 'show' });
    expect(planTab(matrix, ctx({ classes: ['5Б'] }), scope)).toMatchObject({
      kind: 'filter',
      columns: [{ col: 1, hidden: ['5А'] }],
      visible: 1,
    });
    // A teacher who does not teach this work's classes, or a class that did not write it: the tab is hidden.
    expect(planTab(matrix, ctx({ teachers: ['Петров С. Н.'] }), scope)).toEqual({ kind: 'hide' });
    expect(planTab(matrix, ctx({ classes: ['6А'] }), scope)).toEqual({ kind: 'hide' });
  });

  it('leaves tabs without a usable column alone', () => {
    expect(planTab([['Группа', 'Тип']], ctx({ classes: ['5А'] }), null)).toEqual({ kind: 'skip' });
    expect(planTab(RISK, ctx({}), null)).toEqual({ kind: 'show' });
  });
});

describe('native filters on the generated tabs', () => {
  it('cost a fixed number of calls per tab, whatever the number of rows', () => {
    const measure = (students: number) => {
      const gas = fakeGas('Форма сбора результатов ВПР Математика 5 класс');
      gas.ss.addSheet('Протокол', bigProtocol(students));
      runStepAndWrite(gas.ss, 'analysis');
      gas.log.reset();
      const result = applyFilter(gas.ss, { ...none, classes: ['1'] });
      return { calls: gas.log.docCalls, result };
    };
    const small = measure(100);
    const big = measure(3000);
    expect(big.result.filtered.length).toBeGreaterThan(0);
    expect(big.result.filtered.map((f) => f.sheet)).toEqual(small.result.filtered.map((f) => f.sheet));
    expect(big.calls).toBe(small.calls);
  });

  it('use hidden values only (Sheets refuses visible values on grid sheets), and clear completely', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    runStepAndWrite(gas.ss, 'analysis');
    expect(() =>
      gas.ss
        .tab('Протокол')
        .getRange(1, 1, 3, 3)
        .createFilter()
        .setColumnFilterCriteria(1, new FakeFilterCriteriaBuilder(gas.log).setVisibleValues(['1']).build()),
    ).toThrow('Visible values are not currently supported');
    gas.ss.tab('Протокол').filter?.remove();

    const result = applyFilter(gas.ss, { ...none, classes: ['2'] });
    const matrix = gas.ss.tab('Матрица дефицитов · МА 4');
    expect(result.filtered.find((f) => f.sheet === matrix.title)).toMatchObject({ columns: ['Класс'] });
    expect([...(matrix.filter?.criteria.values() ?? [])].map((c) => c.hidden)).toEqual([['1']]);
    expect(savedChoice(gas.ss)).toEqual({ ...none, classes: ['2'] });
    // The user's own sheet is never filtered by ОКО.
    expect(gas.ss.tab('Протокол').filter).toBeNull();

    const cleared = clearFilter(gas.ss);
    expect(cleared.cleared).toContain(matrix.title);
    expect(matrix.filter).toBeNull();
    // The choice stays for next time.
    expect(savedChoice(gas.ss)).toEqual({ ...none, classes: ['2'] });
  });

  it('keep each spreadsheet\u2019s choice apart in the user\u2019s properties', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    applyFilter(gas.ss, { ...none, grades: [4] });
    expect([...gas.properties.user.data.keys()]).toEqual(['oko.filter.fake-spreadsheet-id']);
    gas.properties.user.data.set('oko.filter.fake-spreadsheet-id', '{"subjects":5}');
    expect(savedChoice(gas.ss)).toBeNull();
  });
});
