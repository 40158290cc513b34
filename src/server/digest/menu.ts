// onOpen/onInstall of the e-mail digest edition: the school menu plus the digest items, and nothing
// else — safe in AuthMode.NONE (no data, no properties, no triggers are touched).
import { D } from '../../core/strings';
import { installAddonMenu, type MenuItem } from '../../sheets/host';
import { MENU } from '../menu';
import type * as Handlers from './handlers';

type DigestHandler = Exclude<keyof typeof Handlers, 'digestWeekly'>;

const DIGEST_ITEMS: readonly { label: string; fn: DigestHandler }[] = [
  { label: D.menu.enable, fn: 'menuDigestEnable' },
  { label: D.menu.disable, fn: 'menuDigestDisable' },
  { label: D.menu.sendNow, fn: 'menuDigestSendNow' },
];

/** The school menu (its handler names checked there) and the digest items (checked here). */
export const DIGEST_MENU: readonly MenuItem[] = [...MENU, ...DIGEST_ITEMS];

export interface OpenEvent {
  authMode?: unknown;
}

export function onOpen(_e?: OpenEvent): void {
  installAddonMenu(DIGEST_MENU);
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
