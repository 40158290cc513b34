// The ШМО filter: which rows a tab keeps (pure), and how the adapter sets native filters — hidden
// values only, a fixed number of calls per tab however many rows it has.
import { describe, expect, it } from 'vitest';
import { S } from '../../src/core/strings';
import { buildSampleSchool, type SampleCell } from '../../src/local/sample';
import type { FilterChoice } from '../../src/server/contract';
import { type FilterContext, findTable, planTab } from '../../src/server/filter-plan';
import { applyFilter, clearFilter, savedChoice } from '../../src/server/filters';
import { runStepAndWrite } from '../../src/server/steps';
import { FakeFilterCriteriaBuilder, type FakeGas } from '../fakes';
import { expectOnlyClass, expectOnlySubject, filteredTable } from './filter-checks';
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

/** Stacked blocks with lead columns, as «Дефициты по классам» and the statistics tabs have them. */
const BLOCKS = [
  ['Дефициты по классам'],
  ['Легенда…'],
  ['Предмет', 'Параллель', 'Класс', ''],
  ['Математика', '5', '', 'ВПР Математика 5 класс'],
  ['Математика', '5', '', 'Группа', '1'],
  ['Математика', '5', '5А', '5А', '60'],
  ['Математика', '5', '5Б', '5Б', '40'],
  ['Математика', '5', '', '5 классы', '50'],
  ['Математика', '6', '', 'ВПР Математика 6 класс'],
  ['Математика', '6', '6А', '6А', '70'],
  ['Математика', '6', '', '6 классы', '70'],
  ['Русский язык', '5', '', 'ВПР Русский язык 5 класс'],
  ['Русский язык', '5', '5Б', '5Б', '55'],
  ['', '', '', ''],
  ['', '', '', 'Список'],
  ['Предмет', 'Параллель', 'Класс', 'Процедура'],
  ['Математика', '5', '5Б', 'ВПР Математика 5 класс'],
  ['Математика, Русский язык', '5, 6', '5А, 6А', 'учитель'],
];

describe('planTab on tabs with lead columns', () => {
  it('keeps the header rows of further tables, and the rows without values', () => {
    const plan = planTab(BLOCKS, ctx({ subjects: ['Русский язык'] }), null);
    expect(plan).toMatchObject({
      kind: 'filter',
      row: 3,
      columns: [{ col: 1, hidden: ['Математика'] }],
      labels: ['Предмет', 'Параллель', 'Класс'],
    });
    // 12 rows with a subject below the header (the repeated header row is not one of them): the Russian block and the teacher's row stay.
    expect(plan).toMatchObject({ visible: 3, total: 12 });
  });

  it('narrows a chosen class to its parallel: blocks of other parallels go, its parallel rows stay', () => {
    const plan = planTab(BLOCKS, ctx({ classes: ['5Б'] }), null);
    expect(plan).toMatchObject({
      kind: 'filter',
      columns: [
        { col: 2, hidden: ['6'] },
        { col: 3, hidden: ['5А', '6А', '5А, 6А'] },
      ],
    });
    // The teacher's row lists 5, 6 and 5А, 6А: its parallel passes, its classes do not.
    if (plan.kind !== 'filter') throw new Error(plan.kind);
    // Grade 5: the blocks' title and header rows, 5Б, «5 классы», the Russian block, 5Б of the list.
    expect(plan.visible).toBe(7);
  });

  it('reads lists of parallels and classes: a row stays when any of them is chosen', () => {
    expect(planTab(BLOCKS, ctx({ grades: [6] }), null)).toMatchObject({ columns: [{ col: 2, hidden: ['5'] }], visible: 4 });
    // 6А's parallel rows, 6А, and the teacher's row listing 6А; 5А and 5Б are hidden with their parallel already.
    expect(planTab(BLOCKS, ctx({ classes: ['6А'] }), null)).toMatchObject({
      columns: [
        { col: 2, hidden: ['5'] },
        { col: 3, hidden: ['5А', '5Б'] },
      ],
      visible: 4,
    });
  });

  it('narrows a teacher’s rows by the «Учитель» column and, where no teacher is named, by their classes', () => {
    const table = [
      ['Предмет', 'Параллель', 'Класс', 'Учитель', 'Группа'],
      ['Математика', '5', '5А', 'Иванова А. П.', '5А'],
      ['Русский язык', '5', '5Б', 'Петров С. Н.', '5Б'],
      ['Математика', '5', '5Б', '', '5Б'],
      ['Математика', '5', '', '', 'Школа'],
      ['Математика', '6', '6А', 'Иванова А. П., Петров С. Н.', '6А'],
    ];
    expect(planTab(table, ctx({ teachers: ['Иванова А. П.'] }), null)).toMatchObject({
      columns: [
        { col: 4, hidden: ['Петров С. Н.'] },
        { col: 3, hidden: ['5Б'] },
      ],
      visible: 3,
      total: 5,
    });
  });
});

