// `oko analyze` prints «не проверено: …» for every check that could not run (issue 11).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/core/pipeline';
import { printSummary } from '../../src/local/commands/analyze';
import { spellings } from '../fixtures/layouts/layouts';

function printed(run: ReturnType<typeof runAnalysis>): string {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  printSummary(run, sink);
  return out;
}

describe('the CLI summary', () => {
  it('names each check that did not run, with its reason', () => {
    // The hand-typed table without its journal column and without a scale: no marks, no journal marks, no plan.
    const base = spellings();
    const values = base.grids[0]?.values.map((r) => r.slice(0, -1)) ?? [];
    const text = printed(runAnalysis({ name: 'Школа', grids: [{ name: 'ВПР 2026 Математика 7 класс', values }] }));
    expect(text).toContain('отметки: не проверено: в файле нет отметок');
    expect(text).toContain('сравнение с журналом: не проверено: в файле нет отметок по журналу');
    expect(text).toContain('объективность: не проверено: нет ни отметок за работу, ни отметок по журналу');
    expect(text).toContain('умения: не проверено: нет плана заданий с умениями');
  });

  it('says nothing of the kind when every check ran', () => {
    const run = runAnalysis(spellings());
    // Marks from the scale, journal marks present; only the skills have no plan.
    const text = printed(run);
    expect(text).not.toContain('отметки: не проверено');
    expect(text).not.toContain('объективность: не проверено');
    expect(text).toContain('умения: не проверено');
  });
});
