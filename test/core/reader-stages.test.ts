// The stages of reading a results sheet, each on its own (issue 13: named stages small enough to test).
import { describe, expect, it } from 'vitest';
import type { OkoExport } from '../../src/core/export/schema';
import { exportText } from '../../src/core/export/text';
import type { CellValue } from '../../src/core/grid';
import { asNumber, isAbsentMarker, readMarkCell, readScoreCell } from '../../src/core/input/cells';
import { ClassSpellings, canonicalClassName, classKey, gradeOfClassName } from '../../src/core/input/class-names';
import { findResultsHeader, type HeaderInfo } from '../../src/core/input/header';
import { readTitleRows, UNKNOWN_SUBJECT } from '../../src/core/input/meta';
import { completeMeta, readingNotes, settleFormulaColumns } from '../../src/core/input/results';
import { readStudentRow, type TableColumns } from '../../src/core/input/student-row';
import { looksLikeStudent, readTableRows, rowRanges } from '../../src/core/input/table-rows';
import { readTaskColumns } from '../../src/core/input/task-columns';
import { parseTaskHeader } from '../../src/core/input/task-header';
import type { Student } from '../../src/core/model';

describe('cells', () => {
  it('reads numbers as people type them', () => {
    expect([5, '5', ' 5 ', '1,5', '1.5', '1\u00a0000', 'пять', '', null].map(asNumber)).toEqual([
      5,
      5,
      5,
      1.5,
      1.5,
      1000,
      null,
      null,
      null,
    ]);
  });
  it('knows the ways to write «absent», «X» and «no mark»', () => {
    for (const v of ['отсутствовал', 'Отс.', 'н', 'Н', 'не был', 'не была', 'неявка']) expect(isAbsentMarker(v), v).toBe(true);
    for (const v of ['X', 'x', 'Х', 'х', ' x ']) expect(readScoreCell(v, 2), v).toEqual({ kind: 'x' });
    expect([4, '4', 'нет отметки', '-', '', 7, 'пять'].map(readMarkCell)).toEqual([4, 4, null, null, null, undefined, undefined]);
  });
  it('scores: whole or half points within the maximum', () => {
    expect(readScoreCell('1,5', 2)).toEqual({ kind: 'points', value: 1.5 });
    expect(readScoreCell('1,3', 2)).toMatchObject({ kind: 'bad-number', reason: 'fraction' });
    expect(readScoreCell(3, 2)).toMatchObject({ kind: 'bad-number', reason: 'above-max' });
    expect(readScoreCell(-1, 2)).toMatchObject({ kind: 'bad-number', reason: 'negative' });
    expect(readScoreCell('два', 2)).toEqual({ kind: 'text', text: 'два' });
  });
});

describe('class names', () => {
  it('one class, many spellings', () => {
    for (const v of ['7А', '7A', '7 А', '7а', '7a', '7-А', '7 "А"', '7 «А»', '7А класс', ' 7 - а '])
      expect(canonicalClassName(v), v).toBe('7А');
    expect(canonicalClassName('7B')).toBe('7В');
    expect(canonicalClassName('10-1')).toBe('10-1');
    expect(canonicalClassName('5 (углубл.)')).toBe('5 (углубл.)');
    expect(classKey('3')).toBe(classKey('класс 3'));
    expect([gradeOfClassName('7А'), gradeOfClassName('класс 3'), gradeOfClassName('11Б')]).toEqual([7, null, 11]);
  });
  it('remembers what was merged', () => {
    const sp = new ClassSpellings();
    for (const v of ['7А', '7A', '7 а', '7Б']) sp.add(v);
    expect(sp.merged()).toEqual([['7А', ['7A', '7 а']]]);
  });
});

describe('task headers', () => {
  it.each([
    ['11.3 k1 (2б)', { id: '11.3К1', max: 2 }],
    ['4К1(3б)', { id: '4К1', max: 3 }],
    ['1 (2 б.)', { id: '1', max: 2 }],
    ['№1 (1б)', { id: '1', max: 1 }],
    ['Задание №5 (2 балла)', { id: '5', max: 2 }],
    ['3\n(1Б)', { id: '3', max: 1 }],
  ])('%s', (text, want) => {
    expect(parseTaskHeader(text)).toEqual(want);
  });
});

