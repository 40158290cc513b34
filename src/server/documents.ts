// «Справка и ИОМ в Google Документах»: the аналитическая справка, the ИОМ and the appendices to work
// programmes as Google Docs in the user's Drive, from the same analysis the tabs show. The endpoint
// `createDocuments` (SCHOOL_ENDPOINTS) and the menu item both call `documentsFor`; the menu shows the
// links in a dialog. Nothing is written to the spreadsheet, so no document lock is taken.
import { type DocsRequest, selectForDocs } from '../core/docs/context';
import { escapeHtml } from '../core/docs/html';
import { buildDocument, DOCUMENT_KINDS } from '../core/docs/index';
import { runAnalysis } from '../core/pipeline';
import type { Problem } from '../core/problems';
import { DG, S } from '../core/strings';
import { createGoogleDoc, type DocumentServices } from '../sheets/docs';
import { userMessage } from '../sheets/errors';
import { documentServices, utilities } from '../sheets/gas';
import { activeSpreadsheet, showAlert } from '../sheets/host';
import { readSpreadsheet } from '../sheets/read';
import type { SpreadsheetLike } from '../sheets/surface';
import type { DocumentLink, DocumentsRequest, DocumentsResult } from './contract';
import { problemView } from './views';

/** Reads the spreadsheet, builds the documents asked for, uploads each as a Google Doc. */
export function documentsFor(ss: SpreadsheetLike, req: DocumentsRequest, svc: DocumentServices): DocumentsResult {
  const read = readSpreadsheet(ss);
  const names = new Set(read.tabs.names());
  const views = (ps: readonly Problem[]) => ps.map((p) => problemView(p, names));
  const run = runAnalysis(read.workbook);
  const today = utilities().formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  const request: DocsRequest = { date: today };
  if (req.procedure) request.procedure = req.procedure;
  if (req.subject) request.subject = req.subject;
  if (req.className) request.className = req.className;
  if (req.resultsDate) request.resultsDate = req.resultsDate;
  if (req.year) request.year = req.year;
  const sel = selectForDocs(run, request);
  if (!sel.ok || !sel.context) return { ok: false, documents: [], problems: views(sel.problems) };
  const problems: Problem[] = [...sel.problems];
  const documents: DocumentLink[] = [];
  for (const kind of req.kinds ?? DOCUMENT_KINDS) {
    const built = buildDocument(kind, sel.context, read.workbook);
    // «No ИОМ: nobody is at risk» is news, not a failure of the other documents.
    problems.push(...built.problems.map((p) => (p.severity === 'error' ? { ...p, severity: 'info' as const } : p)));
    if (!built.spec) continue;
    const doc = createGoogleDoc(built.spec, DG.docTitle(built.spec.title, read.workbook.name), svc);
    documents.push({ kind, title: doc.title, url: doc.url });
  }
  return { ok: true, documents, problems: views(problems) };
}

/** The menu item: all three documents for the latest round, links in a dialog. */
export function menuDocuments(): void {
  try {
    const svc = documentServices();
    const r = documentsFor(activeSpreadsheet(), {}, svc);
    if (!r.ok) {
      showAlert(
        DG.failedTitle,
        r.problems
          .filter((p) => p.severity === 'error')
          .map((p) => p.text)
          .join('\n') || DG.nothing,
      );
      return;
    }
    svc.ui().showModalDialog(svc.html.createHtmlOutput(linksHtml(r)).setWidth(520).setHeight(300), DG.dialogTitle);
  } catch (e) {
    console.error(e);
    showAlert(S.menu.failedTitle, userMessage(e));
  }
}

/** The dialog: links to the documents (opening in a new tab) and the notes; every text escaped. */
export function linksHtml(r: DocumentsResult): string {
  const links = r.documents
    .map((d) => `<li><a href="${escapeHtml(d.url)}" target="_blank" rel="noopener">${escapeHtml(d.title)}</a></li>`)
    .join('');
  const notes = r.problems
    .filter((p) => p.severity !== 'error')
    .map((p) => `<li>${escapeHtml(p.message)}</li>`)
    .join('');
  return (
    `<div style="font-family:Arial,sans-serif;font-size:13px">` +
    `<p>${escapeHtml(r.documents.length ? DG.created(r.documents.length) : DG.nothing)}</p><ul>${links}</ul>` +
    (notes ? `<p>${escapeHtml(DG.notes)}</p><ul>${notes}</ul>` : '') +
    `<p style="color:#555">${escapeHtml(DG.where)}</p></div>`
  );
}
