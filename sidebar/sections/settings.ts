// «Настройки»: every setting with its label, value, explanation and range, filled with what the
// analysis uses now (the defaults before «Настройки ОКО» exists). An emptied field means the default,
// never «Нужно число.». Checked here (number, range) before anything is sent, and again on the server
// (with the order of paired thresholds).

import { UI } from '../../src/core/strings';
import type { FieldError, SettingField, SettingsView } from '../../src/server/contract';
import { type App, errorText } from '../app';
import { callButton, whileBusy } from '../busy';
import { el, fill } from '../dom';
import { problemList } from '../render';
import { call } from '../server';

/** «28,5» or «28.5» → 28.5; null for anything that is not a plain number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The value a field stands for: its number, the default when empty, null when it is not a number. */
export function fieldValue(f: SettingField, text: string): number | null {
  return text.trim() === '' ? f.default : parseNumber(text);
}

export function checkField(f: SettingField, text: string): string | null {
  const n = fieldValue(f, text);
  if (n === null) return UI.settings.invalidNumber;
  if (n < f.min || n > f.max) return UI.settings.outOfRange(f.min, f.max);
  return null;
}

interface Row {
  field: SettingField;
  input: HTMLInputElement;
  error: HTMLElement;
}

export function settingsSection(app: App): { panel: HTMLElement; load(): void } {
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const problems = el('div');
  const form = el('form', { novalidate: '', class: 'settings' });
  const panel = el(
    'section',
    {},
    el('h2', {}, UI.settings.heading),
    el('p', { class: 'muted' }, UI.settings.intro, ' ', UI.settings.emptyIsDefault),
    problems,
    form,
    status,
  );
  let rows: Row[] = [];

  const setError = (row: Row, message: string | null) => {
    row.input.setAttribute('aria-invalid', String(message !== null));
    row.error.textContent = message ?? '';
    row.error.hidden = message === null;
  };

  const render = (view: SettingsView) => {
    fill(
      problems,
      view.problems.length ? problemList(app, view.problems) : null,
      view.exists ? null : el('p', { class: 'muted' }, UI.settings.missingSheet),
    );
    rows = view.fields.map((f) => {
      const id = `set-${f.key.replace(/\W/g, '-')}`;
      const input = el('input', {
        id,
        name: f.key,
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        'aria-describedby': `${id}-help ${id}-err`,
      });
      input.value = f.value;
      input.placeholder = String(f.default).replace('.', ',');
      const error = el('p', { id: `${id}-err`, class: 'field-error' });
      error.hidden = true;
      return { field: f, input, error };
    });
    const save = callButton(el('button', { type: 'submit', class: 'primary', id: 'settings-save' }, UI.settings.save));
    const defaults = el('button', { type: 'button', id: 'settings-defaults' }, UI.settings.defaults);
    defaults.addEventListener('click', () => {
      for (const r of rows) {
        r.input.value = String(r.field.default).replace('.', ',');
        setError(r, null);
      }
      status.textContent = UI.settings.defaultsHint;
    });
    fill(
      form,
      ...rows.map((r) =>
        el(
          'div',
          { class: 'field' },
          el('label', { for: r.input.id }, r.field.label),
          r.input,
          el(
            'p',
            { id: `${r.input.id}-help`, class: 'help' },
            r.field.help,
            ' ',
            UI.settings.range(r.field.min, r.field.max, r.field.default),
          ),
          r.error,
        ),
      ),
      el('div', { class: 'actions sticky' }, save, defaults),
    );
  };

  const showServerErrors = (errors: readonly FieldError[]) => {
    for (const r of rows) setError(r, errors.find((e) => e.key === r.field.key)?.message ?? null);
    rows.find((r) => r.input.getAttribute('aria-invalid') === 'true')?.input.focus();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values: Record<string, number> = {};
    let bad = 0;
    for (const r of rows) {
      const message = checkField(r.field, r.input.value);
      setError(r, message);
      if (message) bad++;
      else values[r.field.key] = fieldValue(r.field, r.input.value) as number;
    }
    if (bad > 0) {
      status.textContent = UI.settings.fixErrors(bad);
      rows.find((r) => r.input.getAttribute('aria-invalid') === 'true')?.input.focus();
      return;
    }
    app.showError(null);
    status.textContent = '';
    void whileBusy(async () => {
      try {
        const result = await call('saveSettings', values);
        if (!result.ok) {
          showServerErrors(result.errors);
          status.textContent = UI.settings.refused(result.errors.length);
          return;
        }
        for (const r of rows) setError(r, null);
        status.textContent = (result.created ? `${UI.settings.created} ` : '') + UI.settings.saved(result.written);
      } catch (err) {
        app.showError(errorText(err, UI.unknownError));
      }
    });
  });

  const load = () => {
    app.showError(null);
    status.textContent = UI.loading;
    void whileBusy(async () => {
      try {
        render(await call('getSettings'));
        status.textContent = '';
      } catch (err) {
        status.textContent = '';
        app.showError(errorText(err, UI.unknownError));
      }
    });
  };
  return { panel, load };
}