const found = (values: CellValue[][]) => {
  const f = findResultsHeader({ name: 'Лист', values });
  if (f.kind !== 'found') throw new Error(`header not found: ${JSON.stringify(f)}`);
  return f;
};

describe('the header', () => {
  it.each([
    ['Класс', 'className'],
    ['Класс №', 'classNum'],
    ['Класс № (список формируется из листа "Классы")', 'classNum'],
    ['Номер класса', 'classNum'],
    ['Порядковый номер класса', 'classNum'],
  ])('class column «%s»', (label, role) => {
    expect(found([['Код', label, '1 (1б)']]).header.roles).toHaveProperty(role, 1);
  });
  it.each(['Код', 'Код участника', 'Код ученика'])('code column «%s»', (label) => {
    expect(found([[label, 'Класс', '1 (1б)']]).header.roles.code).toBe(0);
  });
  it('a two-part form: «Вариант (часть 1)» and «Вариант (часть 2)»', () => {
    const f = found([['Код участника', 'Вариант (часть 1)', '1 (1б)', 'Вариант (часть 2)', '2 (2б)', 'Порядковый номер класса']]);
    expect(f.header.roles).toMatchObject({ variant: 1, variant2: 3, classNum: 5 });
    expect(f.layout).toBe('vpr-form');
  });
  it('a header over two rows: «Баллы за задания» merged over the task numbers', () => {
    const f = found([
      ['Код участника', 'Баллы за задания', null, null, 'Класс'],
      [null, 1, 2, '3.1', null],
      ['Максимальный балл', 1, 2, 1, null],
    ]);
    expect(f.header).toMatchObject({ top: 0, row: 1 });
    expect(f.header.tasks.map((t) => t.id)).toEqual(['1', '2', '3.1']);
    expect(f.header.ignored).toEqual([]);
  });
  it('a title block of any height above the header', () => {
    const title = Array.from({ length: 60 }, (_, i): CellValue[] => [`строка ${i}`]);
    expect(found([...title, ['Код', 'Класс', '1 (1б)']]).header.row).toBe(60);
  });
});

describe('task columns', () => {
  it('maxima from an unlabelled row right under the header', () => {
    const values: CellValue[][] = [
      ['Код', 'Класс', '1', '2'],
      [null, null, 1, 2],
      ['a', '5А', 1, 2],
    ];
    const { value, problems } = readTaskColumns(values, found(values).header, 'Лист');
    expect(problems).toEqual([]);
    expect(value.tasks.map((t) => [t.id, t.max])).toEqual([
      ['1', 1],
      ['2', 2],
    ]);
    expect(value.maxRow).toBe(1);
  });
});

describe('title rows', () => {
  it('read the kind, subject, grade, date and max', () => {
    const t = readTitleRows([['ВПР 2026 Математика 7 класс'], ['Дата:', '16.04.2026'], ['Максимальный первичный балл:', '7']], 3);
    expect(t).toEqual({
      meta: { kind: 'ВПР', year: 2026, subject: 'Математика', grade: 7, date: '2026-04-16' },
      maxTotal: 7,
      school: null,
    });
  });
});

function columns(header: HeaderInfo, layout: TableColumns['layout']): TableColumns {
  const R = header.roles;
  return {
    sheet: 'Лист',
    layout,
    roles: R,
    tasks: header.tasks.map((t) => ({ id: t.id, max: t.max ?? 1, level: null })),
    taskCols: header.tasks.map((t) => t.col),
    partOf: header.tasks.map((t) => (R.variant2 !== undefined && t.col > R.variant2 ? 1 : 0)),
    ignoredCols: header.ignored.map((i) => i.col),
    variantCols: [R.variant, R.variant2].filter((x): x is number => x !== undefined),
    identityCols: [R.code, R.name, R.variant, R.variant2, R.classNum, R.className].filter((x): x is number => x !== undefined),
    scoreCols: header.tasks.map((t) => t.col),
    journalCol: R.journal ?? R.prevMark,
    markLabel: 'Отметка',
    journalLabel: 'Отметка по журналу',
  };
}

