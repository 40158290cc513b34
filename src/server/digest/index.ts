// Entry points of the e-mail digest edition «школа + рассылка» (dist/digest/Code.js,
// editions/digest/appsscript.json): every entry point of the school edition (../index.ts), its menu
// extended by the digest items, and the weekly trigger's handler. Each export becomes a top-level
// function Apps Script can call by name. The school edition never imports this module.
export * from '../index';
export { digestWeekly, menuDigestDisable, menuDigestEnable, menuDigestSendNow } from './handlers';
export { onInstall, onOpen } from './menu';
