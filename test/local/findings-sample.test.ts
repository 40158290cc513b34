// The sample school's story (src/local/sample/school.ts): 5Б's journal marks are about a mark higher
// than what the students show; 7В is the weak class; 5В was a strong 4В last year and its share of «2»
// rose; the teachers come from «Классы и учителя». The findings must see all of it.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/analysis/linking';
import type { Workbook } from '../../src/core/grid';
import { type AnalysisRun, runAnalysis } from '../../src/core/pipeline';
import { buildSampleWorkbook, STORY, teacherOf } from '../../src/local/sample';
import { workbookGrids } from '../../src/local/xlsx';

/** The student's class in their latest procedure (this year's class). */
const classNow = (p: Person) => p.entries[p.entries.length - 1]?.student.className as string;

async function roundTrip(wb: ExcelJS.Workbook): Promise<Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return workbookGrids(back, 'sample-school');
}

describe('findings on the sample school', () => {
  let run: AnalysisRun;
  beforeAll(async () => {
    run = runAnalysis(await roundTrip(buildSampleWorkbook(1)));
  });

  it('shows the three tabs', () => {
    expect(run.tabs.map((t) => t.name)).toEqual(expect.arrayContaining(['Группа риска', 'Динамика', 'Объективность']));
  });

  it(`flags ${STORY.inflated} with a high «Понизили» (journal marks above the results) in both of its procedures`, () => {
    const signs = run.findings.objectivity.filter((s) => s.groupLevel === 'class' && s.group === STORY.inflated);
    expect(signs.map((s) => [s.procedure.title, s.rule, s.level, s.reliable])).toEqual([
      ['ВПР 2026 Русский язык 5 класс', 'lowered', 'high', true],
      ['ВПР 2026 Математика 5 класс', 'lowered', 'high', true],
    ]);
    expect(signs[0]?.text).toMatch(/^Понизили \d+(,\d)? % \(\d+ из \d+\) ≥ 40 % — высокий уровень$/);
    // No other class reaches the high level, by any rule.
    const highElsewhere = run.findings.objectivity.filter(
      (s) => s.groupLevel === 'class' && s.group !== STORY.inflated && s.level === 'high',
    );
    expect(highElsewhere).toEqual([]);
    // Its teachers are named on the signs (from «Классы и учителя»).
    expect(signs.map((s) => s.teacher)).toEqual([teacherOf(STORY.inflated, 'Русский язык'), teacherOf(STORY.inflated, 'Математика')]);
  });

  it('checks each teacher with two or more classes in a procedure, all their classes together', () => {
    const teacherGroups = run.findings.objectivityGroups.filter((g) => g.level === 'teacher');
    const ma5 = teacherGroups.find((g) => g.procedure.title === 'ВПР 2026 Математика 5 класс');
    expect(ma5?.name).toBe(teacherOf('5А', 'Математика'));
    expect(ma5?.classes).toEqual(['5А', '5Б']);
    // 5Б pulls its teacher's classes together up to a medium «Понизили», not a high one.
    expect(ma5?.signs.filter((s) => s.rule === 'lowered').map((s) => s.level)).toEqual(['medium']);
    // Every class group of this spring carries its teacher.
    const classGroups = run.findings.objectivityGroups.filter((g) => g.level === 'class' && g.procedure.meta.year === 2026);
    for (const g of classGroups) expect(g.teacher, `${g.procedure.title} ${g.name}`).toBe(teacherOf(g.name, g.procedure.meta.subject));
  });

  it(`puts the largest share of students at risk in ${STORY.weak}, and fewer in the strong ${STORY.strong}`, () => {
    const share = (cls: string) => {
      const persons = run.findings.links.persons.filter((p) => classNow(p) === cls);
      const atRisk = run.findings.atRisk.filter((p) => p.className === cls);
      return atRisk.length / persons.length;
    };
    const classes = [...new Set(run.findings.links.persons.map(classNow))];
    expect(classes).toHaveLength(15);
    const best = classes.reduce((a, b) => (share(b) > share(a) ? b : a));
    expect(best).toBe(STORY.weak);
    expect(share(STORY.weak)).toBeGreaterThan(2 * share(STORY.strong));
    for (const p of run.findings.atRisk.filter((x) => x.className === STORY.weak)) {
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.name).toBeUndefined(); // the sample's sheets have codes only: never invented names
    }
  });

  it('highlights every results sheet and links each student’s subjects (one code per grade)', () => {
    expect(run.write.highlights).toHaveLength(run.data.procedures.length);
    // 7В writes Russian, maths and biology: several subjects → «несколько предметов» appears.
    expect(run.findings.atRisk.some((p) => p.className === STORY.weak && p.reasons[0]?.rule === 'multiSubject')).toBe(true);
  });

  it(`shows the same class across years, and negative dynamics in ${STORY.declining} only`, () => {
    const steps = run.findings.dynamics.classes;
    // Last year's 4А–4В are this year's 5А–5В: compared in the October diagnostic, by linked students.
    const fromLastYear = steps.filter((c) => c.from.proc.title === 'ВПР 2025 Математика 4 класс');
    expect(fromLastYear.map((c) => [c.from.group.name, c.to.group.name, c.to.proc.title])).toEqual([
      ['4А', '5А', 'Входная диагностика 2025 Математика 5 класс'],
      ['4Б', '5Б', 'Входная диагностика 2025 Математика 5 класс'],
      ['4В', '5В', 'Входная диагностика 2025 Математика 5 класс'],
    ]);
    for (const c of fromLastYear) expect(c.linked, c.to.group.name).toBeGreaterThan(c.to.group.participants * 0.9);
    // The share of «2» rose by ≥ 10 points in 5В, and nowhere else.
    const negative = steps.filter((c) => c.negative);
    expect(negative.map((c) => c.to.group.name)).toEqual([STORY.declining]);
    expect(negative[0]?.twoDelta).toBeGreaterThanOrEqual(10);
    // The diagnostic and the spring ВПР share the task set: everything is comparable.
    const diagToSpring = run.findings.dynamics.comparisons.filter((c) => c.from.meta.kind === 'Входная диагностика');
    expect(diagToSpring.map((c) => [c.to.title, c.sameTasks])).toEqual([
      ['ВПР 2026 Математика 5 класс', true],
      ['ВПР 2026 Математика 7 класс', true],
    ]);
    // Students: a mark and a completion before and after for most 5th and 7th graders in maths.
    const students = run.findings.dynamics.students;
    expect(students.length).toBeGreaterThan(200);
    expect(students.every((st) => st.subject === 'Математика')).toBe(true);
    expect(students.some((st) => st.markFrom !== null && st.markTo !== null && st.markTo < st.markFrom)).toBe(true);
    expect(students.some((st) => st.markFrom !== null && st.markTo !== null && st.markTo > st.markFrom)).toBe(true);
  });

  it('finds a few students with stably low results, in the grades with two procedures of a subject', () => {
    const stable = run.findings.atRisk.filter((p) => p.reasons.some((r) => r.rule === 'stableLow'));
    expect(stable.length).toBeGreaterThanOrEqual(3);
    expect(stable.length).toBeLessThan(run.findings.atRisk.length / 2);
    for (const p of stable) expect(['5', '7']).toContain(p.className[0]);
    expect(stable.some((p) => p.className === STORY.weak)).toBe(true);
  });
});
