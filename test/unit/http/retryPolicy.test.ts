import { strict as assert } from 'node:assert';
import { ProviderError } from '../../../src/http/providerError';
import type { ProviderErrorKind } from '../../../src/protocol/providerErrorKind';
import { retryDelayMs, sleep, type RetryPolicy } from '../../../src/http/retryPolicy';

describe('retryDelayMs', () => {
  const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxRetryAfterMs: 10_000, random: () => 1 };
  const error = (kind: ProviderErrorKind, retryAfterMs?: number) => new ProviderError(kind, 'x', { retryAfterMs });

  it('backs off exponentially with jitter between 50 and 100 %', () => {
    assert.deepEqual([0, 1, 2].map((n) => retryDelayMs(error('server'), n, policy)), [100, 200, 400]);
    assert.equal(retryDelayMs(error('network'), 2, { ...policy, random: () => 0 }), 200);
  });

  it('stops after maxRetries', () => {
    assert.equal(retryDelayMs(error('server'), 3, policy), undefined);
  });

  it('never retries auth, invalid, notFound, badResponse or cancelled', () => {
    for (const kind of ['auth', 'invalid', 'notFound', 'badResponse', 'cancelled'] as const) {
      assert.equal(retryDelayMs(error(kind), 0, policy), undefined, kind);
    }
  });

  it("honours the server's wait, unless it is longer than allowed", () => {
    assert.equal(retryDelayMs(error('rateLimited', 2500), 0, policy), 2500);
    assert.equal(retryDelayMs(error('rateLimited', 60_000), 0, policy), undefined);
    assert.equal(retryDelayMs(error('rateLimited', policy.maxRetryAfterMs), 0, policy), policy.maxRetryAfterMs, 'exactly the cap is still waited');
    assert.equal(retryDelayMs(error('rateLimited', policy.maxRetryAfterMs + 1), 0, policy), undefined, 'one ms past the cap is not');
  });

  it('sleep rejects as cancelled when aborted', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof ProviderError && e.kind === 'cancelled');
  });
});
