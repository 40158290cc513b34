import { describe, expect, it } from 'vitest';
import { academicYear, addDays, addMonths, parseAcademicYear } from '../../src/core/roadmap/dates';
import {
  type DeadlineContext,
  inferSourceStart,
  normalizePhrase,
  occurrenceText,
  parseDeadline,
  resolveDeadline,
  sourceStartOf,
  UNDATED_WHY,
} from '../../src/core/roadmap/deadlines';
import { builtInTemplates } from '../../src/core/roadmap/library';

const Y2025: DeadlineContext = { year: academicYear(2025), resultsDate: '2025-10-10' };
const Y2026: DeadlineContext = { year: academicYear(2026), resultsDate: '2026-05-15' };

/** Resolved occurrences as «start..end» strings (start «» when open). */
function dates(phrase: string, ctx: DeadlineContext = Y2025): string[] {
  return resolveDeadline(parseDeadline(phrase), ctx).occurrences.map((o) => `${o.start ?? ''}..${o.end}`);
}
function text(phrase: string, ctx: DeadlineContext = Y2025): string | undefined {
  return resolveDeadline(parseDeadline(phrase), ctx).text;
}

describe('dates', () => {
  it('reads academic years in the usual spellings', () => {
    expect(parseAcademicYear('2025')).toEqual({ start: 2025, label: '2025/2026', from: '2025-09-01', to: '2026-08-31' });
    expect(parseAcademicYear(2025)?.label).toBe('2025/2026');
    expect(parseAcademicYear('2025/2026')?.start).toBe(2025);
    expect(parseAcademicYear('2025-2026')?.start).toBe(2025);
    expect(parseAcademicYear('2025/26')?.start).toBe(2025);
    expect(parseAcademicYear('2025/2027')).toBeNull();
    expect(parseAcademicYear('двадцать пятый')).toBeNull();
    expect(parseAcademicYear('1999')).toBeNull();
  });

  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-05-15', 14)).toBe('2026-05-29');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addMonths('2026-05-15', 1)).toBe('2026-06-15');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
  });
});

