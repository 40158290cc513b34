import { describe, expect, it } from 'vitest';
import { gradeShift, orderProcedures, sameClass, schoolResolver, schoolYear } from '../../src/core/analysis/linking';
import type { Procedure, ProcedureMeta } from '../../src/core/model';
import { runAnalysis } from '../../src/core/pipeline';
import { emptyPlan } from '../../src/core/write/plan';
import { CODES_SHEET, DIAG, dynamicsBook, riskBook, VPR_MA } from '../helpers/findings';

function proc(sheet: string, meta: Partial<ProcedureMeta>, school = 'Школа'): Procedure {
  return {
    key: sheet,
    title: sheet,
    meta: { kind: 'ВПР', year: null, subject: 'Математика', grade: 5, date: null, ...meta },
    sheet,
    layout: 'generic',
    tasks: [],
    students: [{ code: '1', school, className: '5А', grade: 5, scores: [], total: 0, mark: null, journalMark: null, row: 2 }],
    absent: [],
    maxTotal: 1,
    markSource: 'none',
    cuts: null,
    planSource: null,
    markColumn: null,
    threshold: null,
    schools: [school],
  };
}

describe('order of procedures', () => {
  it('sorts by year, then by date within a year; undated ones keep their place among the sheets', () => {
    const a = proc('ВПР 2026', { year: 2026 });
    const b = proc('КР март', { kind: 'КР', year: 2026, date: '2026-03-10' });
    const c = proc('Прошлый год', { year: 2025 });
    const d = proc('КР февраль', { kind: 'КР', year: 2026, date: '2026-02-10' });
    const e = proc('Без года', { year: null });
    // Years: c (2025) first among the dated-by-year slots 0, 1, 2, 3 → c, a, b, d; then within 2026 the
    // dated b (March) and d (February) swap their slots; «Без года» stays last (its own slot).
    expect(orderProcedures([a, b, c, d, e]).map((p) => p.sheet)).toEqual(['Прошлый год', 'ВПР 2026', 'КР февраль', 'КР март', 'Без года']);
  });

  it('reads a month from the sheet name («окт»): the diagnostic of October 2025 comes before the ВПР of 2026', () => {
    const run = runAnalysis(riskBook());
    expect(run.findings.links.order.map((p) => p.sheet)).toEqual([DIAG, VPR_MA, 'ВПР 2026 РУ 5']);
  });
});

describe('school years and «the same class»', () => {
  const oct25 = proc('Диагностика октябрь 2025', { kind: 'Диагностика', year: 2025 });
  const apr26 = proc('ВПР', { year: 2026, date: '2026-04-20' });
  const vpr25 = proc('ВПР 2025', { year: 2025 });
  const vpr26 = proc('ВПР 2026', { year: 2026 });
  const kr26 = proc('КР 2026', { kind: 'КР', year: 2026 });

  it('knows the school year from the date, a month in the sheet name, or the usual season', () => {
    expect(schoolYear(oct25)).toBe(2025); // October 2025 → 2025/26
    expect(schoolYear(apr26)).toBe(2025); // April 2026 → 2025/26
    expect(schoolYear(vpr26)).toBe(2025); // ВПР without a date: spring
    expect(schoolYear(proc('x', { kind: 'Входная диагностика', year: 2025 }))).toBe(2025); // autumn
    expect(schoolYear(kr26)).toBeNull();
    expect(gradeShift(oct25, apr26)).toBe(0);
    expect(gradeShift(vpr25, vpr26)).toBe(1);
    expect(gradeShift(kr26, proc('КР 2027', { kind: 'КР', year: 2027 }))).toBe(1); // calendar years
  });

  it('5А in 2025 is 6А in 2026; 5А of October is 5А of April; 5А of 2025 is not 5А of 2026', () => {
    expect(sameClass(vpr25, '5А', vpr26, '6А')).toBe(true);
    expect(sameClass(vpr25, '5 а', vpr26, '6-А')).toBe(true);
    expect(sameClass(vpr25, '5А', vpr26, '6Б')).toBe(false);
    expect(sameClass(oct25, '5А', apr26, '5А')).toBe(true);
    expect(sameClass(vpr25, '5А', vpr26, '5А')).toBe(false);
  });

  it('a sheet without a school name belongs to the one school the other sheets name', () => {
    const f1 = proc('Ф1', {}, 'МБОУ СОШ № 7(edu7)');
    const form = proc('Форма', {});
    expect(schoolResolver([f1, form])('Школа')).toBe('МБОУ СОШ № 7(edu7)');
    const other = proc('Ф1 другая', {}, 'Гимназия(edu9)');
    expect(schoolResolver([f1, form, other])('Школа')).toBe('Школа');
  });
});

