// «Справка и ИОМ в Google Документах»: which documents, for which subject and class → `createDocuments`
// → links to the new Google Docs, opened in a new tab. A link is an <a> whose text is set with
// textContent and whose href is set only to an https address (anything else is shown as text), so
// nothing the server or a cell says can become markup or a script URL. While the documents are made
// the card shows the elapsed time against what it usually takes.

import { UI } from '../../src/core/strings';
import type { DocumentOptions, DocumentsRequest, DocumentsResult } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill } from '../dom';
import { problemList } from '../render';
import { call } from '../server';

const KINDS = ['report', 'routes', 'appendix'] as const;
const ALL = '';

export interface DocumentsSection {
  panel: HTMLElement;
  /** `blocked`: why documents cannot be made yet (no results, errors in the data); null when they can. */
  show(options: DocumentOptions, blocked: string | null): void;
  /** Scrolls to the card and puts the cursor on «Создать документы». */
  focus(): void;
}

/** A link to a created document; text only, and an https href only. */
export function docLink(title: string, url: string): HTMLElement {
  if (!/^https:\/\/[^\s"'<>]+$/.test(url)) return el('span', {}, title);
  const a = el('a', { target: '_blank', rel: 'noopener noreferrer' });
  a.href = url;
  a.textContent = title;
  return a;
}

export function documentsSection(app: App): DocumentsSection {
  const kinds = KINDS.map((k) => {
    const box = el('input', { type: 'checkbox', id: `docs-kind-${k}`, value: k });
    box.checked = true;
    return box;
  });
  const subject = el('select', { id: 'docs-subject' });
  const klass = el('select', { id: 'docs-class' });
  const create = callButton(el('button', { type: 'submit', class: 'primary', id: 'docs-create' }, UI.docs.create));
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'docs-status' });
  const error = el('div', { class: 'error', role: 'alert', id: 'docs-error' });
  error.hidden = true;
  const links = el('ul', { class: 'doc-links', id: 'docs-links' });
  const notes = el('div', { id: 'docs-notes' });
  const field = (control: HTMLElement, label: string) => el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
  const form = el(
    'form',
    { novalidate: '', id: 'docs-form' },
    el(
      'fieldset',
      {},
      el('legend', {}, UI.docs.kinds),
      ...kinds.map((box) =>
        el('div', { class: 'check' }, box, el('label', { for: box.id }, UI.docs.kind[box.value as (typeof KINDS)[number]])),
      ),
    ),
    field(subject, UI.docs.subject),
    field(klass, UI.docs.klass),
    el('div', { class: 'actions' }, create),
  );
  const body = el('div', {}, form, status, error, links, notes);
  const panel = el(
    'section',
    { id: 'docs', class: 'card', 'aria-labelledby': 'docs-h' },
    el('h2', { id: 'docs-h' }, UI.docs.heading),
    el('p', { class: 'muted small' }, UI.docs.intro),
    body,
  );
  const empty = el('p', { class: 'muted', id: 'docs-blocked' });
  panel.append(empty);
  let expectedMs = 0;

  const showError = (message: string | null) => {
    error.hidden = message === null;
    fill(error, ...(message === null ? [] : [el('strong', {}, `${UI.errorHeading}: `), message]));
  };

  const render = (r: DocumentsResult) => {
    fill(links, ...r.documents.map((d) => el('li', {}, docLink(d.title, d.url))));
    const errors = r.problems.filter((p) => p.severity === 'error');
    const others = r.problems.filter((p) => p.severity !== 'error');
    status.textContent = !r.ok ? UI.docs.refused : r.documents.length ? UI.docs.created(r.documents.length) : UI.docs.none;
    fill(
      notes,
      errors.length ? problemList(app, errors) : null,
      others.length ? el('p', { class: 'muted small' }, UI.docs.notes) : null,
      others.length ? problemList(app, others) : null,
    );
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = kinds.filter((k) => k.checked).map((k) => k.value as (typeof KINDS)[number]);
    if (chosen.length === 0) {
      status.textContent = UI.docs.chooseKind;
      kinds[0]?.focus();
      return;
    }
    const req: DocumentsRequest = { kinds: chosen };
    if (subject.value !== ALL) req.subject = subject.value;
    if (klass.value !== ALL) req.className = klass.value;
    showError(null);
    fill(links);
    fill(notes);
    const t0 = Date.now();
    const tick = () => {
      status.textContent = UI.docs.creating(Date.now() - t0, expectedMs);
    };
    tick();
    const timer = setInterval(tick, 1000);
    void whileBusy(async () => {
      try {
        const r = await call('createDocuments', req);
        clearInterval(timer);
        if (r.elapsedMs) expectedMs = r.elapsedMs;
        render(r);
      } catch (err) {
        clearInterval(timer);
        status.textContent = '';
        showError(errorText(err, UI.unknownError));
      }
    });
  });

  return {
    panel,
    show(options, blocked) {
      body.hidden = blocked !== null;
      empty.hidden = blocked === null;
      empty.textContent = blocked ?? '';
      expectedMs = options.expectedMs;
      fill(subject, el('option', { value: ALL }, UI.docs.allSubjects), ...options.subjects.map((s) => el('option', { value: s }, s)));
      fill(klass, el('option', { value: ALL }, UI.docs.allClasses), ...options.classes.map((c) => el('option', { value: c }, c)));
    },
    focus() {
      panel.scrollIntoView({ block: 'start' });
      if (!create.disabled && !body.hidden) create.focus();
    },
  };
}