describe('parseDeadline: the phrases of the brief', () => {
  it('normalises dashes, spaces, case and «в течении» (sic)', () => {
    expect(normalizePhrase('Сентябрь – октябрь  2023')).toBe('сентябрь-октябрь 2023');
    expect(normalizePhrase('Март- апрель; сентябрь-декабрь')).toBe('март-апрель; сентябрь-декабрь');
    expect(normalizePhrase('В течении года')).toBe('в течение года');
  });

  it('months and month ranges fall into the academic year', () => {
    expect(dates('ноябрь-декабрь')).toEqual(['2025-11-01..2025-12-31']);
    expect(dates('март-апрель')).toEqual(['2026-03-01..2026-04-30']);
    expect(dates('Сентябрь-октябрь')).toEqual(['2025-09-01..2025-10-31']);
    expect(dates('январь')).toEqual(['2026-01-01..2026-01-31']);
    // A lone «Август» opens the academic year (seed 000: the yearly planning meeting, 1.1, 1.7, 3.9).
    expect(dates('Август')).toEqual(['2025-08-01..2025-08-31']);
    expect(dates('Август, ноябрь')).toEqual(['2025-08-01..2025-08-31', '2025-11-01..2025-11-30']);
    // …while a range that ends in August ends with the year.
    expect(dates('июнь-август')).toEqual(['2026-06-01..2026-08-31']);
    expect(dates('февраль', Y2026)).toEqual(['2027-02-01..2027-02-28']);
  });

  it('a range across the summer ends inside the year and starts at the previous occurrence', () => {
    expect(dates('май-октябрь')).toEqual(['2025-05-01..2025-10-31']);
    expect(dates('Август – сентябрь')).toEqual(['2025-08-01..2025-09-30']);
  });

  it('months with a year are shifted from the source year to the roadmap year', () => {
    const src = { ...Y2025, sourceStart: 2023 };
    expect(dates('Август 2023', src)).toEqual(['2025-08-01..2025-08-31']);
    expect(dates('Сентябрь – октябрь 2023', src)).toEqual(['2025-09-01..2025-10-31']);
    expect(dates('Ноябрь 2023 – март 2024', src)).toEqual(['2025-11-01..2026-03-31']);
    expect(dates('Январь – февраль 2024', src)).toEqual(['2026-01-01..2026-02-28']);
    expect(dates('Сентябрь 2023, май 2024, август 2024', src)).toEqual([
      '2025-09-01..2025-09-30',
      '2026-05-01..2026-05-31',
      '2026-08-01..2026-08-31',
    ]);
    // Without a source year, explicit years are taken as written.
    expect(dates('Август 2023')).toEqual(['2023-08-01..2023-08-31']);
  });

  it('«после получения результатов в течение N недель», «в течение месяца» count from the results date', () => {
    expect(parseDeadline('После получения результатов в течение 2 недель').parts).toEqual([{ type: 'after-results', days: 14, months: 0 }]);
    expect(dates('После получения результатов в течение 2 недель', Y2026)).toEqual(['2026-05-15..2026-05-29']);
    expect(dates('после получения результатов в течение 3 недель', Y2026)).toEqual(['2026-05-15..2026-06-05']);
    expect(dates('после получения результатов в течение двух недель', Y2026)).toEqual(['2026-05-15..2026-05-29']);
    expect(dates('в течение месяца', Y2026)).toEqual(['2026-05-15..2026-06-15']);
    expect(dates('После получения результатов в течение месяца', Y2026)).toEqual(['2026-05-15..2026-06-15']);
    expect(dates('в течение 10 дней', Y2026)).toEqual(['2026-05-15..2026-05-25']);
  });

  it('relative phrases without a results date stay text, saying why', () => {
    const ctx = { year: academicYear(2026) };
    expect(dates('в течение месяца', ctx)).toEqual([]);
    expect(text('в течение месяца', ctx)).toBe('срок не определён (не указана дата получения результатов): в течение месяца');
  });

  it('«ежегодно до 1 октября», «до 25 декабря» are open-ended, dated in the academic year', () => {
    expect(dates('ежегодно до 1 октября')).toEqual(['..2025-10-01']);
    expect(parseDeadline('ежегодно до 1 октября').annual).toBe(true);
    expect(dates('до 25 декабря')).toEqual(['..2025-12-25']);
    expect(dates('до 15 марта', Y2026)).toEqual(['..2027-03-15']);
    const also = parseDeadline('ежегодно, до 1 октября, а также в соответствии с решением Педсовета');
    expect(resolveDeadline(also, Y2025).occurrences).toEqual([{ start: null, end: '2025-10-01' }]);
    expect(also.note).toBe('а также в соответствии с решением Педсовета');
  });

  it('«ежегодно: - до 25 декабря; - до конца учебного года» gives two deadlines', () => {
    expect(dates('ежегодно: - до 25 декабря; - до конца учебного года')).toEqual(['..2025-12-25', '..2026-05-31']);
  });

  it('«в течение года», «В течении года» (sic), «постоянно» span the academic year', () => {
    for (const p of ['в течение года', 'В течении года', 'В течение учебного года', 'постоянно', 'Постоянно', 'Поурочно']) {
      expect(dates(p)).toEqual(['2025-09-01..2026-08-31']);
    }
    expect(parseDeadline('В течение года по плану ВШК').note).toBe('по плану ВШК');
    expect(parseDeadline('По графику в течение года').note).toBe('По графику');
    expect(dates('апрель, далее в течении года')).toEqual(['2026-04-01..2026-08-31']);
  });

  it('«конец четверти» and its variants give the four quarter ends (31.10, 31.12, 31.03, 31.05)', () => {
    const q = ['..2025-10-31', '..2025-12-31', '..2026-03-31', '..2026-05-31'];
    expect(dates('конец четверти')).toEqual(q);
    expect(dates('В конце четверти')).toEqual(q);
    expect(dates('При завершении четверти, триместра, полугодия')).toEqual(q);
    expect(dates('В течение года (по четвертям, полугодиям)')).toEqual(q);
    // «конец учебного года» coincides with the end of the 4th quarter.
    expect(dates('Конец четверти (полугодие), конец учебного года')).toEqual(q);
  });

  it('«После завершения аналитического этапа» is the week after the analytical stage', () => {
    expect(dates('После завершения аналитического этапа', { ...Y2026, stageEnd: '2026-06-05' })).toEqual(['2026-06-06..2026-06-12']);
    expect(text('После завершения аналитического этапа', Y2026)).toMatch(/^срок не определён \(у аналитического этапа нет даты\)/);
  });

  it('lists of months with «,» become several deadlines of one year, sorted', () => {
    expect(dates('Февраль, май, октябрь')).toEqual(['2025-10-01..2025-10-31', '2026-02-01..2026-02-28', '2026-05-01..2026-05-31']);
  });

  it('items separated by «;» are stages in order: each after the previous (seed 004, 1.5)', () => {
    expect(parseDeadline('Март- апрель; сентябрь-декабрь').ordered).toBe(true);
    expect(parseDeadline('Февраль, май, октябрь').ordered).toBeUndefined();
    // «На 1 этапе» in March–April, «на промежуточных и итоговом этапе» in the September–December after it.
    expect(dates('Март- апрель; сентябрь-декабрь')).toEqual(['2026-03-01..2026-04-30', '2026-09-01..2026-12-31']);
  });

  it('«в течение года после проведения процедур» runs from the results to the end of the year (seed 001, 6 and 7)', () => {
    expect(parseDeadline('В течение года после проведения процедур').parts).toEqual([{ type: 'after-results-year' }]);
    expect(dates('В течение года после проведения процедур', Y2026)).toEqual(['2026-05-15..2027-08-31']);
    expect(dates('В течение года после проведения процедур')).toEqual(['2025-10-10..2026-08-31']);
    expect(text('В течение года после проведения процедур', { year: academicYear(2026) })).toBe(
      'срок не определён (не указана дата получения результатов): В течение года после проведения процедур',
    );
  });

  it('«в соответствии с решением Педсовета» is the month after the dated council row, and says so (seed 002)', () => {
    const ctx: DeadlineContext = { ...Y2026, council: { number: '2.1', end: '2026-06-12' } };
    for (const p of ['В соответствии с решением Педсовета', 'В соответствии с решением Педсовета и Управляющего совета']) {
      expect(dates(p, ctx)).toEqual(['2026-06-13..2026-07-12']);
      expect(resolveDeadline(parseDeadline(p), ctx).note).toBe(
        'в течение месяца после педсовета (п. 2.1) — срок принят ОКО, уточните по протоколу педсовета',
      );
      expect(text(p, Y2026)).toBe(`срок не определён (в шаблоне нет педсовета с датой): ${p}`);
    }
  });

  it('phrases that name no date stay text, marked «срок не определён»', () => {
    for (const [p, why] of [
      ['по графику', 'schedule'],
      ['По мере необходимости', 'as-needed'],
      ['В соответствии с планом', 'schedule'],
      ['По плану проведения педсоветов', 'schedule'],
      ['При завершении изучения темы', 'event'],
      ['Во время проведения ВПР по графику', 'event'],
      ['когда-нибудь потом', 'unknown'],
    ] as const) {
      expect(parseDeadline(p).undated).toBe(why);
      expect(dates(p)).toEqual([]);
      // The cell says why there is no date.
      expect(text(p)).toBe(`срок не определён (${UNDATED_WHY[why]}): ${p}`);
    }
    expect(parseDeadline(undefined).undated).toBe('none');
    expect(text('')).toBe('срок не указан в шаблоне');
  });

  it('formats occurrences for people', () => {
    expect(occurrenceText({ start: '2026-05-15', end: '2026-05-29' })).toBe('15.05.2026 – 29.05.2026');
    expect(occurrenceText({ start: null, end: '2026-12-25' })).toBe('до 25.12.2026');
  });
});

