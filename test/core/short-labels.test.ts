// Short labels of procedures (tab names «Матрица дефицитов · МА 4»): unique, and still unique once a
// tab name is cut at Excel's 31 characters — last year's ВПР beside this year's must not overwrite it.
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../src/core/model';
import { matrixTabName } from '../../src/core/output/matrix';
import { shortLabels } from '../../src/core/output/names';

const proc = (kind: string, year: number | null, subject: string, grade: number | null) =>
  ({ meta: { kind, year, subject, grade, date: null } }) as unknown as Procedure;

const labels = (ps: Procedure[]) => ps.map((p) => shortLabels(ps).get(p));

describe('shortLabels', () => {
  it('keeps the plain «subject grade» when nothing else shares it', () => {
    expect(labels([proc('ВПР', 2026, 'Русский язык', 4), proc('ВПР', 2026, 'Математика', 4)])).toEqual(['РУ 4', 'МА 4']);
  });

  it('adds what tells procedures of one subject and grade apart: the year, the kind, or both', () => {
    expect(labels([proc('ВПР', 2026, 'Математика', 4), proc('ВПР', 2025, 'Математика', 4)])).toEqual(['МА 4 2026', 'МА 4 2025']);
    expect(labels([proc('ВПР', 2026, 'Математика', 5), proc('Входная диагностика', 2025, 'Математика', 5)])).toEqual([
      'МА 5 ВПР',
      'МА 5 Входная диагностика',
    ]);
    expect(
      labels([proc('ВПР', 2026, 'Математика', 5), proc('ВПР', 2025, 'Математика', 5), proc('Диагностика', 2025, 'Математика', 5)]),
      // «МА 5 ВПР 2025» would cut to the same tab name as «МА 5 ВПР 2026»: the year alone tells it apart.
    ).toEqual(['МА 5 ВПР 2026', 'МА 5 2025', 'МА 5 Диагностика 2025']);
    expect(labels([proc('ВПР', null, 'Математика', 5), proc('ВПР', null, 'Математика', 5)])).toEqual(['МА 5 ВПР', 'МА 5 (2)']);
  });

  it('gives distinct matrix tab names, within 31 characters', () => {
    const ps = [
      proc('ВПР', 2026, 'Математика', 5),
      proc('ВПР', 2025, 'Математика', 5),
      proc('Диагностика', 2025, 'Математика', 5),
      proc('Диагностика', 2025, 'Математика', 5),
      proc('ВПР', 2026, 'Математика', 4),
      proc('ВПР', 2025, 'Математика', 4),
    ];
    const tabs = labels(ps).map((l) => matrixTabName(l as string));
    expect(new Set(tabs).size).toBe(ps.length);
    for (const t of tabs) expect(t.length).toBeLessThanOrEqual(31);
  });
});
