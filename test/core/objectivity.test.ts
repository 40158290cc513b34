// Every objectivity sign on the hand-made «ВПР 2026 МА 6» (6А 20, 6Б 12, 6В 3 participants) and the
// peaks fixture «ВПР 2026 БИ 7» (55 participants); numbers are worked out in test/helpers/findings.ts.
import { describe, expect, it } from 'vitest';
import type { ObjectivityGroup } from '../../src/core/analysis/objectivity';
import type { CellValue } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { objectivityBook, peaksBook } from '../helpers/findings';

function groups(over: Parameters<typeof objectivityBook>[0] = {}): ObjectivityGroup[] {
  const run = runAnalysis(objectivityBook(over));
  expect(run.ok).toBe(true);
  return run.findings.objectivityGroups;
}
const find = (gs: ObjectivityGroup[], level: string, name: string) =>
  gs.find((g) => g.level === level && g.name === name) as ObjectivityGroup;
const signs = (g: ObjectivityGroup) => g.signs.map((s) => [s.rule, s.level, s.reliable, s.text]);

describe('objectivity signs per class', () => {
  const gs = groups();

  it('6А: Повысили 45 % (9 из 20) — high; Понизили exactly 20 % (4 из 20) — medium', () => {
    const g = find(gs, 'class', '6А');
    // The absent student (journal «5») is not a participant: 20, not 21.
    expect(g.participants).toBe(20);
    expect(g.journal).toMatchObject({ n: 20, lowered: 4, confirmed: 7, raised: 9 });
    expect(signs(g)).toEqual([
      ['lowered', 'medium', true, 'Понизили 20 % (4 из 20) ≥ 20 % — средний уровень'],
      ['raised', 'high', true, 'Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень'],
    ]);
    expect(g.teacher).toBe('Иванова И. И.');
    // Journal 4–5: 4 + 7 = 11 of 20 = 55 % < 80 → no «high marks» sign.
    expect(g.journalHighPct).toBeCloseTo(55, 9);
  });

  it('6Б: missing journal marks leave 10 of 12; 80 % of them «4» (tie) with 50 % completion (< 55)', () => {
    const g = find(gs, 'class', '6Б');
    expect(g.participants).toBe(12);
    expect(g.journalMarks).toBe(10);
    expect(g.meanCompletion).toBe(50);
    expect(signs(g)).toEqual([
      ['lowered', 'high', true, 'Понизили 80 % (8 из 10) ≥ 40 % — высокий уровень'],
      [
        'highMarksLowCompletion',
        'medium',
        true,
        'Отметки «4» и «5» по журналу у 80 % участников (8 из 10) ≥ 80 %, а среднее выполнение работы 50 % < 55 %',
      ],
    ]);
    expect(g.signs[1]?.numbers).toEqual({ percent: 80, count: 8, of: 10, threshold: 80, meanCompletion: 50, completionThreshold: 55 });
  });

  it('6В, a class of 3: the sign is shown and marked unreliable', () => {
    const g = find(gs, 'class', '6В');
    expect(g.reliable).toBe(false);
    expect(signs(g)).toEqual([
      ['raised', 'high', false, 'Повысили 66,7 % (2 из 3) ≥ 40 % — высокий уровень; мало участников (3 < 10): выводы ненадёжны'],
    ]);
  });
});

describe('objectivity signs per teacher and per school', () => {
  const gs = groups();

  it('Иванова И. И. (6А + 6Б): Понизили 12 из 30 = 40 % (tie → high), Повысили 9 из 30 = 30 % (medium)', () => {
    // Both marks: 20 + 10 = 30; Понизили 4 + 8 = 12; Повысили 9 + 0 = 9.
    // Journal 4–5: 11 + 8 = 19 of 30 = 63,3 % < 80; completion (20·… + 12·5)/320 > 55 → no other sign.
    const g = find(gs, 'teacher', 'Иванова И. И.');
    expect(g.classes).toEqual(['6А', '6Б']);
    expect(signs(g)).toEqual([
      ['lowered', 'high', true, 'Понизили 40 % (12 из 30) ≥ 40 % — высокий уровень'],
      ['raised', 'medium', true, 'Повысили 30 % (9 из 30) ≥ 20 % — средний уровень'],
    ]);
    // Петров П. П. has one class: his signs are the class's, with his name on them.
    expect(gs.some((x) => x.level === 'teacher' && x.name === 'Петров П. П.')).toBe(false);
    expect(find(gs, 'class', '6В').signs[0]?.teacher).toBe('Петров П. П.');
  });

  it('the school: Понизили 12/33 = 36,4 %, Повысили 11/33 = 33,3 % — both medium; peaks not checked (35 < 50)', () => {
    const g = find(gs, 'school', 'Школа');
    expect(g.journal).toMatchObject({ n: 33, lowered: 12, raised: 11, confirmed: 10 });
    expect(signs(g).map((s) => s[3])).toEqual([
      'Понизили 36,4 % (12 из 33) ≥ 20 % — средний уровень',
      'Повысили 33,3 % (11 из 33) ≥ 20 % — средний уровень',
    ]);
    expect(g.distribution).toBeNull();
  });

  it('thresholds are settings: medium 25 / high 45 turn 6А «Понизили 20 %» off and «Повысили 45 %» stays high', () => {
    const custom = groups({
      'Настройки ОКО': [
        ['Ключ', 'Параметр', 'Значение'],
        ['objectivity.medium', '', 25],
        ['objectivity.high', '', 45],
      ],
    });
    expect(signs(find(custom, 'class', '6А')).map((s) => s[3])).toEqual(['Повысили 45 % (9 из 20) ≥ 45 % — высокий уровень']);
  });

  it('without «Классы и учителя» there are no teacher groups and no teacher names', () => {
    const plain = groups({ 'Классы и учителя': null });
    expect(plain.some((g) => g.level === 'teacher' || g.teacher)).toBe(false);
  });
});

