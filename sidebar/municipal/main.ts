// The district panel (municipal edition): the collection's phase and progress, polled every few
// seconds while it runs; «Начать сбор» / «Продолжить сбор»; the sources that failed, with their
// reasons; links to the district tabs. The poll reads only the job's cursor (getAggregationStatus);
// the heavier details (failed sources, tabs) are read again only when the cursor has changed.
// Everything is rendered with createElement/textContent (../dom.ts): school names are data.

import { M, UI } from '../../src/core/strings';
import type { AggregationDetails, AggregationStatus, DistrictTabView, MunicipalFunction } from '../../src/server/municipal/contract';
import { errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill, setError } from '../dom';
import { call } from './server';

/** How often the panel asks for the status while a collection runs. */
const POLL_MS = 5000;

const TIME = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const time = (iso: string) => TIME.format(new Date(iso));

const error = el('div', { id: 'error', class: 'error', role: 'alert', hidden: '' });
const message = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
const phase = el('h2', { id: 'phase', class: 'phase' });
const bar = el('progress', { id: 'bar', 'aria-label': M.panel.progressLabel, max: '1', value: '0' });
const count = el('span', { id: 'count' });
const progressText = el('p', { id: 'progress-text' });
const facts = el('ul', { id: 'facts', class: 'facts' });
const sourcesText = el('p', { id: 'sources' });
/** The server's status line (what happens next); announced when it changes. */
const serverText = el('p', { id: 'server-text', class: 'muted', role: 'status', 'aria-live': 'polite' });
const polling = el('p', { id: 'polling', class: 'muted', hidden: '' }, M.panel.polling(POLL_MS / 1000));
const failedHeading = el('h3', { id: 'failed-heading' }, M.panel.failedHeading);
const failedList = el('div', { id: 'failed' });
const problems = el('section', { id: 'problems', hidden: '' });
const tabs = el('ul', { id: 'tabs', class: 'district-tabs' });

function showError(text: string | null): void {
  setError(error, text);
}

/** Sources on «Источники» (from the details): before the first run the progress says how many there are, not «0 из 0». */
let sourcesOnSheet: number | null = null;
let lastStatus: AggregationStatus | null = null;

function renderProgress(): void {
  const s = lastStatus;
  if (!s) return;
  const idle = s.phase === 'idle' || s.total === 0;
  const progress = bar.parentElement as HTMLElement | null;
  if (progress) progress.hidden = idle;
  progressText.textContent = idle ? M.panel.notStarted(sourcesOnSheet ?? 0) : M.panel.progress(s.done, s.total);
}

function renderStatus(s: AggregationStatus): void {
  lastStatus = s;
  phase.dataset.phase = s.phase;
  phase.textContent = M.panel.phase[s.phase];
  bar.max = Math.max(1, s.total);
  bar.value = s.done;
  count.textContent = `${s.done} / ${s.total}`;
  renderProgress();
  const idle = s.phase === 'idle';
  fill(
    facts,
    !idle && el('li', { id: 'failed-count', class: s.failed ? 'has-failed' : '' }, M.panel.failed(s.failed)),
    s.startedAt && el('li', { id: 'started' }, M.panel.startedAt(time(s.startedAt))),
    s.lastChunkAt && el('li', { id: 'last-chunk' }, M.panel.lastChunkAt(time(s.lastChunkAt))),
    s.nextAt && el('li', { id: 'next-at' }, M.panel.nextAt(time(s.nextAt))),
    s.lastError &&
      s.phase === 'running' &&
      el('li', { id: 'last-error', class: 'has-failed' }, M.panel.lastError(time(s.lastError.at), s.lastError.text)),
  );
  if (serverText.textContent !== s.text) serverText.textContent = s.text;
  polling.hidden = s.phase !== 'running';
}

function tabLink(t: DistrictTabView): HTMLElement {
  if (!t.exists) return el('li', {}, el('span', { class: 'muted' }, `${t.name} — ${M.panel.tabMissing}`));
  const b = callButton(el('button', { type: 'button', class: 'link', 'data-tab': t.id }, t.name));
  b.addEventListener('click', () => {
    showError(null);
    void whileBusy(async () => {
      try {
        await call('activateDistrictTab', t.id);
      } catch (e) {
        showError(errorText(e, UI.unknownError));
      }
    });
  });
  return el('li', {}, b);
}