const plain = (v: SampleCell) => (v !== null && typeof v === 'object' ? v.result : v);

/** The sample school with every step written, as a ШМО head finds it. */
function sampleSchool(): FakeGas {
  const gas = fakeGas('Пример школы');
  for (const sheet of buildSampleSchool(1).sheets)
    gas.ss.addSheet(
      sheet.name,
      sheet.rows.map((r) => r.map(plain)),
    );
  for (const step of ['analysis', 'risk', 'objectivity'] as const) runStepAndWrite(gas.ss, step);
  return gas;
}

const ANALYTIC = [S.tabs.byClass, S.tabs.markStats, S.tabs.distribution, S.tabs.tasksByMark, S.tabs.dynamics, S.tabs.objectivity];

describe('the ШМО filter on the sample school’s analytic tabs', () => {
  it('by subject «Математика»: only mathematics rows stay on every analytic tab', () => {
    const gas = sampleSchool();
    const result = applyFilter(gas.ss, { ...none, subjects: ['Математика'] });
    expect(result.skipped).toEqual([]);
    for (const name of ANALYTIC) {
      expect(result.filtered.map((f) => f.sheet)).toContain(name);
      const { shown, hidden } = expectOnlySubject(gas.ss.tab(name), 'Математика');
      expect(shown, name).toBeGreaterThan(0);
      expect(hidden, name).toBeGreaterThan(0);
    }
    // The first block left in view on «Дефициты по классам» is a mathematics block, from its title down.
    const t = filteredTable(gas.ss.tab(S.tabs.byClass));
    const firstShown = t.rows.find((r) => !r.hidden && r.cells[3] !== '');
    expect(firstShown?.cells.slice(0, 4)).toEqual(['Математика', '4', '', 'ВПР 2026 Математика 4 класс']);
  });

  it('by class «5Б»: 5Б rows stay with the rows of its parallel and school; other classes and parallels go', () => {
    const gas = sampleSchool();
    applyFilter(gas.ss, { ...none, classes: ['5Б'] });
    for (const name of ANALYTIC) {
      const shown = expectOnlyClass(gas.ss.tab(name), '5Б', 5);
      expect(shown.length, name).toBeGreaterThan(0);
    }
    // «Дефициты по классам»: 5Б beside its parallel and school in each grade-5 procedure (both subjects).
    const t = filteredTable(gas.ss.tab(S.tabs.byClass));
    const groups = t.rows.filter((r) => !r.hidden && r.cells[4] === 'класс').map((r) => `${r.cells[0]} ${r.cells[3]}`);
    expect(new Set(groups)).toEqual(new Set(['Математика 5Б', 'Русский язык 5Б']));
    const summaries = t.rows.filter((r) => !r.hidden && ['параллель', 'школа'].includes(r.cells[4] ?? ''));
    expect(summaries.length).toBeGreaterThanOrEqual(4);
    // «Объективность», first table: 5Б, the teacher's rows over 5Б and the school rows of grade 5.
    const o = filteredTable(gas.ss.tab(S.tabs.objectivity));
    const first = o.rows.slice(
      0,
      o.rows.findIndex((r) => r.cells.every((c) => c === '')),
    );
    const shownGroups = first.filter((r) => !r.hidden).map((r) => ({ kind: o.at(r, 'Тип'), cls: o.at(r, 'Класс') }));
    expect(new Set(shownGroups.map((g) => g.kind))).toEqual(new Set(['класс', 'учитель', 'школа']));
    for (const { kind, cls } of shownGroups) {
      if (kind === 'класс') expect(cls).toBe('5Б');
      if (kind === 'учитель') expect(cls.split(', ')).toContain('5Б');
      if (kind === 'школа') expect(cls).toBe('');
    }
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
    // Without a «Классы» sheet the classes are «класс 1», «класс 2»; a choice of «2» is the same class.
    expect([...(matrix.filter?.criteria.values() ?? [])].map((c) => c.hidden)).toEqual([['класс 1']]);
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
