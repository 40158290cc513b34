// The municipal tabs as SheetSpecs: «Сводная по школам», «Дефициты по району», «ШНОР» and the job's
// «Сбор данных». School codes and names only — the district model holds nothing per student.
import { COLORS, SpecBuilder } from '../output/builder';
import { statusRules, taskNote } from '../output/matrix';
import type { SheetSpec, SpecCell } from '../output/spec';
import { formatProblem } from '../problems';
import { ruDate } from '../roadmap/dates';
import { M, S } from '../strings';
import type { District } from './district';
import { type EffectRow, pctOfPair, type Round } from './history';
import type { NextWhy } from './job';
import { checkReport } from './reports';
import { deadlinesOn } from './roadmap';
import type { DistrictSettings } from './settings';
import { listedSchools } from './shnor';
import { partnerCell, type SupportPlan, supportPlan } from './support';

/** What the district tabs show beyond the district itself: support, the previous list, the district roadmap. */
export interface DistrictExtras {
  support: SupportPlan;
  /** The previous round with other data, and its schools then and now. */
  effect: { previous: Round | null; rows: EffectRow[] };
  /** The district roadmap tab, when one is written. */
  roadmapName: string | null;
}

export function defaultExtras(d: District, s: DistrictSettings): DistrictExtras {
  return { support: supportPlan(d, s), effect: { previous: null, rows: [] }, roadmapName: null };
}

const P1 = '0.0';
const pctOf = (k: number, n: number) => (n > 0 ? (k / n) * 100 : null);
const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

function title(b: SpecBuilder, text: string, width: number): void {
  b.row([text], { bold: true, background: COLORS.titleBg });
  b.format({ row: b.nextRow - 1, col: 0, rows: 1, cols: width }, { background: COLORS.titleBg });
}

function note(b: SpecBuilder, text: string): void {
  b.row([text], { italic: true, fontColor: COLORS.muted });
}

