// Every at-risk rule on the hand-made school of test/helpers/findings.ts (maths: «Диагностика окт 2025
// МА 5» → «ВПР 2026 МА 5», max 20, completion = points × 5 %; Russian «ВПР 2026 РУ 5», max 10).
import { describe, expect, it } from 'vitest';
import type { RiskProfile } from '../../src/core/analysis/risk';
import type { CellValue } from '../../src/core/grid';
import { runAnalysis } from '../../src/core/pipeline';
import { CODES_SHEET, DIAG, riskBook, VPR_MA } from '../helpers/findings';

const settings = (pairs: [string, number][]): CellValue[][] => [['Ключ', 'Параметр', 'Значение'], ...pairs.map(([k, v]) => [k, '', v])];

function profiles(over: Parameters<typeof riskBook>[0] = {}): Map<string, RiskProfile> {
  const run = runAnalysis(riskBook(over));
  expect(run.ok).toBe(true);
  return new Map(run.findings.atRisk.map((p) => [p.code, p]));
}
const texts = (p: RiskProfile | undefined) => p?.reasons.map((r) => r.text);
const rules = (p: RiskProfile | undefined) => p?.reasons.map((r) => r.rule);

describe('at-risk rules, default thresholds', () => {
  const all = profiles();

  it('flags exactly the students some rule fires for', () => {
    // 103 (50 % exactly, with an «X»), 108 (90 %, one work) are not at risk.
    expect([...all.keys()]).toEqual(['101', '102', '104', '105', '106', '107']);
  });

  it('mark 2, under 50 %, decline by mark and by 25 points, two subjects (104)', () => {
    // Maths: diagnostic 12/20 = 60 %, mark 3; ВПР 7/20 = 35 %, mark 2 → 60 − 35 = 25 ≥ 15.
    // Russian: 3/10 = 30 %, mark 2. Two subjects at risk ≥ 2 → the summary reason comes first.
    expect(texts(all.get('104'))).toEqual([
      'Группа риска по двум предметам: математика, русский язык',
      'Отметка «2» по ВПР 2026 Математика 5 класс',
      'Выполнено 35 % работы — меньше 50 % (ВПР 2026 Математика 5 класс)',
      'Отметка по математике снизилась с 3 до 2, выполнение работы — на 25 п. п. (с 60 % до 35 %) (Диагностика → ВПР)',
      'Отметка «2» по ВПР 2026 Русский язык 5 класс',
      'Выполнено 30 % работы — меньше 50 % (ВПР 2026 Русский язык 5 класс)',
    ]);
    expect(rules(all.get('104'))).toEqual(['multiSubject', 'mark2', 'lowScore', 'decline', 'mark2', 'lowScore']);
    expect(all.get('104')?.subjects).toEqual(['Математика', 'Русский язык']);
    // The name is only where the school's table had one (the Russian sheet has ФИО).
    expect(all.get('104')?.name).toBe('Петров Пётр');
    expect(all.get('102')?.name).toBeUndefined();
  });

  it('mark down without a big completion drop (101: 4 → 3, 70 % → 60 % = −10 < 15)', () => {
    expect(texts(all.get('101'))).toEqual(['Отметка по математике снизилась с 4 до 3 (Диагностика → ВПР)']);
    expect(all.get('101')?.subjects).toEqual(['Математика']);
  });

  it('completion down by exactly 15 points fires (102: 100 % → 85 %, mark 5 → 5)', () => {
    expect(texts(all.get('102'))).toEqual(['Выполнение работы по математике снизилось на 15 п. п.: с 100 % до 85 % (Диагностика → ВПР)']);
  });

  it('«стабильно низкие»: under 50 % in two procedures in a row, linked through «Соответствие кодов» (Д5 = 105)', () => {
    // Diagnostic 9/20 = 45 % (mark 3), ВПР 9/20 = 45 % (mark 3): low twice; no decline (equal).
    expect(texts(all.get('105'))).toEqual([
      'Выполнено 45 % работы — меньше 50 % (ВПР 2026 Математика 5 класс)',
      'Низкие результаты в двух работах подряд по математике (Диагностика, ВПР)',
    ]);
    // Without the mapping the diagnostic row is another person: only the ВПР result counts…
    const unlinked = profiles({ [CODES_SHEET]: null });
    expect(rules(unlinked.get('105'))).toEqual(['lowScore']);
    // …and «Д5» is its own profile (45 % in the diagnostic).
    expect(rules(unlinked.get('Д5'))).toEqual(['lowScore']);
  });

  it('an absent student is judged on the procedures they wrote (106: absent from the ВПР)', () => {
    // Diagnostic 6/20 = 30 %, mark 2; the ВПР row has no scores: not a participant, not an entry.
    expect(texts(all.get('106'))).toEqual([
      'Отметка «2» по Диагностика 2025 Математика 5 класс',
      'Выполнено 30 % работы — меньше 50 % (Диагностика 2025 Математика 5 класс)',
    ]);
    expect(all.get('106')?.entries.map((e) => e.proc.sheet)).toEqual([DIAG]);
  });

  it('«X» counts as 0 points, and exactly 50 % is not «меньше 50 %» (103: 10 + X = 10/20)', () => {
    expect(all.has('103')).toBe(false);
  });

  it('lists deficit tasks, skills, trend and focus of the risk subjects', () => {
    const p = all.get('105') as RiskProfile;
    // ВПР: task 1 = 4/10 < 50 % → deficit; task 2 = 5/10 is not under half.
    expect(p.deficits.map((d) => [d.procedure.sheet, d.tasks])).toEqual([[VPR_MA, ['1']]]);
    expect(p.trends.map((t) => t.steps.map((s) => [s.mark, s.completion]))).toEqual([
      [
        [3, 45],
        [3, 45],
      ],
    ]);
    // Highlighted rows: both maths procedures, with the code each sheet uses.
    expect(p.rows.map((r) => [r.sheet, r.code])).toEqual([
      [DIAG, 'Д5'],
      [VPR_MA, '105'],
    ]);
    // 104 is at risk in Russian too: its Russian row is highlighted; 101 only in maths.
    expect(all.get('104')?.rows.map((r) => r.sheet)).toEqual([DIAG, VPR_MA, 'ВПР 2026 РУ 5']);
    expect(all.get('101')?.rows.map((r) => r.sheet)).toEqual([DIAG, VPR_MA]);
  });
});

