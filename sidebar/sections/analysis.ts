// «Анализ»: a run bar that stays in view (sticky) with «Запустить», «Остановить», live progress with
// the expected time, the run's errors and honest counts; right under it «Что дальше» and the results;
// then the steps the server offers (a list of data, so a new step needs no sidebar change), each one
// server call that writes only its own tabs. The roadmap is a step of its own: not ticked until its form
// is filled, and «Запустить» never runs it with an empty form. «Остановить» lets the running step finish
// and starts no further one; a step either completes or changes nothing.

import { UI } from '../../src/core/strings';
import type { StepInfo, StepResult, SummaryItem } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill, setError } from '../dom';
import { placeLink, problemList, summaryBlocks } from '../render';
import { call } from '../server';
import { type RoadmapFormView, roadmapForm } from './roadmap-form';

type State = keyof typeof UI.analysis.state;

interface StepRow {
  info: StepInfo;
  check: HTMLInputElement;
  state: HTMLElement;
  item: HTMLElement;
  /** Links to the step's tabs. */
  tabs: HTMLElement;
  /** The step's parameters (the roadmap): it runs with them only. */
  form: RoadmapFormView | null;
}

export interface AnalysisSection {
  panel: HTMLElement;
  show(steps: readonly StepInfo[]): void;
  /** Ticks the roadmap step and puts the cursor on its form (the menu «Дорожная карта…», «Что дальше»). */
  focusForm(): boolean;
  /** Where the documents card goes (below the steps). */
  slot: HTMLElement;
}

