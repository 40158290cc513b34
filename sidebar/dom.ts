// Building DOM without innerHTML: strings always become text nodes, so cell contents (sheet names,
// student codes, messages quoting cells) can never become markup.
import { UI } from '../src/core/strings';

export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces a container's content. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
}

let ids = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** An error box: «Ошибка: …» shown, or (null) hidden and emptied, so no stale message stays behind. */
export function setError(box: HTMLElement, message: string | null): void {
  if (message === null) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  fill(box, el('strong', {}, `${UI.errorHeading}: `), message);
  box.hidden = false;
}