describe('every deadline phrase of the five templates', () => {
  const templates = builtInTemplates();
  const phrases = new Map<string, string[]>();
  for (const t of templates) {
    for (const s of t.sections)
      for (const a of s.activities) phrases.set(a.deadline ?? '', [...(phrases.get(a.deadline ?? '') ?? []), t.id]);
  }

  // Deliberately left as text: they name a schedule, an event or a need, not a date (or no deadline at all).
  const UNDATED = new Set([
    '',
    'По мере необходимости',
    'В соответствии с графиком проведения ВПР',
    'По плану проведения педсоветов',
    'По плану проведения дополнительных занятий с учащимися',
    'При проведении оценочных процедур',
    'В соответствии с планом',
    'При завершении изучения темы',
    'По графику',
    'Во время проведения ВПР по графику',
  ]);

  it('has 76 distinct phrases (the empty one included), and every deliberately undated phrase is one of them', () => {
    expect(phrases.size).toBe(76);
    for (const p of UNDATED) expect(phrases.has(p), p).toBe(true);
    expect([...phrases.keys()].filter((p) => !UNDATED.has(p))).toHaveLength(76 - UNDATED.size);
  });

  it('dates every phrase except the deliberate text ones, in both 2025/2026 and 2026/2027', () => {
    for (const t of templates) {
      const parsed = t.sections.flatMap((s) => s.activities.map((a) => parseDeadline(a.deadline)));
      const sourceStart = sourceStartOf(t.sourceYear) ?? inferSourceStart(parsed);
      for (const start of [2025, 2026]) {
        const ctx: DeadlineContext = {
          year: academicYear(start),
          resultsDate: `${start}-05-15`,
          stageEnd: `${start}-06-05`,
          council: { number: '2.1', end: `${start}-06-12` },
        };
        // A multi-year programme (seed 004) runs into the calendar year after its school year.
        const last = t.timeline === 'programme' ? `${start + 1}-12-31` : `${start + 1}-08-31`;
        if (sourceStart !== undefined) ctx.sourceStart = sourceStart;
        for (const p of parsed) {
          const r = resolveDeadline(p, ctx);
          if (UNDATED.has(p.phrase)) {
            expect(r.occurrences, `${t.id}: «${p.phrase}»`).toEqual([]);
            expect(r.text, p.phrase).toMatch(/^срок не (определён|указан)/);
            expect(p.undated, p.phrase).not.toBe('unknown');
          } else {
            expect(r.occurrences.length, `${t.id}: «${p.phrase}» should be dated`).toBeGreaterThan(0);
            for (const o of r.occurrences) {
              // Every date lies between the results (or the August before the year) and the year's end.
              expect(o.end >= `${start}-05-15` && o.end <= last, `${p.phrase}: ${o.end}`).toBe(true);
              if (o.start) expect(o.start <= o.end, p.phrase).toBe(true);
            }
          }
        }
      }
    }
  });

  it('finds the source year of school-objectivity-roadmap (2023/2024) from the template and from its phrases', () => {
    const t = templates.find((x) => x.id === 'school-objectivity-roadmap')!;
    expect(sourceStartOf(t.sourceYear)).toBe(2023);
    expect(inferSourceStart(t.sections.flatMap((s) => s.activities.map((a) => parseDeadline(a.deadline))))).toBe(2023);
  });
});
