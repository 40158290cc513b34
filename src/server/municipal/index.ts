// Entry points of the municipal edition (dist/municipal/Code.js), and only them: each export becomes
// a top-level function Apps Script can call by name (menu items, the time-driven trigger,
// google.script.run — the sidebar's contract is ./contract.ts). The school edition's entry is
// ../index.ts; the two never share a manifest.
export { activateDistrictTab, continueAggregation, getAggregationDetails, getAggregationStatus, startAggregation } from './api';
export {
  municipalContinue,
  municipalReportsMenu,
  municipalSettingsMenu,
  municipalSidebarMenu,
  municipalSourcesMenu,
  municipalStartMenu,
  municipalStatusMenu,
  municipalStopMenu,
} from './handlers';
export { onInstall, onOpen } from './menu';
