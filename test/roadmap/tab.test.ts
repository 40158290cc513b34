// The roadmap tab and the «Исполнение» dashboard as SheetSpecs; the digest; the analysis-driven rows.
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/grid';
import { roadmapShortLabel, roadmapTabName } from '../../src/core/output/roadmap';
import { formatProblem } from '../../src/core/problems';
import { COL } from '../../src/core/roadmap/columns';
import { buildDigest } from '../../src/core/roadmap/digest';
import { builtInTemplates } from '../../src/core/roadmap/library';
import { readRoadmapTab } from '../../src/core/roadmap/tab-read';
import { isGeneratedTab, isRoadmapOwned, isRoadmapTab, keepsUserInput, staleGeneratedTabs } from '../../src/core/tabs';
import { baseWorkbook, cell, class5BFixed, FIRST_DATA, generate, keys, replaceTab, rowIndexOfKey, tab, type, withResults } from './helpers';

const TAB = 'Дорожная карта · ВПР МА 5';
const IOM_TAB = 'ДК · ВПР МА 5 · ИОМ';

describe('tab names', () => {
  it('are short forms of the procedure, at most 31 characters', () => {
    expect(roadmapShortLabel('ВПР-2026, математика, 5 класс')).toBe('ВПР-2026 МА 5');
    expect(roadmapTabName('ВПР-2026, математика, 5 класс')).toBe('Дорожная карта · ВПР-2026 МА 5');
    expect(roadmapTabName('ВПР-2026')).toBe('Дорожная карта · ВПР-2026');
    expect(roadmapTabName('Входная диагностика 2026, русский язык, 10 класс')).toBe('ДК · ВД-2026 РУ 10');
    expect(roadmapTabName('Входная диагностика 2026, русский язык, 10 класс').length).toBeLessThanOrEqual(31);
    const odd = roadmapTabName('План: объективность/оценивание [школа №7] на весь учебный год');
    expect(odd.length).toBeLessThanOrEqual(31);
    expect(odd).not.toMatch(/[:\\/?*[\]]/);
  });

  it('roadmap tabs, the template sheet and «Исполнение» are generated, keep user input, and no analysis deletes them', () => {
    for (const n of [TAB, 'ДК · ВПР-2026 РУ 10', 'Шаблон дорожной карты', 'Исполнение']) {
      expect(isGeneratedTab(n), n).toBe(true);
      expect(isRoadmapOwned(n), n).toBe(true);
    }
    expect(keepsUserInput(TAB)).toBe(true);
    expect(keepsUserInput('Шаблон дорожной карты')).toBe(true);
    expect(keepsUserInput('Исполнение')).toBe(false);
    expect(keepsUserInput('Матрица дефицитов · МА 5')).toBe(false);
    expect(isRoadmapTab('Дорожная карта школы')).toBe(false);
    expect(staleGeneratedTabs([TAB, 'Исполнение', 'Шаблон дорожной карты', 'Матрица дефицитов · МА 9'], [])).toEqual([
      'Матрица дефицитов · МА 9',
    ]);
  });
});

