import { describe, expect, it } from 'vitest';
import { SpecBuilder, shiftFormula } from '../../src/core/output/builder';
import { isFormula, type SheetSpec } from '../../src/core/output/spec';
import { runAnalysis } from '../../src/core/pipeline';
import { formRows, formWorkbook, withCell } from '../helpers/grids';
import { order, rows, table } from '../helpers/tables';

const FORM = 'ВПР Математика 5 класс';

function tab(run: ReturnType<typeof runAnalysis>, prefix: string): SheetSpec {
  const t = run.tabs.find((x) => x.name.startsWith(prefix));
  if (!t) throw new Error(`no tab ${prefix}: ${run.tabs.map((x) => x.name).join(', ')}`);
  return t;
}

describe('«Матрица дефицитов»', () => {
  const run = runAnalysis(formWorkbook());
  const m = tab(run, 'Матрица дефицитов');
  const t = table(m, 'matrix');
  const tasks = t.spans?.tasks as { col: number; cols: number };

  it('is named after the procedure, within Excel’s 31 characters', () => {
    expect(m.name).toBe('Матрица дефицитов · МА 5');
    expect(m.name.length).toBeLessThanOrEqual(31);
  });

  it('puts the class and the student first (frozen with the header rows), then the decision columns, then the tasks', () => {
    expect(order(m, 'matrix')).toEqual(['className', 'code', 'completion', 'mark', 'deficits', 'total', 'journalMark']);
    const header = m.values[t.header]!;
    expect(header.slice(0, 5)).toEqual(['Класс', 'Код', '% выполнения', 'Отметка', 'Дефицитов']);
    expect(tasks).toEqual({ col: 5, cols: 3 });
    expect(header.slice(5, 10)).toEqual(['1', '2', '3', 'Балл', 'Отметка по журналу']);
    expect(m.values[t.header + 1]!.slice(1, 8)).toEqual(['Макс. балл', 100, null, null, 1, 2, 3]);
    expect(m.values[t.header + 2]!.slice(5, 8)).toEqual(['Б', 'Б', 'П']);
    expect(m.frozenRows).toBe(t.header + 3);
    expect(m.frozenCols).toBe(2);
  });

  it('groups students by class with class, parallel and school rows', () => {
    expect(
      rows(m, 'matrix')
        .slice(2)
        .map((r) => [r.className, r.code]),
    ).toEqual([
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
    const row = (i: number) => m.values[t.header + 3 + i]!;
    expect(row(1).slice(tasks.col, tasks.col + 3)).toEqual([0, 1, 'X']);
    expect(row(6).slice(tasks.col, tasks.col + 2)).toEqual([50, 50]);
  });

  it('colours by conditional rules, and shows each status as a symbol too (✓ ± ✗ in the number format)', () => {
    expect(m.rules!.length).toBe(5);
    for (const r of m.rules!) expect(r.formula.startsWith('=')).toBe(true);
    // Status thresholds are read from the level row (absolute row 5) and the settings.
    expect(m.rules!.some((r) => r.formula.includes('F$5="П"') && r.formula.includes('28.5') && r.formula.includes('57'))).toBe(true);
    expect(m.formats!.some((f) => f.background === '#c8e6c9' || f.background === '#f4c7c3')).toBe(false);
    // 5Б: tasks 1 and 2 at 50 % (basic, < 57 %: insufficient), task 3 (advanced) at 2 of 2 × 3 points,
    // 33,3 % (≥ 30 %: sufficient).
    const r5b = t.header + 3 + 6;
    expect(m.values[r5b]!.slice(5, 7)).toEqual([50, 50]);
    expect(m.values[r5b]![7]).toBeCloseTo(100 / 3, 9);
    const formats = m.formats!.filter((f) => f.range.row === r5b && f.numberFormat?.includes('"'));
    expect(formats.map((f) => [f.range.col, f.range.cols, f.numberFormat])).toEqual([
      [5, 2, '0.0" ✗"'],
      [7, 1, '0.0" ✓"'],
    ]);
  });

  it('puts the skill of each task in a note on its header', () => {
    expect(m.notes!.find((n) => n.row === t.header && n.col === tasks.col + 2)?.text).toContain('Умение: Текстовые задачи');
  });

  it('carries each row’s subject, parallel and class in hidden filter columns right of everything', () => {
    expect(m.filterColumns).toEqual({ subject: 10, grade: 11, className: 12 });
    expect(m.hiddenColumns).toEqual([10, 11, 12]);
    const [first] = rows(m, 'matrix').slice(2);
    expect(m.values[first!.$row]!.slice(10)).toEqual(['Математика', 5, '5А']);
    const school = rows(m, 'matrix').find((r) => r.className === 'Школа')!;
    expect(m.values[school.$row]!.slice(10)).toEqual(['Математика', 5, '']);
  });
});

describe('«Дефициты по классам»', () => {
  const run = runAnalysis(formWorkbook());
  const t = tab(run, 'Дефициты по классам');

  it('starts each table with the group, and shows the block of each procedure together', () => {
    expect(order(t, 'byClassGroups')).toEqual(['group', 'completion', 'participants', 'kind', 'reliability']);
    expect(order(t, 'byClassTasks')).toEqual(['group', 'task', 'status', 'completion', 'skill']);
    expect(order(t, 'byClassSkills')).toEqual(['group', 'completion', 'insufficient', 'tasks', 'skill']);
    const title = t.values.findIndex((r) => r[0] === 'ВПР Математика 5 класс');
    expect(title).toBeLessThan(table(t, 'byClassGroups').header);
    expect(t.frozenRows).toBe(2);
    expect(t.frozenCols).toBe(1);
  });

  it('lists insufficient tasks per class with their skills', () => {
    const list = rows(t, 'byClassTasks').map(
      (r) => `${r.group} | ${r.task} | ${r.status} | ${r.completion} | ${String(r.skill).slice(0, 10)}`,
    );
    expect(list).toContain('5А | 2 (Б) | недостаточно | 50 | Вычисления');
    expect(list).toContain('5Б | 1 (Б) | недостаточно | 50 | Вычисления');
    expect(list).toContain('5 классы (параллель) | 2 (Б) | недостаточно | 50 | Вычисления');
  });
  it('names systemic skill deficits', () => {
    expect(rows(t, 'byClassSkills').map((r) => [r.group, r.tasks, r.insufficient, r.completion, r.skill])).toContainEqual([
      '5Б',
      '1, 2',
      '2 из 2',
      50,
      'Вычисления',
    ]);
  });
  it('flags groups under 10 participants', () => {
    const g = rows(t, 'byClassGroups').find((r) => r.group === '5Б')!;
    expect(g).toMatchObject({ kind: 'класс', participants: 2, reliability: 'мало участников (2 < 10): выводы ненадёжны' });
  });

  it('carries subject, parallel and class in hidden filter columns; parallel and school rows leave the class empty', () => {
    const f = t.filterColumns!;
    expect(Object.keys(f)).toEqual(['subject', 'grade', 'className']);
    expect(t.hiddenColumns).toEqual([f.subject, f.grade, f.className]);
    const lead = (r: { $row: number }) => [f.subject, f.grade, f.className].map((c) => t.values[r.$row]![c!] ?? '');
    expect(
      rows(t, 'byClassGroups')
        .slice(1)
        .map((r) => [r.group, ...lead(r)]),
    ).toEqual([
      ['5А', 'Математика', 5, '5А'],
      ['5Б', 'Математика', 5, '5Б'],
      ['5 классы', 'Математика', 5, ''],
      ['Школа', 'Математика', 5, ''],
    ]);
    // Header rows repeat the filter labels.
    expect([f.subject, f.grade, f.className].map((c) => t.values[table(t, 'byClassTasks').header]![c!])).toEqual([
      'Предмет',
      'Параллель',
      'Класс',
    ]);
  });

  it('keeps rules, notes, number formats and widths on the columns the ids name', () => {
    const head = table(t, 'byClassGroups').header;
    const c1 = table(t, 'byClassGroups').spans!.tasks!.col;
    expect(c1).toBe(5);
    expect(t.values[head]![c1]).toBe('1');
    expect(t.notes!.find((n) => n.row === head && n.col === c1)?.text).toContain('Умение: Вычисления');
    const status = t.rules!.filter((r) => r.range.col === c1);
    expect(status).toHaveLength(3);
    expect(status[0]!.range).toEqual({ row: head + 2, col: c1, rows: 4, cols: 3 });
    expect(status[0]!.formula).toBe(`=AND(ISNUMBER(F${head + 3}),F${head + 3}<IF(OR(F$${head + 2}="П",F$${head + 2}="В"),28.5,57))`);
    const list = table(t, 'byClassTasks');
    expect(list.columns.status).toBe(2);
    expect(t.rules!.filter((r) => r.range.col === 2).map((r) => r.formula)).toEqual([
      `=C${list.header + 2}="недостаточно"`,
      `=C${list.header + 2}="на грани"`,
    ]);
    expect(t.formats!.some((f) => f.numberFormat === '0.0' && f.range.col === 1 && f.range.row === head + 2)).toBe(true);
    expect(t.columnWidths).toMatchObject({ 0: 190, 5: 52 });
  });
});

describe('SpecBuilder', () => {
  it('rewrites A1 references of a rule formula, not quoted text, function names or other sheets', () => {
    expect(shiftFormula('=AND(ISNUMBER(E5),$E5<E$4,$A$1>0)', 3)).toBe('=AND(ISNUMBER(H5),$H5<H$4,$D$1>0)');
    expect(shiftFormula('=LEFT($P15,13)="Отрицательная A1"', 3)).toBe('=LEFT($S15,13)="Отрицательная A1"');
    expect(shiftFormula('=SUM(Y2:Z9)+LOG10(2)', 3)).toBe('=SUM(AB2:AC9)+LOG10(2)');
    expect(shiftFormula(`=COUNTIF('Лист'!B2,"=""B2""")`, 1)).toBe(`=COUNTIF('Лист'!B2,"=""B2""")`);
  });

  it('writes a table from column ids, records it, and puts the filter values in hidden columns right of everything', () => {
    const b = new SpecBuilder('Т');
    b.row(['Заголовок'], { bold: true });
    b.leadColumns(['subject', 'className']);
    const h = b.header('byClassGroups', ['group', { span: 'tasks', labels: ['1', '2'] }, 'completion'], { ids: true });
    b.lead = { subject: 'Математика', className: '5А' };
    b.line(h, { completion: 75, group: '5А' }, { tasks: [50, 100] });
    b.lead = null;
    b.blank();
    b.row(['примечание']);
    b.charts.push({ type: 'column', title: 'х', data: { row: 2, col: 0, rows: 2, cols: 2 }, anchor: { row: 1, col: 5 }, width: 300 });
    const spec = b.build({ frozenRows: 3 });
    expect(spec.values).toEqual([
      ['Заголовок'],
      ['oko:group', null, null, 'oko:completion'],
      // The chart reaches column I (anchor F + 3 columns of 100 px): the filter columns start at J.
      ['Группа', '1', '2', '% выполнения работы', null, null, null, null, null, 'Предмет', 'Класс'],
      ['5А', 50, 100, 75, null, null, null, null, null, 'Математика', '5А'],
      [],
      ['примечание'],
    ]);
    expect(spec.tables).toEqual([
      { table: 'byClassGroups', header: 2, columns: { group: 0, completion: 3 }, spans: { tasks: { col: 1, cols: 2 } } },
    ]);
    expect(spec.hiddenRows).toEqual([1]);
    expect(spec.hiddenColumns).toEqual([9, 10]);
    expect(spec.filterColumns).toEqual({ subject: 9, className: 10 });
    // The header is bold, wrapped, on the header colour.
    expect(spec.formats).toContainEqual({ range: { row: 2, col: 0, rows: 1, cols: 4 }, bold: true, background: '#dfe7f3', wrap: true });
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
