import { describe, expect, it } from 'vitest';
import { SpecBuilder, shiftFormula } from '../../src/core/output/builder';
import { isFormula, type SheetSpec } from '../../src/core/output/spec';
import { runAnalysis } from '../../src/core/pipeline';
import { formRows, formWorkbook, withCell } from '../helpers/grids';

const FORM = 'ВПР Математика 5 класс';

function tab(run: ReturnType<typeof runAnalysis>, prefix: string): SheetSpec {
  const t = run.tabs.find((x) => x.name.startsWith(prefix));
  if (!t) throw new Error(`no tab ${prefix}: ${run.tabs.map((x) => x.name).join(', ')}`);
  return t;
}

describe('«Матрица дефицитов»', () => {
  const run = runAnalysis(formWorkbook());
  const m = tab(run, 'Матрица дефицитов');

  it('is named after the procedure, within Excel’s 31 characters', () => {
    expect(m.name).toBe('Матрица дефицитов · МА 5');
    expect(m.name.length).toBeLessThanOrEqual(31);
  });

  it('has task code, max and level header rows, frozen with the name columns', () => {
    const header = m.values[2]!;
    expect(header.slice(0, 5)).toEqual(['Класс', 'Код', '1', '2', '3']);
    expect(m.values[3]!.slice(1, 5)).toEqual(['Макс. балл', 1, 2, 3]);
    expect(m.values[4]!.slice(1, 5)).toEqual(['Уровень', 'Б', 'Б', 'П']);
    expect(m.frozenRows).toBe(5);
    expect(m.frozenCols).toBe(2);
  });

  it('groups students by class with class, parallel and school rows', () => {
    const rows = m.values.slice(5).map((r) => [r[0], r[1]]);
    expect(rows).toEqual([
      ['5А', '101'],
      ['5А', '102'],
      ['5А', '103'],
      ['5А', '% выполнения'],
      ['5Б', '201'],
      ['5Б', '202'],
      ['5Б', '% выполнения'],
      ['5 классы', '% выполнения'],
      ['Школа', '% выполнения'],
    ]);
    // 102 keeps its X distinct from 0; the 5Б row holds the hand-checked percentages.
    expect(m.values[6]!.slice(2, 5)).toEqual([0, 1, 'X']);
    expect(m.values[11]!.slice(2, 4)).toEqual([50, 50]);
  });

  it('colours by conditional rules, not by painting cells', () => {
    expect(m.rules!.length).toBe(5);
    for (const r of m.rules!) expect(r.formula.startsWith('=')).toBe(true);
    // Status thresholds are read from the level row (absolute row 5) and the settings.
    expect(m.rules!.some((r) => r.formula.includes('C$5="П"') && r.formula.includes('28.5') && r.formula.includes('57'))).toBe(true);
    expect(m.formats!.some((f) => f.background === '#c8e6c9' || f.background === '#f4c7c3')).toBe(false);
  });

  it('puts the skill of each task in a note on its header', () => {
    expect(m.notes!.find((n) => n.row === 2 && n.col === 4)?.text).toContain('Умение: Текстовые задачи');
  });
});

