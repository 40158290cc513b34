// A fresh fake Apps Script per test, installed as globals for the adapter imported directly.
import { afterEach } from 'vitest';
import { createFakeGas, type FakeGas, type FakeGasOptions, installFakeGas } from '../fakes';

let undo: (() => void) | null = null;

afterEach(() => {
  undo?.();
  undo = null;
});

export function fakeGas(name = 'Форма сбора результатов ВПР Математика 4 класс', opts: Omit<FakeGasOptions, 'name'> = {}): FakeGas {
  undo?.();
  const gas = createFakeGas({ name, ...opts });
  undo = installFakeGas(gas);
  return gas;
}
