// The sidebar: four sections in tabs — «Данные» (recognised sheets and problems, each a link to its
// cell), «Настройки», «Анализ» (steps with progress and a summary), «Фильтр ШМО». One failure box for
// every call; buttons that call the server are disabled while a call runs.

import { UI } from '../src/core/strings';
import type { CellRef } from '../src/server/contract';
import { type App, errorText } from './app';
import { whileBusy } from './busy';
import { byId, el, fill } from './dom';
import { analysisSection } from './sections/analysis';
import { dataSection } from './sections/data';
import { filterSection } from './sections/filter';
import { settingsSection } from './sections/settings';
import { call } from './server';
import { tabList } from './tabs';

function showError(message: string | null): void {
  const box = byId('error');
  if (message === null) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  fill(box, el('strong', {}, `${UI.errorHeading}: `), message);
  box.hidden = false;
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
  const data = dataSection(app, () => load());
  const settings = settingsSection(app);
  const analysis = analysisSection(app);
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
      el('header', {}, el('h1', {}, UI.title), el('p', { class: 'muted' }, UI.intro)),
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
