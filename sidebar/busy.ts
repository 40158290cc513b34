// While a server call runs, every button that calls the server is disabled (marked data-call), so a
// second click cannot start a second call. Buttons made during the call are born disabled. Focus that
// was on a button when it got disabled comes back to it afterwards (keyboard users keep their place).
let depth = 0;
let focused: HTMLElement | null = null;

export function isBusy(): boolean {
  return depth > 0;
}

function apply(on: boolean): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-call]')) setButton(b, on);
  document.body.setAttribute('aria-busy', String(on));
}

function setButton(b: HTMLButtonElement, on: boolean): void {
  if (on && !b.disabled) {
    b.disabled = true;
    b.dataset.busy = '1';
  } else if (!on && b.dataset.busy) {
    b.disabled = false;
    delete b.dataset.busy;
  }
}

/** Marks a button as one that calls the server; disabled at once when a call is running. */
export function callButton(b: HTMLButtonElement): HTMLButtonElement {
  b.dataset.call = '';
  if (isBusy()) setButton(b, true);
  return b;
}

/** Runs `work` (one or several server calls) with the server buttons disabled. */
export async function whileBusy<T>(work: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    apply(true);
  }
  try {
    return await work();
  } finally {
    if (--depth === 0) {
      apply(false);
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && focused?.isConnected && !(focused as HTMLButtonElement).disabled) focused.focus();
      focused = null;
    }
  }
}
