// Rendering of server data: the recognised sheets, the problems (each a button to its cell), the
// summary after a run. All text goes through textContent (see dom.ts).
import { S } from '../src/core/strings';
import type { AnalysisStepResult, CellRef, ProblemView, ProcedureView, SheetView } from '../src/server/contract';
import { el } from './dom';

export function sheetList(sheets: readonly SheetView[]): HTMLElement {
  if (sheets.length === 0) return el('p', { class: 'muted' }, S.sidebar.noSheets);
  return el(
    'ul',
    { class: 'sheets' },
    ...sheets.map((s) =>
      el(
        'li',
        { class: `sheet kind-${s.kind}` },
        el('span', { class: 'sheet-name' }, s.name),
        ' ',
        el('span', { class: 'tag' }, S.sidebar.kind[s.kind] ?? s.kind),
        s.layout ? el('span', { class: 'muted block' }, S.sidebar.layout[s.layout] ?? s.layout) : null,
        s.procedure ? el('span', { class: 'muted block' }, S.sidebar.sheetDetails(s.procedure, s.participants ?? 0)) : null,
      ),
    ),
  );
}

export function problemList(problems: readonly ProblemView[], onJump: (place: CellRef) => void): HTMLElement {
  if (problems.length === 0) return el('p', { class: 'muted' }, S.sidebar.noProblems);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  const hint = sorted.some((p) => p.place) ? el('p', { class: 'muted' }, S.sidebar.jumpHint) : null;
  const items = sorted.map((p) => {
    const label = el('span', { class: `severity ${p.severity}` }, S.sidebar.severity[p.severity]);
    const place = p.place;
    if (!place) return el('li', { class: 'problem' }, label, ' ', p.text);
    const button = el('button', { type: 'button', class: 'problem-button' }, label, ' ', p.text);
    button.addEventListener('click', () => onJump(place));
    return el('li', { class: 'problem' }, button);
  });
  const list = el('ul', { class: 'problems' }, ...items);
  const box = el('div');
  if (hint) box.append(hint);
  box.append(list);
  return box;
}

export function percent(n: number): string {
  return `${n.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
}

function procedureSummary(p: ProcedureView): HTMLElement {
  return el(
    'div',
    { class: 'procedure' },
    el('h3', {}, p.title),
    el('p', {}, S.sidebar.participants(p.participants, p.absent)),
    el('p', {}, p.meanCompletion === null ? S.sidebar.noMean : S.sidebar.meanCompletion(percent(p.meanCompletion))),
    p.classes.length ? el('p', {}, S.sidebar.classesHeading) : null,
    p.classes.length
      ? el(
          'ul',
          { class: 'classes' },
          ...p.classes.map((c) =>
            el(
              'li',
              { class: c.insufficient > 0 ? 'has-deficits' : '' },
              S.sidebar.classLine(c.name, c.insufficient, c.participants),
              c.reliable ? null : el('span', { class: 'muted' }, S.sidebar.unreliableMark),
            ),
          ),
        )
      : null,
  );
}

export function summaryView(result: AnalysisStepResult): HTMLElement {
  const { written, created, deleted } = result.tabs;
  return el(
    'div',
    {},
    ...result.summary.procedures.map(procedureSummary),
    written.length ? el('p', { class: 'muted' }, S.sidebar.tabsWritten(written.join(', '))) : null,
    created.length ? el('p', { class: 'muted' }, S.sidebar.tabsCreated(created.join(', '))) : null,
    deleted.length ? el('p', { class: 'muted' }, S.sidebar.tabsDeleted(deleted.join(', '))) : null,
  );
}