export interface AnalysisHooks {
  /** «Что дальше» → the documents card. */
  goDocuments(): void;
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function analysisSection(app: App, hooks: AnalysisHooks): AnalysisSection {
  const list = el('ul', { class: 'steps' });
  const run = callButton(el('button', { type: 'button', class: 'primary', id: 'run' }, UI.analysis.run));
  const cancel = el('button', { type: 'button', id: 'cancel', title: UI.analysis.cancelHint }, UI.analysis.cancel);
  cancel.hidden = true;
  const progress = el('progress', { id: 'progress', max: '1', value: '0', 'aria-labelledby': 'progress-label' });
  const progressLabel = el('span', { id: 'progress-label' });
  const timer = el('span', { id: 'run-timer', class: 'timer' });
  const progressBox = el('div', { class: 'progress' }, progress, timer);
  progressBox.hidden = true;
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'run-status' });
  const countsLine = el('p', { class: 'run-counts', id: 'run-counts' });
  countsLine.hidden = true;
  const error = el('div', { id: 'run-error', class: 'error', role: 'alert' });
  error.hidden = true;
  const bar = el(
    'div',
    { class: 'runbar', id: 'runbar' },
    el('div', { class: 'runbar-actions' }, run, cancel),
    progressBox,
    progressLabel,
    countsLine,
    status,
    error,
  );
  const next = el('ol', { class: 'next', id: 'next' });
  const nextBox = el('section', { id: 'next-box', 'aria-labelledby': 'next-h' }, el('h2', { id: 'next-h' }, UI.analysis.nextHeading), next);
  nextBox.hidden = true;
  const summary = el('div', { id: 'summary' });
  const summarySection = el(
    'section',
    { 'aria-labelledby': 'summary-h', id: 'summary-box' },
    el('h2', { id: 'summary-h' }, UI.analysis.summaryHeading),
    summary,
  );
  summarySection.hidden = true;
  const results = el('div', { id: 'results' }, nextBox, summarySection);
  const slot = el('div', { id: 'after-steps' });
  const panel = el(
    'section',
    {},
    bar,
    results,
    el('h2', { id: 'steps-h' }, UI.analysis.stepsHeading),
    list,
    el('p', { class: 'help' }, UI.analysis.hint),
    slot,
  );

  let rows: StepRow[] = [];
  let stopRequested = false;
  let ticking: ReturnType<typeof setInterval> | null = null;

  const showError = (message: string | null) => setError(error, message);

  const setState = (row: StepRow, state: State) => {
    row.item.dataset.state = state;
    row.state.textContent = UI.analysis.state[state];
  };

  const setTabs = (row: StepRow, names: readonly string[]) => {
    fill(
      row.tabs,
      ...(names.length
        ? [
            UI.analysis.tabsHere,
            ' ',
            ...names.flatMap((t, i) => [i > 0 ? ', ' : '', placeLink(app, { sheet: t, row: null, col: null }, t)]),
          ]
        : []),
    );
    row.tabs.hidden = names.length === 0;
  };

  /** Before a run: how many steps «Запустить» will run and how long that usually takes. */
  const showReady = () => {
    if (ticking) return;
    const chosen = rows.filter((r) => r.check.checked);
    progressLabel.textContent = chosen.length
      ? UI.analysis.ready(
          chosen.length,
          chosen.reduce((a, r) => a + r.info.expectedMs, 0),
          chosen.every((r) => r.info.measured),
        )
      : UI.analysis.noneSelected;
  };

  const stopTimer = () => {
    if (ticking) clearInterval(ticking);
    ticking = null;
  };

  /** Live progress of step `i` of `n`: the bar, the step's name, its elapsed and expected time. */
  const startTimer = (i: number, n: number, row: StepRow) => {
    stopTimer();
    const t0 = Date.now();
    const expected = row.info.expectedMs || null;
    const tick = () => {
      const ms = Date.now() - t0;
      progressLabel.textContent = UI.analysis.running(i + 1, n, row.info.title);
      timer.textContent = `${mmss(ms)}${expected ? ` / ~${mmss(expected)}` : ''}`;
      timer.title = UI.analysis.elapsed(ms, expected);
      if (expected && ms > expected * 1.5 + 5000) timer.textContent += ` · ${UI.analysis.overdue}`;
      // The bar moves within the step too (never past its end): «3 of 4 done, the 4th half way».
      const within = expected ? Math.min(0.9, ms / expected) : 0.5;
      progress.value = i + within;
    };
    tick();
    ticking = setInterval(tick, 1000);
  };

  /** «Что дальше»: the server's links (weakest class, group at risk, signs), then documents and the roadmap. */
  const showNext = (items: readonly SummaryItem[], roadmapTab: string | null, executionTab: string | null) => {
    const lines: HTMLElement[] = items.map((it) =>
      el('li', { class: `tone-${it.tone}` }, it.place ? placeLink(app, it.place, it.text, it.text) : it.text),
    );
    const docs = el('button', { type: 'button', class: 'link', id: 'next-docs' }, UI.analysis.nextDocs);
    docs.addEventListener('click', () => hooks.goDocuments());
    lines.push(el('li', {}, docs));
    if (executionTab && roadmapTab) {
      lines.push(
        el(
          'li',
          {},
          placeLink(app, { sheet: executionTab, row: null, col: null }, executionTab, UI.analysis.nextRoadmapDone(executionTab)),
        ),
      );
    } else if (rows.some((r) => r.form)) {
      const rm = el('button', { type: 'button', class: 'link', id: 'next-roadmap' }, UI.analysis.nextRoadmap);
      rm.addEventListener('click', () => focusForm());
      lines.push(el('li', {}, rm));
    }
    fill(next, ...lines);
    nextBox.hidden = false;
  };

  /** Brings the results into view, right under the sticky bar, when they are not. */
  const reveal = () => {
    const top = results.getBoundingClientRect().top;
    const barBottom = bar.getBoundingClientRect().bottom;
    if (top >= barBottom - 1 && top < window.innerHeight - 80) return;
    window.scrollBy({ top: top - barBottom - 4 });
  };

  cancel.addEventListener('click', () => {
    stopRequested = true;
    cancel.disabled = true;
    status.textContent = UI.analysis.cancelling;
  });

  run.addEventListener('click', () => {
    const chosen = rows.filter((r) => r.check.checked);
    if (chosen.length === 0) {
      status.textContent = UI.analysis.noneSelected;
      return;
    }
    // A ticked roadmap with an empty form: say so before anything runs, at the form.
    const empty = chosen.find((r) => r.form && !r.form.filled());
    if (empty?.form) {
      status.textContent = UI.roadmap.fillFirst;
      empty.form.focusMissing();
      return;
    }
    showError(null);
    app.showError(null);
    stopRequested = false;
    for (const r of rows) setState(r, r.check.checked ? 'waiting' : 'off');
    fill(summary);
    summarySection.hidden = true;
    nextBox.hidden = true;
    countsLine.hidden = true;
    progressBox.hidden = false;
    progress.max = chosen.length;
    progress.value = 0;
    status.textContent = '';
    cancel.hidden = false;
    cancel.disabled = false;
    for (const r of rows) {
      r.check.disabled = true;
      r.form?.setDisabled(true);
    }
    const t0 = Date.now();
    const tally = { done: 0, failed: 0, skipped: 0 };
    const nextItems: SummaryItem[] = [];
    let roadmapTab: string | null = null;
    let executionTab: string | null = null;
    void whileBusy(async () => {
      try {
        for (const [i, row] of chosen.entries()) {
          if (stopRequested) {
            for (const r of chosen.slice(i)) setState(r, 'skipped');
            tally.skipped += chosen.length - i;
            status.textContent = UI.analysis.cancelled;
            break;
          }
          setState(row, 'running');
          startTimer(i, chosen.length, row);
          let result: StepResult | null = null;
          try {
            if (row.form) {
              const r = await call('runRoadmapStep', row.form.value());
              if (r.roadmap) {
                roadmapTab = r.roadmap.tab;
                executionTab = r.roadmap.execution;
              }
              result = r;
            } else result = await call('runStep', row.info.id);
          } catch (e) {
            showError(`${row.info.title}: ${errorText(e, UI.unknownError)} ${UI.analysis.failedCall}`);
          }
          stopTimer();
          const ok = result?.ok === true;
          if (result) {
            app.setProblems(result.problems);
            if (ok) {
              setTabs(row, result.tabs.written);
              summary.append(el('h3', {}, row.info.title), summaryBlocks(app, result.blocks));
              nextItems.push(...(result.next ?? []));
              if (result.elapsedMs) row.info = { ...row.info, expectedMs: result.elapsedMs, measured: true };
            } else {
              status.textContent = row.form ? UI.roadmap.refused : UI.analysis.stoppedOnErrors;
              summary.append(
                el('h3', {}, row.info.title),
                problemList(
                  app,
                  result.problems.filter((p) => p.severity === 'error'),
                ),
              );
            }
            summarySection.hidden = false;
          }
          setState(row, ok ? 'done' : 'failed');
          progress.value = i + 1;
          if (ok) tally.done++;
          else {
            tally.failed++;
            for (const r of chosen.slice(i + 1)) setState(r, 'skipped');
            tally.skipped += chosen.length - i - 1;
            break;
          }
        }
        if (tally.done === chosen.length) status.textContent = UI.analysis.done;
        if (tally.done > 0) showNext(nextItems, roadmapTab, executionTab);
      } finally {
        stopTimer();
        progressLabel.textContent = '';
        timer.textContent = '';
        countsLine.textContent = `${UI.analysis.counts(tally.done, tally.failed, tally.skipped, chosen.length)} ${UI.analysis.took(Date.now() - t0)}`;
        countsLine.className = tally.failed ? 'run-counts bad' : tally.skipped ? 'run-counts warn' : 'run-counts ok';
        countsLine.hidden = false;
        cancel.hidden = true;
        for (const r of rows) {
          r.check.disabled = false;
          r.form?.setDisabled(false);
        }
        reveal();
      }
    });
  });

  const show = (steps: readonly StepInfo[]) => {
    rows = steps.map((info) => {
      const id = `step-${info.id}`;
      const check = el('input', { type: 'checkbox', id: `${id}-on`, 'aria-describedby': `${id}-desc` });
      const state = el('span', { class: 'state' });
      const tabs = el('p', { class: 'tabs-here' });
      const form = info.form ? roadmapForm(app, info.form) : null;
      // Steps with a form are ticked only when the form is filled (a remembered one): never with an empty form.
      check.checked = form ? form.filled() : true;
      if (form) form.box.hidden = !check.checked;
      const item = el(
        'li',
        { id, class: form ? 'step step-own' : 'step' },
        el('div', { class: 'step-head' }, check, el('label', { for: check.id }, info.title), state),
        el('p', { id: `${id}-desc`, class: 'muted small' }, info.description),
        form?.box,
        tabs,
      );
      const row = { info, check, state, item, tabs, form };
      check.addEventListener('change', () => {
        if (form) form.box.hidden = !check.checked;
        setState(row, check.checked ? 'ready' : 'off');
        showReady();
      });
      setState(row, check.checked ? 'ready' : 'off');
      setTabs(row, info.tabs);
      return row;
    });
    fill(list, ...rows.map((r) => r.item));
    showReady();
  };

  const focusForm = () => {
    const row = rows.find((r) => r.form);
    if (!row?.form) return false;
    if (!row.check.checked) {
      row.check.checked = true;
      row.check.dispatchEvent(new Event('change'));
    }
    row.form.box.scrollIntoView({ block: 'start' });
    row.form.focus();
    return true;
  };
  return { panel, show, focusForm, slot };
}
