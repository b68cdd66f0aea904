import { fuzzTargets } from './fuzzTargets';

/** CI size; `npm run test:stress` runs the same targets with at least 10,000 cases each. */
const numRuns = 2000;

describe(`fuzz (${numRuns.toLocaleString('en-US')} cases each): zero crashes other than ProviderError`, function () {
  this.timeout(120_000);
  for (const target of fuzzTargets) {
    it(target.name, () => target.run(numRuns));
  }
});
