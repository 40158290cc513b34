// Settings saved from the sidebar: checked as the analysis would read them, refused as a whole, and
// written into the value cells only (one call on a sheet ОКО made).
import { describe, expect, it } from 'vitest';
import { buildSettingsTab } from '../../src/core/output/settings-tab';
import { defaultSettings, SETTING_DEFS } from '../../src/core/settings';
import { saveSettings, settingsView } from '../../src/server/settings';
import { writeSpec } from '../../src/sheets/write';
import type { FakeSheet } from '../fakes';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

function withSettings(): { gas: ReturnType<typeof fakeGas>; sheet: FakeSheet } {
  const gas = fakeGas();
  gas.ss.addSheet('Протокол', smallProtocol());
  const sheet = writeSpec(gas.ss, buildSettingsTab(defaultSettings())) as FakeSheet;
  return { gas, sheet };
}

const column = (sheet: FakeSheet, col: number) => sheet.snapshot().map((r) => r[col - 1]);

describe('saving settings', () => {
  it('writes the value column only, in one call', () => {
    const { gas, sheet } = withSettings();
    // Russian first: «Параметр | Значение | Пояснение | Ключ (служебный…)».
    expect(sheet.snapshot()[0]).toEqual(['Параметр', 'Значение', 'Пояснение', 'Ключ (служебный, не меняйте)']);
    const keys = column(sheet, 4);
    const labels = column(sheet, 1);
    gas.log.reset();
    const result = saveSettings(gas.ss, { 'deficit.basicSufficient': 65, 'sample.minReliable': 12 });
    expect(result).toMatchObject({ ok: true, created: false, written: SETTING_DEFS.length, errors: [] });
    expect(gas.log.count('Range.setValues')).toBe(1);
    expect(gas.log.count('Range.getValues')).toBe(1);
    expect(column(sheet, 4)).toEqual(keys);
    expect(column(sheet, 1)).toEqual(labels);
    expect(sheet.peek(2, 2)?.value).toBe(65);
    const reliable = keys.indexOf('sample.minReliable') + 1;
    expect(sheet.peek(reliable, 2)?.value).toBe(12);
    expect(result.settings.fields.find((f) => f.key === 'sample.minReliable')?.value).toBe('12');
  });

  it('refuses as a whole with a message per field, and writes nothing', () => {
    const { gas, sheet } = withSettings();
    const before = sheet.snapshot();
    gas.log.reset();
    const result = saveSettings(gas.ss, { 'deficit.basicSufficient': 50, 'deficit.basicUncertain': 55, 'journal.minGap': 7 });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { key: 'journal.minGap', message: 'нужно число от 1 до 3' },
      {
        key: 'deficit.basicUncertain',
        message: expect.stringMatching(/^значение «Базовое задание: «на грани» от, %» должно быть не больше/),
      },
    ]);
    expect(gas.log.count('Range.setValues')).toBe(0);
    expect(sheet.snapshot()).toEqual(before);
  });

  it('keeps what the user typed elsewhere on the sheet, finds it under another case, and adds rows an older version lacked', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    // An older sheet: two settings, a blank row between them, a note below, its name in lower case.
    const sheet = gas.ss.addSheet('настройки око', [
      ['Ключ', 'Параметр', 'Значение', 'Пояснение'],
      ['deficit.basicSufficient', 'Базовое', 60, ''],
      ['', '', 'моя заметка', ''],
      ['deficit.basicUncertain', 'На грани', 57, ''],
    ]);
    gas.log.reset();
    const result = saveSettings(gas.ss, { 'deficit.basicSufficient': 61 });
    expect(result.ok).toBe(true);
    // Two runs of rows (2 and 4), and one block for the missing settings.
    expect(gas.log.count('Range.setValues')).toBe(3);
    expect(sheet.peek(2, 3)?.value).toBe(61);
    expect(sheet.peek(3, 3)?.value).toBe('моя заметка');
    expect(sheet.peek(4, 3)?.value).toBe(57);
    expect(sheet.peek(5, 1)?.value).toBe(SETTING_DEFS[2].key);
    expect(sheet.snapshot().filter((r) => SETTING_DEFS.some((d) => d.key === r[0]))).toHaveLength(SETTING_DEFS.length);
    expect(gas.ss.tabNames()).toEqual(['Протокол', 'настройки око']);
    // Read back as the analysis reads it: nothing missing, no problems.
    const view = settingsView(gas.ss);
    expect(view.problems).toEqual([]);
    expect(view.fields.every((f) => f.value !== '')).toBe(true);
  });

  it('creates the sheet with the defaults and the new values when it is missing', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    expect(settingsView(gas.ss).exists).toBe(false);
    const result = saveSettings(gas.ss, { 'risk.lowShare': 40 });
    expect(result).toMatchObject({ ok: true, created: true });
    const view = settingsView(gas.ss);
    expect(view.exists).toBe(true);
    expect(view.fields.find((f) => f.key === 'risk.lowShare')?.value).toBe('40');
    expect(view.fields.find((f) => f.key === 'deficit.advancedUncertain')?.value).toBe('28,5');
  });

  it('shows a bad value on the sheet as it is, with its problem', () => {
    const { gas, sheet } = withSettings();
    sheet.cellAt(2, 2).value = 'шестьдесят';
    const view = settingsView(gas.ss);
    expect(view.fields[0]?.value).toBe('шестьдесят');
    expect(view.problems.map((p) => [p.severity, p.a1])).toEqual([['error', 'B2']]);
  });

  it('before the sheet exists, shows the defaults the analysis uses (never blank fields)', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    const view = settingsView(gas.ss);
    expect(view.exists).toBe(false);
    expect(view.fields.map((f) => f.value)).toEqual(SETTING_DEFS.map((d) => String(d.default).replace('.', ',')));
  });

  it('reads and writes a sheet of an earlier version without a header (key in A, value in C) where it is', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    const sheet = gas.ss.addSheet('Настройки ОКО', [
      ['deficit.basicSufficient', 'Базовое', 61],
      ['sample.minReliable', 'Мало', 9],
    ]);
    const view = settingsView(gas.ss);
    expect(view.fields.find((f) => f.key === 'sample.minReliable')?.value).toBe('9');
    // A row the old sheet lacks shows its default.
    expect(view.fields.find((f) => f.key === 'deficit.basicUncertain')?.value).toBe('57');
    const result = saveSettings(gas.ss, { 'sample.minReliable': 11 });
    expect(result.ok).toBe(true);
    expect(sheet.peek(2, 3)?.value).toBe(11);
    expect(sheet.peek(1, 3)?.value).toBe(61);
    // The missing rows are added in the sheet's own layout.
    expect(sheet.peek(3, 1)?.value).toBe(SETTING_DEFS[1].key);
    expect(sheet.peek(3, 3)?.value).toBe(SETTING_DEFS[1].default);
  });
});
