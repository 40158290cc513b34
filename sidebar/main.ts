// The sidebar: four sections in tabs — «Данные» (first steps, recognised works and problems, each a
// link to its cell), «Настройки», «Анализ» (a sticky run bar with progress, «Что дальше» and the
// results, the steps, «Справка и ИОМ в Google Документах»), «Фильтр ШМО». Buttons that call the server
// are disabled while a call runs; a failure outside a run shows in the alert box under the tabs, brought
// into view.

import { UI } from '../src/core/strings';
import type { CellRef } from '../src/server/contract';
import { type App, errorText } from './app';
import { whileBusy } from './busy';
import { byId, el, fill, setError } from './dom';
import { analysisSection } from './sections/analysis';
import { dataSection } from './sections/data';
import { documentsSection } from './sections/documents';
import { filterSection } from './sections/filter';
import { settingsSection } from './sections/settings';
import { call } from './server';
import { tabList } from './tabs';

function showError(message: string | null): void {
  const box = byId('error');
  setError(box, message);
  if (message === null) return;
  const top = box.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight - 40) box.scrollIntoView({ block: 'nearest' });
}

function jump(place: CellRef): void {
  showError(null);
  void whileBusy(async () => {
    try {
      await call('activateCell', place);
    } catch (e) {
      showError(errorText(e, UI.unknownError));
    }
  });
}

function start(): void {
  const app: App = { jump, showError, setProblems: (p) => data.setProblems(p) };
  const data = dataSection(app, {
    refresh: () => load(),
    goRun: () => {
      tabs.show('analysis', true);
      byId('run').focus();
    },
  });
  const settings = settingsSection(app);
  const documents = documentsSection(app);
  const analysis = analysisSection(app, { goDocuments: () => documents.focus() });
  analysis.slot.append(documents.panel);
  const filter = filterSection(app);
  const tabs = tabList(UI.sectionsLabel, [
    { id: 'data', label: UI.sections.data, panel: data.panel },
    { id: 'settings', label: UI.sections.settings, panel: settings.panel, onFirstShow: settings.load },
    { id: 'analysis', label: UI.sections.analysis, panel: analysis.panel },
    { id: 'filter', label: UI.sections.filter, panel: filter.panel },
  ]);
  const status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const root = document.getElementById('app') ?? document.body;
  fill(
    root,
    el(
      'main',
      {},
      el('header', {}, el('h1', {}, UI.title), el('p', { class: 'muted intro' }, UI.intro)),
      tabs.bar,
      el('div', { id: 'error', class: 'error', role: 'alert', hidden: '' }),
      status,
      data.panel,
      settings.panel,
      analysis.panel,
      filter.panel,
    ),
  );

  const load = () => {
    showError(null);
    status.textContent = UI.loading;
    void whileBusy(async () => {
      try {
        const overview = await call('getDataOverview');
        data.show(overview);
        analysis.show(overview.steps);
        documents.show(overview.documents, !overview.firstRun.hasResults ? UI.docs.noData : overview.errors > 0 ? UI.docs.fixFirst : null);
        // The menu «Дорожная карта…» opens the panel on the roadmap form.
        if (overview.steps.some((s) => s.form?.focus)) {
          tabs.show('analysis');
          analysis.focusForm();
        }
        filter.show(overview.filter.options, overview.filter.saved);
      } catch (e) {
        showError(errorText(e, UI.unknownError));
      } finally {
        status.textContent = '';
      }
    });
  };
  tabs.show('data');
  load();
}

start();
