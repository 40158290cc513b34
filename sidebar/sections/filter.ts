// «Фильтр ШМО»: subjects, parallel, class and teacher → the person's own view tab «ШМО · …» with the
// matching rows of the analytic tabs (the server builds it: src/server/filters.ts). Shared tabs are
// never filtered or hidden. The choice is kept for this user (server side) and restored when the panel opens.

import { UI } from '../../src/core/strings';
import type { FilterChoice, FilterOptions, FilterResult } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill } from '../dom';
import { placeLink, problemList } from '../render';
import { call } from '../server';

const ALL = '';

function select(
  id: string,
  label: string,
  options: readonly { value: string; text: string }[],
): { box: HTMLElement; select: HTMLSelectElement } {
  const s = el('select', { id }, ...options.map((o) => el('option', { value: o.value }, o.text)));
  return { box: el('div', { class: 'field' }, el('label', { for: id }, label), s), select: s };
}

export function filterSection(app: App): { panel: HTMLElement; show(options: FilterOptions, saved: FilterChoice | null): void } {
  const form = el('form', { novalidate: '', class: 'filter' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'filter-status' });
  const result = el('div', { id: 'filter-result' });
  const panel = el('section', {}, el('h2', {}, UI.filter.heading), el('p', { class: 'muted' }, UI.filter.intro), form, status, result);

  const tabLink = (name: string, text = name) => placeLink(app, { sheet: name, row: null, col: null }, name, text);

  const renderResult = (r: FilterResult) => {
    const parts: HTMLElement[] = [];
    if (r.applied) {
      for (const tab of r.tabs) {
        const here = r.sections.filter((x) => x.tab === tab);
        parts.push(el('p', {}, tabLink(tab, UI.filter.openTab(tab))));
        if (here.length > 0) {
          parts.push(el('ul', { class: 'summary' }, ...here.map((x) => el('li', {}, UI.filter.sectionLine(x.sheet, x.visible, x.total)))));
        }
      }
    }
    if (r.problems.length > 0) parts.push(problemList(app, r.problems));
    fill(result, ...parts);
  };

  /** What the status line says after a call. */
  const statusOf = (r: FilterResult, clearing: boolean): string => {
    if (r.problems.length > 0) return UI.filter.refused;
    if (clearing) return r.removed ? UI.filter.removed(r.tabs.join(', ')) : UI.filter.notRemoved;
    if (!r.applied) return UI.filter.empty;
    return r.sections.length > 0 ? UI.filter.done(r.tabs.join(', ')) : UI.filter.nothing;
  };

  const show = (options: FilterOptions, saved: FilterChoice | null) => {
    if (options.subjects.length === 0) {
      fill(form, el('p', { class: 'muted' }, UI.filter.noData));
      return;
    }
    const subjects = options.subjects.map((s, i) => {
      const box = el('input', { type: 'checkbox', id: `flt-subj-${i}`, value: s });
      box.checked = saved?.subjects.includes(s) ?? false;
      return box;
    });
    const grade = select('flt-grade', UI.filter.grade, [
      { value: ALL, text: UI.filter.all },
      ...options.grades.map((g) => ({ value: String(g), text: UI.filter.gradeOption(g) })),
    ]);
    const klass = select('flt-class', UI.filter.klass, [{ value: ALL, text: UI.filter.all }]);
    const teacher = select('flt-teacher', UI.filter.teacher, [
      { value: ALL, text: UI.filter.all },
      ...options.teachers.map((t) => ({ value: t.name, text: `${t.name} (${t.subjects.join(', ')})` })),
    ]);
    // Classes follow the parallel: only that parallel's classes are offered.
    const fillClasses = () => {
      const g = grade.select.value === ALL ? null : Number(grade.select.value);
      const keep = klass.select.value;
      fill(
        klass.select,
        el('option', { value: ALL }, UI.filter.all),
        ...options.classes.filter((c) => g === null || c.grade === g).map((c) => el('option', { value: c.name }, c.name)),
      );
      klass.select.value = [...klass.select.options].some((o) => o.value === keep) ? keep : ALL;
    };
    grade.select.value = saved?.grades[0] !== undefined ? String(saved.grades[0]) : ALL;
    fillClasses();
    // A saved class no longer offered falls back to «все» (an unknown value selects nothing, which is '').
    klass.select.value = saved?.classes[0] ?? ALL;
    teacher.select.value = saved?.teachers[0] ?? ALL;
    grade.select.addEventListener('change', fillClasses);

    const choice = (): FilterChoice => ({
      subjects: subjects.filter((s) => s.checked).map((s) => s.value),
      grades: grade.select.value === ALL ? [] : [Number(grade.select.value)],
      classes: klass.select.value === ALL ? [] : [klass.select.value],
      teachers: teacher.select.value === ALL ? [] : [teacher.select.value],
    });

    const apply = callButton(el('button', { type: 'submit', class: 'primary', id: 'filter-apply' }, UI.filter.apply));
    const clear = callButton(el('button', { type: 'button', id: 'filter-clear' }, UI.filter.clear));
    const run = (work: () => Promise<FilterResult>, clearing = false) => {
      app.showError(null);
      status.textContent = '';
      void whileBusy(async () => {
        try {
          const r = await work();
          renderResult(r);
          status.textContent = statusOf(r, clearing);
          // The person's own tab opens for them (the active tab is per user: nobody else is moved).
          const first = r.tabs[0];
          if (r.applied && first && r.sections.length > 0) app.jump({ sheet: first, row: null, col: null });
        } catch (e) {
          app.showError(errorText(e, UI.unknownError));
        }
      });
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      run(() => call('applyFilter', choice()));
    });
    clear.addEventListener('click', () => run(() => call('clearFilter'), true));

    fill(
      form,
      el(
        'fieldset',
        { class: 'subjects' },
        el('legend', {}, UI.filter.subjects),
        ...subjects.map((box) => el('div', { class: 'check' }, box, el('label', { for: box.id }, box.value))),
      ),
      grade.box,
      klass.box,
      options.teachers.length ? teacher.box : el('p', { class: 'muted' }, UI.filter.noTeachers),
      el('div', { class: 'actions' }, apply, clear),
    );
    if (saved) status.textContent = UI.filter.restored;
  };
  return { panel, show };
}
