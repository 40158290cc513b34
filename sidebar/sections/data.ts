// «Данные»: what ОКО recognised in the spreadsheet and the problems it found, each a link to its cell.

import { UI } from '../../src/core/strings';
import type { DataOverview, ProblemView, SheetView } from '../../src/server/contract';
import type { App } from '../app';
import { callButton } from '../busy';
import { el, fill } from '../dom';
import { placeLink, problemList } from '../render';

export interface DataSection {
  panel: HTMLElement;
  show(overview: DataOverview): void;
  setProblems(problems: readonly ProblemView[]): void;
}

function sheetItem(app: App, s: SheetView): HTMLElement {
  const details = UI.data.details(s.subject, s.grade, s.participants);
  return el(
    'li',
    { class: `sheet kind-${s.kind}` },
    placeLink(app, { sheet: s.name, row: null, col: null }, UI.data.goTo(s.name), el('span', { class: 'sheet-name' }, s.name)),
    ' ',
    el('span', { class: 'tag' }, UI.data.kind[s.kind] ?? s.kind),
    s.layout ? el('span', { class: 'muted block' }, UI.data.layout[s.layout] ?? s.layout) : null,
    s.procedure ? el('span', { class: 'block' }, s.procedure) : null,
    details ? el('span', { class: 'muted block' }, details) : null,
  );
}

export function dataSection(app: App, onRefresh: () => void): DataSection {
  const counts = el('p', { class: 'counts', role: 'status' });
  const problems = el('div', { id: 'problems' });
  const sheets = el('div', { id: 'sheets' });
  const refresh = callButton(el('button', { type: 'button', id: 'refresh' }, UI.refresh));
  refresh.addEventListener('click', onRefresh);
  const panel = el(
    'section',
    {},
    el('div', { class: 'actions' }, refresh),
    counts,
    el('h2', { id: 'problems-h' }, UI.data.problemsHeading),
    problems,
    el('h2', { id: 'sheets-h' }, UI.data.sheetsHeading),
    sheets,
  );
  const setProblems = (list: readonly ProblemView[]) => {
    const errors = list.filter((p) => p.severity === 'error').length;
    const warnings = list.filter((p) => p.severity === 'warning').length;
    counts.textContent = UI.data.counts(errors, warnings);
    counts.className = errors > 0 ? 'counts has-errors' : 'counts';
    fill(problems, problemList(app, list));
  };
  return {
    panel,
    setProblems,
    show(overview) {
      setProblems(overview.problems);
      fill(
        sheets,
        overview.sheets.length === 0
          ? el('p', { class: 'muted' }, UI.data.noSheets)
          : el('ul', { class: 'sheets' }, ...overview.sheets.map((s) => sheetItem(app, s))),
      );
    },
  };
}
