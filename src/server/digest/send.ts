/// <reference types="google-apps-script" />
// The weekly e-mail digest of the roadmaps — OPTIONAL and NOT PART OF THE SCHOOL EDITION. Nothing in
// src/server/index.ts imports this module, so dist/Code.js has no MailApp call and the school
// manifest asks for no mail scope (test/bundle checks both). A mail edition would add an entry that
// exports `menuSendDigestNow` and a manifest with `script.send_mail` (see docs/roadmap.md,
// «Еженедельная рассылка»). The weekly trigger (ScriptApp, `script.scriptapp`) is not implemented.
import { cellText, type Grid, norm } from '../../core/grid';
import { isRoadmapTab } from '../../core/output/tabs';
import { buildDigest, type DigestEntry } from '../../core/roadmap/digest';
import { type RoadmapTabRead, readRoadmapTab } from '../../core/roadmap/tab-read';
import { readSpreadsheet } from '../../sheets/read';
import type { SpreadsheetLike } from '../../sheets/surface';

/** The user's sheet of addresses: «Ответственный» (the exact text of the roadmap's cell) → «E-mail». */
export const RESPONSIBLES_SHEET = 'Ответственные';

/** MailApp as far as the digest uses it. */
export interface MailLike {
  sendEmail(recipient: string, subject: string, body: string): void;
}

type Fits<Real, Surface> = [Real] extends [Surface] ? true : false;
type Assert<T extends true> = T;
/** Compile-time proof that the real MailApp fits the surface. */
export type MailCheck = Assert<Fits<GoogleAppsScript.Mail.MailApp, MailLike>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Responsible → address from «Ответственные» (header row found by its labels in the first rows). */
export function readResponsibles(grid: Grid | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!grid) return out;
  for (let r = 0; r < Math.min(grid.values.length, 10); r++) {
    const labels = (grid.values[r] ?? []).map((v) => norm(v));
    const who = labels.indexOf(norm('Ответственный'));
    const mail = labels.findIndex((l) => l === 'e-mail' || l === 'email' || l === 'почта' || l === 'адрес');
    if (who < 0 || mail < 0) continue;
    for (const row of grid.values.slice(r + 1)) {
      const name = cellText(row[who]);
      const address = cellText(row[mail]);
      if (name && EMAIL.test(address)) out.set(norm(name), address);
    }
    break;
  }
  return out;
}

export interface DigestReport {
  sent: { responsible: string; to: string; subject: string }[];
  /** Responsibles with something to report but no address on «Ответственные». */
  noAddress: string[];
}

/** Builds the digest from the roadmap tabs as they are now and sends one letter per responsible with an address. */
export function sendDigest(ss: SpreadsheetLike, mail: MailLike, today: string, horizonDays = 7): DigestReport {
  const grids = readSpreadsheet(ss).workbook.grids;
  const tabs: RoadmapTabRead[] = [];
  for (const g of grids) {
    if (!isRoadmapTab(g.name)) continue;
    const read = readRoadmapTab(g, []);
    if (read) tabs.push(read);
  }
  const addresses = readResponsibles(grids.find((g) => norm(g.name) === norm(RESPONSIBLES_SHEET)));
  const report: DigestReport = { sent: [], noAddress: [] };
  const entries: DigestEntry[] = buildDigest(tabs, today, horizonDays);
  for (const e of entries) {
    const to = addresses.get(norm(e.responsible));
    if (!to) {
      report.noAddress.push(e.responsible);
      continue;
    }
    mail.sendEmail(to, e.subject, e.text);
    report.sent.push({ responsible: e.responsible, to, subject: e.subject });
  }
  return report;
}
