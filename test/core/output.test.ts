import { describe, expect, it } from 'vitest';
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

  it('lists insufficient tasks per class with their skills', () => {
    expect(text).toContain('ВПР Математика 5 класс | 5А | 2 (Б) | недостаточно | 50 | Вычисления');
    expect(text).toContain('ВПР Математика 5 класс | 5Б | 1 (Б) | недостаточно | 50 | Вычисления');
  });
  it('names systemic skill deficits', () => {
    expect(text).toContain('ВПР Математика 5 класс | 5Б | 1, 2 | 2 из 2 | 50 | Вычисления');
  });
  it('flags groups under 10 participants', () => {
    expect(text.some((l) => l.startsWith('5Б | класс | 2 | мало участников (2 < 10)'))).toBe(true);
  });
});

describe('settings tab', () => {
  it('is offered only when the workbook has none', () => {
    expect(runAnalysis(formWorkbook()).ensureTabs.map((t) => t.name)).toEqual(['Настройки ОКО']);
    const withSettings = runAnalysis(formWorkbook({ 'Настройки ОКО': [['Ключ', 'Параметр', 'Значение']] }));
    expect(withSettings.ensureTabs).toEqual([]);
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