describe('at-risk rules follow the settings', () => {
  it('risk.declinePoints 16: a 15-point drop no longer fires (102 drops out)', () => {
    expect(profiles({ 'Настройки ОКО': settings([['risk.declinePoints', 16]]) }).has('102')).toBe(false);
  });

  it('risk.markTwo 0 and risk.lowShare 0 switch those rules off; then 106 has nothing left', () => {
    const all = profiles({
      'Настройки ОКО': settings([
        ['risk.markTwo', 0],
        ['risk.lowShare', 0],
      ]),
    });
    expect(all.has('106')).toBe(false);
    // 104 keeps only the decline; one subject → no «несколько предметов».
    expect(rules(all.get('104'))).toEqual(['decline']);
  });

  it('risk.markDecline 0: a mark falling 4 → 3 is not a reason (101 drops out)', () => {
    expect(profiles({ 'Настройки ОКО': settings([['risk.markDecline', 0]]) }).has('101')).toBe(false);
  });

  it('risk.stableLowCount 3: two low results in a row are not «стабильно низкие»', () => {
    expect(rules(profiles({ 'Настройки ОКО': settings([['risk.stableLowCount', 3]]) }).get('105'))).toEqual(['lowScore']);
  });

  it('risk.subjects 3: two subjects are not «несколько предметов»', () => {
    expect(rules(profiles({ 'Настройки ОКО': settings([['risk.subjects', 3]]) }).get('104'))).not.toContain('multiSubject');
  });

  it('risk.lowShare 60: 12/20 = 60 % is still not under 60 %; 11/20 would be', () => {
    const all = profiles({ 'Настройки ОКО': settings([['risk.lowShare', 60]]) });
    // 101 in the ВПР: 12/20 = 60 % exactly → not low.
    expect(rules(all.get('101'))).toEqual(['decline']);
    expect(texts(all.get('105'))?.[0]).toBe('Выполнено 45 % работы — меньше 60 % (ВПР 2026 Математика 5 класс)');
  });

  it('rejects impossible settings with the row and column', () => {
    const run = runAnalysis(riskBook({ 'Настройки ОКО': settings([['objectivity.medium', 50]]) }));
    // medium (50) above high (40)
    expect(run.problems.find((p) => p.code === 'settings-order')).toMatchObject({ row: 2, col: 3 });
  });
});
