// ОКО's output edited by people and programs (test/corpus: typed with openpyxl — statuses, a comment,
// notes on «Группа риска», a cell note moved, rows inserted above the tables — then saved again by
// LibreOffice, as .xlsx and as .ods) feeds back into `oko analyze` and `oko roadmap`, and everything typed
// is still there, in the right rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, type Grid } from '../../src/core/grid';
import { analyzeFile } from '../../src/local/analyze-file';
import { roadmapFile } from '../../src/local/commands/roadmap';
import { readWorkbookFile } from '../../src/local/read';

const FILES = join(__dirname, '..', 'corpus', 'files');
const TAB = 'Дорожная карта · ВПР МА 5';
const REQ = {
  template: 'region-model-roadmap',
  year: 2026,
  procedure: 'ВПР, математика, 5 класс',
  resultsDate: '2026-05-15',
  today: '2026-11-23',
};
const dir = mkdtempSync(join(tmpdir(), 'oko-roundtrip-'));

/** Rows of a table by the value of its key column, with cells by header label. */
function byKey(grid: Grid, keyLabel: string): Map<string, Record<string, unknown>> {
  const h = grid.values.findIndex((r) => r.some((v) => cellText(v) === keyLabel));
  expect(h, `${grid.name}: header`).toBeGreaterThanOrEqual(0);
  const header = (grid.values[h] ?? []).map(cellText);
  const key = header.indexOf(keyLabel);
  const out = new Map<string, Record<string, unknown>>();
  for (const row of grid.values.slice(h + 1)) {
    const rec: Record<string, unknown> = {};
    header.forEach((label, c) => {
      if (label) rec[label] = row[c] ?? null;
    });
    out.set(cellText(row[key]), rec);
  }
  return out;
}

async function regenerate(file: string, tag: string): Promise<Grid[]> {
  const analysed = join(dir, `${tag}-analysed.xlsx`);
  const withMap = join(dir, `${tag}-roadmap.xlsx`);
  const a = await analyzeFile(join(FILES, file), { out: analysed });
  expect(a.run.ok).toBe(true);
  const r = await roadmapFile(analysed, withMap, REQ);
  expect(r.result.ok).toBe(true);
  return (await readWorkbookFile(withMap)).workbook.grids;
}

// Generous timeouts: each case runs two whole commands; speed is measured in `npm run bench`, not here.
describe('round trips through other programs keep what users typed', { timeout: 60_000 }, () => {
  for (const [file, tag] of [
    ['roundtrip-openpyxl-edited.xlsx', 'openpyxl'],
    ['roundtrip-libreoffice-resaved.xlsx', 'libreoffice'],
    ['roundtrip-libreoffice.ods', 'ods'],
  ] as const) {
    it(`${file}: statuses, dates, links, comments, risk notes and the user's own row survive analyze + roadmap`, async () => {
      const grids = await regenerate(file, tag);
      const tab = grids.find((g) => g.name === TAB) as Grid;
      const rows = byKey(tab, 'Ключ');
      const a = rows.get('wp:математика|5а');
      expect(a?.Статус).toBe('Выполнено');
      expect(a?.['Дата исполнения']).toEqual(new Date(Date.UTC(2026, 5, 10)));
      expect(a?.['Ссылка на документ']).toBe('https://disk.example/rp-5a');
      expect(a?.Комментарий).toBe('Согласовано на ШМО');
      expect(rows.get('wp:математика|5б')?.Статус).toBe('В работе');
      const own = tab.values.filter((r) => r.some((v) => v === 'Открытый урок по дробям'));
      expect(own).toHaveLength(1);
      expect(grids.filter((g) => g.name === TAB)).toHaveLength(1);
      const risk = byKey(grids.find((g) => g.name === 'Группа риска') as Grid, 'Ключ (не менять)');
      expect(risk.get('102')?.['Что сделано']).toBe('Беседа с родителями 12.05');
      expect(risk.get('102')?.Комментарий).toBe('Повторить дроби');
      // The row inserted above the results table is still there, values untouched.
      const results = grids.find((g) => g.name === 'ВПР Математика 5 класс') as Grid;
      expect(results.values[0]?.[0]).toBe('Протокол проверки ВПР');
    });
  }
});