export function buildSummaryTab(d: District, s: DistrictSettings): SheetSpec {
  const b = new SpecBuilder(M.tabs.summary);
  const cols = M.summary.columns;
  title(b, M.summary.title(M.tabs.summary, d.schools.length, d.procedures.length), cols.length);
  note(b, M.notRanking);
  note(b, M.clusters(d.attributes));
  note(b, M.summary.intro(s.analysis['sample.minReliable']));
  b.blank();
  const head = b.row([...cols], { bold: true, background: COLORS.headerBg, wrap: true });
  const start = b.nextRow;
  for (const sc of d.schools) {
    for (const p of sc.procedures) {
      const n = p.marks[2] + p.marks[3] + p.marks[4] + p.marks[5];
      const notes: string[] = [];
      if (!p.reliable) notes.push(S.unreliable(p.participants, s.analysis['sample.minReliable']));
      if (n === 0) notes.push(M.summary.noMarks);
      const r = b.row([
        sc.cluster,
        sc.code,
        sc.name,
        p.title,
        p.participants,
        pctOf(p.marks[2], n),
        pctOf(p.marks[3], n),
        pctOf(p.marks[4], n),
        pctOf(p.marks[5], n),
        num(p.quality),
        num(p.success),
        num(p.meanCompletion),
        p.insufficient,
        p.tasks.length,
        num(p.riskShare),
        p.signs.length ? p.signs.map((x) => x.text).join('; ') : M.summary.noSigns,
        ...roadmapCells(sc.roadmap, d.today),
        notes.join('; '),
      ]);
      if (!p.reliable) b.format({ row: r, col: cols.length - 1, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
      if (p.signs.some((x) => x.level === 'high')) b.format({ row: r, col: 15, rows: 1, cols: 1 }, { background: COLORS.uncertainBg });
    }
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: 5, rows, cols: 7 }, { numberFormat: P1 });
  b.format({ row: start, col: 14, rows, cols: 1 }, { numberFormat: P1 });
  b.format({ row: start, col: 20, rows, cols: 1 }, { numberFormat: 'dd.mm.yyyy' });
  b.format({ row: start, col: 21, rows, cols: 1 }, { numberFormat: P1 });
  b.format({ row: start, col: 15, rows, cols: 1 }, { wrap: true });
  b.format({ row: start, col: 19, rows, cols: 1 }, { bold: true });
  b.columnWidths = { 0: 200, 1: 100, 2: 220, 3: 230, 15: 320, 22: 220 };
  return b.build({ frozenRows: head + 1, frozenCols: 3 });
}

/** Roadmap columns of a school: done, in progress, not started, overdue on `today`, next deadline, % done. */
function roadmapCells(r: District['schools'][number]['roadmap'], today: string): SpecCell[] {
  if (!r) return [M.summary.noRoadmap, null, null, null, null, null];
  const { overdue, next } = deadlinesOn(r, today);
  return [r.done, r.doing, r.todo, overdue, next ? { date: next } : '', num(r.percent)];
}

export function buildDeficitsTab(d: District, s: DistrictSettings): SheetSpec {
  const b = new SpecBuilder(M.tabs.deficits);
  const c0 = 5;
  const width = c0 + Math.max(1, ...d.procedures.map((p) => p.tasks.length));
  title(b, M.tabs.deficits, width);
  note(b, M.notRanking);
  note(b, M.deficits.intro(s.municipal['district.fallShare']));
  for (const p of d.procedures) {
    b.blank();
    b.row([M.deficits.header(p.title, p.rows.length, p.participants)], { bold: true, background: COLORS.headerBg });
    const head = b.row([...M.deficits.columns, ...p.tasks.map((t) => t.id)], {
      bold: true,
      background: COLORS.headerBg,
    });
    p.tasks.forEach((t, i) => {
      b.note(head, c0 + i, taskNote({ id: t.id, max: t.max, level: t.level, ...(t.skill ? { skill: t.skill } : {}) }));
    });
    const levels = b.row(['', '', M.deficits.level, '', '', ...p.tasks.map((t) => t.level ?? '—')], { italic: true });
    const start = b.nextRow;
    for (const r of p.rows) {
      b.row([r.school.cluster, r.school.code, r.school.name, r.agg.participants, num(r.agg.meanCompletion), ...r.completion]);
    }
    b.row([M.deficits.district, '', '', p.participants, num(p.meanCompletion), ...p.completion], {
      bold: true,
      background: COLORS.schoolBg,
    });
    const rows = b.nextRow - start;
    b.format({ row: start, col: 4, rows, cols: 1 + p.tasks.length }, { numberFormat: P1 });
    statusRules(b, { row: start, col: c0, rows, cols: p.tasks.length }, levels, s.analysis);
    b.row([M.deficits.insufficientSchools, '', '', '', '', ...p.insufficientSchools], { italic: true });
    const sh = b.row(
      [M.deficits.insufficientShare, '', '', '', '', ...p.insufficientSchools.map((k, i) => pctOf(k, p.schoolsWithTask[i] as number))],
      { italic: true },
    );
    b.format({ row: sh, col: c0, rows: 1, cols: p.tasks.length }, { numberFormat: P1 });
  }

  b.blank();
  title(b, M.deficits.fallsTitle, M.deficits.fallsColumns.length);
  b.row([...M.deficits.fallsColumns], { bold: true, background: COLORS.headerBg, wrap: true });
  const fs = b.nextRow;
  for (const p of d.procedures) {
    for (const f of p.falls) {
      b.row([
        p.title,
        f.task.id,
        f.task.level ? (S.levelName[f.task.level] ?? f.task.level) : '—',
        f.task.skill ?? '',
        f.insufficient,
        f.schools,
        f.share,
        num(f.completion),
        f.codes.join(', '),
      ]);
    }
  }
  if (b.nextRow === fs) note(b, M.deficits.noFalls);
  else b.format({ row: fs, col: 6, rows: b.nextRow - fs, cols: 2 }, { numberFormat: P1 });
  b.format({ row: fs, col: 3, rows: Math.max(0, b.nextRow - fs), cols: 1 }, { wrap: true });
  b.columnWidths = { 0: 200, 1: 100, 2: 220, 3: 260, 8: 260 };
  return b.build({ frozenCols: 3 });
}

export function buildShnorTab(d: District, s: DistrictSettings, extras: DistrictExtras = defaultExtras(d, s)): SheetSpec {
  const b = new SpecBuilder(M.tabs.shnor);
  const m = s.municipal;
  const cols = M.shnor.listedColumns;
  title(b, M.shnor.title, cols.length);
  note(b, M.notRanking);
  note(b, M.shnor.intro);
  note(
    b,
    M.shnor.criteria({
      external: m['shnor.external'] >= 1,
      quality: m['shnor.quality'],
      mean: m['shnor.meanCompletion'],
      risk: m['shnor.riskShare'],
      region: m['shnor.belowRegion'],
      quartile: m['shnor.bottomQuartile'] >= 1,
      quartileMin: m['shnor.quartileMinSchools'],
      minN: s.analysis['sample.minReliable'],
      k: m['shnor.minProcedures'],
      share: m['shnor.persistShare'],
      m: m['shnor.minCriteria'],
    }),
  );
  note(b, M.clusters(d.attributes));
  const support = new Map(extras.support.schools.map((x) => [x.school.code, x]));
  const byCluster = new Map(d.shnor.clusters.map((c) => [c.name, c]));
  for (const cluster of d.clusters) {
    const c = byCluster.get(cluster);
    b.blank();
    b.row([M.shnor.cluster(cluster, c?.schools ?? 0, c?.flagged ?? 0)], { bold: true, background: COLORS.headerBg });
    const listed = d.shnor.schools.filter((x) => x.cluster === cluster && x.listed);
    if (listed.length === 0) {
      note(b, M.shnor.none);
      continue;
    }
    b.row([...cols], { bold: true, background: COLORS.headerBg, wrap: true });
    const start = b.nextRow;
    for (const sc of listed) {
      const first = b.nextRow;
      sc.criteria.forEach((cr, i) => {
        // Code and name on every row: the tab stays filterable by school.
        const r = b.row([
          sc.code,
          sc.name,
          M.shnor.criterion[cr.criterion],
          M.shnor.counted(cr.reason, cr.years),
          cr.hits.length,
          cr.of,
          pctOf(cr.hits.length, cr.of),
          cr.hits.map((h) => M.shnor.hitsLine(h.procedure, h.detail)).join('\n'),
          i === 0 ? partnerCell(support.get(sc.code)) : '',
        ]);
        if (cr.counted) b.format({ row: r, col: 2, rows: 1, cols: 2 }, { bold: true });
        else b.format({ row: r, col: 2, rows: 1, cols: 6 }, { fontColor: COLORS.muted });
        if (i > 0) b.format({ row: r, col: 0, rows: 1, cols: 2 }, { fontColor: COLORS.muted });
      });
      b.format({ row: first, col: 0, rows: 1, cols: 2 }, { bold: true });
    }
    b.format({ row: start, col: 6, rows: b.nextRow - start, cols: 1 }, { numberFormat: P1 });
    b.format({ row: start, col: 7, rows: b.nextRow - start, cols: 2 }, { wrap: true });
  }

  // Schools flagged in some works but not listed: the list tells them apart, and says why.
  const others = d.shnor.schools.filter((x) => !x.listed && x.criteria.length > 0);
  if (others.length) {
    b.blank();
    b.row([M.shnor.notListedTitle(m['shnor.minCriteria'])], { bold: true, background: COLORS.headerBg });
    b.row([...M.shnor.notListedColumns], { bold: true, background: COLORS.headerBg, wrap: true });
    const start = b.nextRow;
    for (const x of others) {
      b.row([
        x.cluster,
        x.code,
        x.name,
        x.evaluated,
        x.counted.length,
        x.criteria.map((c) => M.shnor.notListedCriterion(M.shnor.criterionShort[c.criterion], c.hits.length, c.of, c.counted)).join('; '),
      ]);
    }
    b.format({ row: start, col: 5, rows: b.nextRow - start, cols: 1 }, { wrap: true });
  }

  // Stably high results: experience to share (seed 004 §3.25), never a ranking.
  b.blank();
  b.row([M.shnor.stableTitle], { bold: true, background: COLORS.headerBg });
  note(b, M.shnor.stableNote(m['high.quality'], m['high.meanCompletion'], m['shnor.minProcedures'], m['shnor.persistShare']));
  if (d.shnor.stableHigh.length === 0) note(b, M.shnor.noStable);
  else {
    b.row([...M.shnor.stableColumns], { bold: true, background: COLORS.headerBg, wrap: true });
    const start = b.nextRow;
    for (const h of d.shnor.stableHigh)
      b.row([
        h.cluster,
        h.code,
        h.name,
        h.high,
        h.of,
        h.works.map((w) => M.shnor.stableWork(w.procedure, w.quality, w.meanCompletion)).join('\n'),
      ]);
    b.format({ row: start, col: 5, rows: b.nextRow - start, cols: 1 }, { wrap: true });
  }

  effectSection(b, extras.effect);

  if (d.shnor.tooFew.length) {
    b.blank();
    b.row([M.shnor.tooFewTitle], { bold: true, background: COLORS.headerBg });
    note(b, M.shnor.tooFewNote(s.analysis['sample.minReliable']));
    b.row([...M.shnor.tooFewColumns], { bold: true, background: COLORS.headerBg });
    for (const x of d.shnor.tooFew) b.row([x.cluster, x.code, x.name, x.works, x.participants]);
  }
  if (d.shnor.notEvaluated.length) {
    b.blank();
    b.row([M.shnor.notEvaluatedTitle], { bold: true, background: COLORS.headerBg });
    b.row([...M.shnor.notEvaluatedColumns], { bold: true, background: COLORS.headerBg });
    for (const x of d.shnor.notEvaluated) b.row([x.cluster, x.code, x.name, x.procedure, x.participants]);
  }
  b.columnWidths = { 0: 100, 1: 220, 2: 200, 3: 120, 7: 460, 8: 380 };
  return b.build();
}

function effectSection(b: SpecBuilder, effect: DistrictExtras['effect']): void {
  b.blank();
  if (!effect.previous) {
    b.row([M.effect.title('—')], { bold: true, background: COLORS.headerBg });
    note(b, M.effect.none);
    return;
  }
  b.row([M.effect.title(ruDate(effect.previous.at))], { bold: true, background: COLORS.headerBg });
  note(b, M.effect.intro);
  if (effect.rows.length === 0) {
    note(b, M.effect.noneListed);
    return;
  }
  b.row([...M.effect.columns], { bold: true, background: COLORS.headerBg, wrap: true });
  const start = b.nextRow;
  const crit = (x: EffectRow['then'] | null) =>
    x ? M.effect.criteria(x.criteria.map((c) => ({ name: M.shnor.criterionShort[c.criterion], hits: c.hits, of: c.of }))) : M.effect.gone;
  for (const r of effect.rows) {
    const now = r.now?.pooled;
    b.row([
      r.then.cluster,
      r.then.code,
      r.then.name,
      r.now ? (r.listedNow ? M.effect.yes : M.effect.no) : M.effect.gone,
      crit(r.then),
      crit(r.now),
      M.effect.change(pctOfPair(r.then.pooled.quality), now ? pctOfPair(now.quality) : null),
      M.effect.change(pctOfPair(r.then.pooled.mean), now ? pctOfPair(now.mean) : null),
      M.effect.change(pctOfPair(r.then.pooled.risk), now ? pctOfPair(now.risk) : null),
      r.support.length ? r.support.map((x) => M.effect.supportRow(x.number, x.status)).join('\n') : M.effect.noSupport,
    ]);
  }
  b.format({ row: start, col: 4, rows: b.nextRow - start, cols: 6 }, { wrap: true });
}

/** The district «Исполнение»: each school's roadmaps on the day of the collection, and «Сроки отчётов». */
export function buildDistrictExecutionTab(d: District, extras: DistrictExtras): SheetSpec {
  const b = new SpecBuilder(M.tabs.execution);
  const cols = M.execution.columns;
  title(b, M.execution.title, cols.length);
  note(b, M.notRanking);
  note(b, M.execution.intro(ruDate(d.today)));
  if (extras.roadmapName) note(b, M.execution.districtRoadmap(extras.roadmapName));
  const listed = new Set(listedSchools(d.shnor).map((x) => x.code));
  let late = 0;
  for (const sc of d.schools) if (sc.roadmap && deadlinesOn(sc.roadmap, d.today).overdue > 0) late++;
  b.row([M.execution.summary(late, d.schools.length)], { bold: true });
  b.blank();
  const head = b.row([...cols], { bold: true, background: COLORS.headerBg, wrap: true });
  const start = b.nextRow;
  for (const sc of d.schools) {
    const r = sc.roadmap;
    const mark = listed.has(sc.code) ? M.effect.yes : '';
    if (!r) {
      b.row([sc.cluster, sc.code, sc.name, mark, 0, M.execution.noRoadmap]);
      continue;
    }
    const { overdue, next } = deadlinesOn(r, d.today);
    const row = b.row([
      sc.cluster,
      sc.code,
      sc.name,
      mark,
      r.tabs.length,
      r.total,
      r.done,
      r.doing,
      r.todo,
      overdue,
      r.openUndated,
      next ? { date: next } : '',
      num(r.percent),
    ]);
    if (overdue > 0) b.format({ row, col: 9, rows: 1, cols: 1 }, { bold: true, fontColor: COLORS.danger });
  }
  const n = b.nextRow - start;
  b.format({ row: start, col: 11, rows: n, cols: 1 }, { numberFormat: 'dd.mm.yyyy' });
  b.format({ row: start, col: 12, rows: n, cols: 1 }, { numberFormat: P1 });

  b.blank();
  b.row([M.execution.reportsTitle], { bold: true, background: COLORS.headerBg });
  if (d.reports.length === 0) note(b, M.execution.noReports);
  else {
    note(b, M.execution.reportsIntro);
    b.row([...M.execution.reportsColumns, ...d.reports.map((x) => M.execution.reportsHead(x.what || x.match, ruDate(x.due)))], {
      bold: true,
      background: COLORS.headerBg,
      wrap: true,
    });
    for (const sc of d.schools) {
      const byId = new Map((sc.roadmap?.reports ?? []).map((x) => [x.id, x]));
      b.row([
        sc.cluster,
        sc.code,
        sc.name,
        ...d.reports.map((x) => checkReport(x, byId.get(x.id) ?? null, sc.roadmap !== null, d.today).text),
      ]);
    }
  }
  b.columnWidths = { 0: 200, 1: 100, 2: 220, 3: 90 };
  for (let i = 0; i < d.reports.length; i++) b.columnWidths[3 + i] = Math.max(b.columnWidths[3 + i] ?? 0, 190);
  return b.build({ frozenRows: head + 1, frozenCols: 3 });
}

export interface JobProgress {
  done: number;
  total: number;
  failed: number;
  phase: 'running' | 'finishing' | 'finished' | 'stopped' | 'idle';
  resumeMinutes: number;
  /** Why the next chunk waits (default: the ordinary pause between chunks). */
  why?: NextWhy;
  retry?: { reason: string } | null;
}

/** The status line under the counts: what happens next. */
export function nextText(p: Pick<JobProgress, 'phase' | 'resumeMinutes' | 'why' | 'retry'>): string {
  if (p.phase === 'finishing') return M.status.finishing;
  if (p.phase === 'finished') return M.status.finished;
  if (p.phase === 'stopped') return M.status.stopped;
  if (p.phase === 'idle') return M.status.idle;
  if (p.why === 'quota') return M.status.quota(p.resumeMinutes);
  if (p.why === 'retry') return M.status.retry(p.resumeMinutes, p.retry?.reason ?? '');
  return M.status.running(p.resumeMinutes);
}

/** What the status tab shows: the sources, and notes about «Источники» and conflicts. */
export type StatusView = Pick<District, 'sources' | 'notes' | 'problems'>;

export function buildStatusTab(d: StatusView, progress: JobProgress): SheetSpec {
  const b = new SpecBuilder(M.tabs.status);
  const cols = M.status.columns;
  title(b, M.status.title, cols.length);
  b.row([M.status.line(progress.done, progress.total, progress.failed)], { bold: true });
  note(b, nextText(progress));
  note(b, M.status.privacy);
  b.blank();
  b.row([...cols], { bold: true, background: COLORS.headerBg });
  const start = b.nextRow;
  let i = 0;
  for (const st of d.sources) {
    i++;
    const r = st.record;
    const ref = st.unit.ref;
    if (!r || !st.done) {
      b.row([
        i,
        ref,
        st.unit.rows.map((x) => x.code ?? '').join(', '),
        st.unit.rows.map((x) => x.name ?? '').join(', '),
        M.status.waiting,
        '',
        r?.checkedAt ?? '',
      ]);
      continue;
    }
    if (r.status === 'failed') {
      const row = b.row([i, ref, st.unit.rows.map((x) => x.code ?? '').join(', '), r.label, M.status.failed, r.reason ?? '', r.checkedAt]);
      b.format({ row, col: 4, rows: 1, cols: 2 }, { fontColor: COLORS.danger });
      continue;
    }
    const state = r.changed ? M.status.changed : M.status.unchanged;
    const notes = r.notes.join('; ');
    b.row([i, ref, r.schools.map((x) => x.code).join(', '), r.schools.map((x) => x.name).join(', '), state, notes, r.checkedAt]);
  }
  b.format({ row: start, col: 5, rows: Math.max(0, b.nextRow - start), cols: 1 }, { wrap: true });
  if (d.notes.length || d.problems.length) {
    b.blank();
    b.row([M.status.sourcesProblems], { bold: true, background: COLORS.headerBg });
    for (const p of d.problems) b.row(['', formatProblem(p)]);
    for (const n of d.notes) b.row(['', n]);
  }
  b.columnWidths = { 0: 50, 1: 320, 2: 110, 3: 240, 4: 120, 5: 420, 6: 170 };
  return b.build({ frozenRows: 1 });
}

/** The district tabs, in order (the district roadmap, when there is one, is written after them). */
export function districtTabs(d: District, s: DistrictSettings, extras: DistrictExtras = defaultExtras(d, s)): SheetSpec[] {
  return [buildSummaryTab(d, s), buildDeficitsTab(d, s), buildShnorTab(d, s, extras), buildDistrictExecutionTab(d, extras)];
}

/** «Сроки отчётов» as created for the user (only when missing): the header, an example row, the help in notes. */
export function buildReportsTemplate(): SheetSpec {
  const b = new SpecBuilder(M.reports.sheet);
  b.row([...M.reports.templateHeader], { bold: true, background: COLORS.headerBg });
  b.note(0, 0, M.reports.noteWhat);
  b.note(0, 1, M.reports.noteDue);
  b.note(0, 2, M.reports.noteMatch);
  b.columnWidths = { 0: 320, 1: 110, 2: 320 };
  return b.build({ frozenRows: 1 });
}

/** «Источники» as created for the user (only when missing): the header, with the help in its notes. */
export function buildSourcesTemplate(): SheetSpec {
  const b = new SpecBuilder(M.tabs.sources);
  const t = M.sources.template;
  b.row([...t.header], { bold: true, background: COLORS.headerBg });
  b.note(0, 0, t.noteRef);
  b.note(0, 1, t.noteCode);
  b.note(0, 3, t.noteAttributes);
  b.columnWidths = { 0: 420, 1: 110, 2: 260, 3: 120, 4: 120 };
  return b.build({ frozenRows: 1 });
}
