import { strict as assert } from 'node:assert';
import { ConcurrencyLimiter } from '../../../src/http/concurrencyLimiter';
import { ProviderError } from '../../../src/http/providerError';

describe('ConcurrencyLimiter', () => {
  it('runs at most `limit` tasks at once, in order', async () => {
    const limiter = new ConcurrencyLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(n);
      active--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => limiter.run(task(n))));
    assert.deepEqual(results, [1, 2, 3, 4, 5]);
    assert.equal(peak, 2);
    assert.deepEqual(order.slice(2), [3, 4, 5]);
  });

  it('a waiting task whose signal aborts leaves the queue as cancelled', async () => {
    const limiter = new ConcurrencyLimiter(1);
    let release!: () => void;
    const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = limiter.run(async () => 'ran', controller.signal);
    controller.abort();
    await assert.rejects(waiting, (e: unknown) => e instanceof ProviderError && e.kind === 'cancelled');
    release();
    await blocker;
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });
});