function renderDetails(d: AggregationDetails): void {
  failedHeading.textContent = d.failed.length ? `${M.panel.failedHeading} (${d.failed.length})` : M.panel.failedHeading;
  fill(
    failedList,
    d.failed.length === 0
      ? el('p', { class: 'muted' }, M.panel.noFailed)
      : el(
          'ul',
          { class: 'failed' },
          ...d.failed.map((f) =>
            el(
              'li',
              {},
              el('span', { class: 'source-name' }, f.name),
              f.codes.length ? el('span', { class: 'tag' }, ` · ${f.codes.join(', ')}`) : null,
              el('span', { class: 'reason' }, f.reason),
              f.rows.length ? el('span', { class: 'where' }, f.rows.map(M.panel.row).join(', ')) : null,
            ),
          ),
        ),
  );
  fill(
    problems,
    el('h3', {}, M.panel.problemsHeading),
    el('ul', { class: 'problems' }, ...d.problems.map((p) => el('li', { class: 'problem' }, p))),
  );
  problems.hidden = d.problems.length === 0;
  fill(tabs, ...d.tabs.map(tabLink));
  sourcesOnSheet = d.sources;
  sourcesText.textContent = M.panel.sources(d.sources);
  renderProgress();
}

// ---- polling ------------------------------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | null = null;
/** The cursor the details were last read for: a new chunk, run or phase changes it. */
let detailsFor: string | null = null;

function schedule(running: boolean): void {
  if (timer !== null) clearTimeout(timer);
  timer = running ? setTimeout(() => void poll(), POLL_MS) : null;
}

async function show(s: AggregationStatus): Promise<void> {
  renderStatus(s);
  schedule(s.phase === 'running');
  const key = JSON.stringify([s.phase, s.done, s.failed, s.chunks, s.startedAt, s.lastChunkAt]);
  // Unchanged details are not redrawn: a poll never takes the focus from a link.
  if (key === detailsFor) return;
  renderDetails(await call('getAggregationDetails'));
  detailsFor = key;
}

async function poll(): Promise<void> {
  timer = null;
  try {
    await show(await call('getAggregationStatus'));
  } catch (e) {
    // A network blip: say so, and keep asking while the collection may still be running.
    showError(errorText(e, UI.unknownError));
    if (timer === null) schedule(phase.dataset.phase === 'running');
  }
}

// ---- actions ------------------------------------------------------------------------------------

function action(
  fn: Extract<MunicipalFunction, 'startAggregation' | 'continueAggregation'>,
  label: string,
  primary: boolean,
): HTMLButtonElement {
  const b = callButton(
    el('button', { type: 'button', id: fn === 'startAggregation' ? 'start' : 'resume', class: primary ? 'primary' : '' }, label),
  );
  b.addEventListener('click', () => {
    showError(null);
    message.textContent = M.panel.working;
    void whileBusy(async () => {
      try {
        const r = await call(fn);
        // A chunk that ran speaks through the status line; «nothing to continue» needs its own words.
        message.textContent = r.ran ? '' : r.message;
        await show(r.status);
      } catch (e) {
        message.textContent = '';
        showError(errorText(e, UI.unknownError));
      }
    });
  });
  return b;
}

function start(): void {
  const root = document.getElementById('app') ?? document.body;
  fill(
    root,
    el(
      'main',
      {},
      el('header', {}, el('h1', {}, M.panel.title), el('p', { class: 'muted' }, M.panel.intro)),
      error,
      message,
      el(
        'section',
        { id: 'job', 'aria-labelledby': 'phase' },
        phase,
        el('div', { class: 'progress' }, bar, count),
        progressText,
        facts,
        sourcesText,
        serverText,
        polling,
        el(
          'div',
          { class: 'actions' },
          action('startAggregation', M.panel.start, true),
          action('continueAggregation', M.panel.resume, false),
        ),
        el('p', { class: 'help' }, M.panel.help),
      ),
      el('section', { id: 'failed-section', 'aria-labelledby': 'failed-heading' }, failedHeading, failedList),
      problems,
      el('section', { id: 'tabs-section', 'aria-labelledby': 'tabs-heading' }, el('h3', { id: 'tabs-heading' }, M.panel.tabsHeading), tabs),
    ),
  );
  message.textContent = M.panel.loading;
  void whileBusy(async () => {
    try {
      await show(await call('getAggregationStatus'));
      message.textContent = '';
    } catch (e) {
      message.textContent = '';
      showError(errorText(e, UI.unknownError));
    }
  });
}

start();
