import { strict as assert } from 'node:assert';
import { isEmptyFilterValue, missingRequiredFilters, requiredGroup } from '../../../src/protocol/filterValues';
import { dailyMeetingLogsStream } from '../../../src/providers/daily/dailyMeetingLogsStream';

describe('filter values', () => {
  it('treats unset, empty text and empty lists as asking for nothing', () => {
    for (const empty of [undefined, '', []]) assert.equal(isEmptyFilterValue(empty), true, JSON.stringify(empty));
    for (const value of ['x', 0, false, ['post']]) assert.equal(isEmptyFilterValue(value), false, JSON.stringify(value));
  });

  it('lets Daily meeting logs be queried by a meeting session or by a participant session', () => {
    const session = dailyMeetingLogsStream.filters.find((f) => f.key === 'mtgSessionId');
    assert.ok(session);
    assert.deepEqual(requiredGroup(session), ['mtgSessionId', 'userSessionId']);
    assert.deepEqual(missingRequiredFilters(dailyMeetingLogsStream.filters, {}).map((f) => f.key), ['mtgSessionId']);
    assert.deepEqual(missingRequiredFilters(dailyMeetingLogsStream.filters, { mtgSessionId: 'm-1' }), []);
    assert.deepEqual(missingRequiredFilters(dailyMeetingLogsStream.filters, { userSessionId: 'u-1', mtgSessionId: '' }), []);
  });
});
