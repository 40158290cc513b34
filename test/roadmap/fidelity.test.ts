// The roadmaps against their source documents (the five seeds), one test per error found when they
// were compared line by line, and the day-one rule: nothing a roadmap dates is overdue on the day it
// is made (unless the user chose a past date). Dates are hand-checked against the seed texts.
import { describe, expect, it } from 'vitest';
import { academicYear, defaultAcademicYear } from '../../src/core/roadmap/dates';
import { builtInTemplates } from '../../src/core/roadmap/library';
import type { PlannedRow } from '../../src/core/roadmap/plan';
import type { RoadmapRequest } from '../../src/core/roadmap/run';
import { baseWorkbook, generate } from './helpers';

function plan(template: string, req: Partial<RoadmapRequest> = {}): PlannedRow[] {
  const { r } = generate(baseWorkbook(), { template, year: 2026, resultsDate: '2026-05-15', today: '2026-05-15', ...req });
  if (!r.ok || !r.plan) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.plan.rows;
}
const acts = (rows: PlannedRow[]) => rows.filter((r) => r.kind === 'activity');
const row = (rows: PlannedRow[], number: string) => {
  const x = rows.find((r) => r.kind === 'activity' && r.number === number);
  if (!x) throw new Error(`no activity ${number}`);
  return x;
};
const span = (r: PlannedRow) => `${r.start ?? ''}..${r.end ?? ''}`;

describe('seed 000 (school-complex-analysis): «Август» is the start of the school year', () => {
  const rows = plan('school-complex-analysis');
  it('1.1 (the yearly planning meeting), 1.7 and 3.9 are dated August 2026, before the 2026/2027 year, not August 2027', () => {
    expect(span(row(rows, '1.1'))).toBe('2026-08-01..2026-08-31');
    expect(span(row(rows, '1.7 (1/2)'))).toBe('2026-08-01..2026-08-31');
    expect(span(row(rows, '1.7 (2/2)'))).toBe('2026-11-01..2026-11-30');
    expect(span(row(rows, '3.9'))).toBe('2026-08-01..2026-08-31');
  });
});

describe('seed 001 (school-objectivity-plan)', () => {
  const rows = plan('school-objectivity-plan');
  it('«в течение года после проведения процедур» (6, 7) starts when the results come, not on 1 September', () => {
    for (const n of ['6', '7']) expect(span(row(rows, n))).toBe('2026-05-15..2027-08-31');
  });
  it('section numbers never collide with activity numbers in the № column (activities run 1–21)', () => {
    const sections = rows.filter((r) => r.kind === 'section').map((r) => r.number);
    // …and «Раздел 6»: «Мероприятия по результатам анализа» (the plan has no work-programme activity).
    expect(sections).toEqual(['Раздел 1', 'Раздел 2', 'Раздел 3', 'Раздел 4', 'Раздел 5', 'Раздел 6']);
    const numbers = new Set(acts(rows).map((r) => r.number));
    for (const s of sections) expect(numbers.has(s)).toBe(false);
    expect(numbers.has('1')).toBe(true);
  });
});

describe('seed 002 (region-model-roadmap): rows that depend on the dated teachers’ council (2.1)', () => {
  const rows = plan('region-model-roadmap');
  it('2.1 is dated: the week after the analytical stage (05.06.2026 + 1…7 days)', () => {
    expect(span(row(rows, '2.1'))).toBe('2026-06-06..2026-06-12');
  });
  it('the 8 «в соответствии с решением Педсовета» rows get the council date plus one month, and say so', () => {
    const council = ['2.6', '2.7', '2.8', '2.9', '3.1', '3.2', '3.3', '4.5'];
    for (const n of council) {
      const r = row(rows, n);
      expect(span(r), n).toBe('2026-06-13..2026-07-12');
      expect(r.note, n).toBe('в течение месяца после педсовета (п. 2.1) — срок принят ОКО, уточните по протоколу педсовета');
    }
  });
  it('the other 2 undated rows stay undated and give the reason', () => {
    expect(row(rows, '3.4').deadlineText).toBe(
      'срок не определён (по графику или плану, которого нет в шаблоне: впишите его даты): В соответствии с планом',
    );
    expect(row(rows, '4.3').deadlineText).toBe(
      'срок не определён (по событию, дата которого заранее не известна): При завершении изучения темы',
    );
    expect(
      acts(rows)
        .filter((r) => r.end === null)
        .map((r) => r.number),
    ).toEqual(['3.4', '4.3']);
  });
});