describe('«Дефициты по классам»', () => {
  const run = runAnalysis(formWorkbook());
  const t = tab(run, 'Дефициты по классам');
  const text = t.values.map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | '));
  /** The lead columns «Предмет», «Параллель», «Класс» come first on every row below the legend. */
  const L = 3;

  it('lists insufficient tasks per class with their skills', () => {
    expect(text).toContain('Математика | 5 | 5А | ВПР Математика 5 класс | 5А | 2 (Б) | недостаточно | 50 | Вычисления');
    expect(text).toContain('Математика | 5 | 5Б | ВПР Математика 5 класс | 5Б | 1 (Б) | недостаточно | 50 | Вычисления');
    // Parallel and school rows keep the class empty (a class filter leaves them for comparison).
    expect(text).toContain('Математика | 5 |  | ВПР Математика 5 класс | 5 классы (параллель) | 2 (Б) | недостаточно | 50 | Вычисления');
  });
  it('names systemic skill deficits', () => {
    expect(text).toContain('Математика | 5 | 5Б | ВПР Математика 5 класс | 5Б | 1, 2 | 2 из 2 | 50 | Вычисления');
  });
  it('flags groups under 10 participants', () => {
    expect(text.some((l) => l.startsWith('Математика | 5 | 5Б | 5Б | класс | 2 | мало участников (2 < 10)'))).toBe(true);
  });

  it('has the lead columns’ header right below the legend, and subject and parallel on every row of a block', () => {
    expect(t.values[2]!.slice(0, L)).toEqual(['Предмет', 'Параллель', 'Класс']);
    expect(t.frozenRows).toBe(3);
    const title = t.values.findIndex((r) => r[L] === 'ВПР Математика 5 класс');
    const school = t.values.findIndex((r) => r[L] === 'Школа');
    // From the blank row above the title to the school row: the title, header, level and group rows.
    for (const r of t.values.slice(title - 1, school + 1)) expect(r.slice(0, 2)).toEqual(['Математика', 5]);
    expect(t.values[title + 1]!.slice(L, L + 2)).toEqual(['Группа', 'Тип']);
    expect(t.values.slice(title + 3, school + 1).map((r) => [r[2], r[L]])).toEqual([
      ['5А', '5А'],
      ['5Б', '5Б'],
      ['', '5 классы'],
      ['', 'Школа'],
    ]);
    // Tables further down repeat the column names in their header rows.
    const list = t.values.findIndex((r) => r[L] === 'Процедура');
    expect(t.values[list]!.slice(0, L)).toEqual(['Предмет', 'Параллель', 'Класс']);
  });

  it('keeps rules, notes, number formats and widths on the shifted columns', () => {
    const head = t.values.findIndex((r) => r[L] === 'Группа');
    // Task 1 is column I (3 lead + 5 group columns); its level is two rows below the header.
    expect(t.values[head]![L + 5]).toBe('1');
    expect(t.notes!.find((n) => n.row === head && n.col === L + 5)?.text).toContain('Умение: Вычисления');
    const status = t.rules!.filter((r) => r.range.col === L + 5);
    expect(status).toHaveLength(3);
    expect(status[0]!.range).toEqual({ row: head + 2, col: L + 5, rows: 4, cols: 3 });
    expect(status[0]!.formula).toBe(`=AND(ISNUMBER(I${head + 3}),I${head + 3}<IF(OR(I$${head + 2}="П",I$${head + 2}="В"),28.5,57))`);
    // «Статус» of the list is column G.
    const list = t.values.findIndex((r) => r[L] === 'Процедура');
    expect(t.values[list]![L + 3]).toBe('Статус');
    expect(t.rules!.filter((r) => r.range.col === L + 3).map((r) => r.formula)).toEqual([
      `=G${list + 2}="недостаточно"`,
      `=G${list + 2}="на грани"`,
    ]);
    expect(t.formats!.some((f) => f.numberFormat === '0.0' && f.range.col === L + 4 && f.range.row === head + 2)).toBe(true);
    expect(t.columnWidths).toMatchObject({ 0: 120, 1: 90, 2: 90, [L]: 190, [L + 5]: 52 });
  });
});

