// «Данные»: what ОКО recognised in the spreadsheet, in the order a first-time user needs it — the
// numbered first steps (until the analysis has run once), the errors and warnings, the recognised works
// with their subject, grade and date («Указать» where ОКО could not read them), then the other sheets;
// the information notes fold behind their count.

import { UI } from '../../src/core/strings';
import type { DataOverview, ProblemView, SheetView, WorkView } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill } from '../dom';
import { placeLink, problemList } from '../render';
import { call } from '../server';

export interface DataSection {
  panel: HTMLElement;
  show(overview: DataOverview): void;
  setProblems(problems: readonly ProblemView[]): void;
}

export interface DataActions {
  /** «Проверить снова»: reads the spreadsheet again. */
  refresh(): void;
  /** «Перейти к анализу». */
  goRun(): void;
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

function sheetItem(app: App, s: SheetView): HTMLElement {
  return el(
    'li',
    { class: `sheet kind-${s.kind}` },
    placeLink(app, { sheet: s.name, row: null, col: null }, UI.data.goTo(s.name), el('span', { class: 'sheet-name' }, s.name)),
    ' ',
    el('span', { class: 'tag' }, UI.data.kind[s.kind] ?? s.kind),
  );
}

/** One step of «С чего начать»: its number, its state (done / now / later) and what to do. */
function firstStep(n: number, state: 'done' | 'now' | 'later', ...content: (Node | string | null)[]): HTMLElement {
  const mark = state === 'done' ? UI.firstSteps.doneMark : state === 'now' ? UI.firstSteps.nowMark : '';
  return el(
    'li',
    { class: `first-step ${state}`, 'data-state': state },
    el('span', { class: 'num', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(n)),
    el('div', { class: 'first-body' }, mark ? el('span', { class: 'sr-only' }, `${mark}: `) : null, ...content),
  );
}

export function dataSection(app: App, actions: DataActions): DataSection {
  const counts = el('p', { class: 'counts', role: 'status' });
  const first = el('section', { id: 'first-steps', class: 'card', 'aria-labelledby': 'first-h' });
  first.hidden = true;
  const exampleNote = el('div', { id: 'example-note', class: 'note' });
  exampleNote.hidden = true;
  const problems = el('div', { id: 'problems' });
  const works = el('div', { id: 'works' });
  const sheets = el('div', { id: 'sheets' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'data-status' });
  const refresh = callButton(el('button', { type: 'button', id: 'refresh', class: 'small' }, UI.refresh));
  refresh.addEventListener('click', actions.refresh);
  const panel = el(
    'section',
    {},
    el('div', { class: 'row' }, counts, refresh),
    status,
    exampleNote,
    first,
    problems,
    el('h2', { id: 'works-h' }, UI.data.worksHeading),
    works,
    sheets,
  );
  let subjects: string[] = [];

  const setProblems = (list: readonly ProblemView[]) => {
    // Errors stop everything: they come before the first steps, in view at once.
    if (list.some((p) => p.severity === 'error')) first.before(problems);
    else first.after(problems);
    const errors = list.filter((p) => p.severity === 'error').length;
    const warnings = list.filter((p) => p.severity === 'warning').length;
    counts.textContent = errors + warnings === 0 ? UI.data.healthy : UI.data.counts(errors, warnings);
    counts.className = errors > 0 ? 'counts has-errors' : 'counts';
    const serious = list.filter((p) => p.severity !== 'info');
    const info = list.filter((p) => p.severity === 'info');
    fill(
      problems,
      serious.length ? el('h2', { id: 'problems-h' }, UI.data.problemsHeading) : null,
      serious.length ? problemList(app, serious) : null,
      info.length
        ? el(
            'details',
            { class: 'info-notes', id: 'info-notes' },
            el('summary', {}, UI.data.infoCount(info.length)),
            problemList(app, info),
          )
        : null,
    );
  };

  /** Runs a server call that changes the spreadsheet, then reads it again. */
  const change = (work: () => Promise<string>) => {
    app.showError(null);
    status.textContent = '';
    void whileBusy(async () => {
      try {
        const message = await work();
        actions.refresh();
        status.textContent = message;
      } catch (e) {
        app.showError(errorText(e, UI.unknownError));
      }
    });
  };

  const exampleButton = () => {
    const b = callButton(el('button', { type: 'button', id: 'open-example' }, UI.example.open));
    b.addEventListener('click', () => {
      status.textContent = UI.example.opening;
      change(async () => (await call('openExample')).message);
    });
    return b;
  };

  const showFirstSteps = (o: DataOverview) => {
    const f = o.firstRun;
    first.hidden = f.hasTabs;
    if (f.hasTabs) return;
    const errors = o.problems.filter((p) => p.severity === 'error').length;
    const go = el('button', { type: 'button', id: 'go-run', class: 'primary' }, UI.firstSteps.goRun);
    go.addEventListener('click', actions.goRun);
    const step1 = f.hasResults
      ? firstStep(1, 'done', UI.firstSteps.pasted(o.works.length))
      : firstStep(
          1,
          'now',
          el('p', {}, UI.firstSteps.paste),
          f.unrecognised.length
            ? el('p', { class: 'warn-text' }, UI.firstSteps.notRecognised(f.unrecognised.map((n) => `«${n}»`).join(', ')))
            : null,
          el('p', {}, UI.firstSteps.tryExample),
          el('div', { class: 'actions' }, exampleButton()),
        );
    const step2 = !f.hasResults
      ? firstStep(2, 'later', UI.firstSteps.check)
      : errors > 0
        ? firstStep(2, 'now', UI.firstSteps.fix(errors))
        : firstStep(2, 'done', el('p', {}, UI.firstSteps.checked, ' ', el('span', { class: 'muted' }, UI.firstSteps.checkBelow)));
    const step3 = firstStep(
      3,
      f.hasResults && errors === 0 ? 'now' : 'later',
      el('p', {}, UI.firstSteps.run),
      f.hasResults && errors === 0 ? el('div', { class: 'actions' }, go) : null,
    );
    fill(
      first,
      el('h2', { id: 'first-h' }, UI.firstSteps.heading),
      el('ol', { class: 'first-steps' }, step1, step2, step3),
      el('p', { class: 'muted small' }, UI.firstSteps.after),
    );
  };

  const showExampleNote = (o: DataOverview) => {
    exampleNote.hidden = !o.firstRun.example;
    if (!o.firstRun.example) return;
    const remove = callButton(el('button', { type: 'button', id: 'remove-example', class: 'small' }, UI.example.remove));
    remove.addEventListener('click', () => change(async () => (await call('removeExample')).message));
    fill(exampleNote, el('p', {}, UI.example.notice), remove);
  };

  /** The inline form of «Указать»: only what ОКО could not read is asked. */
  const describeForm = (w: WorkView, item: HTMLElement, toggle: HTMLButtonElement) => {
    const id = `wk-${Math.abs([...w.sheet].reduce((a, c) => (a * 31 + c.charCodeAt(0)) | 0, 7))}`;
    const subject = el(
      'select',
      { id: `${id}-subject` },
      el('option', { value: '' }, UI.data.chooseSubject),
      ...subjects.map((s) => el('option', { value: s }, s)),
    );
    const grade = el('input', { type: 'number', id: `${id}-grade`, min: '1', max: '11', inputmode: 'numeric' });
    const date = el('input', { type: 'date', id: `${id}-date` });
    const field = (control: HTMLElement, label: string) => el('div', { class: 'field' }, el('label', { for: control.id }, label), control);
    const save = callButton(el('button', { type: 'submit', class: 'primary small' }, UI.data.describeSave));
    const cancel = el('button', { type: 'button', class: 'small' }, UI.data.describeCancel);
    const note = el('p', { class: 'status', role: 'status' });
    const form = el(
      'form',
      { class: 'describe', novalidate: '' },
      el(
        'fieldset',
        {},
        el('legend', {}, UI.data.describeLegend(w.sheet)),
        w.subject === null ? field(subject, UI.data.subject) : null,
        w.grade === null ? field(grade, UI.data.grade) : null,
        w.date === null ? field(date, UI.data.date) : null,
        el('p', { class: 'help' }, UI.data.describeHelp),
        el('div', { class: 'actions' }, save, cancel),
        note,
      ),
    );
    cancel.addEventListener('click', () => {
      form.remove();
      toggle.hidden = false;
      toggle.focus();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const g = Number.parseInt(grade.value, 10);
      const req = {
        sheet: w.sheet,
        subject: w.subject === null ? subject.value : '',
        grade: w.grade === null && Number.isInteger(g) && g >= 1 && g <= 11 ? g : null,
        date: w.date === null ? date.value : '',
      };
      if (req.subject === '' && req.grade === null && req.date === '') {
        note.textContent = UI.data.describeNothing;
        return;
      }
      change(async () => (await call('describeWork', req)).message);
    });
    item.append(form);
    toggle.hidden = true;
    (form.querySelector('select, input') as HTMLElement | null)?.focus();
  };

  const workItem = (w: WorkView) => {
    const facts = [
      w.kind,
      w.subject ?? null,
      w.grade !== null ? UI.data.gradeLine(w.grade) : null,
      w.date !== null ? ruDate(w.date) : null,
    ].filter((x): x is string => x !== null);
    const missing: string[] = [
      w.subject === null ? UI.data.subjectUnknown : null,
      w.grade === null ? UI.data.gradeUnknown : null,
      w.date === null ? UI.data.dateUnknown : null,
    ].filter((x) => x !== null);
    const item = el(
      'li',
      { class: 'work', 'data-sheet': w.sheet },
      placeLink(app, { sheet: w.sheet, row: null, col: null }, UI.data.goTo(w.sheet), el('span', { class: 'sheet-name' }, w.sheet)),
      el('span', { class: 'block facts' }, facts.join(' · ')),
      el(
        'span',
        { class: 'block muted' },
        [
          UI.data.people(w.participants, w.absent),
          w.classes.length ? UI.data.classes(w.classes.join(', ')) : '',
          UI.data.layout[w.layout] ?? '',
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    );
    if (missing.length) {
      // A missing subject or grade stops the work being linked and planned: worth the user's attention; a date is optional.
      const serious = w.subject === null || w.grade === null;
      const toggle = el('button', { type: 'button', class: 'link', title: UI.data.describeHint }, UI.data.describe);
      toggle.addEventListener('click', () => describeForm(w, item, toggle));
      item.append(el('span', { class: `block missing${serious ? ' warn-text' : ' muted'}` }, `${missing.join(', ')} · `, toggle));
    }
    return item;
  };

  return {
    panel,
    setProblems,
    show(overview) {
      subjects = overview.subjects;
      setProblems(overview.problems);
      // Before anything is pasted, «no errors» says nothing: the first steps say what to do.
      counts.hidden = !overview.firstRun.hasResults && overview.errors + overview.warnings === 0;
      showFirstSteps(overview);
      showExampleNote(overview);
      fill(
        works,
        overview.works.length === 0
          ? el('p', { class: 'muted' }, UI.data.noWorks)
          : el('ul', { class: 'works' }, ...overview.works.map(workItem)),
      );
      const others = overview.sheets.filter((s) => s.kind !== 'results');
      fill(
        sheets,
        others.length === 0
          ? null
          : el(
              'details',
              { class: 'other-sheets', id: 'other-sheets', ...(overview.works.length === 0 ? { open: '' } : {}) },
              el('summary', {}, UI.data.otherHeading(others.length)),
              el('ul', { class: 'sheets' }, ...others.map((s) => sheetItem(app, s))),
            ),
      );
    },
  };
}
