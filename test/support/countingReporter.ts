import { writeFileSync } from 'node:fs';
import * as Mocha from 'mocha';

/** Environment variable naming the JSON file the counts are written to; every test layer sets it. */
export const countsFileVariable = 'API_LOGS_TEST_COUNTS';

export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: readonly string[];
}

/** The spec reporter, plus a JSON file with the counts so the runner never has to parse output. */
export class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failures: string[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error: Error) => {
      failures.push(`${test.fullTitle()}: ${error.message}`);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      writeCounts({ passed: stats.passes, failed: stats.failures, pending: stats.pending, failures });
    });
  }
}

function writeCounts(counts: TestCounts): void {
  const file = process.env[countsFileVariable];
  if (file) writeFileSync(file, JSON.stringify(counts));
}