describe('peaks of the score distribution at mark cut-offs', () => {
  const run = runAnalysis(peaksBook());

  it('finds the peaks at «3» (4 points, 12 students) and «4» (7 points, 8 = the rule’s minimum): high', () => {
    const school = run.findings.objectivityGroups.find((g) => g.level === 'school') as ObjectivityGroup;
    expect(school.participants).toBe(55);
    expect(school.distribution?.meanBin).toBe(5);
    expect(signs(school)).toEqual([
      [
        'peaksAtCuts',
        'high',
        true,
        'Пик распределения первичных баллов на границе отметки: «3» с 4 б. — 12 уч. (на балл ниже — 3); «4» с 7 б. — 8 уч. (на балл ниже — 4) (в среднем 5 уч. на балл)',
      ],
    ]);
    expect(school.signs[0]?.numbers).toEqual({ peaks: 2, participants: 55, meanBin: 5, score3: 4, count3: 12, score4: 7, count4: 8 });
  });

  it('does not check classes under sample.minDistribution (27 and 28 < 50), and says why', () => {
    const classes = run.findings.objectivityGroups.filter((g) => g.level === 'class');
    expect(classes.map((g) => [g.name, g.distribution, g.peaksNote])).toEqual([
      ['7А', null, 'участников меньше 50'],
      ['7Б', null, 'участников меньше 50'],
    ]);
  });

  it('no journal column: no journal signs at all', () => {
    expect(run.findings.objectivity.map((s) => s.rule)).toEqual(['peaksAtCuts']);
  });

  it('objectivity.peakMin 9 drops the «4» peak (8 students): one cut → medium', () => {
    const wb = peaksBook();
    wb.grids.push({
      name: 'Настройки ОКО',
      values: [
        ['Ключ', 'Параметр', 'Значение'],
        ['objectivity.peakMin', '', 9],
      ] as CellValue[][],
    });
    const s = runAnalysis(wb).findings.objectivity;
    expect(s.map((x) => [x.level, x.numbers.peaks])).toEqual([['medium', 1]]);
  });
});

describe('«Классы и учителя»: checks name the sheet, row and column', () => {
  const problemsOf = (rows: CellValue[][]) =>
    runAnalysis(objectivityBook({ 'Классы и учителя': rows })).problems.filter((p) => p.sheet === 'Классы и учителя');

  it('needs a header with Класс, Предмет, Учитель', () => {
    const ps = problemsOf([['Класс', 'Учитель']]);
    expect(ps.map((p) => [p.severity, p.code])).toEqual([['error', 'teachers-header']]);
    expect(ps[0]?.message).toBe('На листе «Классы и учителя» нужна строка заголовков со столбцами «Класс», «Предмет» и «Учитель».');
  });

  it('reports incomplete rows (error), unknown subjects and classes (notes), repeats and split classes (warnings)', () => {
    const ps = problemsOf([
      ['Класс', 'Предмет', 'Учитель'],
      ['6А', 'Математика', null], // 2: no teacher
      ['6А', 'Физика', 'Сидоров'], // 3: no physics results
      ['6Г', 'Математика', 'Сидоров'], // 4: no 6Г in maths
      ['6А', 'Математика', 'Иванова И. И.'], // 5: fine
      ['6а', 'Математика', 'Иванова И. И.'], // 6: repeats 5
      ['6А', 'Математика', 'Смирнова'], // 7: a second teacher of 6А
    ]);
    expect(ps.map((p) => [p.severity, p.code, p.row, p.col])).toEqual([
      ['error', 'teachers-bad-row', 2, 3],
      ['info', 'teachers-subject-unused', 3, 2],
      ['info', 'teachers-class-unused', 4, 1],
      ['warning', 'teachers-duplicate', 6, undefined],
      ['warning', 'teachers-two', 7, 3],
    ]);
    expect(ps.map((p) => p.message)).toEqual([
      'Не заполнен столбец «Учитель»: нужны класс, предмет и учитель.',
      'Работ по предмету «Физика» нет среди результатов: строка не используется.',
      'Класс «6Г» не писал работ по предмету «Математика»: строка не используется.',
      'Строка повторяет строку 5 и не используется.',
      'У класса «6А» по предмету «Математика» указано несколько учителей (Иванова И. И., Смирнова): класс учитывается у каждого.',
    ]);
  });
});
