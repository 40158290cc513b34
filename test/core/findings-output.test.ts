import { describe, expect, it } from 'vitest';
import { exportSchema } from '../../src/core/export/schema';
import { cellText } from '../../src/core/grid';
import { highlightFormula, isOkoHighlightFormula } from '../../src/core/output/highlight';
import { RISK_KEY_COL } from '../../src/core/output/risk';
import type { SheetSpec } from '../../src/core/output/spec';
import { exportJson, runAnalysis } from '../../src/core/pipeline';
import { isGeneratedTab } from '../../src/core/tabs';
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
    expect(t.values[3]?.[RISK_KEY_COL]).toBe('Служебный список для подсветки (лист|код), не связан со строкой');
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

describe('«Группа риска» with «Классы и учителя»', () => {
  const run = runAnalysis(
    riskBook({
      'Классы и учителя': [
        ['Класс', 'Предмет', 'Учитель'],
        ['5А', 'Математика', 'Иванова И. И.'],
        ['5А', 'Русский язык', 'Петров П. П.'],
      ],
    }),
  );
  const t = tab(run, 'Группа риска');

  it('names the teachers of the student’s class in the subjects at risk, and keeps the highlight keys in column M', () => {
    const head = t.values[3] as unknown[];
    expect(head.slice(0, 6)).toEqual(['Класс', 'Код', 'ФИО', 'Предметы', 'Учитель', 'Причины']);
    const row = (code: string) => t.values.find((r) => r[1] === code) as unknown[];
    expect(row('104').slice(3, 5)).toEqual(['Математика, Русский язык', 'Иванова И. И., Петров П. П.']);
    expect(row('101').slice(3, 5)).toEqual(['Математика', 'Иванова И. И.']);
    expect(head.indexOf('На что обратить внимание')).toBeLessThan(RISK_KEY_COL);
    expect(head[RISK_KEY_COL]).toBe('Служебный список для подсветки (лист|код), не связан со строкой');
  });
});

describe('highlighting the user’s own sheets', () => {
  const run = runAnalysis(riskBook());

  it('gives each results sheet with an at-risk row one marked rule over its table', () => {
    expect((run.write.highlights ?? []).map((h) => h.sheet)).toEqual([DIAG, VPR_MA, VPR_RU]);
    const ma = (run.write.highlights ?? []).find((h) => h.sheet === VPR_MA)?.rules;
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
    for (const h of run.write.highlights ?? []) for (const r of h.rules) expect(isOkoHighlightFormula(r.formula)).toBe(true);
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
    expect(bad.write.highlights).toBeNull();
  });
});