describe('the roadmap tab', () => {
  const { wb, r } = generate(baseWorkbook());
  const spec = r.tabs[0]!;
  const g = tab(wb, TAB);

  it('has the columns of the brief, then the key and the overdue helper', () => {
    expect(spec.values[3]).toEqual([
      '№',
      'Этап',
      'Мероприятие',
      'Участники',
      'Начало',
      'Срок',
      'Ответственный',
      'Результат',
      'Формат документа',
      'Статус',
      'Дата исполнения',
      'Ссылка на документ',
      'Комментарий',
      'Ключ',
      'Просрочено (служ.)',
    ]);
    expect(spec.frozenRows).toBe(4);
    expect(spec.values[0]?.[0]).toBe('Дорожная карта — ВПР, математика, 5 класс');
    expect(spec.values[1]?.[0]).toMatch(
      /Учебный год 2026\/2027 \(01\.09\.2026 – 31\.08\.2027\)\. Результаты получены: 15\.05\.2026\. Уровни: все\./,
    );
  });

  it('puts concrete dates into Начало and Срок, and undated phrases as marked text', () => {
    const k11 = keys(g)[1]!;
    expect(cell(g, k11, 'start')).toEqual(new Date(Date.UTC(2026, 4, 15)));
    expect(cell(g, k11, 'end')).toEqual(new Date(Date.UTC(2026, 4, 29)));
    const texts = g.values
      .slice(FIRST_DATA)
      .map((row) => row[COL.end])
      .filter((v) => typeof v === 'string');
    expect(texts).toContain('срок не определён (по графику или плану, которого нет в шаблоне: впишите его даты): В соответствии с планом');
    expect(texts).toContain('срок не определён (по событию, дата которого заранее не известна): При завершении изучения темы');
    // «ежегодно: - до 25 декабря; - до конца учебного года» gives two rows, 5.1 (1/2) and 5.1 (2/2).
    const numbers = g.values.slice(FIRST_DATA).map((row) => row[COL.number]);
    expect(numbers).toContain('5.1 (1/2)');
    expect(numbers).toContain('5.1 (2/2)');
    expect(spec.notes?.some((n) => n.text === 'Срок по шаблону: «После получения результатов в течение 2 недель»')).toBe(true);
  });

  it('has a status dropdown on activity rows only, and an overdue rule against TODAY()', () => {
    const v = spec.validations ?? [];
    expect(v.length).toBeGreaterThan(0);
    for (const x of v) {
      expect(x.list).toEqual(['Не начато', 'В работе', 'Выполнено', 'Отменено']);
      expect(x.allowInvalid).toBe(false);
      expect(x.range.col).toBe(COL.status);
      for (let row = x.range.row; row < x.range.row + x.range.rows; row++)
        expect(String(spec.values[row]?.[COL.key])).toMatch(/^(act|wp|iom|obj):/);
    }
    const overdue = spec.rules?.[0];
    expect(overdue?.formula).toBe('=AND($J5<>"Выполнено",$J5<>"Отменено",$J5<>"",ISNUMBER($F5),$F5<TODAY())');
    expect(overdue?.range).toEqual({ row: 4, col: 0, rows: spec.values.length - 4, cols: 13 });
    expect(spec.values[5]?.[COL.overdue]).toEqual({
      formula: '=IF(AND(J6<>"Выполнено",J6<>"Отменено",J6<>"",ISNUMBER(F6),F6<TODAY()),ROW(),"")',
    });
  });

  it("computes each section's share of «Выполнено» by a formula over its rows", () => {
    const sec = spec.values[4]!;
    expect(sec[COL.title]).toBe('1. Аналитический этап');
    // Section 1 = rows 6–9 (1.1–1.4).
    expect(sec[COL.result]).toEqual({ formula: '=IFERROR(COUNTIF(J6:J9,"Выполнено")/(COUNTIF(J6:J9,"<>")-COUNTIF(J6:J9,"Отменено")),"")' });
  });

  it("lists a section's tasks and indicators; «100% выполнение мероприятий» is computed, the rest are assessed by hand", () => {
    const s = generate(baseWorkbook(), { template: 'school-complex-analysis' }).r.tabs[0]!;
    const rows = s.values.slice(FIRST_DATA);
    expect(rows[0]?.[COL.title]).toBe('1. Организационные мероприятия');
    expect(String(rows[1]?.[COL.title])).toMatch(/^Задачи: 1\) /);
    const ind = rows.filter((row) => String(row[COL.title]).startsWith('Показатель:'));
    expect(ind).toHaveLength(16);
    const computed = ind.filter((row) => typeof row[COL.result] === 'object');
    expect(computed.map((row) => String(row[COL.title]))).toEqual([
      'Показатель: 100% выполнение мероприятий, включенных в «дорожную карту» комплексного анализа оценочных процедур.',
      'Показатель: выполнение мероприятий «дорожной карты» в полном объеме.',
    ]);
    expect(ind.filter((row) => row[COL.result] === 'оценивается вручную: запишите значение в «Комментарий»')).toHaveLength(14);
  });

  it('filters activities and analysis rows by level (НШ/ОШ/СШ)', () => {
    const all = generate(baseWorkbook(), { template: 'school-complex-analysis' }).r;
    const primary = generate(baseWorkbook(), { template: 'school-complex-analysis', levels: 'НШ' }).r;
    const titles = (x: typeof all) => x.tabs[0]!.values.map((row) => row[COL.title]);
    expect(titles(all)).toContain('Анализ результатов ГИА'); // ОШ, СШ
    expect(titles(primary)).not.toContain('Анализ результатов ГИА');
    expect(titles(primary)).toContain('Обновление банка фонда оценочных средств и контрольных измерительных материалов'); // untagged
    // Grade 5 classes are ОШ: no work-programme rows for НШ.
    expect(all.plan?.counts.deficit).toBe(2);
    expect(primary.plan?.counts.deficit).toBe(0);
  });

  it('builds for every template and keeps keys unique even where the source repeats numbers', () => {
    for (const t of builtInTemplates()) {
      const { r: x, wb: w } = generate(baseWorkbook(), { template: t.id, procedure: `Тест ${t.id}` });
      expect(x.ok, t.id).toBe(true);
      const ks = keys(tab(w, x.tabName)).filter((k) => k);
      expect(new Set(ks).size, t.id).toBe(ks.length);
    }
  });
});

