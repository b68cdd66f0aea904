import { strict as assert } from 'node:assert';
import type { ProviderKind } from '../../../src/protocol/streamDefinition';
import { describeRun, rowProblems, runLoad } from './loadRun';

/**
 * "Load all" at CI size: 10,000 rows through 100 pages, with a 429 on one request in ten. The full size (100,000
 * rows, 1,000 pages, production retry delays) runs in `npm run test:stress`.
 */
describe('load: Load all through 100 pages with a 429 on one request in ten', function () {
  this.timeout(60_000);
  const rows = 10_000;
  const pageSize = 100;
  const providers: readonly ProviderKind[] = ['daily', 'lago', 'signalwire'];

  for (const provider of providers) {
    it(`${provider}: the exact rows in order, no duplicates, no gaps; the 429s cost only their retries`, async () => {
      const plain = await runLoad({ provider, rows, pageSize, retryBaseDelayMs: 5 });
      const limited = await runLoad({ provider, rows, pageSize, rateLimitEvery: 10, retryAfterSeconds: 0, retryBaseDelayMs: 5 });
      for (const result of [plain, limited]) {
        assert.equal(result.error, null);
        assert.equal(result.more, false);
        assert.deepEqual(rowProblems(result, result.expected.length), []);
      }
      assert.ok(plain.expected.length >= rows * 0.9, `the data set is too small: ${plain.expected.length}`);
      assert.ok(plain.requests >= Math.ceil(plain.expected.length / pageSize), `${plain.requests} page requests`);
      assert.equal(plain.rateLimited, 0);
      assert.ok(limited.rateLimited >= 10, `the server sent only ${limited.rateLimited} × 429`);
      assert.equal(limited.retried429, limited.rateLimited, 'every 429 was followed by a successful retry of the same URL');
      assert.equal(limited.requests, plain.requests + limited.rateLimited, 'each 429 cost exactly one extra request');
      process.stdout.write(`      ${describeRun(`${provider} without 429`, plain)}\n      ${describeRun(`${provider} with 429 every 10th`, limited)}\n`);
    });
  }

  it('daily without Retry-After: exponential backoff still gets every row', async () => {
    const result = await runLoad({ provider: 'daily', rows: 3_000, pageSize, rateLimitEvery: 10, retryAfterSeconds: null, retryBaseDelayMs: 5 });
    assert.equal(result.error, null);
    assert.ok(result.rateLimited >= 3, `the server sent only ${result.rateLimited} × 429`);
    assert.equal(result.retried429, result.rateLimited);
    assert.deepEqual(rowProblems(result, result.expected.length), []);
  });

  for (const provider of providers) {
    it(`${provider}: maxRows below the total keeps exactly maxRows, the newest, and stops paging`, async () => {
      const maxRows = 2_500;
      const result = await runLoad({ provider, rows, pageSize, maxRows, rateLimitEvery: 10, retryAfterSeconds: 0, retryBaseDelayMs: 5 });
      assert.equal(result.error, null);
      assert.deepEqual(rowProblems(result, maxRows), []);
      assert.equal(result.more, false, 'no "more" once the bound is reached');
      assert.ok(result.requests <= 30 + result.rateLimited, `${result.requests} requests for ${maxRows} rows: paging went on past the bound`);
    });
  }
});