describe('linking students across procedures', () => {
  it('links by participant code within a school', () => {
    const run = runAnalysis(riskBook());
    const p101 = run.findings.links.persons.find((p) => p.entries[0]?.student.code === '101');
    // Diagnostic, ВПР maths and ВПР Russian.
    expect(p101?.entries.map((e) => e.proc.sheet)).toEqual([DIAG, VPR_MA, 'ВПР 2026 РУ 5']);
    // The name comes from the Russian table, the only one that has names.
    expect(p101?.name).toBe('Иванова Анна');
  });

  it('links different codes through «Соответствие кодов» (Д5 of the diagnostic = 105 of the ВПР)', () => {
    const linked = runAnalysis(riskBook()).findings.links.persons.find((p) => p.entries.some((e) => e.student.code === 'Д5'));
    expect(linked?.entries.map((e) => e.student.code)).toEqual(['Д5', '105']);
    const unlinked = runAnalysis(riskBook({ [CODES_SHEET]: null })).findings.links.persons.find((p) =>
      p.entries.some((e) => e.student.code === 'Д5'),
    );
    expect(unlinked?.entries.map((e) => e.student.code)).toEqual(['Д5']);
  });

  it('does not link a code reused by a student whose class cannot be the same one, and says so', () => {
    const run = runAnalysis(dynamicsBook());
    const with999 = run.findings.links.persons.filter((p) => p.entries.some((e) => e.student.code === '999'));
    expect(with999.map((p) => p.entries.map((e) => e.student.className))).toEqual([['4В'], ['7В']]);
    const note = run.problems.find((p) => p.code === 'code-reused');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('Код «999» есть в работах «ВПР 2025 Математика 4 класс» (4В) и «ВПР 2026 Математика 5 класс» (7В)');
  });
});

describe('«Соответствие кодов»: checks name the sheet, row and column', () => {
  const problemsOf = (rows: (string | number | null)[][]) =>
    runAnalysis(riskBook({ [CODES_SHEET]: rows })).problems.filter((p) => p.sheet === CODES_SHEET && p.code !== 'codes-used');

  it('needs a header with Лист, Код участника and Ученик', () => {
    const ps = problemsOf([['Лист', 'Код']]);
    expect(ps.map((p) => [p.severity, p.code])).toEqual([['error', 'codes-header']]);
    expect(ps[0]?.message).toContain('«Лист», «Код участника» и «Ученик»');
  });

  it('reports an incomplete row, an unknown sheet, a repeated code, one student with two codes, an unknown code', () => {
    const ps = problemsOf([
      ['Лист', 'Код участника', 'Ученик'],
      [DIAG, 'Д5', null], // row 2: no «Ученик»
      ['Диагностика 2024', 'Д5', '105'], // row 3: no such sheet
      [DIAG, 'Д5', '105'], // row 4: fine
      [DIAG, 'Д5', '105'], // row 5: repeats row 4
      [DIAG, '101', '105'], // row 6: a second student of the same sheet as 105
      [VPR_MA, '555', 'Кто-то'], // row 7: no such code on the sheet
      [VPR_MA, '106', 'Отсутствовал'], // row 8: absent in the ВПР: silently unused
    ]);
    expect(ps.map((p) => [p.severity, p.code, p.row, p.col])).toEqual([
      ['error', 'codes-bad-row', 2, 3],
      ['error', 'codes-sheet-unknown', 3, 1],
      ['error', 'codes-duplicate', 5, 2],
      ['warning', 'codes-code-unknown', 7, 2],
      ['error', 'codes-same-person', 6, 3],
    ]);
    expect(ps[0]?.message).toBe('Не заполнен столбец «Ученик»: нужны лист, код участника и ученик.');
    expect(ps[1]?.message).toContain('Лист «Диагностика 2024» не найден среди листов с результатами');
    expect(ps[2]?.message).toBe(`Код «Д5» листа «${DIAG}» уже указан в строке 4.`);
    expect(ps[4]?.message).toContain('Ученику «105»');
  });

  it('stops the run on its errors (nothing is written)', () => {
    const run = runAnalysis(riskBook({ [CODES_SHEET]: [['Лист']] }));
    expect(run.ok).toBe(false);
    expect(run.tabs).toEqual([]);
    expect(run.write).toEqual(emptyPlan());
  });
});