describe('one row', () => {
  const form = found([['Код участника', 'Вариант', '1 (1б)', '2 (2б)', 'Порядковый номер класса']]);
  const c = columns(form.header, 'vpr-form');
  const ctx = () => ({ classes: null, spellings: new ClassSpellings(), grade: 7 });
  it('an absent participant whose class is empty is absent, not an error', () => {
    const r = readStudentRow(['790', 'отсутствовал', null, null, null], 5, 'Школа', c, ctx());
    expect(r).toMatchObject({ kind: 'student', present: false, student: { code: '790', className: '' } });
  });
  it('a present participant without a class is refused with the cell', () => {
    const r = readStudentRow(['701', 1, 1, 2, null], 5, 'Школа', c, ctx());
    expect(r.kind).toBe('refused');
    expect(r.problems[0]).toMatchObject({ code: 'class-missing', row: 5, col: 5 });
  });
  it('a class number without «Классы» is «класс N»; a class name in the number column is read as a name', () => {
    expect(readStudentRow(['701', 1, 1, 2, 3], 5, 'Школа', c, ctx())).toMatchObject({ student: { className: 'класс 3', grade: 7 } });
    expect(readStudentRow(['701', 1, 1, 2, '7 а'], 5, 'Школа', c, ctx())).toMatchObject({ student: { className: '7А', grade: 7 } });
    expect(readStudentRow(['701', 1, 1, 2, 'седьмой'], 5, 'Школа', c, ctx()).problems[0]?.code).toBe('class-number-bad');
  });
  it('two-part form: a participant absent from part 2 gets 0 for its tasks and stays present', () => {
    const two = found([['Код участника', 'Вариант (часть 1)', '1 (1б)', 'Вариант (часть 2)', '2 (2б)', 'Порядковый номер класса']]);
    const r = readStudentRow(['701', 1, 1, 'отсутствовал', null, 1], 2, 'Школа', columns(two.header, 'vpr-form'), ctx());
    expect(r).toMatchObject({ kind: 'student', present: true, student: { scores: [1, 'X'], total: 1 } });
  });
});

describe('the end of the table', () => {
  const values: CellValue[][] = [
    ['Код', 'Класс', '1 (1б)', '2 (2б)'],
    ['1', '7А', 1, 2],
    ['2', '7А', 0, 1],
    [],
    ['3', '7Б', 1, 1],
    [],
    ['№', 'Проверяемые требования', 'Максимальный балл', '% выполнения'],
    [1, 'Умение выполнять действия', 2, '56,5'],
    ['Итого', null, 3],
  ];
  const f = found(values);
  const c = columns(f.header, 'generic');
  it('tells participants from notes', () => {
    expect(looksLikeStudent(values[4] as CellValue[], c)).toBe(true);
    expect(looksLikeStudent(values[6] as CellValue[], c)).toBe(false);
    expect(looksLikeStudent(values[7] as CellValue[], c)).toBe(false);
  });
  it('reads the participant below a blank row and names the rows left out', () => {
    const { value, problems } = readTableRows(values, 1, c, { classes: null, spellings: new ClassSpellings(), grade: 7, school: 'Школа' });
    expect(value.students.map((s) => s.code)).toEqual(['1', '2', '3']);
    expect(problems).toEqual([expect.objectContaining({ code: 'table-end', severity: 'info', row: 7 })]);
    expect(problems[0]?.message).toContain('строки 7–9');
  });
  it('a stray value inside the table stays an error', () => {
    const inside: CellValue[][] = [values[0] as CellValue[], ['1', '7А', 1, 2], ['Итого по классу', 'x', 'y', 'z'], ['2', '7А', 0, 1]];
    const { problems } = readTableRows(inside, 1, c, { classes: null, spellings: new ClassSpellings(), grade: 7, school: 'Школа' });
    expect(problems.some((p) => p.severity === 'error' && p.row === 3)).toBe(true);
  });
  it('a merged Ф1 school row (its text in every cell) is a school row', () => {
    const label = 'МБОУ «СОШ № 1»(edu000001) | Кол-во участников: 1';
    const rows: CellValue[][] = [values[0] as CellValue[], [label, label, label, label], ['1', '7А', 1, 2]];
    const { value, problems } = readTableRows(rows, 1, c, { classes: null, spellings: new ClassSpellings(), grade: 7, school: 'Школа' });
    expect(problems).toEqual([]);
    expect(value.schools).toEqual(['МБОУ «СОШ № 1»(edu000001)']);
  });
  it('row ranges', () => {
    expect(rowRanges([3, 4, 5, 8, 10, 11])).toBe('3–5, 8, 10–11');
  });
});

