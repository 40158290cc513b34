// What every reader returns: the value it read and the problems it found, never pushed into a shared
// array, so a caller decides what to do with them (and the order of reading cannot change a result).
import type { Problem } from '../problems';

export interface Read<T> {
  value: T;
  problems: Problem[];
}

export function read<T>(value: T, problems: Problem[] = []): Read<T> {
  return { value, problems };
}

/** Appends a reader's problems to a list and hands back its value. */
export function take<T>(r: Read<T>, into: Problem[]): T {
  for (const p of r.problems) into.push(p);
  return r.value;
}
