import { norm } from '../grid';
import type { TaskLevel } from '../model';

/** «Б», «базовый», «П», «повышенный», «В», «высокий» → Б/П/В. */
export function parseLevel(v: unknown): TaskLevel | null {
  const t = norm(v).replace(/\.$/, '');
  if (t === 'б' || t.startsWith('баз')) return 'Б';
  if (t === 'п' || t.startsWith('повыш')) return 'П';
  if (t === 'в' || t.startsWith('высок')) return 'В';
  return null;
}
