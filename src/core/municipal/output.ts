// The municipal tabs as SheetSpecs: «Сводная по школам», «Дефициты по району», «ШНОР» and the job's
// «Сбор данных». School codes and names only — the district model holds nothing per student.
import { COLORS, SpecBuilder } from '../output/builder';
import { statusRules, taskNote } from '../output/matrix';
import type { SheetSpec } from '../output/spec';
import { formatProblem } from '../problems';
import { M, S } from '../strings';
import type { District } from './district';
import type { DistrictSettings } from './settings';

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
  title(b, `${M.tabs.summary}: школ ${d.schools.length}, работ ${d.procedures.length}`, cols.length);
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
        sc.roadmap ? num(sc.roadmap.percent) : M.summary.noRoadmap,
        sc.roadmap ? sc.roadmap.total : null,
        notes.join('; '),
      ]);
      if (!p.reliable) b.format({ row: r, col: cols.length - 1, rows: 1, cols: 1 }, { fontColor: COLORS.danger, italic: true });
      if (p.signs.some((x) => x.level === 'high')) b.format({ row: r, col: 15, rows: 1, cols: 1 }, { background: COLORS.uncertainBg });
    }
  }
  const rows = b.nextRow - start;
  b.format({ row: start, col: 5, rows, cols: 7 }, { numberFormat: P1 });
  b.format({ row: start, col: 14, rows, cols: 1 }, { numberFormat: P1 });
  b.format({ row: start, col: 16, rows, cols: 1 }, { numberFormat: P1 });
  b.format({ row: start, col: 15, rows, cols: 1 }, { wrap: true });
  b.columnWidths = { 0: 200, 1: 100, 2: 220, 3: 230, 15: 320, 18: 220 };
  return b.build({ frozenRows: head + 1, frozenCols: 3 });
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
    const head = b.row(['Кластер', 'Код ОО', 'Школа', 'Участников', '% выполнения работы', ...p.tasks.map((t) => t.id)], {
      bold: true,
      background: COLORS.headerBg,
    });
    p.tasks.forEach((t, i) => {
      b.note(head, c0 + i, taskNote({ id: t.id, max: t.max, level: t.level, ...(t.skill ? { skill: t.skill } : {}) }));
    });
    const levels = b.row(['', '', 'Уровень', '', '', ...p.tasks.map((t) => t.level ?? '—')], { italic: true });
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

export function buildShnorTab(d: District, s: DistrictSettings): SheetSpec {
  const b = new SpecBuilder(M.tabs.shnor);
  const m = s.municipal;
  const cols = M.shnor.columns;
  title(b, M.shnor.title, cols.length);
  note(b, M.notRanking);
  note(b, M.shnor.intro);
  note(
    b,
    M.shnor.criteria(
      m['shnor.quality'],
      m['shnor.meanCompletion'],
      m['shnor.riskShare'],
      m['shnor.bottomQuartile'] >= 1,
      m['shnor.quartileMinSchools'],
      s.analysis['sample.minReliable'],
    ),
  );
  note(b, M.clusters(d.attributes));
  const byCluster = new Map(d.shnor.clusters.map((c) => [c.name, c]));
  for (const cluster of d.clusters) {
    const c = byCluster.get(cluster);
    b.blank();
    b.row([M.shnor.cluster(cluster, c?.schools ?? 0, c?.flagged ?? 0)], { bold: true, background: COLORS.headerBg });
    const flags = d.shnor.flags.filter((f) => f.cluster === cluster);
    if (flags.length === 0) {
      note(b, M.shnor.none);
      continue;
    }
    b.row([...cols], { bold: true, background: COLORS.headerBg, wrap: true });
    const start = b.nextRow;
    for (const f of flags) {
      b.row([
        f.code,
        f.name,
        f.procedure,
        M.shnor.criterion[f.criterion],
        f.value,
        f.threshold,
        f.clusterMedian,
        f.clusterSchools,
        f.participants,
        f.detail,
      ]);
    }
    b.format({ row: start, col: 4, rows: b.nextRow - start, cols: 3 }, { numberFormat: P1 });
    b.format({ row: start, col: 9, rows: b.nextRow - start, cols: 1 }, { wrap: true });
  }
  if (d.shnor.notEvaluated.length) {
    b.blank();
    b.row([M.shnor.notEvaluatedTitle], { bold: true, background: COLORS.headerBg });
    b.row([...M.shnor.notEvaluatedColumns], { bold: true, background: COLORS.headerBg });
    for (const x of d.shnor.notEvaluated) b.row([x.cluster, x.code, x.name, x.procedure, x.participants]);
  }
  b.columnWidths = { 0: 100, 1: 220, 2: 230, 3: 220, 9: 420 };
  return b.build();
}

export interface JobProgress {
  done: number;
  total: number;
  failed: number;
  phase: 'running' | 'finishing' | 'finished' | 'stopped' | 'idle';
  resumeMinutes: number;
}

/** What the status tab shows: the sources, and notes about «Источники» and conflicts. */
export type StatusView = Pick<District, 'sources' | 'notes' | 'problems'>;

export function buildStatusTab(d: StatusView, progress: JobProgress): SheetSpec {
  const b = new SpecBuilder(M.tabs.status);
  const cols = M.status.columns;
  title(b, M.status.title, cols.length);
  b.row([M.status.line(progress.done, progress.total, progress.failed)], { bold: true });
  const next =
    progress.phase === 'running'
      ? M.status.running(progress.resumeMinutes)
      : progress.phase === 'finishing'
        ? M.status.finishing
        : progress.phase === 'finished'
          ? M.status.finished
          : progress.phase === 'stopped'
            ? M.status.stopped
            : M.status.idle;
  note(b, next);
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

/** The three district tabs, in order. */
export function districtTabs(d: District, s: DistrictSettings): SheetSpec[] {
  return [buildSummaryTab(d, s), buildDeficitsTab(d, s), buildShnorTab(d, s)];
}

/** «Источники» as created for the user (only when missing): the header, with the help in its notes. */
export function buildSourcesTemplate(): SheetSpec {
  const b = new SpecBuilder(M.tabs.sources);
  b.row(['Таблица', 'Код ОО', 'Школа', 'Местность', 'Размер'], { bold: true, background: COLORS.headerBg });
  b.note(
    0,
    0,
    'Со строки 2 — по строке на школу: ссылка на её Google Таблицу (https://docs.google.com/spreadsheets/d/…) или идентификатор. ' +
      'Таблицы школ должны быть открыты вам на просмотр. Выгрузку ФИС ОКО с несколькими школами укажите одной строкой без кода ОО: ' +
      'каждая школа из неё станет отдельной; признаки таким школам задайте строками «код ОО + признаки» без ссылки.',
  );
  b.note(0, 1, 'Код ОО (например, edu000007): по нему школа узнаётся при повторном сборе.');
  b.note(
    0,
    3,
    'Столбцы правее «Школа» — признаки кластеров: переименуйте, удалите или добавьте свои (финансирование, транспортная доступность…). ШНОР и сравнения — только внутри кластера.',
  );
  b.columnWidths = { 0: 420, 1: 110, 2: 260, 3: 120, 4: 120 };
  return b.build({ frozenRows: 1 });
}
