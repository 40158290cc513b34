// Apps Script entry points, and only them: the build turns each export into a top-level function
// Apps Script can call by name (menu items, triggers, google.script.run).
export {
  activateCell,
  applyFilter,
  clearFilter,
  createRoadmapTemplate,
  getDataOverview,
  getSettings,
  runRoadmapStep,
  runStep,
  saveRoadmapForm,
  saveSettings,
} from './api';
export { createDocuments } from './documents';
export { menuAnalyze, menuDocuments, menuRoadmap, menuRoadmapTemplate, menuSettings, menuShowSidebar, menuUnhighlight } from './handlers';
export { onInstall, onOpen } from './menu';
