// Without hand-made findings, the roadmap takes at-risk students and objectivity signs from the
// analysis of the same workbook: an ИОМ row per at-risk student, a check per sign.
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { COL } from '../../src/core/roadmap/columns';
import { extrasFromRun, runRoadmap } from '../../src/core/roadmap/run';
import { baseWorkbook, REQ } from './helpers';

describe('roadmap rows from the analysis’s own findings', () => {
  // The fixture (test/helpers/grids.ts): totals 6, 1, 2, 4, 1 of 6 → marks 5, 2, 3, 4, 2 by the scale.
  // At risk: 102 and 202 (mark «2», 17 % of the points), 103 (2 of 6 = 33 % < 50 %).
  const run = runAnalysis(baseWorkbook());

  it('turns risk profiles into ИОМ findings with their reasons in words', () => {
    const extras = extrasFromRun(run, run.analyses);
    expect(extras.atRisk.map((a) => a.code).sort()).toEqual(['102', '103', '202']);
    const s102 = extras.atRisk.find((a) => a.code === '102')!;
    expect(s102.className).toBe('5А');
    expect(s102.reasons.join(' ')).toContain('«2»');
  });

  it("adds one ИОМ row per at-risk student to the roadmap's «ИОМ» tab, and one line about them to the plan", () => {
    const r = runRoadmap(baseWorkbook(), REQ);
    expect(r.ok).toBe(true);
    expect(r.tabs.map((t) => t.name)).toEqual(['Дорожная карта · ВПР МА 5', 'ДК · ВПР МА 5 · ИОМ', 'Исполнение']);
    expect(r.iomTab).toBe('ДК · ВПР МА 5 · ИОМ');
    const keysOf = (i: number) => r.tabs[i]!.values.map((row) => row[COL.key]).filter((k): k is string => typeof k === 'string');
    expect(
      keysOf(1)
        .filter((k) => k.startsWith('iom:'))
        .sort(),
    ).toEqual(['iom:102', 'iom:103', 'iom:202']);
    expect(keysOf(0).filter((k) => k.startsWith('iom:'))).toEqual(['iom:*list']);
    const line = r.tabs[0]!.values.find((row) => row[COL.key] === 'iom:*list')!;
    expect(line[COL.number]).toBe('2.8.1');
    expect(line[COL.title]).toBe(
      'Разработать индивидуальные образовательные маршруты (ИОМ) для участников группы риска: 3 чел. — по строке на участника на вкладке «ИОМ» этой карты',
    );
    const iomNumbers = r.tabs[1]!.values.filter((row) => String(row[COL.key]).match(/^iom:\d/)).map((row) => row[COL.number]);
    expect(iomNumbers).toEqual(['2.8.2', '2.8.3', '2.8.4']);
  });

  it('adds a check per objectivity sign, worded as a sign to check', () => {
    const signs = run.findings.objectivity;
    const r = runRoadmap(baseWorkbook(), REQ);
    const objRows = r.tabs[0]!.values.filter((row) => String(row[COL.key] ?? '').startsWith('obj:'));
    expect(objRows.length).toBe(new Set(signs.map((x) => `${x.group}|${x.rule}|${x.groupLevel}`)).size);
  });

  it('leaves them out when a host hands in empty findings', () => {
    const r = runRoadmap(baseWorkbook(), REQ, { atRisk: [], objectivity: [] });
    const keys = r.tabs[0]!.values.map((row) => String(row[COL.key] ?? ''));
    expect(keys.some((k) => k.startsWith('iom:') || k.startsWith('obj:'))).toBe(false);
  });
});
