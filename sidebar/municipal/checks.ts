// Compile-time checks of the district panel's server wrapper. Type-checked with the sidebar, never
// bundled (main.ts does not import it) and never called.
import { call } from './server';

export function municipalContractChecks(): void {
  // @ts-expect-error a misspelt server function does not compile
  void call('getAggregationStatuss');
  // @ts-expect-error a school panel function is not in the district's contract
  void call('runStep', 'analysis');
  // @ts-expect-error the status takes no arguments
  void call('getAggregationStatus', 1);
  // @ts-expect-error only the three district tabs can be activated
  void call('activateDistrictTab', 'sources');
  // @ts-expect-error activateDistrictTab needs a tab
  void call('activateDistrictTab');
  void call('activateDistrictTab', 'shnor').then((r) => r.sheet);
  void call('startAggregation').then((r) => r.status.done);
  void call('getAggregationDetails').then((d) => d.failed.map((f) => f.reason));
}