describe('formula columns without values', () => {
  // «Отметка» holds 0 in every participant's row: a formula the file did not save. «Первичный балл» is filled.
  const values: CellValue[][] = [
    ['Код', 'Класс', '1 (1б)', '2 (2б)', 'Первичный балл', 'Отметка'],
    ['1', '7А', 1, 2, 3, 0],
    ['2', '7А', 0, 1, 1, null],
  ];
  it('drops the empty «Отметка» from the roles and hands it back; a filled column stays', () => {
    const f = found(values);
    const c = columns(f.header, 'generic');
    const markCol = c.roles.mark;
    const { value, problems } = settleFormulaColumns(values, 1, f.header, c);
    expect(markCol).toBe(5);
    expect(value).toEqual({ role: 'mark', col: 5, label: 'Отметка' });
    expect(c.roles.mark).toBeUndefined();
    expect(c.roles.total).toBe(4);
    expect(c.markLabel).toBe('');
    expect(problems).toEqual([]);
  });
  it('an empty «Первичный балл» is said, with its column letter', () => {
    const blank = values.map((r, i) => (i === 0 ? r : [...r.slice(0, 4), null, 4]));
    const f = found(blank);
    const c = columns(f.header, 'generic');
    const { value, problems } = settleFormulaColumns(blank, 1, f.header, c);
    expect(value).toBeUndefined();
    expect(c.roles.total).toBeUndefined();
    expect(c.markLabel).toBe('Отметка');
    expect(problems).toEqual([expect.objectContaining({ code: 'total-column-empty', severity: 'info' })]);
    expect(problems[0]?.message).toContain('E');
  });
});

describe('what the title did not say', () => {
  const pupil = (className: string, grade: number | null) =>
    ({ code: '1', school: 'Школа', className, grade, scores: [], total: 0, mark: null, journalMark: null, row: 2 }) as Student;
  const meta = (kind: string, grade: number | null) => ({ kind, year: 2026, subject: 'Математика', grade, date: null });
  const protocol = columns(found([['Код', 'Класс', '1 (1б)']]).header, 'gia-protocol');
  it('the grade is the most common grade of the classes, and students without one get it', () => {
    const m = meta('ВПР', null);
    const students = [pupil('7А', 7), pupil('7Б', 7), pupil('8А', 8), pupil('класс 3', null)];
    expect(completeMeta(m, 'generic', protocol, students, 'Лист')).toEqual([]);
    expect(m.grade).toBe(7);
    expect(students[3]?.grade).toBe(7);
  });
  it('a protocol without an exam in its title: grade 9 makes it ОГЭ, grade 11 ЕГЭ, grade 10 nothing', () => {
    for (const [grade, kind] of [
      [9, 'ОГЭ'],
      [11, 'ЕГЭ'],
      [10, 'Протокол'],
    ] as const) {
      const m = meta('Протокол', grade);
      const problems = completeMeta(m, 'gia-protocol', protocol, [], 'Лист');
      expect(m.kind).toBe(kind);
      expect(problems.map((p) => p.code)).toEqual(kind === 'Протокол' ? [] : ['kind-inferred']);
    }
  });
  it('notes: classes by number only without «Классы и учителя», an unknown subject and grade', () => {
    const m = { ...meta('ВПР', null), subject: UNKNOWN_SUBJECT };
    const notes = readingNotes(m, [pupil('класс 3', null)], new ClassSpellings(), null, 'Лист');
    expect(notes.map((p) => [p.code, p.severity])).toEqual([
      ['classes-by-number', 'info'],
      ['subject-unknown', 'warning'],
      ['grade-unknown', 'warning'],
    ]);
    const spellings = new ClassSpellings();
    spellings.add('7 а');
    spellings.add('7А');
    expect(readingNotes(meta('ВПР', 7), [pupil('7А', 7)], spellings, null, 'Лист').map((p) => p.code)).toEqual(['classes-merged']);
  });
});

describe('JSON text', () => {
  it('writes maps keyed by task code in task order, not integer keys first', () => {
    const e = {
      procedures: [
        { tasks: [{ id: '1' }, { id: '4К1' }, { id: '10' }], groups: [{ completion: { '1': 1, '10': 3, '4К1': 2 } }], students: [] },
      ],
    } as unknown as OkoExport;
    const text = exportText(e);
    expect(text.indexOf('"4К1": 2')).toBeLessThan(text.indexOf('"10": 3'));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(e)));
  });
});
