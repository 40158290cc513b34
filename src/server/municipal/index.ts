// Entry points of the municipal edition (dist/municipal/Code.js), and only them: each export becomes
// a top-level function Apps Script can call by name (menu items, the time-driven trigger,
// google.script.run). The school edition's entry is ../index.ts; the two never share a manifest.
export {
  municipalContinue,
  municipalSettingsMenu,
  municipalSourcesMenu,
  municipalStartMenu,
  municipalStatusMenu,
  municipalStopMenu,
} from './handlers';
export { onInstall, onOpen } from './menu';
export { getAggregationStatus } from './status';
