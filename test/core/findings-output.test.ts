import { describe, expect, it } from 'vitest';
import { exportSchema } from '../../src/core/export/schema';
import { cellText } from '../../src/core/grid';
import { highlightFormula, isOkoHighlightFormula } from '../../src/core/output/highlight';
import { RISK_KEY_COL } from '../../src/core/output/risk';
import type { SheetSpec } from '../../src/core/output/spec';
import { isGeneratedTab } from '../../src/core/output/tabs';
import { exportJson, runAnalysis } from '../../src/core/pipeline';
import { DIAG, dynamicsBook, objectivityBook, riskBook, VPR_MA, VPR_RU } from '../helpers/findings';

const tab = (run: ReturnType<typeof runAnalysis>, name: string) => run.tabs.find((t) => t.name === name) as SheetSpec;
const lines = (t: SheetSpec) => t.values.map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | '));

describe('«Группа риска» tab', () => {
  const run = runAnalysis(riskBook());
  const t = tab(run, 'Группа риска');

  it('is a generated tab (never read as input, replaced on each run)', () => {
    expect(isGeneratedTab('Группа риска')).toBe(true);
    expect(isGeneratedTab('Динамика')).toBe(true);
    expect(isGeneratedTab('Объективность')).toBe(true);
  });

  it('has one row per student with class, code, name from the school’s table, reasons and trend', () => {
    const head = t.values[3] as unknown[];
    expect(head.slice(0, 10)).toEqual([
      'Класс',
      'Код',
      'ФИО',
      'Предметы',
      'Причины',
      'Работы',
      'Дефицитные задания',
      'Дефицитные умения',
      'Динамика',
      'На что обратить внимание',
    ]);
    const row = t.values.find((r) => r[1] === '104') as unknown[];
    expect(row.slice(0, 4)).toEqual(['5А', '104', 'Петров Пётр', 'Математика, Русский язык']);
    expect(String(row[4]).split('\n')[0]).toBe('• Группа риска по двум предметам: математика, русский язык');
    // «МА 5 Диагностика 2025»-style labels: two maths procedures of grade 5 get the kind and year.
    expect(String(row[6])).toContain(': 1, 2');
    expect(row[8]).toBe('математика: 3 (60 %) → 2 (35 %)\nрусский язык: 2 (30 %)');
    // No names where the tables had none.
    expect((t.values.find((r) => r[1] === '102') as unknown[])[2]).toBe('');
  });

  it('lists «лист|код» of every highlighted row in column M', () => {
    const keys = t.values
      .slice(4)
      .map((r) => r[RISK_KEY_COL])
      .filter((v) => typeof v === 'string');
    expect(t.values[3]?.[RISK_KEY_COL]).toBe('Ключ подсветки (лист|код)');
    expect(keys).toEqual([
      `${DIAG}|101`,
      `${VPR_MA}|101`,
      `${DIAG}|102`,
      `${VPR_MA}|102`,
      `${DIAG}|104`,
      `${VPR_MA}|104`,
      `${VPR_RU}|104`,
      `${DIAG}|Д5`,
      `${VPR_MA}|105`,
      `${DIAG}|106`,
      `${DIAG}|107`,
      `${VPR_MA}|107`,
    ]);
  });
});

