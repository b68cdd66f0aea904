import { strict as assert } from 'node:assert';
import { rateLimitSummary, retryAfterMs } from '../../../src/http/retryAfter';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads Retry-After in seconds and as an HTTP date', () => {
    assert.equal(retryAfterMs({ 'retry-after': '3' }, now), 3000);
    assert.equal(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now), 5000);
  });

  it('falls back to X-RateLimit-Reset as seconds, or as epoch seconds when it is one', () => {
    assert.equal(retryAfterMs({ 'x-ratelimit-reset': '7' }, now), 7000);
    assert.equal(retryAfterMs({ 'x-ratelimit-reset': String(now / 1000 + 2) }, now), 2000);
  });

  it('prefers Retry-After and ignores garbage', () => {
    assert.equal(retryAfterMs({ 'retry-after': '1', 'x-ratelimit-reset': '60' }, now), 1000);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(retryAfterMs({}, now), undefined);
  });

  it('ignores a wait too large for a number instead of returning Infinity', () => {
    const huge = '9'.repeat(400);
    assert.equal(retryAfterMs({ 'retry-after': huge }), undefined);
    assert.equal(retryAfterMs({ 'x-ratelimit-reset': huge }), undefined);
  });

  it('summarises rate-limit headers for the debug log', () => {
    assert.equal(rateLimitSummary({}), undefined);
    assert.equal(
      rateLimitSummary({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4' }),
      'rate limit 0/100 remaining, reset 4',
    );
  });
});
