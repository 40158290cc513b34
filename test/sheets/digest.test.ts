// The optional e-mail digest (src/server/digest: the digest edition only, not the school one): built from the roadmap
// tabs as they are in the spreadsheet, one letter per responsible with an address on «Ответственные».
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, type Problem } from '../../src/core/problems';
import { weekStart } from '../../src/core/roadmap/digest';
import { type MailLike, RESPONSIBLES_SHEET, readResponsibles, sendDigest } from '../../src/server/digest/send';
import { roadmapStep } from '../../src/server/roadmap';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the weekly digest (optional module)', () => {
  it('sends the overdue activities to the responsibles who have an address, and names the others', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    const r = roadmapStep(gas.ss, {
      template: 'region-model-roadmap',
      year: '2026/2027',
      procedure: 'ВПР Математика 4 класс',
      resultsDate: '2026-05-15',
      levels: [],
    });
    const first = r.roadmap?.overdue[0];
    if (!first) throw new Error('nothing overdue');
    gas.ss.addSheet(RESPONSIBLES_SHEET, [
      ['Ответственный', 'E-mail'],
      [first.responsible, 'zam@school.example'],
    ]);
    const letters: { to: string; subject: string; body: string }[] = [];
    const mail: MailLike = { sendEmail: (to, subject, body) => letters.push({ to, subject, body }) };
    const report = sendDigest(gas.ss, mail, '2026-11-23');
    expect(report.sent).toEqual([{ responsible: first.responsible, to: 'zam@school.example', subject: letters[0]?.subject }]);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.subject).toBe('ОКО: дорожные карты — ваши мероприятия на 23.11.2026');
    expect(letters[0]?.body).toContain(first.title);
    expect(letters[0]?.body).toMatch(/Просрочено \(\d+\):/);
    expect(report.noAddress.length).toBeGreaterThan(0);
    expect(report.noAddress).not.toContain(first.responsible);
  });
});

describe('«Ответственные» and the week of a send', () => {
  it('reads addresses, names a wrong address by its cell, and warns about rows it skips', () => {
    const book = readResponsibles({
      name: RESPONSIBLES_SHEET,
      values: [
        ['Адреса для рассылки ОКО'],
        ['Ответственный', 'Должность', 'E-mail'],
        ['Иванова И.И.', 'зам. по УВР', 'ivanova@school.example'],
        ['Руководители ШМО', '', 'a@school.example; b@school.example'],
        ['Петров П.П.', 'учитель', 'petrov(at)school.example'],
        ['', '', 'nobody@school.example'],
        ['Иванова И.И.', '', 'other@school.example'],
        ['Сидорова С.С.', '', ''],
      ],
    });
    expect([...book.addresses]).toEqual([
      ['иванова и.и.', 'ivanova@school.example'],
      ['руководители шмо', 'a@school.example,b@school.example'],
    ]);
    expect([...book.bad]).toEqual(['петров п.п.']);
    expect(book.problems.map((p) => [p.severity, p.code, p.row, p.col])).toEqual([
      ['error', 'digest-email-bad', 5, 3],
      ['warning', 'digest-email-no-name', 6, 1],
      ['warning', 'digest-duplicate', 7, 1],
    ]);
    expect(formatProblem(book.problems[0] as Problem)).toBe(
      'Лист «Ответственные», ячейка C5 (строка 5, столбец C): «petrov(at)school.example» — не адрес электронной почты (нужно, например, zam@school.ru; несколько адресов — через запятую): письмо для «Петров П.П.» не отправлено.',
    );
  });

  it('a sheet without the header, or no sheet, is one error without a cell', () => {
    expect(readResponsibles({ name: RESPONSIBLES_SHEET, values: [['Имя', 'Почта']] }).problems.map((p) => p.code)).toEqual([
      'digest-header',
    ]);
    expect(readResponsibles(undefined).problems.map((p) => p.code)).toEqual(['digest-sheet-missing']);
  });

  it('weekStart is the Monday of the week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-12-02')).toBe('2026-11-30');
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year
  });
});
