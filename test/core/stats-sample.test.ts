// An independent check on the sample school: marks and the journal comparison per class recomputed
// with plain loops over the raw sheet cells (not through the readers), then compared with the
// «Статистика отметок» tab and the JSON export.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportSchema, type OkoExport } from '../../src/core/export/schema';
import type { CellValue, Workbook } from '../../src/core/grid';
import { tablesOf } from '../../src/core/output/columns';
import type { SheetSpec } from '../../src/core/output/spec';
import { type AnalysisRun, exportJson, runAnalysis } from '../../src/core/pipeline';
import { S } from '../../src/core/strings';
import { buildSampleWorkbook } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';
import { type Row, rows } from '../helpers/tables';

interface ClassCount {
  marks: [number, number, number, number]; // «2», «3», «4», «5»
  lowered: number;
  confirmed: number;
  raised: number;
}
type Expected = Map<string, Map<string, ClassCount>>; // sheet → class → counts

const sheet = (wb: Workbook, name: string) => wb.grids.find((g) => g.name === name)!.values;
const col = (header: CellValue[], text: string) => header.indexOf(text);
const asMark = (v: CellValue): number | null => (typeof v === 'number' && v >= 2 && v <= 5 ? v : null);

function bump(exp: Expected, sheetName: string, cls: string, mark: number | null, journal: number | null): void {
  let byClass = exp.get(sheetName);
  if (!byClass) exp.set(sheetName, (byClass = new Map()));
  let c = byClass.get(cls);
  if (!c) byClass.set(cls, (c = { marks: [0, 0, 0, 0], lowered: 0, confirmed: 0, raised: 0 }));
  if (mark === null) return;
  c.marks[mark - 2] = (c.marks[mark - 2] as number) + 1;
  if (journal === null) return;
  if (mark < journal) c.lowered++;
  else if (mark > journal) c.raised++;
  else c.confirmed++;
}

const markOf = (total: number, cuts: number[]) => (total >= cuts[2]! ? 5 : total >= cuts[1]! ? 4 : total >= cuts[0]! ? 3 : 2);

/**
 * Plain loops over the cells: Ф1 sheets (this year's and last year's) carry the marks; the forms and
 * the school's diagnostic table get them from «Шкала отметок» (by «Процедура», subject and grade).
 */
function recompute(wb: Workbook): Expected {
  const exp: Expected = new Map();
  const classNames = new Map<number, string>();
  for (const r of sheet(wb, 'Классы').slice(1)) classNames.set(r[0] as number, r[1] as string);
  const scale = sheet(wb, 'Шкала отметок').slice(1);
  const cutsOf = (kind: string, subject: string, grade: number) =>
    scale.find((r) => r[0] === kind && r[1] === subject && r[2] === grade)!.slice(4, 7) as number[];
  for (const g of wb.grids) {
    if (g.values[0]?.[0] === 'Индивидуальные результаты') {
      const h = g.values.findIndex((r) => r[3] === 'Код участника');
      const header = g.values[h]!;
      const [cCls, cMark, cJournal] = [col(header, 'Класс'), col(header, 'Отметка'), col(header, 'Отметка по журналу')];
      for (const r of g.values.slice(h + 1)) {
        if (typeof r[3] !== 'number' && typeof r[3] !== 'string') continue;
        if (r[cCls] === undefined || r[cCls] === null) continue; // the school group row
        bump(exp, g.name, classNames.get(r[cCls] as number)!, asMark(r[cMark] ?? null), asMark(r[cJournal] ?? null));
      }
    } else if (g.name.startsWith('ВПР 2026 ')) {
      const m = /^ВПР 2026 (.+) (\d+) класс$/.exec(g.name)!;
      const cuts = cutsOf('ВПР', m[1]!, Number(m[2]));
      const header = g.values[0]!;
      const [cVariant, cCls, cJournal] = [col(header, 'Вариант'), col(header, 'Порядковый номер класса'), journalCol(header)];
      for (const r of g.values.slice(1)) {
        if (r[0] === null || r[0] === undefined || r[cVariant] === 'отсутствовал') continue;
        let total = 0;
        for (let c = cVariant + 1; c < cCls; c++) total += typeof r[c] === 'number' ? (r[c] as number) : 0;
        bump(exp, g.name, classNames.get(r[cCls] as number)!, markOf(total, cuts), asMark(r[cJournal] ?? null));
      }
    } else if (g.name.startsWith('Входная диагностика ')) {
      // The school's own table: a title («Входная диагностика Математика 5 класс»), then the header.
      const m = /^(Входная диагностика) (.+) (\d+) класс$/.exec(g.values[0]![0] as string)!;
      const cuts = cutsOf(m[1]!, m[2]!, Number(m[3]));
      const h = g.values.findIndex((r) => r[0] === 'Код участника');
      const header = g.values[h]!;
      const [cCls, cTotal] = [col(header, 'Класс'), col(header, 'Итого баллов')];
      for (const r of g.values.slice(h + 1)) {
        if (r[0] === null || r[0] === undefined) continue;
        let total = 0;
        for (let c = cCls + 1; c < cTotal; c++) total += typeof r[c] === 'number' ? (r[c] as number) : 0;
        bump(exp, g.name, r[cCls] as string, markOf(total, cuts), null); // no journal column
      }
    }
  }
  return exp;
}
/** The form's journal mark: «Отметка за предыдущий триместр/ четверть/полугодие». */
const journalCol = (header: CellValue[]) => header.findIndex((v) => typeof v === 'string' && v.startsWith('Отметка за предыдущий'));