describe('rows from the analysis', () => {
  it('names the teacher from «Классы и учителя» when given', () => {
    const teachers = [
      { className: '5А', subject: 'Математика', teacher: 'Иванова И. И.' },
      { className: '5Б', teacher: 'Петров П. П.' },
    ];
    const { wb } = generate(baseWorkbook(), {}, { teachers, atRisk: [{ code: '202', className: '5Б', reasons: ['отметка 2'] }] });
    const g = tab(wb, TAB);
    expect(cell(g, 'wp:математика|5а', 'responsible')).toBe('Иванова И. И.');
    expect(String(cell(g, 'wp:математика|5а', 'title'))).toContain('(учитель Иванова И. И.)');
    expect(cell(g, 'wp:математика|5б', 'responsible')).toBe('Петров П. П.');
    expect(cell(g, 'iom:*list', 'responsible')).toBe('Заместитель директора по УВР');
    expect(cell(tab(wb, IOM_TAB), 'iom:202', 'responsible')).toBe('Петров П. П.');
  });

  it('puts ИОМ rows under the ИОМ activity and objectivity checks in their own section when the template has none', () => {
    const { wb } = generate(
      baseWorkbook(),
      {},
      {
        atRisk: [{ code: '102', className: '5А', reasons: ['отметка 2', 'меньше 50 % баллов'] }],
        objectivity: [{ group: '5Б', teacher: 'Петров П. П.', text: 'Понизили отметку 50 % участников', kind: 'journal-gap' }],
      },
    );
    const g = tab(wb, TAB);
    expect(cell(g, 'iom:*list', 'number')).toBe('2.8.1');
    const iom = tab(wb, IOM_TAB);
    expect(cell(iom, 'iom:102', 'number')).toBe('2.8.2');
    expect(cell(iom, 'iom:102', 'result')).toBe('ИОМ разработан и выполняется. Основания: отметка 2; меньше 50 % баллов');
    expect(cell(iom, 'iom:102', 'stage')).toBe('2. Организационно-методический этап');
    expect(cell(g, 'obj:5б|journal-gap', 'number')).toBe('6.1');
    expect(cell(g, 'obj:5б|journal-gap', 'stage')).toBe('6. Мероприятия по результатам анализа');
    expect(cell(g, 'obj:5б|journal-gap', 'responsible')).toBe('Заместитель директора по УВР');
    // Default deadline for a check: three weeks after the results.
    expect(cell(g, 'obj:5б|journal-gap', 'end')).toEqual(new Date(Date.UTC(2026, 5, 5)));
  });

  it("uses the objectivity template's own activity as the parent of checks", () => {
    const { wb, r } = generate(
      baseWorkbook(),
      { template: 'school-objectivity-plan' },
      { objectivity: [{ group: '5Б', text: 'пики на границах отметок' }] },
    );
    const g = tab(wb, r.tabName);
    const i = g.values.findIndex((row) => String(row[COL.key]).startsWith('obj:'));
    expect(g.values[i]?.[COL.number]).toBe('7.1');
  });

  it('warns when the procedure text matches no results sheet, and still builds the template rows', () => {
    const { r } = generate(baseWorkbook(), { procedure: 'ВПР-2026, химия, 8 класс' });
    expect(r.ok).toBe(true);
    expect(r.plan?.counts.deficit).toBe(0);
    expect(r.problems.find((p) => p.code === 'roadmap-procedure-not-found')?.message).toBe(
      'Процедура «ВПР-2026, химия, 8 класс» не найдена среди листов с результатами (есть: ВПР Математика 5 класс): строки о дефицитах классов не добавлены.',
    );
  });

  it('builds a template-only roadmap for a workbook without results', () => {
    const empty: Workbook = { name: 'пусто', grids: [] };
    const { r } = generate(empty, { template: 'school-objectivity-plan', procedure: 'Объективность 2026' });
    expect(r.ok).toBe(true);
    expect(r.activities).toBeGreaterThanOrEqual(20);
    expect(r.problems.some((p) => p.code === 'roadmap-no-results')).toBe(true);
  });

  it('refuses bad parameters with clear messages', () => {
    const { r } = generate(baseWorkbook(), { year: '2026/2028', resultsDate: '31.02.2026', levels: 'НШ, старшие', procedure: ' ' });
    expect(r.ok).toBe(false);
    // Each error names the form field, not a sheet.
    expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'Поле «Оценочная процедура»: Укажите оценочную процедуру, например «ВПР-2026, математика, 5 класс».',
      'Поле «Дата получения результатов»: «31.02.2026» — не дата. Укажите дату как 2026-05-15 или 15.05.2026.',
      'Поле «Учебный год»: «2026/2028» — не учебный год: укажите год начала (2025 — это 2025/2026) или «2025/2026».',
      'Поле «Уровни»: Уровни «НШ, старшие» не распознаны: допустимы НШ, ОШ, СШ через запятую.',
    ]);
    expect(r.problems.filter((p) => p.severity === 'error').every((p) => p.sheet === '')).toBe(true);
  });

  it('lists overdue activities as of «today» for the summary', () => {
    const { r } = generate(baseWorkbook(), { today: '2026-06-10' });
    expect(r.overdue.map((o) => o.number)).toEqual(['1.1', '1.2', '1.3', '1.4']);
  });
});

