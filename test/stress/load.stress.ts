import { strict as assert } from 'node:assert';
import type { ProviderKind } from '../../src/protocol/streamDefinition';
import { describeRun, rowProblems, runLoad, type LoadRunResult } from '../unit/hardening/loadRun';

/**
 * Full-size "Load all": 100,000 rows through 1,000 pages per provider, once cleanly and once with a 429 on one
 * request in ten, with the production retry policy (500 ms backoff base, Retry-After honoured). Daily sends no
 * Retry-After (exponential backoff); Lago and SignalWire ask for 1 s. Prints the wall times side by side.
 * `API_LOGS_STRESS_PROVIDERS=daily,lago` picks providers.
 */
const rows = 100_000;
const pageSize = 100;
const providers = (process.env.API_LOGS_STRESS_PROVIDERS ?? 'daily,lago,signalwire').split(',') as ProviderKind[];
const retryAfter: Readonly<Record<ProviderKind, number | null | undefined>> = { daily: null, lago: undefined, signalwire: undefined };
const report: string[] = [];

function assertComplete(result: LoadRunResult, held: number): void {
  assert.equal(result.error, null);
  assert.deepEqual(rowProblems(result, held), []);
}

describe(`load stress: ${rows.toLocaleString('en-US')} rows through ${rows / pageSize} pages, a 429 on one request in ten`, function () {
  this.timeout(900_000);
  after(() => process.stdout.write(`\n${report.join('\n')}\n\n`));

  for (const provider of providers) {
    it(`${provider}: exact count, no duplicates, no gaps, with and without 429s`, async () => {
      const plain = await runLoad({ provider, rows, pageSize });
      assertComplete(plain, plain.expected.length);
      const limited = await runLoad({ provider, rows, pageSize, rateLimitEvery: 10, retryAfterSeconds: retryAfter[provider] });
      assertComplete(limited, limited.expected.length);
      assert.ok(plain.requests >= rows * 0.95 / pageSize && limited.rateLimited >= 90, `${plain.requests} pages, ${limited.rateLimited} × 429`);
      assert.equal(limited.retried429, limited.rateLimited, 'every 429 was followed by a successful retry');
      const wait = retryAfter[provider] === null ? 'backoff' : 'Retry-After 1 s';
      report.push(describeRun(`${provider} without 429`, plain), describeRun(`${provider} 429 every 10th (${wait})`, limited));
    });
  }

  it('maxRows 50,000 below the total: exactly the newest 50,000 held, paging stops', async () => {
    const provider = providers[0] ?? 'daily';
    const bounded = await runLoad({ provider, rows, pageSize, maxRows: 50_000 });
    assertComplete(bounded, 50_000);
    assert.equal(bounded.more, false);
    assert.ok(bounded.requests <= 501, `${bounded.requests} requests for 50,000 rows`);
    report.push(describeRun(`${provider} maxRows 50,000`, bounded));
  });
});
