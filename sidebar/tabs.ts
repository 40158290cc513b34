// The four sections as an ARIA tab list: one tab in the tab order (roving tabindex), arrows, Home and
// End move between tabs and show them, Enter and Space work as on any button.
import { el } from './dom';

export interface Section {
  id: string;
  label: string;
  panel: HTMLElement;
  /** Called the first time the section is shown. */
  onFirstShow?: () => void;
}

export function tabList(label: string, sections: readonly Section[]): { bar: HTMLElement; show(id: string, focus?: boolean): void } {
  const shown = new Set<string>();
  const tabs = sections.map((s) =>
    el('button', { type: 'button', role: 'tab', id: `tab-${s.id}`, 'aria-controls': `panel-${s.id}`, class: 'tab' }, s.label),
  );
  sections.forEach((s) => {
    s.panel.id = `panel-${s.id}`;
    s.panel.setAttribute('role', 'tabpanel');
    s.panel.setAttribute('aria-labelledby', `tab-${s.id}`);
    s.panel.tabIndex = 0;
  });
  const show = (id: string, focus = false) => {
    sections.forEach((s, i) => {
      const on = s.id === id;
      const tab = tabs[i] as HTMLButtonElement;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      s.panel.hidden = !on;
      if (on) {
        if (focus) tab.focus();
        if (!shown.has(id)) {
          shown.add(id);
          s.onFirstShow?.();
        }
      }
    });
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show((sections[i] as Section).id));
    tab.addEventListener('keydown', (e) => {
      const n = sections.length;
      const to =
        e.key === 'ArrowRight'
          ? (i + 1) % n
          : e.key === 'ArrowLeft'
            ? (i - 1 + n) % n
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? n - 1
                : -1;
      if (to < 0) return;
      e.preventDefault();
      show((sections[to] as Section).id, true);
    });
  });
  const bar = el('div', { role: 'tablist', 'aria-label': label, class: 'tabs' }, ...tabs);
  return { bar, show: (id, focus = false) => show(id, focus) };
}
