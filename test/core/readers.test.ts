import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/grid';
import { metaFromText } from '../../src/core/input/meta';
import { parseTaskCode, parseTaskHeader } from '../../src/core/input/task-header';
import { readWorkbook } from '../../src/core/input/workbook';

describe('task headers', () => {
  it.each([
    ['1 (5б)', { id: '1', max: 5 }],
    ['4К1 (3б)', { id: '4К1', max: 3 }],
    ['4K2 (2б)', { id: '4К2', max: 2 }], // Latin K, as people type it
    ['12.1 (1б)', { id: '12.1', max: 1 }],
    ['9,2 (2 б.)', { id: '9.2', max: 2 }],
    ['Задание 3 (2 балла)', { id: '3', max: 2 }],
  ])('%s', (text, want) => {
    expect(parseTaskHeader(text)).toEqual(want);
  });
  it('rejects non-task headers', () => {
    for (const t of ['Код участника', 'Итого баллов', 'Класс', '2026', '(2б)']) expect(parseTaskHeader(t)).toBeNull();
  });
  it('reads bare codes', () => {
    expect(parseTaskCode('9.1')).toBe('9.1');
    expect(parseTaskCode(3)).toBe('3');
    expect(parseTaskCode('Задание 7')).toBe('7');
    expect(parseTaskCode('ФИО')).toBeNull();
  });
});

describe('procedure metadata from titles and names', () => {
  it('reads a ФИС ОКО title', () => {
    expect(metaFromText('ВПР 2026 Русский язык 4 класс')).toEqual({ kind: 'ВПР', year: 2026, grade: 4, subject: 'Русский язык' });
  });
  it('reads a form file name', () => {
    expect(metaFromText('Форма сбора результатов Английский язык 8 класс ВПР 2026')).toMatchObject({
      kind: 'ВПР',
      year: 2026,
      grade: 8,
      subject: 'Английский язык',
    });
  });
  it('reads ФИС ОКО sheet-name abbreviations', () => {
    expect(metaFromText('МА 4 Сравнение отметок с отметк')).toMatchObject({ subject: 'Математика', grade: 4 });
  });
  it('prefers «Литературное чтение» over «Литература»', () => {
    expect(metaFromText('ВПР Литературное чтение 4 кл').subject).toBe('Литературное чтение');
  });
});

// A Ф1 export with two schools, the group rows, the levels row and the title rows, as in the real file.
function f1(): CellValue[][] {
  const title: CellValue[][] = [
    ['Индивидуальные результаты'],
    [],
    ['ВПР 2026 Русский язык 4 класс'],
    ['Предмет:', 'Русский язык'],
    ['Максимальный первичный балл:', 3],
    ['Дата:', '20.04.2026'],
    [null, null, 'Уровень сложности задания', null, null, null, 'Б', 'П'],
    [
      'ОО',
      'Муниципалитет',
      'Название ОО',
      'Код участника',
      'Класс',
      'Вариант',
      '1 (2б)',
      '2 (1б)',
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
    ],
  ];
  const s1 = 'МБОУ «СОШ №1»(edu000001)';
  const s2 = 'МБОУ «СОШ №2»(edu000002)';
  return [
    ...title,
    [`${s1} | Кол-во участников: 2`],
    ['edu000001', 'Район', s1, 40001, 1, 1, 2, 1, 3, 5, 5],
    ['edu000001', 'Район', s1, 40002, 1, 2, 1, 0, 1, 2, 3],
    [`${s2} | Кол-во участников: 1`],
    ['edu000002', 'Район', s2, 40001, 1, 1, 0, 1, 1, 3, 4],
  ];
}

