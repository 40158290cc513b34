// Placeholder until the sample school generator lands.
export interface SampleInfo {
  description: string;
}
export async function writeSampleSchool(_path: string, _seed = 1): Promise<SampleInfo> {
  throw new Error('sample school generator not written yet');
}
