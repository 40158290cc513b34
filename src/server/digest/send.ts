// The weekly e-mail digest of the roadmaps — only in the e-mail digest edition (editions/digest,
// entry ./index.ts, dist/digest/Code.js). Nothing in src/server/index.ts imports this module, so the
// school bundle dist/school/Code.js has no MailApp call and its manifest asks for no mail scope (test/bundle
// checks both). This module does not name MailApp itself: the caller passes it in (`MailLike`), so
// tests pass a fake.
import { cellText, type Grid, norm } from '../../core/grid';
import { type Problem, problem } from '../../core/problems';
import { buildDigest, type DigestEntry } from '../../core/roadmap/digest';
import { type RoadmapTabRead, readRoadmapTab } from '../../core/roadmap/tab-read';
import { D } from '../../core/strings';
import { isRoadmapTab } from '../../core/tabs';
import { cellReader } from '../../sheets/dates';
import type { MailLike } from '../../sheets/digest/surface';
import type { SpreadsheetLike } from '../../sheets/surface';

export type { MailLike } from '../../sheets/digest/surface';

/** The user's sheet of addresses: «Ответственный» (the exact text of the roadmap's cell) → «E-mail». */
export const RESPONSIBLES_SHEET = D.sheet;

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const HEADER_SCAN = 10;
const EMAIL_LABELS = new Set(['e-mail', 'email', 'эл. почта', 'электронная почта', 'почта', 'адрес']);

export interface Responsibles {
  /** Normalised name → recipient (one address, or several joined by commas, as MailApp takes them). */
  addresses: Map<string, string>;
  /** Normalised names whose address is wrong: they get no letter, and a problem names the cell. */
  bad: Set<string>;
  problems: Problem[];
}

/**
 * «Ответственные»: the header row (in the first 10 rows) has «Ответственный» and «E-mail»; below it,
 * a row per responsible. A wrong address is an error with its cell; the person gets no letter.
 */
export function readResponsibles(grid: Grid | undefined): Responsibles {
  const out: Responsibles = { addresses: new Map(), bad: new Set(), problems: [] };
  if (!grid) {
    out.problems.push(problem('error', 'digest-sheet-missing', D.sheet, D.responsibles.missing));
    return out;
  }
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN); r++) {
    const labels = (grid.values[r] ?? []).map((v) => norm(v));
    const who = labels.indexOf(norm(D.header.responsible));
    const mail = labels.findIndex((l) => EMAIL_LABELS.has(l));
    if (who < 0 || mail < 0) continue;
    const firstRow = new Map<string, number>();
    for (let i = r + 1; i < grid.values.length; i++) {
      const row = grid.values[i] ?? [];
      const rowNo = i + 1;
      const name = cellText(row[who]);
      const address = cellText(row[mail]);
      if (!name) {
        if (address)
          out.problems.push(
            problem('warning', 'digest-email-no-name', grid.name, D.responsibles.emailWithoutName(address), rowNo, who + 1),
          );
        continue;
      }
      const key = norm(name);
      const first = firstRow.get(key);
      if (first !== undefined) {
        out.problems.push(problem('warning', 'digest-duplicate', grid.name, D.responsibles.duplicate(name, first), rowNo, who + 1));
        continue;
      }
      firstRow.set(key, rowNo);
      if (!address) continue; // no address yet: reported as «нет адреса» if they have something to read
      const parts = address
        .split(/[,;]/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (parts.length === 0 || !parts.every((p) => EMAIL.test(p))) {
        out.bad.add(key);
        out.problems.push(problem('error', 'digest-email-bad', grid.name, D.responsibles.emailBad(address, name), rowNo, mail + 1));
        continue;
      }
      out.addresses.set(key, parts.join(','));
    }
    return out;
  }
  out.problems.push(problem('error', 'digest-header', grid.name, D.responsibles.headerMissing));
  return out;
}

/** The roadmap tabs and «Ответственные», read with one getValues() each; other sheets are not read. */
export function readDigestSheets(ss: SpreadsheetLike): { roadmaps: RoadmapTabRead[]; responsibles: Grid | undefined } {
  const cell = cellReader(ss);
  const roadmaps: RoadmapTabRead[] = [];
  let responsibles: Grid | undefined;
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const isResponsibles = norm(name) === norm(D.sheet);
    if (!isResponsibles && !isRoadmapTab(name)) continue;
    const grid: Grid = {
      name,
      values: sheet
        .getDataRange()
        .getValues()
        .map((row) => row.map(cell)),
    };
    if (isResponsibles) responsibles ??= grid;
    else {
      const read = readRoadmapTab(grid, []);
      if (read) roadmaps.push(read);
    }
  }
  return { roadmaps, responsibles };
}

export interface DigestReport {
  /** Roadmap tabs read. */
  roadmaps: number;
  /** Responsibles with something to report this time. */
  entries: number;
  sent: { responsible: string; to: string; subject: string }[];
  /** Responsibles with something to report but no address on «Ответственные». */
  noAddress: string[];
  /** Responsibles whose address already got this week's letter (`skip`). */
  already: string[];
  /** Problems of «Ответственные» (a wrong address names its cell). */
  problems: Problem[];
  /** The letter that failed (quota, a refused address); nothing after it was sent. */
  failed: { responsible: string; to: string; reason: string } | null;
}

export interface DigestOptions {
  horizonDays?: number;
  /** Recipients that already got a letter this week: they are not written to again. */
  skip?: ReadonlySet<string>;
}

/** Builds the digest from the roadmap tabs as they are now and sends one letter per responsible with an address. */
export function sendDigest(ss: SpreadsheetLike, mail: MailLike, today: string, opts: DigestOptions = {}): DigestReport {
  const { roadmaps, responsibles } = readDigestSheets(ss);
  const entries: DigestEntry[] = buildDigest(roadmaps, today, opts.horizonDays ?? 7);
  const report: DigestReport = {
    roadmaps: roadmaps.length,
    entries: entries.length,
    sent: [],
    noAddress: [],
    already: [],
    problems: [],
    failed: null,
  };
  if (entries.length === 0) return report;
  const book = readResponsibles(responsibles);
  report.problems = book.problems;
  for (const e of entries) {
    const key = norm(e.responsible);
    if (book.bad.has(key)) continue; // its problem names the cell
    const to = book.addresses.get(key);
    if (!to) {
      report.noAddress.push(e.responsible);
      continue;
    }
    if (opts.skip?.has(to)) {
      report.already.push(e.responsible);
      continue;
    }
    try {
      mail.sendEmail(to, e.subject, e.text);
    } catch (err) {
      report.failed = { responsible: e.responsible, to, reason: err instanceof Error ? err.message : String(err) };
      break;
    }
    report.sent.push({ responsible: e.responsible, to, subject: e.subject });
  }
  return report;
}