describe('«Объективность» and «Динамика» tabs', () => {
  it('objectivity: neutral wording, the signs with their rule and numbers, per teacher', () => {
    const text = lines(tab(runAnalysis(objectivityBook()), 'Объективность')).join('\n');
    expect(text).toContain('Это не вывод о работе учителя');
    expect(text).toContain('Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень');
    expect(text).toContain(
      'Математика | 6 | 6В | Петров П. П. | ВПР 2026 Математика 6 класс | 6В | класс | Повысили: отметка за работу выше отметки по журналу | высокий',
    );
    expect(text).toContain('По учителям');
    // Иванова: 2 + 2 class signs and 2 signs of her two classes together; 3 of them high.
    expect(text).toMatch(
      /Математика \| 6 \| 6А, 6Б \| Иванова И\. И\. \| 6А — ВПР 2026 Математика 6 класс\n6Б — ВПР 2026 Математика 6 класс \| 6 \| 3 \|/,
    );
    expect(text).toContain('• 6А + 6Б, ВПР 2026 Математика 6 класс: Понизили 40 % (12 из 30) ≥ 40 % — высокий уровень');
    expect(text).not.toMatch(/наруш|виноват|необъективн/i);
  });

  it('objectivity: subject, parallel, class and teacher lead every row; the level colours follow the shift', () => {
    const t = tab(runAnalysis(objectivityBook()), 'Объективность');
    const head = t.values.findIndex((r) => r[0] === 'Предмет');
    // The first table's header is the first header the ШМО filter finds: the title and the legend stay above it.
    expect(head).toBeLessThan(30);
    expect(t.values[head]!.slice(0, 6)).toEqual(['Предмет', 'Параллель', 'Класс', 'Учитель', 'Работа', 'Группа']);
    const rows = (from: number) => {
      const out: unknown[][] = [];
      for (let r = from + 1; t.values[r]?.length; r++) out.push(t.values[r]!.slice(0, 7));
      return out;
    };
    // Class rows, the teacher's row (her classes), and the school row (no class, no teacher).
    expect(rows(head)).toEqual([
      ['Математика', 6, '6А', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', '6А', 'класс'],
      ['Математика', 6, '6Б', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', '6Б', 'класс'],
      ['Математика', 6, '6В', 'Петров П. П.', 'ВПР 2026 Математика 6 класс', '6В', 'класс'],
      ['Математика', 6, '6А, 6Б', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', 'Иванова И. И.', 'учитель'],
      ['Математика', 6, '', '', 'ВПР 2026 Математика 6 класс', 'Школа', 'школа'],
    ]);
    // «Уровень» is column P in the first table and column I in the list of signs, both coloured by rules.
    expect(t.values[head]![15]).toBe('Уровень');
    const signsHead = t.values.findIndex((r, i) => i > head && r[4] === 'Работа');
    expect(t.values[signsHead]!.slice(0, 4)).toEqual(['Предмет', 'Параллель', 'Класс', 'Учитель']);
    expect(t.values[signsHead]![8]).toBe('Уровень');
    expect(t.rules!.map((r) => [r.range.row, r.range.col, r.formula])).toEqual([
      [head + 1, 15, `=$P${head + 2}="высокий"`],
      [head + 1, 15, `=$P${head + 2}="средний"`],
      [signsHead + 1, 8, `=$I${signsHead + 2}="высокий"`],
      [signsHead + 1, 8, `=$I${signsHead + 2}="средний"`],
    ]);
    // Every sign row names its teacher in the lead.
    expect(rows(signsHead).map((r) => r[3])).toEqual([
      'Иванова И. И.',
      'Иванова И. И.',
      'Иванова И. И.',
      'Иванова И. И.',
      'Петров П. П.',
      'Иванова И. И.',
      'Иванова И. И.',
      '',
      '',
    ]);
  });

  it('dynamics: the negative dynamics of 5А in words; no pairs → an explanation', () => {
    const text = lines(tab(runAnalysis(dynamicsBook()), 'Динамика')).join('\n');
    expect(text).toContain('Отрицательная динамика: доля «2» выросла с 10 % до 20 % (+10 п. п. ≥ 10 п. п.)');
    expect(text).toContain('разные наборы заданий: сравниваются только % выполнения работы, отметки и общие умения');
    const single = lines(tab(runAnalysis(objectivityBook()), 'Динамика')).join('\n');
    expect(single).toContain('Для динамики нужны хотя бы две работы по одному предмету');
  });

  it('dynamics: the subject on every row of every table, the class as it is now, rules on the shifted columns', () => {
    const t = tab(runAnalysis(dynamicsBook()), 'Динамика');
    const text = lines(t);
    // Each procedure of the subject, not only the first, names it (and its parallel then).
    expect(text).toContain('Математика | 4 |  | 1 | ВПР 2025 Математика 4 класс | ВПР 2025 МА 4 |  | 2024/2025 | 21');
    expect(text).toContain('Математика | 5 |  | 2 | ВПР 2026 Математика 5 класс | ВПР 2026 МА 5 |  | 2025/2026 | 22');
    // Last year's 4А is this year's 5А.
    const cls = t.values.findIndex((r) => r[3] === '4А → 5А');
    expect(t.values[cls]!.slice(0, 5)).toEqual(['Математика', 5, '5А', '4А → 5А', 'ВПР 2025 → ВПР 2026']);
    const headers = t.values.filter((r) => r[0] === 'Предмет');
    expect(headers.map((r) => r.slice(0, 4))).toEqual([
      ['Предмет', 'Параллель', 'Класс', '№'],
      ['Предмет', 'Параллель', 'Класс', 'Сравнение'],
      ['Предмет', 'Параллель', 'Класс', 'Класс было → стало'],
      ['Предмет', 'Параллель', 'Класс', 'Сравнение'],
      ['Предмет', 'Параллель', 'Класс', 'Код'],
    ]);
    // Every row below the first header carries a subject, unless it is a title or blank.
    const first = t.values.findIndex((r) => r[0] === 'Предмет');
    for (const r of t.values.slice(first)) if (r.length > 0 && r[0] === '') expect(r.slice(0, 3)).toEqual(['', '', '']);
    expect(t.values.slice(first).filter((r) => r[0] === 'Математика').length).toBeGreaterThan(20);
    // «Вывод» is column R; a student's «Изменение» is column H.
    expect(t.values[cls - 1]![17]).toBe('Вывод');
    const student = t.values.findIndex((r) => r[3] === 'Код');
    expect(t.values[student]![7]).toBe('Изменение');
    expect(t.rules!.map((r) => [r.range.col, r.formula])).toEqual([
      [17, `=LEFT($R${cls + 1},13)="Отрицательная"`],
      [7, `=H${student + 2}="снизилась"`],
      [7, `=H${student + 2}="повысилась"`],
    ]);
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