/** Class rows of the two tables of a procedure block on «Статистика отметок» (without journal marks: no second table), by column id, and its text. */
function tabRows(t: SheetSpec, title: string) {
  const at = (r: readonly unknown[]) => r[0];
  const isBlock = (r: readonly unknown[]) => typeof at(r) === 'string' && / \(лист «/.test(at(r) as string);
  const start = t.values.findIndex((r) => typeof at(r) === 'string' && (at(r) as string).startsWith(`${title} (лист`));
  const next = t.values.findIndex((r, i) => i > start && isBlock(r));
  const end = next < 0 ? t.values.length : next;
  const inBlock = (name: 'marks' | 'journal') => {
    const i = tablesOf(t, name).findIndex((x) => x.header > start && x.header < end);
    return i < 0 ? [] : rows(t, name, i);
  };
  const f = t.filterColumns!;
  const read = (list: Row[]) => {
    const out = new Map<string, Row>();
    for (const row of list) {
      // A class row carries its class in the hidden «Класс» filter column; parallel and school rows leave it empty.
      const cls = t.values[row.$row]![f.className!];
      if (cls !== '') expect(cls, title).toBe(row.group);
      out.set(row.group as string, row);
    }
    return out;
  };
  /** The block's text rows, for notes such as «Не проверено: в файле нет отметок по журналу». */
  const text = t.values.slice(start, end).map((r) => at(r));
  return { marks: read(inBlock('marks')), journal: read(inBlock('journal')), text };
}

describe('sample school: marks and journal per class, computed independently', () => {
  let wb: Workbook;
  let run: AnalysisRun;
  let expected: Expected;
  let json: OkoExport;
  /** Sheet → the procedure's title, as the tabs name it. */
  let titleOf: (sheetName: string) => string;
  beforeAll(() => {
    wb = workbookGrids(buildSampleWorkbook(1), 'sample-school');
    run = runAnalysis(wb);
    expected = recompute(wb);
    json = exportSchema.parse(JSON.parse(JSON.stringify(exportJson(run, 'sample-school'))));
    titleOf = (name) => run.data.procedures.find((p) => p.sheet === name)!.title;
  });

  it('covers every procedure and class', () => {
    expect(run.ok).toBe(true);
    expect([...expected.keys()].sort()).toEqual(run.data.procedures.map((p) => p.sheet).sort());
    // 12 ВПР 2026, ВПР 2025 Математика 4, two entrance diagnostics; 3 classes each.
    expect([...expected.values()].reduce((n, m) => n + m.size, 0)).toBe(45);
  });

  it('matches the «Статистика отметок» tab', () => {
    const t = run.tabs.find((x) => x.name === S.tabs.markStats)!;
    let checked = 0;
    for (const [name, byClass] of expected) {
      const title = titleOf(name);
      const { marks, journal, text } = tabRows(t, title);
      const journalMarks = [...byClass.values()].reduce((n, c) => n + c.lowered + c.confirmed + c.raised, 0);
      // The entrance diagnostic's table has no journal column: the tab says so instead of a table.
      if (journalMarks === 0)
        expect(text, title).toContain('Не проверено: в файле нет отметок по журналу — сравнение с журналом не построено.');
      for (const [cls, c] of byClass) {
        const n = c.marks.reduce((a, b) => a + b, 0);
        const m = marks.get(cls)!;
        const { meta } = run.data.procedures.find((p) => p.sheet === name)!;
        const f = t.filterColumns!;
        expect(
          [f.subject, f.grade, f.className].map((x) => t.values[m.$row]![x!]),
          `${title} ${cls}`,
        ).toEqual([meta.subject, meta.grade, cls]);
        expect([m.withMark, m.count2, m.count3, m.count4, m.count5], `${title} ${cls}`).toEqual([n, ...c.marks]);
        expect(m.pct2 as number).toBeCloseTo((c.marks[0] / n) * 100, 9);
        expect(m.quality as number).toBeCloseTo(((c.marks[2] + c.marks[3]) / n) * 100, 9);
        checked++;
        if (journalMarks === 0) continue;
        const both = c.lowered + c.confirmed + c.raised;
        const j = journal.get(cls)!;
        expect([j.lowered, j.confirmed, j.raised, j.both], `${title} ${cls} journal`).toEqual([c.lowered, c.confirmed, c.raised, both]);
        expect(j.loweredPct as number).toBeCloseTo((c.lowered / both) * 100, 9);
      }
    }
    expect(checked).toBe(45);
  });

  it('matches the JSON export', () => {
    for (const p of json.procedures) {
      const byClass = expected.get(p.sheet)!;
      for (const g of p.groups.filter((x) => x.level === 'class')) {
        const c = byClass.get(g.name)!;
        expect(g.marks, `${p.title} ${g.name}`).toEqual({ 2: c.marks[0], 3: c.marks[1], 4: c.marks[2], 5: c.marks[3] });
        // A work without journal marks has no comparison: null (with the reason), never zero counts.
        if (c.lowered + c.confirmed + c.raised === 0 && p.notChecked.journal) expect(g.journal).toBeNull();
        else expect(g.journal).toEqual({ lowered: c.lowered, confirmed: c.confirmed, raised: c.raised });
      }
    }
  });
});
