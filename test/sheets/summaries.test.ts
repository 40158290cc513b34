// The sidebar's summaries in plain words (issue 16): no «≥ 40 %», no «18 уч.», no «4: 4»; Russian
// plurals after numbers and after «из»; durations as people say them.
import { describe, expect, it } from 'vitest';
import type { ObjectivitySign } from '../../src/core/analysis/objectivity';
import type { Procedure } from '../../src/core/model';
import { UI } from '../../src/core/strings';
import { duration, plural } from '../../src/core/strings/ui';
import { signText } from '../../src/server/steps';

const procedure = { title: 'ВПР 2026 Математика 5 класс' } as Procedure;
const sign = (rule: ObjectivitySign['rule'], numbers: Record<string, number>, more: Partial<ObjectivitySign> = {}): ObjectivitySign => ({
  procedure,
  groupLevel: 'class',
  group: '5Б',
  school: 'Школа',
  rule,
  level: 'medium',
  numbers,
  text: 'Понизили 80 % (20 из 25) ≥ 40 % — высокий уровень',
  reliable: true,
  ...more,
});

describe('summaries in plain words', () => {
  it('an objectivity sign says who, how many of how many, and what differs', () => {
    expect(signText(sign('lowered', { percent: 80, count: 20, of: 25, threshold: 40 }, { level: 'high' }))).toBe(
      'ВПР 2026 Математика 5 класс, 5Б: у 20 из 25 учеников (80 %) отметка за работу ниже, чем в журнале — заметно',
    );
    expect(signText(sign('raised', { percent: 33.3333, count: 2, of: 6, threshold: 20 }, { reliable: false }))).toBe(
      'ВПР 2026 Математика 5 класс, 5Б: у 2 из 6 учеников (33,3 %) отметка за работу выше, чем в журнале (мало участников — вывод ненадёжен)',
    );
    expect(signText(sign('raised', { percent: 100 / 21, count: 1, of: 21, threshold: 20 }))).toContain('у 1 из 21 ученика (4,8 %)');
    expect(
      signText(
        sign('highMarksLowCompletion', { percent: 75, count: 15, of: 20, threshold: 60, meanCompletion: 41.25, completionThreshold: 50 }),
      ),
    ).toBe('ВПР 2026 Математика 5 класс, 5Б: в журнале «4» и «5» у 15 из 20 учеников, а работа выполнена в среднем на 41,3 %');
    expect(signText(sign('peaksAtCuts', { peaks: 2, participants: 77, meanBin: 4.6, score4: 11, count4: 18, score5: 15, count5: 1 }))).toBe(
      'ВПР 2026 Математика 5 класс, 5Б: необычно много работ ровно на границе отметки — 18 учеников с 11 баллами (граница «4»); 1 ученик с 15 баллами (граница «5»)',
    );
    for (const rule of ['lowered', 'raised', 'highMarksLowCompletion', 'peaksAtCuts'] as const) {
      const text = signText(sign(rule, { percent: 50, count: 5, of: 10, meanCompletion: 40, score3: 8, count3: 7 }));
      expect(text, rule).not.toMatch(/≥|уч\.|б\.|Надёжность/);
    }
  });

  it('class lines and the group at risk count in words', () => {
    expect(UI.summary.classLine('5В', 5, 11)).toBe('5В: 5 из 11 заданий выполнены недостаточно');
    expect(UI.summary.classLine('5А', 1, 21)).toBe('5А: 1 из 21 задания выполнено недостаточно');
    expect(UI.summary.classLine('6А', 0, 12)).toBe('6А: все задания выполнены достаточно');
    expect(UI.summary.atRiskClass('4Б', 2)).toBe('4Б — 2 ученика');
    expect(UI.summary.atRisk(80)).toBe('В группе риска 80 учеников — список с причинами на вкладке «Группа риска».');
    expect(UI.summary.participants(78, 1)).toBe('Писали работу 78 учеников, не было 1.');
    expect(UI.summary.participants(21, 0)).toBe('Писали работу 21 ученик, отсутствовавших нет.');
  });

  it('plurals and durations', () => {
    const f = (n: number) => `${n} ${plural(n, 'ученик', 'ученика', 'учеников')}`;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(f)).toEqual([
      '1 ученик',
      '2 ученика',
      '4 ученика',
      '5 учеников',
      '11 учеников',
      '12 учеников',
      '14 учеников',
      '21 ученик',
      '22 ученика',
      '25 учеников',
      '101 ученик',
      '111 учеников',
    ]);
    expect([0, 499, 8_000, 59_400, 60_000, 72_500].map(duration)).toEqual([
      '0\u00a0с',
      '0\u00a0с',
      '8\u00a0с',
      '59\u00a0с',
      '1\u00a0мин 00\u00a0с',
      '1\u00a0мин 13\u00a0с',
    ]);
    expect(UI.analysis.counts(3, 0, 0, 3)).toBe('Выполнено шагов: 3 из 3.');
    expect(UI.analysis.counts(0, 1, 2, 3)).toBe('Выполнено: 0 из 3, с ошибкой: 1, не запускались: 2.');
    expect(UI.analysis.counts(1, 0, 2, 3)).toBe('Выполнено: 1 из 3, не запускались: 2.');
  });
});