describe('«Исполнение»', () => {
  const { wb, r } = generate(baseWorkbook());
  const dash = r.tabs[1]!;
  const g = tab(wb, TAB);
  const last = g.values.length;
  const ref = (col: string) => `'${TAB}'!$${col}$5:$${col}$${last}`;

  it('counts by formulas over the roadmap tab, so a changed status shows at once', () => {
    const row = dash.values.find((x) => x[0] === TAB)!;
    expect(row[1]).toEqual({ formula: `=COUNTIF(${ref('J')},"Выполнено")` });
    expect(row[5]).toEqual({ formula: `=COUNTIF(${ref('J')},"<>")-COUNTIF(${ref('J')},"Отменено")` });
    expect(row[6]).toEqual({
      formula: `=SUMPRODUCT((${ref('J')}<>"Выполнено")*(${ref('J')}<>"Отменено")*(${ref('J')}<>"")*ISNUMBER(${ref('F')})*(${ref('F')}<TODAY()))`,
    });
  });

  it('has a table per stage (with its chart) and per responsible', () => {
    const at = dash.values.findIndex((x) => x[0] === `${TAB}: по этапам`);
    const stages = dash.values.slice(at + 2, at + 7).map((x) => x[0]);
    expect(stages).toEqual([
      '1. Аналитический этап',
      '2. Организационно-методический этап',
      '3. Обучающий этап',
      '4. Оценочный этап',
      '5. Рефлексивный этап',
    ]);
    const r1 = at + 2;
    expect(dash.values[r1]?.[1]).toEqual({ formula: `=SUMPRODUCT((${ref('B')}=$A${r1 + 1})*(${ref('J')}="Выполнено"))` });
    expect(dash.charts?.[0]).toMatchObject({ type: 'bar', stacked: true, data: { row: at + 1, col: 0, rows: 6, cols: 4 } });
    const resp = dash.values.findIndex((x) => x[0] === `${TAB}: по ответственным`);
    expect(dash.values[resp + 2]?.[1]).toEqual({ formula: `=SUMPRODUCT((${ref('G')}=$A${resp + 3})*(${ref('J')}="Выполнено"))` });
  });

  it('lists overdue activities with INDEX/SMALL over the helper column (no FILTER: works in Excel too)', () => {
    const at = dash.values.findIndex((x) => x[0] === `${TAB}: просроченные мероприятия (по сегодняшней дате)`);
    expect(dash.values[at + 1]).toEqual(['Мероприятие', '№', 'Срок', 'Ответственный', 'Статус']);
    expect(dash.values[at + 2]?.[0]).toEqual({ formula: `=IFERROR(INDEX('${TAB}'!$C:$C,SMALL(${ref('O')},1)),"")` });
  });

  it('leaves the archive out of the counts', () => {
    const g2 = type(g, 'wp:математика|5б', { status: 'Выполнено' });
    const again = generate(withResults(replaceTab(wb, g2), class5BFixed()));
    expect(again.r.merge?.archived).toBe(1);
    const g3 = tab(again.wb, TAB);
    const archiveRow = rowIndexOfKey(g3, 'blk:archive') + 1;
    const row = again.r.tabs[1]!.values.find((x) => x[0] === TAB)!;
    expect(String((row[1] as { formula: string }).formula)).toContain(`$J$5:$J$${archiveRow - 1}`);
  });
});