describe('ФИС ОКО Ф1 «Индивидуальные результаты»', () => {
  const data = readWorkbook({ name: 'Ф1', grids: [{ name: 'РУ 4 Индивидуальные результаты', values: f1() }] });
  const p = data.procedures[0]!;

  it('takes procedure, subject, grade and date from the title rows', () => {
    expect(data.problems.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(p.layout).toBe('fis-f1');
    expect(p.meta).toEqual({ kind: 'ВПР', year: 2026, subject: 'Русский язык', grade: 4, date: '2026-04-20' });
  });
  it('reads levels from the «Уровень сложности задания» row', () => {
    expect(p.tasks.map((t) => [t.id, t.max, t.level])).toEqual([
      ['1', 2, 'Б'],
      ['2', 1, 'П'],
    ]);
  });
  it('keeps several schools apart (the same code in two schools is not a duplicate)', () => {
    expect(p.schools).toEqual(['МБОУ «СОШ №1»(edu000001)', 'МБОУ «СОШ №2»(edu000002)']);
    expect(p.students.map((s) => [s.school.slice(-11), s.code, s.mark, s.journalMark])).toEqual([
      ['(edu000001)', '40001', 5, 5],
      ['(edu000001)', '40002', 2, 3],
      ['(edu000002)', '40001', 3, 4],
    ]);
    expect(p.markSource).toBe('file');
  });
  it('warns when a group row count disagrees with its rows', () => {
    const rows = f1();
    rows[8] = ['МБОУ «СОШ №1»(edu000001) | Кол-во участников: 5'];
    const d = readWorkbook({ name: 'Ф1', grids: [{ name: 'РУ 4', values: rows }] });
    expect(d.problems.find((x) => x.code === 'group-count')?.message).toContain('указано участников: 5, а строк с результатами: 2');
  });
});

describe('generic tables', () => {
  it('finds a header below title rows, with blank rows and columns around, and a «Макс. балл» row', () => {
    const rows: CellValue[][] = [
      [],
      [null, 'Входная диагностика, математика, 6 класс'],
      [],
      [null, 'ФИО', 'Класс', '1', '2', '3.1', 'Отметка'],
      [null, 'Макс. балл', null, 1, 2, 2],
      [],
      [null, 'Петров Пётр', '6Б', 1, 'Х', 2, 4], // Cyrillic Х = not attempted
      [null, 'Иванова Анна', '6А', 0, 2, 1, 3],
      [null, 'Сидоров Илья', '6А', null, null, null, null], // all tasks empty: absent
      [null, 'Итого', null, 1, 2, 3],
    ];
    const d = readWorkbook({ name: 'Книга', grids: [{ name: 'Лист1', values: rows }] });
    expect(d.problems.filter((x) => x.severity === 'error')).toEqual([]);
    const p = d.procedures[0]!;
    expect(p.layout).toBe('generic');
    expect(p.meta).toMatchObject({ kind: 'Входная диагностика', subject: 'Математика', grade: 6 });
    expect(p.tasks.map((t) => [t.id, t.max])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3.1', 2],
    ]);
    expect(p.students.map((s) => [s.name, s.className, s.grade, s.scores, s.total, s.mark])).toEqual([
      ['Петров Пётр', '6Б', 6, [1, 'X', 2], 3, 4],
      ['Иванова Анна', '6А', 6, [0, 2, 1], 3, 3],
    ]);
    expect(p.absent.map((s) => s.name)).toEqual(['Сидоров Илья']);
    expect(d.problems.some((x) => x.code === 'summary-row' && x.row === 10)).toBe(true);
  });

  it('ignores form helper columns that have no header (the real «Протокол» has values in P:U)', () => {
    const rows: CellValue[][] = [
      ['Код участника', 'Вариант', '1 (2б)', 'Порядковый номер класса', 'Итого баллов'],
      [1, 1, 2, 1, 2, null, null, null, null, null, null, null, null, null, null, 'X', 0, 'X'],
      [null, null, null, null, 0, null, null, null, null, null, null, null, null, null, null, 2, 1, 3],
    ];
    const d = readWorkbook({ name: 'Форма сбора результатов Математика 5 класс ВПР 2026', grids: [{ name: 'Протокол', values: rows }] });
    expect(d.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(d.procedures[0]!.students).toHaveLength(1);
    expect(d.procedures[0]!.meta).toMatchObject({ subject: 'Математика', grade: 5, year: 2026, kind: 'ВПР' });
  });

  it('names classes by their number without a «Классы» sheet, and says so', () => {
    const rows: CellValue[][] = [
      ['Код участника', 'Вариант', '1 (2б)', 'Порядковый номер класса'],
      [1, 1, 2, 3],
    ];
    const d = readWorkbook({ name: 'ВПР Физика 7 класс', grids: [{ name: 'Протокол', values: rows }] });
    // «класс 3», never a bare «3» that reads like a grade.
    expect(d.procedures[0]!.students[0]!.className).toBe('класс 3');
    expect(d.procedures[0]!.students[0]!.grade).toBe(7);
    expect(d.problems.some((x) => x.code === 'classes-by-number')).toBe(true);
  });
});

describe('built-in catalogs', () => {
  it('match the Russian grade-4 2026 plan by codes and max scores and bring skills', () => {
    const d = readWorkbook({ name: 'Ф1', grids: [{ name: 'РУ 4 Индивидуальные результаты', values: f1() }] });
    // Tasks 1 (2б) and 2 (1б) exist in the catalog with these maxima.
    expect(d.procedures[0]!.planSource).toBe('catalog:vpr-russian-4-2026');
    expect(d.procedures[0]!.tasks[0]!.skill).toMatch(/\S/);
    // The file's levels win over the catalog's: task 2 is «П» in the fixture, «Б» in the catalog.
    expect(d.procedures[0]!.tasks[1]!.level).toBe('П');
  });
});

describe('abbreviated subjects anywhere in a name', () => {
  it('reads «ВПР МА 5 класс» and «ВПР РУ 6»', () => {
    expect(metaFromText('ВПР МА 5 класс')).toMatchObject({ kind: 'ВПР', subject: 'Математика', grade: 5 });
    expect(metaFromText('ВПР РУ 6')).toMatchObject({ kind: 'ВПР', subject: 'Русский язык', grade: 6 });
    expect(metaFromText('ОГЭ 2025')).toEqual({ kind: 'ОГЭ', year: 2025 });
  });
});
