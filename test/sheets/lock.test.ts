// One analysis per document at a time: a second run gets a clear Russian message and writes nothing.
import { describe, expect, it, vi } from 'vitest';
import { menuAnalyze } from '../../src/server/handlers';
import { LockBusyError } from '../../src/sheets/errors';
import { withDocumentLock } from '../../src/sheets/lock';
import { smallProtocol } from './fixtures';
import { fakeGas } from './setup';

describe('withDocumentLock', () => {
  it('refuses with a clear message when another run holds the lock', () => {
    const gas = fakeGas();
    gas.lockService.lock.busy = true;
    let ran = false;
    expect(() =>
      withDocumentLock(() => {
        ran = true;
      }),
    ).toThrow(LockBusyError);
    expect(() => withDocumentLock(() => 1)).toThrow(/^Анализ уже выполняется в этой таблице/);
    expect(ran).toBe(false);
  });

  it('always releases the lock, also when the work throws', () => {
    const gas = fakeGas();
    expect(withDocumentLock(() => 42)).toBe(42);
    expect(() =>
      withDocumentLock(() => {
        throw new Error('сбой');
      }),
    ).toThrow('сбой');
    expect(gas.lockService.lock).toMatchObject({ held: false, acquired: 2, released: 2 });
  });

  it('a menu run that cannot get the lock alerts the user and writes nothing', () => {
    const gas = fakeGas();
    gas.ss.addSheet('Протокол', smallProtocol());
    gas.lockService.lock.busy = true;
    gas.log.reset();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    menuAnalyze();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(gas.ui.alerts).toHaveLength(1);
    expect(gas.ui.alerts[0]?.prompt).toMatch(/^Анализ уже выполняется в этой таблице/);
    expect(gas.ss.tabNames()).toEqual(['Протокол']);
    expect(gas.log.docCalls).toBe(0);
  });
});
