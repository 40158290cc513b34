// The sidebar: what ОКО recognised in the spreadsheet, its problems (click to go to the cell), and
// a run in two visible steps, each one server call, with the buttons disabled while a call runs.
import { S } from '../src/core/strings';
import type { CellRef, ProblemView, SheetView } from '../src/server/contract';
import { byId, el, fill } from './dom';
import { call } from './server';
import { problemList, sheetList, summaryView } from './views';

type StepState = keyof typeof S.sidebar.stepState;
type Step = keyof typeof S.sidebar.steps;

function skeleton(): HTMLElement {
  const steps = (Object.keys(S.sidebar.steps) as Step[]).map((k) =>
    el(
      'li',
      { id: `step-${k}`, class: 'step waiting' },
      S.sidebar.steps[k],
      ' — ',
      el('span', { class: 'state' }, S.sidebar.stepState.waiting),
    ),
  );
  return el(
    'main',
    {},
    el('header', {}, el('h1', {}, S.sidebar.title), el('p', { class: 'muted' }, S.sidebar.intro)),
    el(
      'div',
      { class: 'actions' },
      el('button', { id: 'run', type: 'button', class: 'primary' }, S.sidebar.run),
      el('button', { id: 'refresh', type: 'button' }, S.sidebar.refresh),
    ),
    el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }),
    el('div', { id: 'error', class: 'error', role: 'alert', hidden: '' }),
    el(
      'section',
      { 'aria-labelledby': 'steps-h' },
      el('h2', { id: 'steps-h' }, S.sidebar.stepsHeading),
      el('ol', { class: 'steps' }, ...steps),
    ),
    el(
      'section',
      { id: 'summary-section', 'aria-labelledby': 'summary-h', hidden: '' },
      el('h2', { id: 'summary-h' }, S.sidebar.summaryHeading),
      el('div', { id: 'summary' }),
    ),
    el(
      'section',
      { 'aria-labelledby': 'problems-h' },
      el('h2', { id: 'problems-h' }, S.sidebar.problemsHeading),
      el('div', { id: 'problems' }),
    ),
    el('section', { 'aria-labelledby': 'sheets-h' }, el('h2', { id: 'sheets-h' }, S.sidebar.sheetsHeading), el('div', { id: 'sheets' })),
  );
}

let busy = false;

function setBusy(on: boolean, status = ''): void {
  busy = on;
  for (const id of ['run', 'refresh']) byId<HTMLButtonElement>(id).disabled = on;
  const run = byId<HTMLButtonElement>('run');
  run.textContent = on ? S.sidebar.running : S.sidebar.run;
  run.setAttribute('aria-busy', String(on));
  byId('status').textContent = status;
}

function setStep(step: Step, state: StepState): void {
  const li = byId(`step-${step}`);
  li.className = `step ${state}`;
  const label = li.querySelector('.state');
  if (label) label.textContent = S.sidebar.stepState[state];
}

function showError(message: string | null): void {
  const box = byId('error');
  if (message === null) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  fill(box, el('strong', {}, `${S.sidebar.errorHeading}: `), message);
  box.hidden = false;
}

function showData(sheets: readonly SheetView[] | null, problems: readonly ProblemView[]): void {
  if (sheets) fill(byId('sheets'), sheetList(sheets));
  fill(byId('problems'), problemList(problems, jump));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : S.sidebar.unknownError;
}

function jump(place: CellRef): void {
  showError(null);
  call('activateCell', place).catch((e: unknown) => showError(message(e)));
}

async function refresh(): Promise<void> {
  if (busy) return;
  showError(null);
  setBusy(true, S.sidebar.loading);
  try {
    const overview = await call('getDataOverview');
    showData(overview.sheets, overview.problems);
  } catch (e) {
    showError(message(e));
  } finally {
    setBusy(false);
  }
}

async function run(): Promise<void> {
  if (busy) return;
  showError(null);
  byId('summary-section').hidden = true;
  setStep('read', 'waiting');
  setStep('write', 'waiting');
  setBusy(true, S.sidebar.running);
  let step: Step = 'read';
  try {
    setStep('read', 'running');
    const overview = await call('getDataOverview');
    showData(overview.sheets, overview.problems);
    setStep('read', 'done');
    if (overview.errors > 0) {
      setStep('write', 'skipped');
      showError(S.sidebar.stoppedOnErrors);
      return;
    }
    step = 'write';
    setStep('write', 'running');
    const result = await call('runAnalysisStep');
    showData(null, result.problems);
    if (!result.ok) {
      setStep('write', 'failed');
      showError(S.sidebar.stoppedOnErrors);
      return;
    }
    setStep('write', 'done');
    fill(byId('summary'), summaryView(result));
    byId('summary-section').hidden = false;
  } catch (e) {
    setStep(step, 'failed');
    showError(message(e));
  } finally {
    setBusy(false);
  }
}

function start(): void {
  const root = document.getElementById('app') ?? document.body;
  fill(root, skeleton());
  byId('run').addEventListener('click', () => void run());
  byId('refresh').addEventListener('click', () => void refresh());
  void refresh();
}

start();
