// Rendering of server data that several sections use: links to places, problems, summary blocks.
// All text goes through text nodes (see dom.ts).

import { UI } from '../src/core/strings';
import type { CellRef, ProblemView, SummaryBlock, SummaryItem } from '../src/server/contract';
import type { App } from './app';
import { callButton } from './busy';
import { type Child, el } from './dom';

/** A link-looking button that moves the cursor to `place`. */
export function placeLink(app: App, place: CellRef, label: string, ...content: Child[]): HTMLButtonElement {
  const b = callButton(el('button', { type: 'button', class: 'link', title: label }, ...content));
  if (content.length === 0) b.textContent = label;
  b.addEventListener('click', () => app.jump(place));
  return b;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function problemList(app: App, problems: readonly ProblemView[]): HTMLElement {
  if (problems.length === 0) return el('p', { class: 'muted' }, UI.data.noProblems);
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const items = sorted.map((p) => {
    const badge = el('span', { class: `severity ${p.severity}` }, UI.data.severity[p.severity] ?? p.severity);
    const body = p.place ? placeLink(app, p.place, p.text, p.text) : el('span', {}, p.text);
    return el('li', { class: `problem problem-${p.severity}` }, badge, ' ', body);
  });
  const hint = sorted.some((p) => p.place) ? el('p', { class: 'muted' }, UI.data.jumpHint) : null;
  return el('div', {}, hint, el('ul', { class: 'problems' }, ...items));
}

function summaryItem(app: App, it: SummaryItem): HTMLElement {
  return el('li', { class: `tone-${it.tone}` }, it.place ? placeLink(app, it.place, it.text, it.text) : it.text);
}

/** Blocks of a step's summary; with many blocks (one per work), each folds to its title. */
export function summaryBlocks(app: App, blocks: readonly SummaryBlock[]): HTMLElement {
  const fold = blocks.length > 3;
  return el(
    'div',
    { class: 'blocks' },
    ...blocks.map((b) =>
      el(
        'details',
        fold ? { class: 'block' } : { class: 'block', open: '' },
        el('summary', {}, b.title),
        el('ul', { class: 'summary' }, ...b.items.map((i) => summaryItem(app, i))),
      ),
    ),
  );
}
