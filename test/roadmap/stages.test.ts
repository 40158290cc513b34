// The roadmap's stages one by one (core/roadmap/run.ts): each is small enough to test alone.
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import type { Problem } from '../../src/core/problems';
import { STATUS } from '../../src/core/roadmap/columns';
import { analysisGate, overdueAt, parseRequest, resolveTemplate, runRoadmap } from '../../src/core/roadmap/run';
import { baseWorkbook, NO_FINDINGS, REQ } from './helpers';

const TAB = 'Дорожная карта · ВПР МА 5';

describe('roadmap stages', () => {
  it('analysisGate: errors of the analysis stop the roadmap; «no results at all» only informs', () => {
    const problems: Problem[] = [];
    expect(analysisGate(runAnalysis({ name: 'пусто', grids: [] }), TAB, problems)).toBe(true);
    expect(problems.map((p) => p.code)).toEqual(['roadmap-no-results']);
    const bad = runAnalysis({
      name: 'плохо',
      grids: [
        {
          name: 'Лист',
          values: [
            ['Код', 'Класс', '1 (2б)'],
            ['1', '5А', 7],
          ],
        },
      ],
    });
    expect(bad.problems.some((p) => p.severity === 'error')).toBe(true);
    const stopped: Problem[] = [];
    expect(analysisGate(bad, TAB, stopped)).toBe(false);
    expect(stopped).toEqual(bad.problems);
  });

  it('parseRequest: the year, Russian or ISO dates and levels; every bad one named', () => {
    const ok: Problem[] = [];
    const p = parseRequest({ ...REQ, resultsDate: '15.05.2026', levels: 'ОШ' }, 'ВПР', TAB, ok);
    expect(ok).toEqual([]);
    expect(p?.year.label).toBe('2026/2027');
    expect(p?.resultsDate).toBe('2026-05-15');
    expect(p?.today).toBe('2026-11-23');
    expect(p?.levels).toEqual(['ОШ']);
    const bad: Problem[] = [];
    expect(parseRequest({ ...REQ, year: 'двадцать', resultsDate: '31.02.2026', levels: 'ВУЗ' }, '', TAB, bad)).toBeNull();
    expect(bad.map((x) => x.code)).toEqual(['roadmap-procedure', 'roadmap-results-date', 'roadmap-year', 'roadmap-levels']);
  });

  it('resolveTemplate: a built-in id, the template sheet, or an error naming the choices', () => {
    const problems: Problem[] = [];
    // Named by its title; the internal id never reaches the user.
    const label = resolveTemplate('region-model-roadmap', [], TAB, problems).label;
    expect(label).toMatch(/^«Примерный план мероприятий/);
    expect(label).not.toContain('region-model-roadmap');
    expect(resolveTemplate('лист', [], TAB, problems).template).toBeUndefined();
    expect(resolveTemplate('нет-такого', [], TAB, problems).template).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['roadmap-template-sheet', 'roadmap-template']);
  });

  it('overdueAt: past the deadline and neither done, cancelled nor without a status', () => {
    const row = (end: string, status: string) => ({
      kind: 'activity',
      planned: { kind: 'activity', number: '1', title: 't', end, responsible: 'р' },
      user: { status },
    });
    const rows = [row('2026-11-01', STATUS.doing), row('2026-11-01', STATUS.done), row('2026-11-01', ''), row('2026-12-01', STATUS.todo)];
    expect(overdueAt(rows as never, '2026-11-23').map((o) => o.end)).toEqual(['2026-11-01']);
  });

  it('together they make the roadmap and «Исполнение», written as one plan', () => {
    const r = runRoadmap(baseWorkbook(), REQ, NO_FINDINGS);
    expect(r.ok).toBe(true);
    expect(r.write.replace.map((t) => t.name)).toEqual([r.tabName, 'Исполнение']);
    expect(r.write.remove).toEqual([]);
    expect(r.write.highlights).toBeNull();
  });
});
