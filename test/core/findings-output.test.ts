import { describe, expect, it } from 'vitest';
import { exportSchema } from '../../src/core/export/schema';
import { cellText } from '../../src/core/grid';
import { highlightFormula, isOkoHighlightFormula } from '../../src/core/output/highlight';
import { RISK_KEY_COL } from '../../src/core/output/risk';
import type { SheetSpec } from '../../src/core/output/spec';
import { exportJson, runAnalysis } from '../../src/core/pipeline';
import { isGeneratedTab } from '../../src/core/tabs';
import { DIAG, dynamicsBook, objectivityBook, riskBook, VPR_MA, VPR_RU } from '../helpers/findings';
import { col, order, rows, table } from '../helpers/tables';

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
    expect(t.values[3]!.slice(0, 10)).toEqual([
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
    const row = rows(t, 'risk').find((r) => r.code === '104')!;
    expect([row.className, row.code, row.name, row.subjects]).toEqual(['5А', '104', 'Петров Пётр', 'Математика, Русский язык']);
    expect(String(row.reasons).split('\n')[0]).toBe('• Группа риска по двум предметам: математика, русский язык');
    // «МА 5 Диагностика 2025»-style labels: two maths procedures of grade 5 get the kind and year.
    expect(String(row.deficitTasks)).toContain(': 1, 2');
    expect(row.trend).toBe('математика: 3 (60 %) → 2 (35 %)\nрусский язык: 2 (30 %)');
    // No names where the tables had none.
    expect(rows(t, 'risk').find((r) => r.code === '102')!.name).toBe('');
  });

  it('shows the profile and the user’s columns, and hides the service columns; header, class and student frozen', () => {
    expect(order(t, 'risk').slice(-5)).toEqual(['focus', 'done', 'comment', 'key', 'highlightKeys']);
    expect(t.frozenRows).toBe(4);
    expect(t.frozenCols).toBe(3);
    // The ids row above the header is hidden; the key, the empty columns, the highlight list and the filter columns too.
    expect(t.hiddenRows).toEqual([2]);
    expect(t.values[2]!.slice(0, 2)).toEqual(['oko:className', 'oko:code']);
    const key = col(t, 'risk', 'key');
    expect(t.hiddenColumns).toEqual(Array.from({ length: 20 - key }, (_, i) => key + i));
    expect(t.filterColumns).toEqual({ subject: 16, grade: 17, className: 18, teacher: 19 });
    expect(t.hiddenColumns).not.toContain(col(t, 'risk', 'done'));
  });

  it('lists «лист|код» of every highlighted row in the hidden column P', () => {
    expect(RISK_KEY_COL).toBe(15);
    expect(col(t, 'risk', 'highlightKeys')).toBe(RISK_KEY_COL);
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

  it('names the teachers of the student’s class in the subjects at risk, and keeps the highlight keys in column P', () => {
    expect(order(t, 'risk').slice(0, 6)).toEqual(['className', 'code', 'name', 'subjects', 'reasons', 'teacher']);
    const row = (code: string) => rows(t, 'risk').find((r) => r.code === code)!;
    expect([row('104').subjects, row('104').teacher]).toEqual(['Математика, Русский язык', 'Иванова И. И., Петров П. П.']);
    expect([row('101').subjects, row('101').teacher]).toEqual(['Математика', 'Иванова И. И.']);
    expect(col(t, 'risk', 'focus')).toBeLessThan(RISK_KEY_COL);
    expect(t.values[3]![RISK_KEY_COL]).toBe('Служебный список для подсветки (лист|код), не связан со строкой');
    // The teacher is a filter value of the row too (for the ШМО view).
    expect(t.values[row('104').$row]![t.filterColumns!.teacher!]).toBe('Иванова И. И., Петров П. П.');
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
        formula: `=AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$P:$P"),"=${VPR_MA}|"&$A2)>0)`,
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
      `=AND(N("ОКО")=0,COUNTIF(INDIRECT("'Группа риска'!$P:$P"),"=<Лист ""1"" ~*~?~~|"&$A5)+COUNTIF(INDIRECT("'Группа риска'!$P:$P"),"=<Лист ""1"" ~*~?~~|"&$C5)>0)`,
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
    const t = tab(runAnalysis(objectivityBook()), 'Объективность');
    const text = lines(t).join('\n');
    expect(text).toContain('Это не вывод о работе учителя');
    expect(text).toContain('Повысили 45 % (9 из 20) ≥ 40 % — высокий уровень');
    expect(rows(t, 'objectivitySigns').map((r) => [r.procedure, r.group, r.level, r.sign, r.kind])).toContainEqual([
      'ВПР 2026 Математика 6 класс',
      '6В',
      'высокий',
      'Повысили: отметка за работу выше отметки по журналу',
      'класс',
    ]);
    expect(text).toContain('По учителям');
    // Иванова: 2 + 2 class signs and 2 signs of her two classes together; 3 of them high.
    const iv = rows(t, 'objectivityTeachers').find((r) => r.teacher === 'Иванова И. И.')!;
    expect([iv.classes, iv.signs, iv.high]).toEqual(['6А — ВПР 2026 Математика 6 класс\n6Б — ВПР 2026 Математика 6 класс', 6, 3]);
    expect(text).toContain('• 6А + 6Б, ВПР 2026 Математика 6 класс: Понизили 40 % (12 из 30) ≥ 40 % — высокий уровень');
    expect(text).not.toMatch(/наруш|виноват|необъективн/i);
  });

  it('objectivity: the work and the group first (frozen with the header), the level, the signs and the user’s columns beside them', () => {
    const t = tab(runAnalysis(objectivityBook()), 'Объективность');
    expect(order(t, 'objectivity').slice(0, 7)).toEqual(['procedure', 'group', 'kind', 'level', 'signs', 'checkResult', 'comment']);
    const head = table(t, 'objectivity').header;
    expect(t.frozenRows).toBe(head + 1);
    expect(t.frozenCols).toBe(2);
    expect(t.hiddenRows).toEqual([head - 1]);
    const f = t.filterColumns!;
    const lead = (r: { $row: number }) => [f.subject, f.grade, f.className, f.teacher].map((c) => t.values[r.$row]![c!] ?? '');
    // Class rows, the teacher's row (her classes), and the school row (no class, no teacher).
    expect(rows(t, 'objectivity').map((r) => [...lead(r), r.procedure, r.group, r.kind])).toEqual([
      ['Математика', 6, '6А', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', '6А', 'класс'],
      ['Математика', 6, '6Б', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', '6Б', 'класс'],
      ['Математика', 6, '6В', 'Петров П. П.', 'ВПР 2026 Математика 6 класс', '6В', 'класс'],
      ['Математика', 6, '6А, 6Б', 'Иванова И. И.', 'ВПР 2026 Математика 6 класс', 'Иванова И. И.', 'учитель'],
      ['Математика', 6, '', '', 'ВПР 2026 Математика 6 класс', 'Школа', 'школа'],
    ]);
    // «Уровень» is column D in both tables, coloured by rules and written as a word.
    expect(col(t, 'objectivity', 'level')).toBe(3);
    expect(col(t, 'objectivitySigns', 'level')).toBe(2);
    const signsHead = table(t, 'objectivitySigns').header;
    expect(t.rules!.map((r) => [r.range.row, r.range.col, r.formula])).toEqual([
      [head + 1, 3, `=$D${head + 2}="высокий"`],
      [head + 1, 3, `=$D${head + 2}="средний"`],
      [signsHead + 1, 2, `=$C${signsHead + 2}="высокий"`],
      [signsHead + 1, 2, `=$C${signsHead + 2}="средний"`],
    ]);
    // Every sign row names its teacher among the filter values.
    expect(rows(t, 'objectivitySigns').map((r) => t.values[r.$row]![f.teacher!] ?? '')).toEqual([
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

  it('dynamics: what each row is about first (frozen), the subject of every row in the filter columns, rules by id', () => {
    const t = tab(runAnalysis(dynamicsBook()), 'Динамика');
    expect(t.frozenRows).toBe(2);
    expect(t.frozenCols).toBe(1);
    const f = t.filterColumns!;
    const lead = (r: { $row: number }) => [f.subject, f.grade, f.className].map((c) => t.values[r.$row]![c!] ?? '');
    // Each procedure of the subject, not only the first, names it (and its parallel then).
    expect(rows(t, 'dynamicsWorks').map((r) => [...lead(r), r.number, r.procedure, r.year, r.participants])).toEqual([
      ['Математика', 4, '', 1, 'ВПР 2025 Математика 4 класс', '2024/2025', 21],
      ['Математика', 5, '', 2, 'ВПР 2026 Математика 5 класс', '2025/2026', 22],
    ]);
    // Last year's 4А is this year's 5А.
    const cls = rows(t, 'dynamicsClasses').find((r) => r.classes === '4А → 5А')!;
    expect([...lead(cls), cls.step]).toEqual(['Математика', 5, '5А', 'ВПР 2025 → ВПР 2026']);
    expect(order(t, 'dynamicsClasses').slice(0, 2)).toEqual(['classes', 'verdict']);
    expect(order(t, 'dynamicsStudents').slice(0, 3)).toEqual(['className', 'code', 'change']);
    // Every row of a table carries a subject among its filter values.
    for (const name of ['dynamicsWorks', 'dynamicsPairs', 'dynamicsClasses', 'dynamicsStudents'] as const)
      for (const r of rows(t, name)) expect(lead(r)[0], name).toBe('Математика');
    const v = col(t, 'dynamicsClasses', 'verdict');
    const ch = col(t, 'dynamicsStudents', 'change');
    const student = table(t, 'dynamicsStudents').header;
    expect([v, ch]).toEqual([1, 2]);
    expect(t.rules!.map((r) => [r.range.col, r.formula])).toEqual([
      [1, `=LEFT($B${cls.$row + 1},13)="Отрицательная"`],
      [2, `=C${student + 2}="снизилась"`],
      [2, `=C${student + 2}="повысилась"`],
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
