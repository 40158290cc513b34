// The e-mail digest edition «школа + рассылка» (dist/digest/, editions/digest/appsscript.json): the
// school edition (../index.ts) with the digest's menu items and the weekly trigger's handler added,
// as data. The build declares a top-level function for every key of `topLevel`. The school edition
// never imports this module, so its bundle has no MailApp call.
import { D } from '../../core/strings';
import { entryPoints } from '../edition';
import { SCHOOL, SCHOOL_MENU } from '../index';
import * as digest from './handlers';

const DIGEST_ITEMS = [
  { label: D.menu.enable, fn: 'menuDigestEnable' },
  { label: D.menu.disable, fn: 'menuDigestDisable' },
  { label: D.menu.sendNow, fn: 'menuDigestSendNow' },
] as const satisfies readonly { label: string; fn: keyof typeof digest }[];

export const DIGEST_MENU = [...SCHOOL_MENU, ...DIGEST_ITEMS];

export const topLevel = entryPoints({ ...SCHOOL, menu: DIGEST_MENU, handlers: { ...SCHOOL.handlers, ...digest } });
