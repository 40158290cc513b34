// onOpen/onInstall of the municipal edition: the menu and nothing else (safe in AuthMode.NONE).
import { M } from '../../core/strings';
import { installAddonMenu } from '../../sheets/host';
import type * as Handlers from './handlers';

type MenuHandler = keyof typeof Handlers;

export const MUNICIPAL_MENU: readonly { label: string; fn: MenuHandler }[] = [
  { label: M.menu.start, fn: 'municipalStartMenu' },
  { label: M.menu.resume, fn: 'municipalContinue' },
  { label: M.menu.stop, fn: 'municipalStopMenu' },
  { label: M.menu.status, fn: 'municipalStatusMenu' },
  { label: M.menu.sidebar, fn: 'municipalSidebarMenu' },
  { label: M.menu.sources, fn: 'municipalSourcesMenu' },
  { label: M.menu.reports, fn: 'municipalReportsMenu' },
  { label: M.menu.settings, fn: 'municipalSettingsMenu' },
];

export interface OpenEvent {
  authMode?: unknown;
}

export function onOpen(_e?: OpenEvent): void {
  installAddonMenu(MUNICIPAL_MENU);
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}
