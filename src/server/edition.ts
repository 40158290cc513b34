// An edition of the add-on as data: its menu, its menu handlers and triggers, and its sidebar
// endpoints. `entryPoints` turns that into the one object of functions Apps Script calls by name;
// the build (scripts/build.mjs) declares a top-level function for each of its keys. The three
// editions (school, municipal, digest) are three such descriptions (./index.ts,
// ./municipal/index.ts, ./digest/index.ts), built into three Apps Script projects.
import { S } from '../core/strings';
import { UserFacingError, userMessage } from '../sheets/errors';
import { editionMenu } from '../sheets/host';
import { type Endpoints, type Exposed, exposeEndpoints, type Handlers } from './endpoints';

/** The trigger event of onOpen/onInstall; only its presence matters. */
export interface OpenEvent {
  authMode?: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: menu handlers and triggers take what Apps Script passes.
type Callable = (...args: any[]) => unknown;

export interface Edition<H extends Record<string, Callable>, T extends Endpoints> {
  /** The menu «ОКО», in order; each item names one of `handlers` (checked by the compiler). */
  menu: readonly { label: string; fn: keyof H & string }[];
  /** Menu items and triggers, each called by Apps Script by its name. */
  handlers: H;
  /** What the edition's sidebar may call, and how each call is answered. */
  endpoints: T;
  answers: Handlers<T>;
  /** The message an endpoint's unexpected error becomes (default: the school's readable message). */
  translateError?: (e: unknown) => string;
}

export type EntryPoints = Record<string, Callable>;

/** Every function of the edition Apps Script may call by name: onOpen, onInstall, the handlers and the endpoints. */
export function entryPoints<H extends Record<string, Callable>, T extends Endpoints>(
  edition: Edition<H, T>,
): { onOpen: (e?: OpenEvent) => void; onInstall: (e?: OpenEvent) => void } & H & Exposed<T> {
  // onOpen builds the menu and nothing else: in AuthMode.NONE a simple trigger may read no data or properties.
  const onOpen = (_e?: OpenEvent): void => editionMenu(edition.menu);
  const onInstall = (e?: OpenEvent): void => onOpen(e);
  const exposed = exposeEndpoints(edition.endpoints, edition.answers, {
    badRequest: (name) => new UserFacingError(S.menu.badRequest(name)),
    translate: (e) => (e instanceof UserFacingError ? e : new UserFacingError((edition.translateError ?? userMessage)(e))),
    log: (e) => console.error(e),
  });
  const all: EntryPoints = { onOpen, onInstall };
  for (const part of [edition.handlers, exposed] as EntryPoints[]) {
    for (const [name, fn] of Object.entries(part)) {
      // Two top-level functions of one name: Apps Script would silently keep the last one.
      if (name in all) throw new Error(`Entry point ${name} is defined twice`);
      all[name] = fn;
    }
  }
  return all as ReturnType<typeof entryPoints<H, T>>;
}
