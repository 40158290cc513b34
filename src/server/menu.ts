// onOpen/onInstall: the add-on menu and nothing else. In AuthMode.NONE (before the user authorises
// the add-on) a simple trigger may not read data or properties, and this one never does.
import { DG, S, UI } from '../core/strings';
import { installAddonMenu } from '../sheets/host';
import type * as Handlers from './handlers';

type MenuHandler = keyof typeof Handlers;

/** Handler names are checked against the handlers module: a renamed handler breaks the build. The e-mail
 * digest edition's menu (./digest/menu.ts) is this one plus its own items. */
export const MENU: readonly { label: string; fn: MenuHandler }[] = [
  { label: S.menu.analyze, fn: 'menuAnalyze' },
  { label: S.menu.settings, fn: 'menuSettings' },
  { label: S.menu.sidebar, fn: 'menuShowSidebar' },
  { label: S.menu.unhighlight, fn: 'menuUnhighlight' },
  { label: UI.roadmap.menuRoadmap, fn: 'menuRoadmap' },
  { label: UI.roadmap.menuTemplate, fn: 'menuRoadmapTemplate' },
  { label: DG.menu, fn: 'menuDocuments' },
];

/** The trigger event; only its presence matters here. */
export interface OpenEvent {
  authMode?: unknown;
}

export function onOpen(_e?: OpenEvent): void {
  installAddonMenu(MENU);
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
