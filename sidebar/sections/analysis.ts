// «Анализ»: the steps the server offers (a list of data, so a new step needs no sidebar change), run
// one after another with a progress bar, each one server call that writes only its own tabs. «Stop»
// lets the running step finish and starts no further one; a step either completes or changes nothing.

import { UI } from '../../src/core/strings';
import type { StepInfo } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill } from '../dom';
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
  /** The step's parameters (the roadmap): it runs with them, and is skipped while they are missing. */
  form: RoadmapFormView | null;
}

export function analysisSection(app: App): { panel: HTMLElement; show(steps: readonly StepInfo[]): void; focusForm(): boolean } {
  const list = el('ul', { class: 'steps' });
  const run = callButton(el('button', { type: 'button', class: 'primary', id: 'run' }, UI.analysis.run));
  const cancel = el('button', { type: 'button', id: 'cancel' }, UI.analysis.cancel);
  cancel.hidden = true;
  const progress = el('progress', { id: 'progress', max: '1', value: '0', 'aria-labelledby': 'progress-label' });
  const progressLabel = el('span', { id: 'progress-label' });
  const progressBox = el('div', { class: 'progress' }, progress, progressLabel);
  progressBox.hidden = true;
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'run-status' });
  const summary = el('div', { id: 'summary' });
  const summarySection = el('div', { 'aria-labelledby': 'summary-h' }, el('h2', { id: 'summary-h' }, UI.analysis.summaryHeading), summary);
  summarySection.hidden = true;
  const panel = el(
    'section',
    {},
    el('h2', {}, UI.analysis.heading),
    el('p', { class: 'muted' }, UI.analysis.hint),
    list,
    el('div', { class: 'actions' }, run, cancel),
    progressBox,
    status,
    summarySection,
  );

  let rows: StepRow[] = [];
  let stopRequested = false;

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

  const setProgress = (done: number, total: number) => {
    progress.max = total;
    progress.value = done;
    progressLabel.textContent = UI.analysis.progress(done, total);
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
    app.showError(null);
    stopRequested = false;
    for (const r of rows) setState(r, r.check.checked ? 'waiting' : 'skipped');
    fill(summary);
    summarySection.hidden = true;
    progressBox.hidden = false;
    setProgress(0, chosen.length);
    status.textContent = '';
    cancel.hidden = false;
    cancel.disabled = false;
    for (const r of rows) {
      r.check.disabled = true;
      r.form?.setDisabled(true);
    }
    const notes: string[] = [];
    void whileBusy(async () => {
      try {
        for (const [i, row] of chosen.entries()) {
          if (stopRequested) {
            for (const r of chosen.slice(i)) setState(r, 'skipped');
            status.textContent = UI.analysis.cancelled;
            return;
          }
          if (row.form && !row.form.filled()) {
            // «Запустить» over every step: a step with parameters runs only with its form filled.
            setState(row, 'skipped');
            notes.push(UI.roadmap.notFilled(row.info.title));
            summary.append(el('h3', {}, row.info.title), el('p', { class: 'muted' }, UI.roadmap.notFilled(row.info.title)));
            summarySection.hidden = false;
            setProgress(i + 1, chosen.length);
            continue;
          }
          setState(row, 'running');
          status.textContent = `${row.info.title}: ${UI.analysis.state.running}`;
          let ok = false;
          try {
            const result = row.form ? await call('runRoadmapStep', row.form.value()) : await call('runStep', row.info.id);
            app.setProblems(result.problems);
            ok = result.ok;
            if (ok) {
              setTabs(row, result.tabs.written);
              summary.append(el('h3', {}, row.info.title), summaryBlocks(app, result.blocks));
              summarySection.hidden = false;
            } else {
              status.textContent = row.form ? UI.roadmap.refused : UI.analysis.stoppedOnErrors;
              summary.append(
                problemList(
                  app,
                  result.problems.filter((p) => p.severity === 'error'),
                ),
              );
              summarySection.hidden = false;
            }
          } catch (e) {
            app.showError(errorText(e, UI.unknownError));
            status.textContent = '';
          }
          setState(row, ok ? 'done' : 'failed');
          setProgress(i + 1, chosen.length);
          if (!ok) {
            for (const r of chosen.slice(i + 1)) setState(r, 'skipped');
            return;
          }
        }
        status.textContent = [UI.analysis.done, ...notes].join(' ');
      } finally {
        cancel.hidden = true;
        for (const r of rows) {
          r.check.disabled = false;
          r.form?.setDisabled(false);
        }
      }
    });
  });

  const show = (steps: readonly StepInfo[]) => {
    rows = steps.map((info) => {
      const id = `step-${info.id}`;
      const check = el('input', { type: 'checkbox', id: `${id}-on`, 'aria-describedby': `${id}-desc` });
      check.checked = true;
      const state = el('span', { class: 'state' });
      const tabs = el('p', { class: 'tabs-here' });
      const form = info.form ? roadmapForm(app, info.form) : null;
      const item = el(
        'li',
        { id, class: 'step' },
        el('div', { class: 'step-head' }, check, el('label', { for: check.id }, info.title), state),
        el('p', { id: `${id}-desc`, class: 'muted' }, info.description),
        form?.box,
        tabs,
      );
      const row = { info, check, state, item, tabs, form };
      setState(row, 'waiting');
      setTabs(row, info.tabs);
      return row;
    });
    fill(list, ...rows.map((r) => r.item));
  };
  /** Puts the cursor on the first field of a step's form (the menu «Дорожная карта…»); false when there is none. */
  const focusForm = () => {
    const form = rows.find((r) => r.form)?.form;
    form?.focus();
    return form !== undefined;
  };
  return { panel, show, focusForm };
}
