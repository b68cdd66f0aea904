import { strict as assert } from 'node:assert';
import { resolveTimeRange } from '../../../src/protocol/timeRange';

describe('time range', () => {
  const now = Date.UTC(2026, 10, 29, 12, 0, 0);

  it('resolves a relative preset against now, open at the newest end', () => {
    assert.deepEqual(resolveTimeRange({ kind: 'relative', preset: '15m' }, now), { from: now - 15 * 60_000 });
    assert.deepEqual(resolveTimeRange({ kind: 'relative', preset: '7d' }, now), { from: now - 7 * 86_400_000 });
  });

  it('keeps an absolute range as given, either end open', () => {
    assert.deepEqual(resolveTimeRange({ kind: 'absolute', from: 1, to: 2 }, now), { from: 1, to: 2 });
    assert.deepEqual(resolveTimeRange({ kind: 'absolute', to: 2 }, now), { from: undefined, to: 2 });
  });
});
