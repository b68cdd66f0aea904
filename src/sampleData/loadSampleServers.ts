import type * as FakeServers from '../sample/fakeServers';

/**
 * The sample servers and their data generators are only for users who try the sample data, so the production build
 * bundles them apart (dist/sampleServers.js, see esbuild.mjs) and this loads them on first use.
 */
export function loadSampleServers(): Promise<typeof FakeServers> {
  return import('../sample/fakeServers');
}
