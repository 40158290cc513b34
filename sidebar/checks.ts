// Compile-time checks of the typed server wrapper. Type-checked with the sidebar, never bundled
// (main.ts does not import it) and never called.
import { call } from './server';

export function contractChecks(): void {
  // @ts-expect-error a misspelt server function does not compile
  void call('getDataOverveiw');
  // @ts-expect-error activateCell needs a cell reference
  void call('activateCell');
  // @ts-expect-error a cell reference has a sheet name, not a number
  void call('activateCell', { sheet: 1, row: 2, col: 3 });
  // @ts-expect-error getDataOverview takes no arguments
  void call('getDataOverview', 'extra');
  // @ts-expect-error a step is one of the known ids
  void call('runStep', 'everything');
  // @ts-expect-error settings are numbers, never text
  void call('saveSettings', { 'deficit.basicSufficient': '60' });
  // @ts-expect-error a filter choice lists grades as numbers
  void call('applyFilter', { subjects: [], grades: ['5'], classes: [], teachers: [] });
  // @ts-expect-error the roadmap form's levels are НШ, ОШ, СШ
  void call('runRoadmapStep', { template: 'region-model-roadmap', year: '2026', procedure: 'ВПР', resultsDate: '', levels: ['ВШ'] });
  // @ts-expect-error the roadmap step needs its form
  void call('runRoadmapStep');
  void call('runRoadmapStep', { template: 'лист', year: '2026/2027', procedure: 'ВПР', resultsDate: '2026-05-15', levels: [] }).then(
    (r) => r.roadmap?.completion,
  );
  void call('activateCell', { sheet: 'Протокол', row: 2, col: null }).then((r) => r.a1);
  void call('runStep', 'analysis').then((r) => r.blocks.map((b) => b.title));
}