describe('seed 003 (school-objectivity-roadmap, written for 2023/2024)', () => {
  const rows = plan('school-objectivity-roadmap');
  it('3.2 is «Август» and 3.3 «Сентябрь», as the source dates them', () => {
    expect(span(row(rows, '3.2'))).toBe('2026-08-01..2026-08-31');
    expect(span(row(rows, '3.3'))).toBe('2026-09-01..2026-09-30');
  });
  it('keeps the printed numbers 4.4–4.10 (there is no 4.3 in the source)', () => {
    expect(
      acts(rows)
        .filter((r) => r.stage.startsWith('4.'))
        .map((r) => r.number),
    ).toEqual(['4.1', '4.2', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10']);
  });
  it('adapts the years in titles to the chosen year: «ГИА-2023» → «ГИА-2026», «2022-2023 учебного года» → «2025-2026 …»', () => {
    expect(row(rows, '2.1').title).toBe('Анализ качества успеваемости по итогам 2025-2026 учебного года');
    expect(row(rows, '2.4').title).toBe('Анализ результатов ГИА-2026');
    expect(row(rows, '3.1').title).toBe('Посещение уроков по предметам в течение 2026-2027 учебного года');
    expect(row(rows, '4.8').title).toMatch(/на ГИА-2027\)$/);
    for (const r of rows) expect(r.title, r.number).not.toMatch(/202[2-4]/);
  });
  it('names the template with its adapted title in the tab', () => {
    const { r } = generate(baseWorkbook(), { template: 'school-objectivity-roadmap', year: 2026 });
    expect(String(r.tabs[0]!.values[1]![0])).toContain('на 2026-2027 учебный год');
  });
});

describe('seed 004 (municipal-low-results): a programme over more than one year', () => {
  const rows = plan('municipal-low-results');
  const first = row(rows, '1.1');
  it('starts with its first step (1.1, October–November 2026) and dates nothing before it', () => {
    expect(span(first)).toBe('2026-10-01..2026-11-30');
    for (const r of acts(rows)) if (r.end) expect((r.start ?? r.end) >= (first.start as string), r.number).toBe(true);
  });
  it('dates the evaluation stage («2021 г.- …» → 2027) in the calendar year after the first step', () => {
    const stage = acts(rows).filter((r) => r.stage.startsWith('4.'));
    expect(stage[0]?.stage).toMatch(/^4\. 2027 г\.- выявление эффективности/);
    expect(stage.map((r) => `${r.number} ${span(r)}`)).toEqual([
      '1 2027-01-01..2027-05-31',
      '1а 2027-09-01..2027-10-31',
      '2 2027-11-01..2027-11-30',
      '4 2027-11-01..2027-11-30',
      '5 2027-12-01..2027-12-31',
      '6 2027-12-01..2027-12-31',
      '7 2027-12-01..2027-12-31',
    ]);
  });
  it('keeps the stages of 1.5 in order: the first in March–April, the later ones in the September–December after it', () => {
    expect(span(row(rows, '1.5 (1/2)'))).toBe('2027-03-01..2027-04-30');
    expect(span(row(rows, '1.5 (2/2)'))).toBe('2027-09-01..2027-12-31');
  });
  it('section numbers never collide with activity numbers («1», «2», «4» in the last section)', () => {
    const sections = rows.filter((r) => r.kind === 'section').map((r) => r.number);
    expect(sections).toEqual(['Раздел 1', 'Раздел 2', 'Раздел 3', 'Раздел 4', 'Раздел 5']);
    const numbers = new Set(acts(rows).map((r) => r.number));
    for (const s of sections) expect(numbers.has(s)).toBe(false);
  });
});

describe('roadmaps right on day one', () => {
  it('the default school year follows the results date', () => {
    expect(defaultAcademicYear('2026-05-15')).toBe(2026); // spring ВПР → 2026/2027
    expect(defaultAcademicYear('2026-08-20')).toBe(2026);
    expect(defaultAcademicYear('2026-04-01')).toBe(2026);
    expect(defaultAcademicYear('2026-10-10')).toBe(2026); // autumn → this year 2026/2027
    expect(defaultAcademicYear('2027-02-01')).toBe(2026); // winter → still 2026/2027
    expect(defaultAcademicYear('2027-03-31')).toBe(2026);
    const { r } = generate(baseWorkbook(), { year: '', resultsDate: '2026-05-15' });
    expect(r.ok).toBe(true);
    expect(r.year).toEqual(academicYear(2026));
  });

  it('no template dates an activity before the results date, with the default year or the year just ending', () => {
    for (const t of builtInTemplates()) {
      for (const resultsDate of ['2026-05-15', '2026-10-10', '2027-02-01']) {
        for (const year of ['', String(defaultAcademicYear(resultsDate) - 1)]) {
          const { r } = generate(baseWorkbook(), { template: t.id, year, resultsDate, today: resultsDate });
          expect(r.ok, `${t.id} ${resultsDate}`).toBe(true);
          for (const a of acts(r.plan!.rows)) {
            if (a.end) expect(a.end >= resultsDate, `${t.id} ${year} ${resultsDate}: ${a.number} ${a.end}`).toBe(true);
            if (a.start) expect(a.start >= resultsDate, `${t.id} ${year} ${resultsDate}: ${a.number} ${a.start}`).toBe(true);
          }
          expect(r.overdue, `${t.id} ${resultsDate}`).toEqual([]);
        }
      }
    }
  });

  it('moves a deadline that falls before the results to its next occurrence and says so in the row and the summary', () => {
    // The 2025/2026 year chosen on 15.05.2026: «ежегодно, до 1 октября» (4.1) would be 01.10.2025.
    const { r } = generate(baseWorkbook(), { year: 2025, resultsDate: '2026-05-15', today: '2026-05-15' });
    const a41 = row(r.plan!.rows, '4.1');
    expect(a41.end).toBe('2026-10-01');
    expect(a41.moved).toBe(true);
    expect(a41.note).toBe(
      'а также в соответствии с решением Педсовета; срок перенесён на следующий год: в учебном году 2025/2026 он приходился раньше 15.05.2026 (даты получения результатов)',
    );
    const note = r.tabs[0]!.notes?.find((n) => n.text.includes('срок перенесён'));
    expect(note).toBeDefined();
    expect(r.problems.find((p) => p.code === 'roadmap-moved')?.message).toMatch(/^Сроков перенесено на следующий год: \d+ — /);
    // Only the occurrences that fell before the results move: of the four quarter ends of 4.4, 31.05.2026 stays.
    expect(
      ['4.4 (1/4)', '4.4 (2/4)', '4.4 (3/4)', '4.4 (4/4)'].map((n) => `${row(r.plan!.rows, n).end} ${row(r.plan!.rows, n).moved ?? false}`),
    ).toEqual(['2026-05-31 false', '2026-10-31 true', '2026-12-31 true', '2027-03-31 true']);
    // Rows inherit the moved date, never the one before the results.
    expect(r.plan!.rows.filter((x) => x.kind === 'activity' && x.end !== null && x.end < '2026-05-15')).toEqual([]);
  });

  it('without a results date, nothing is dated before the day the roadmap is made', () => {
    const { r } = generate(baseWorkbook(), { template: 'school-complex-analysis', year: 2026, resultsDate: '', today: '2026-10-15' });
    for (const a of acts(r.plan!.rows)) if (a.end) expect(a.end >= '2026-10-15', `${a.number} ${a.end}`).toBe(true);
    expect(r.overdue).toEqual([]);
  });

  it('a past date the user chose is kept: its overdue activities show as overdue', () => {
    const { r } = generate(baseWorkbook(), { year: 2025, resultsDate: '2025-05-15', today: '2026-05-15' });
    expect(r.overdue.length).toBeGreaterThan(0);
  });
});

describe('ИОМ and work-programme rows only for the procedure’s grade and subject', () => {
  const atRisk = [
    { code: '501', className: '5А', reasons: ['отметка 2'], subjects: ['Математика'] },
    { code: '401', className: '4А', reasons: ['отметка 2'], subjects: ['Математика'] },
    { code: '801', className: '8Б', reasons: ['отметка 2'], subjects: ['Математика'] },
    { code: '502', className: '5Б', reasons: ['отметка 2'], subjects: ['Русский язык'] },
  ];
  it('«ВПР, математика, 5 класс»: the 5th-grade mathematics student only', () => {
    const { r } = generate(baseWorkbook(), {}, { atRisk, objectivity: [] });
    expect(r.plan!.iomRows.map((x) => x.key)).toEqual(['iom:501']);
    expect(r.plan!.rows.filter((x) => x.source === 'deficit').every((x) => /Математика, 5/.test(x.title))).toBe(true);
  });
  it('«ВПР» (no grade, no subject): everyone', () => {
    const { r } = generate(baseWorkbook(), { procedure: 'ВПР' }, { atRisk, objectivity: [] });
    expect(r.plan!.iomRows.map((x) => x.key).sort()).toEqual(['iom:401', 'iom:501', 'iom:502', 'iom:801']);
  });
});
