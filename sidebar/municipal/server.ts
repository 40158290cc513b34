// google.script.run for the district's panel: names, arguments and results from the municipal contract.
import type { MunicipalApi } from '../../src/server/municipal/contract';
import { typedCall } from '../server';

export const call = typedCall<MunicipalApi>();