describe('lead columns (SpecBuilder)', () => {
  it('shifts A1 references of a rule formula, not quoted text, function names or other sheets', () => {
    expect(shiftFormula('=AND(ISNUMBER(E5),$E5<E$4,$A$1>0)', 3)).toBe('=AND(ISNUMBER(H5),$H5<H$4,$D$1>0)');
    expect(shiftFormula('=LEFT($P15,13)="Отрицательная A1"', 3)).toBe('=LEFT($S15,13)="Отрицательная A1"');
    expect(shiftFormula('=SUM(Y2:Z9)+LOG10(2)', 3)).toBe('=SUM(AB2:AC9)+LOG10(2)');
    expect(shiftFormula(`=COUNTIF('Лист'!B2,"=""B2""")`, 1)).toBe(`=COUNTIF('Лист'!B2,"=""B2""")`);
  });

  it('moves everything below the lead start right, fills the lead cells, and widens formats from column A', () => {
    const b = new SpecBuilder('Т');
    b.row(['Заголовок'], { bold: true });
    b.leadColumns(['subject', 'className'], [120, 60]);
    b.lead = 'labels';
    b.row(['Группа', '1'], { bold: true });
    b.lead = { subject: 'Математика', className: '5А' };
    const r = b.row(['5А', 50]);
    b.lead = null;
    b.blank();
    b.row(['примечание']);
    b.note(1, 1, 'задание 1');
    b.merges.push({ row: 3, col: 0, rows: 1, cols: 2 });
    b.validations.push({ range: { row: r, col: 1, rows: 1, cols: 1 }, list: ['a'], allowInvalid: true });
    b.rules.push({ range: { row: r, col: 1, rows: 1, cols: 1 }, formula: '=B3<60' });
    b.charts.push({ type: 'column', title: 'х', data: { row: 1, col: 0, rows: 2, cols: 2 }, anchor: { row: 1, col: 3 } });
    b.columnWidths = { 0: 200, 1: 52 };
    const spec = b.build({ frozenRows: 2, frozenCols: 1 });
    expect(spec.values).toEqual([
      ['Заголовок'],
      ['Предмет', 'Класс', 'Группа', '1'],
      ['Математика', '5А', '5А', 50],
      [],
      ['', '', 'примечание'],
    ]);
    expect(spec.notes).toEqual([{ row: 1, col: 3, text: 'задание 1' }]);
    expect(spec.merges).toEqual([{ row: 3, col: 2, rows: 1, cols: 2 }]);
    expect(spec.validations?.[0]?.range).toEqual({ row: 2, col: 3, rows: 1, cols: 1 });
    expect(spec.rules).toEqual([{ range: { row: 2, col: 3, rows: 1, cols: 1 }, formula: '=D3<60' }]);
    expect(spec.charts?.[0]).toMatchObject({ data: { row: 1, col: 2, rows: 2, cols: 2 }, anchor: { row: 1, col: 5 } });
    expect(spec.columnWidths).toEqual({ 0: 120, 1: 60, 2: 200, 3: 52 });
    expect(spec.frozenCols).toBe(3);
    // Formats from column A cover the lead columns too (the title above the lead start as well); lead values are muted.
    expect(spec.formats).toEqual([
      { range: { row: 0, col: 0, rows: 1, cols: 3 }, bold: true },
      { range: { row: 1, col: 0, rows: 1, cols: 4 }, bold: true },
      { range: { row: 2, col: 0, rows: 1, cols: 2 }, fontColor: '#777777' },
    ]);
  });
});

describe('settings tab', () => {
  it('is offered only when the workbook has none', () => {
    expect(runAnalysis(formWorkbook()).write.ensure.map((t) => t.name)).toEqual(['Настройки ОКО']);
    const withSettings = runAnalysis(formWorkbook({ 'Настройки ОКО': [['Ключ', 'Параметр', 'Значение']] }));
    expect(withSettings.write.ensure).toEqual([]);
  });
  it('uses the thresholds the user typed', () => {
    const run = runAnalysis(
      formWorkbook({
        'Настройки ОКО': [
          ['Ключ', 'Параметр', 'Значение'],
          ['deficit.basicSufficient', '', 45],
          ['deficit.basicUncertain', '', 40],
        ],
      }),
    );
    // 5А task 2 is 50 %: insufficient by default, sufficient at 45 %.
    expect(run.analyses[0]!.groups[0]!.status[1]).toBe('sufficient');
  });
});

describe('user text is data, never a formula', () => {
  it('keeps a hostile participant code as plain text in the spec', () => {
    const run = runAnalysis(formWorkbook({ [FORM]: withCell(formRows(), 2, 1, '=HYPERLINK("http://x","y")') }));
    const m = tab(run, 'Матрица дефицитов');
    const cell = m.values.flat().find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(cell).toBe('=HYPERLINK("http://x","y")');
    expect(m.values.flat().filter((v) => v !== null && isFormula(v))).toEqual([]);
  });
});
