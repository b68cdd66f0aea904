import * as assert from 'node:assert/strict';
import { mapDailyMeetingLog } from '../../../../src/providers/daily/dailyMappers';
import type { DailyMeetingLog } from '../../../../src/providers/daily/dailySchemas';

describe('Daily meeting log ids', () => {
  // Pinned from the release before ids were hashed part by part: rows keep their ids across versions and polls.
  const cases: [Partial<DailyMeetingLog> & { time: number }, string][] = [
    [{ time: 1780308000123, clientTime: 1780308000100, message: 'joined meeting', mtgSessionId: 'm1', userSessionId: 'u1', peerId: null, domainName: 'd', level: 1, code: 8001 }, '219adda2-2'],
    [{ time: 1780308000123, message: 'ünïcode ✓ | pipes', level: null }, 'ddc30a10-2'],
    [{ time: 0, clientTime: null, message: null as unknown as string, userSessionId: null, peerId: 'p', code: null }, 'f9436daf-2'],
  ];

  for (const [log, id] of cases) {
    it(`${JSON.stringify(log).slice(0, 60)}… keeps id ${id}`, () => {
      assert.equal(mapDailyMeetingLog(log as DailyMeetingLog, 2).id, id);
    });
  }
});
