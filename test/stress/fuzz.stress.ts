import { fuzzTargets } from '../unit/hardening/fuzzTargets';

/** The fuzz targets of the unit layer at full size (`API_LOGS_FUZZ_RUNS`, default 10,000 cases each). */
const numRuns = Number(process.env.API_LOGS_FUZZ_RUNS ?? 10_000);

describe(`fuzz stress (${numRuns.toLocaleString('en-US')} cases each): zero crashes other than ProviderError`, function () {
  this.timeout(600_000);
  for (const target of fuzzTargets) {
    it(target.name, () => target.run(numRuns));
  }
});