describe('the weekly digest', () => {
  it('groups what is overdue, due soon and in progress by responsible', () => {
    const { wb } = generate(baseWorkbook());
    let g = tab(wb, TAB);
    const k = keys(g);
    g = type(g, k[1]!, { status: 'Выполнено' }); // 1.1 done: not in the digest
    g = type(g, 'wp:математика|5а', { status: 'В работе' });
    const read = readRoadmapTab(g, [])!;
    const digest = buildDigest([read], '2026-06-10');
    const who = digest.map((d) => d.responsible);
    expect(who).toContain('Учитель-предметник (Математика, 5А)');
    const a = digest.find((d) => d.responsible === 'Учитель-предметник (Математика, 5А)')!;
    expect(a.overdue).toEqual([]);
    expect(a.dueSoon.map((i) => i.number)).toEqual(['2.2.1']);
    expect(a.text).toContain('Срок в ближайшие 7 дн. (1):');
    expect(a.text).toContain('срок 15.06.2026, статус «В работе»');
    const lead = digest.find((d) => d.overdue.some((i) => i.number === '1.2'))!;
    expect(lead.overdue.map((i) => i.number)).toEqual(['1.2']);
    expect(lead.subject).toBe('ОКО: дорожные карты — ваши мероприятия на 10.06.2026');
  });
});
