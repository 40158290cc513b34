// The optional e-mail digest (src/server/digest, not in the school edition): built from the roadmap
// tabs as they are in the spreadsheet, one letter per responsible with an address on «Ответственные».
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MailLike, RESPONSIBLES_SHEET, sendDigest } from '../../src/server/digest/send';
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