describe('highlighting the user’s own sheets', () => {
  const run = runAnalysis(riskBook());

  it('gives each results sheet with an at-risk row one marked rule over its table', () => {
    expect(run.highlights.map((h) => h.sheet)).toEqual([DIAG, VPR_MA, VPR_RU]);
    const ma = run.highlights.find((h) => h.sheet === VPR_MA)?.rules;
    // Rows 2–9 of the sheet (8 students incl. the absent 106), columns Код…Отметка (5).
    expect(ma).toEqual([
      {
        range: { row: 1, col: 0, rows: 8, cols: 5 },
        formula: `=AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$M:$M"),"=${VPR_MA}|"&$A2)>0)`,
        background: '#ffe0b2',
      },
    ]);
  });

  it('builds, for each highlighted row, the same text as its key on «Группа риска»', () => {
    // The rule concatenates "<лист>|" and the row's code cell; the keys hold the codes as read.
    const keys = new Set(tab(run, 'Группа риска').values.map((r) => r[RISK_KEY_COL]));
    const ma = run.data.procedures.find((p) => p.sheet === VPR_MA)!;
    const grid = riskBook().grids.find((g) => g.name === VPR_MA)!;
    const lit = ma.students.filter((s) => keys.has(`${VPR_MA}|${cellText(grid.values[s.row - 1]?.[0])}`)).map((s) => s.code);
    expect(lit).toEqual(['101', '102', '104', '105', '107']);
  });

  it('recognises its own formulas only', () => {
    for (const h of run.highlights) for (const r of h.rules) expect(isOkoHighlightFormula(r.formula)).toBe(true);
    expect(isOkoHighlightFormula('AND(N( "ОКО" )=0,A1>1)')).toBe(true);
    expect(isOkoHighlightFormula('=$B2>5')).toBe(false);
    expect(isOkoHighlightFormula('=ISNUMBER(SEARCH("ОКО",A1))')).toBe(false);
  });

  it('escapes quotes and COUNTIF wildcards of a sheet name; the "=" keeps < and > literal', () => {
    expect(highlightFormula('<Лист "1" *?~', [0, 2], 4)).toBe(
      `=AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$M:$M"),"=<Лист ""1"" ~*~?~~|"&$A5)+COUNTIF(INDIRECT("'Группа риска'!$M:$M"),"=<Лист ""1"" ~*~?~~|"&$C5)>0)`,
    );
  });

  it('nothing to highlight, and no tabs, when the input has errors', () => {
    const bad = runAnalysis(
      riskBook({
        [VPR_MA]: [
          ['Код', 'Класс', '1 (10б)'],
          [1, '5А', 11],
        ],
      }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.highlights).toEqual([]);
  });
});

describe('«Объективность» and «Динамика» tabs', () => {
  it('objectivity: neutral wording, the signs with their rule and numbers, per teacher', () => {
    const text = lines(tab(runAnalysis(objectivityBook()), 'Объективность')).join('\n');
    expect(text).toContain('Это не вывод о работе учителя');
    expect(text).toContain('Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень');
    expect(text).toContain(
      'ВПР 2026 Математика 6 класс | 6В | класс | Петров П. П. | Повысили: отметка за работу выше отметки по журналу | высокий',
    );
    expect(text).toContain('По учителям');
    // Иванова: 2 + 2 class signs and 2 signs of her two classes together; 3 of them high.
    expect(text).toMatch(/Иванова И\. И\. \| 6А — ВПР 2026 Математика 6 класс\n6Б — ВПР 2026 Математика 6 класс \| 6 \| 3 \|/);
    expect(text).toContain('• 6А + 6Б, ВПР 2026 Математика 6 класс: Понизили 40 % (12 из 30) ≥ 40 % — высокий уровень');
    expect(text).not.toMatch(/наруш|виноват|необъективн/i);
  });

  it('dynamics: the negative dynamics of 5А in words; no pairs → an explanation', () => {
    const text = lines(tab(runAnalysis(dynamicsBook()), 'Динамика')).join('\n');
    expect(text).toContain('Отрицательная динамика: доля «2» выросла с 10 % до 20 % (+10 п. п. ≥ 10 п. п.)');
    expect(text).toContain('разные наборы заданий: сравниваются только % выполнения работы, отметки и общие умения');
    const single = lines(tab(runAnalysis(objectivityBook()), 'Динамика')).join('\n');
    expect(single).toContain('Для динамики нужны хотя бы две работы по одному предмету');
  });
});

describe('JSON export', () => {
  it('has atRisk (no names) and objectivity, valid against the schema', () => {
    const risk = exportSchema.parse(JSON.parse(JSON.stringify(exportJson(runAnalysis(riskBook()), 'x'))));
    const p104 = risk.atRisk.find((p) => p.code === '104');
    expect(p104).toMatchObject({ class: '5А', subjects: ['Математика', 'Русский язык'] });
    expect(p104?.reasons.map((r) => r.rule)).toEqual(['multiSubject', 'mark2', 'lowScore', 'decline', 'mark2', 'lowScore']);
    expect(p104?.deficitTasks.map((d) => d.tasks)).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
    expect(p104?.reasons[1]?.procedure).toBe(runAnalysis(riskBook()).data.procedures.find((p) => p.sheet === VPR_MA)?.key);
    expect(JSON.stringify(risk)).not.toContain('Петров');

    const obj = exportSchema.parse(JSON.parse(JSON.stringify(exportJson(runAnalysis(objectivityBook()), 'x'))));
    expect(obj.objectivity.find((s) => s.group.name === '6А' && s.rule === 'raised')).toEqual({
      procedure: 'впр|2026|математика|6|',
      group: { level: 'class', name: '6А', school: 'Школа' },
      teacher: 'Иванова И. И.',
      rule: 'raised',
      level: 'high',
      numbers: { percent: 45, count: 9, of: 20, threshold: 40 },
      text: 'Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень',
      reliable: true,
    });
  });
});
