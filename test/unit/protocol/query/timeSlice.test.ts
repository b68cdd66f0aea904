import { strict as assert } from 'node:assert';
import { planQuery } from '../../../../src/protocol/query/plan';
import { dailyApiLogsStream } from '../../../../src/providers/daily/dailyApiLogsStream';

const now = Date.UTC(2026, 10, 23, 12);
const at = (hour: number) => Date.UTC(2026, 10, 23, hour);

function sliceOf(query: string): { key: string; from: number; to: number } | undefined {
  const plan = planQuery(query, dailyApiLogsStream, now);
  assert.ok(plan.ok, query);
  return plan.timeSlice && { key: plan.timeSlice.ref.key, from: plan.timeSlice.from, to: plan.timeSlice.to };
}

describe('query time slice', () => {
  it('a range term gives its [from, to): the end covers its precision', () => {
    assert.deepEqual(sliceOf('time:2026-11-23T10:00Z..2026-11-23T11:00Z'), { key: 'createdAt', from: at(10), to: at(11) + 60_000 });
  });

  it('top-level time terms intersect, whatever other terms sit beside them', () => {
    assert.deepEqual(sliceOf('method:GET time:2026-11-23T08:00Z..2026-11-23T11:00Z time:>=2026-11-23T10:00Z -status:500'), { key: 'createdAt', from: at(10), to: at(11) + 60_000 });
  });

  it('negated, OR-ed and regex time terms and free words set no slice', () => {
    assert.equal(sliceOf('-time:2026-11-23T10:00Z..2026-11-23T11:00Z'), undefined);
    assert.equal(sliceOf('time:2026-11-23T10:00Z..2026-11-23T11:00Z OR method:GET'), undefined);
    assert.equal(sliceOf('time:/2026/'), undefined);
    assert.equal(sliceOf('2026-11-23 method:GET'), undefined);
  });

  it('a relative time reads the plan’s clock', () => {
    assert.deepEqual(sliceOf('time:>-1h'), { key: 'createdAt', from: now - 3_600_000 + 1, to: Infinity });
  });
});
