// The JSON export as text, with every map keyed by task code written in the task order of the work.
// JavaScript objects list integer-like keys first («1», «2», «10» before «4К1», «9.1»), so
// JSON.stringify would write the tasks of a ВПР out of order; this writer keeps `tasks[]` order.
// Formatting is JSON.stringify's with an indent of 1.
import type { OkoExport } from './schema';

/** Maps keyed by task code: where they sit under a procedure. */
const TASK_MAPS: Record<string, ReadonlySet<string>> = {
  groups: new Set(['completion', 'status']),
  students: new Set(['scores']),
};

function write(value: unknown, depth: number, order: readonly string[] | null, path: readonly string[], ids: readonly string[][]): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null) ?? 'null';
  const pad = ' '.repeat(depth + 1);
  const end = ' '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v, i) => pad + write(v, depth + 1, null, [...path, String(i)], ids));
    return `[\n${items.join(',\n')}\n${end}]`;
  }
  const obj = value as Record<string, unknown>;
  const own = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const keys = order ? [...order.filter((k) => k in obj && obj[k] !== undefined), ...own.filter((k) => !order.includes(k))] : own;
  if (keys.length === 0) return '{}';
  const items = keys.map((k) => {
    const child = [...path, k];
    // procedures / <i> / groups|students / <j> / completion|status|scores
    const isTaskMap = child.length === 5 && child[0] === 'procedures' && TASK_MAPS[child[2] as string]?.has(k);
    const childOrder = isTaskMap ? (ids[Number(child[1])] ?? null) : null;
    return `${pad}${JSON.stringify(k)}: ${write(obj[k], depth + 1, childOrder, child, ids)}`;
  });
  return `{\n${items.join(',\n')}\n${end}}`;
}

/** The export as JSON text (with a final newline), task maps in task order. */
export function exportText(e: OkoExport): string {
  const ids = e.procedures.map((p) => p.tasks.map((t) => t.id));
  return `${write(e, 0, null, [], ids)}\n`;
}
