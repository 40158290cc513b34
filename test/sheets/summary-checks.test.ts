// The sidebar never shows a green «Признаков необъективности не найдено» for a check it did not make
// (issue 11): without marks and journal marks the objectivity step says «не проверена» and why.
import { describe, expect, it } from 'vitest';
import { runStepAndWrite, stepBlocks } from '../../src/server/steps';
import { fakeGas } from './setup';

const HEADER = ['Код участника', 'Вариант', '1 (2б)', '2 (1б)', 'Порядковый номер класса', 'Итого баллов'];
const ROWS = [
  ['10001', 1, 2, 1, 1, 3],
  ['10002', 2, 1, 0, 1, 1],
  ['10003', 1, 0, 1, 2, 1],
];

function objectivitySummary(rows: unknown[][]) {
  const gas = fakeGas();
  gas.ss.addSheet('Протокол', rows);
  runStepAndWrite(gas.ss, 'analysis');
  const outcome = runStepAndWrite(gas.ss, 'objectivity');
  const block = stepBlocks('objectivity', outcome)[0];
  return block?.items ?? [];
}

describe('the objectivity summary', () => {
  it('no marks and no journal marks: «не проверена», with the reason, never green', () => {
    const items = objectivitySummary([HEADER, ...ROWS]);
    expect(items[0]?.text).toBe('Объективность не проверена: ни для одной работы нет ни отметок, ни отметок по журналу.');
    expect(items[0]?.tone).toBe('warn');
    expect(items[1]?.text).toMatch(/не проверено — нет ни отметок за работу, ни отметок по журналу/);
    expect(items.some((i) => i.text === 'Признаков необъективности не найдено.')).toBe(false);
  });

  it('with journal marks the check runs, and «не найдено» is said only then', () => {
    const withJournal = [[...HEADER, 'Отметка по журналу'], ...ROWS.map((r) => [...r, 4])];
    const items = objectivitySummary(withJournal);
    expect(items[0]?.text).toMatch(
      /^(Признаков для проверки: \d+\. Это повод посмотреть работы, а не вывод о работе учителя\.|Признаков необъективности не найдено\.)$/,
    );
    expect(items.some((i) => i.text.includes('не проверен'))).toBe(false);
  });
});
