// The parameters of the «Дорожная карта» step: template, academic year, procedure, results date and
// levels. The options and defaults come from the server (templates by their short names, the current
// academic year, the analysed procedures); the year then follows the results date (`defaultAcademicYear`)
// until the user types one; the form is remembered per user on every change, so the menu's «Создать
// шаблон» knows the chosen template. Values are sent as they are (ISO date from the date input): the
// server checks them and answers in Russian.

import { academicYear, defaultAcademicYear, isIsoDate } from '../../src/core/roadmap/dates';
import { UI } from '../../src/core/strings';
import type { RoadmapForm, RoadmapFormInfo } from '../../src/server/contract';
import { ROADMAP_LEVELS, SHEET_TEMPLATE_ID } from '../../src/server/roadmap-levels';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el } from '../dom';
import { call } from '../server';

export interface RoadmapFormView {
  box: HTMLElement;
  value(): RoadmapForm;
  /** Template, year and procedure given: «Запустить» may run the step. */
  filled(): boolean;
  setDisabled(on: boolean): void;
  focus(): void;
  /** Puts the cursor on the first empty field that «filled» needs. */
  focusMissing(): void;
}

function field(id: string, label: string, control: HTMLElement, help?: string): HTMLElement {
  if (help) control.setAttribute('aria-describedby', `${id}-help`);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    help ? el('p', { class: 'help', id: `${id}-help` }, help) : null,
  );
}

export function roadmapForm(app: App, info: RoadmapFormInfo): RoadmapFormView {
  const saved = info.saved;
  const template = el(
    'select',
    { id: 'rm-template' },
    el('option', { value: '' }, UI.roadmap.chooseTemplate),
    ...info.templates.map((t) => el('option', { value: t.id }, t.title)),
  );
  template.value = saved && info.templates.some((t) => t.id === saved.template) ? saved.template : '';
  const year = el('input', { type: 'text', id: 'rm-year', inputmode: 'numeric', autocomplete: 'off' });
  year.value = saved?.year || info.defaultYear;
  // The year follows the results date until the user types a year of their own: right after a spring
  // ВПР the roadmap is for the coming school year, not the one that is nearly over.
  let yearFollowsResults = !saved?.year || saved.year === info.defaultYear;
  const list = el('datalist', { id: 'rm-procedures' }, ...info.procedures.map((p) => el('option', { value: p })));
  const procedure = el('input', { type: 'text', id: 'rm-procedure', list: 'rm-procedures', autocomplete: 'off' });
  procedure.value = saved?.procedure || (info.procedures[0] ?? '');
  const results = el('input', { type: 'date', id: 'rm-results' });
  results.value = saved?.resultsDate ?? '';
  const followResults = () => {
    if (yearFollowsResults && isIsoDate(results.value)) year.value = academicYear(defaultAcademicYear(results.value)).label;
  };
  followResults();
  year.addEventListener('input', () => {
    yearFollowsResults = false;
  });
  results.addEventListener('change', followResults);
  const levels = ROADMAP_LEVELS.map((level) => {
    const box = el('input', { type: 'checkbox', id: `rm-level-${level}`, value: level });
    box.checked = saved ? saved.levels.length === 0 || saved.levels.includes(level) : true;
    return { level, box };
  });
  const copy = callButton(el('button', { type: 'button', id: 'rm-copy', title: UI.roadmap.copyHint }, UI.roadmap.copyTemplate));
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'rm-status' });

  const value = (): RoadmapForm => ({
    template: template.value,
    year: year.value.trim(),
    procedure: procedure.value.trim(),
    resultsDate: results.value,
    levels: levels.filter((l) => l.box.checked).map((l) => l.level),
  });

  const box = el(
    'fieldset',
    { class: 'rm-form', id: 'rm-form' },
    el('legend', {}, UI.roadmap.legend),
    field('rm-template', UI.roadmap.template, template),
    field('rm-year', UI.roadmap.year, year, UI.roadmap.yearHelp),
    field('rm-procedure', UI.roadmap.procedure, procedure, UI.roadmap.procedureHelp),
    list,
    field('rm-results', UI.roadmap.resultsDate, results, UI.roadmap.resultsDateHelp),
    el(
      'fieldset',
      { class: 'rm-levels', 'aria-describedby': 'rm-levels-help' },
      el('legend', {}, UI.roadmap.levels),
      ...levels.map((l) => el('span', { class: 'check' }, l.box, el('label', { for: l.box.id }, l.level))),
      el('p', { class: 'help', id: 'rm-levels-help' }, UI.roadmap.levelsHelp),
    ),
    el('div', { class: 'actions' }, copy),
    status,
  );

  // Remembered for this user on every change (no busy state: nothing waits for it).
  box.addEventListener('change', () => {
    status.textContent = '';
    call('saveRoadmapForm', value()).catch(() => undefined);
  });

  copy.addEventListener('click', () => {
    const id = template.value;
    if (id === '' || id === SHEET_TEMPLATE_ID) {
      status.textContent = UI.roadmap.chooseTemplateFirst;
      template.focus();
      return;
    }
    app.showError(null);
    void whileBusy(async () => {
      try {
        const r = await call('createRoadmapTemplate', id);
        status.textContent = r.message;
        if (r.created && !info.templates.some((t) => t.id === SHEET_TEMPLATE_ID)) {
          info.templates.push({ id: SHEET_TEMPLATE_ID, title: UI.roadmap.sheetTemplate });
          template.append(el('option', { value: SHEET_TEMPLATE_ID }, UI.roadmap.sheetTemplate));
        }
      } catch (e) {
        app.showError(errorText(e, UI.unknownError));
      }
    });
  });

  const controls = [template, year, procedure, results, ...levels.map((l) => l.box)];
  return {
    box,
    value,
    filled: () => {
      const v = value();
      return v.template !== '' && v.year !== '' && v.procedure !== '';
    },
    setDisabled: (on) => {
      for (const c of controls) c.disabled = on;
    },
    focus: () => template.focus(),
    focusMissing: () => {
      const v = value();
      (v.template === '' ? template : v.year === '' ? year : procedure).focus();
    },
  };
}
