import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapDailyMeetingLog } from '../../../../src/providers/daily/dailyMappers';
import type { DailyMeetingLog } from '../../../../src/providers/daily/dailySchemas';

/** The id as first defined: FNV-1a (32 bit, hex) of the parts as text joined by `|`, then `-occurrence`. */
function joinedHashId(parts: readonly unknown[], occurrence: number): string {
  let value = 0x811c9dc5;
  const text = parts.map(String).join('|');
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return `${(value >>> 0).toString(16).padStart(8, '0')}-${occurrence}`;
}

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

  it('hashes numbers digit by digit exactly as their text (any time, code, fraction or sign)', () => {
    const instant = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
      fc.constantFrom(0, 9, 10, 99_999_999, 100_000_000, 100_000_001, 1_780_270_906_802, 8.64e15),
    );
    const code = fc.oneof(fc.integer(), fc.maxSafeNat(), fc.double(), fc.constantFrom(1e21, 2 ** 53));
    const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    fc.assert(
      fc.property(instant, fc.option(instant, { nil: null }), text, text, fc.option(code, { nil: null }), text, fc.nat(5), (time, clientTime, user, peer, number, message, occurrence) => {
        const log = { time, clientTime, userSessionId: user, peerId: peer, code: number, message } as DailyMeetingLog;
        assert.equal(mapDailyMeetingLog(log, occurrence).id, joinedHashId([time, clientTime, user, peer, number, message], occurrence));
      }),
      { numRuns: 5_000 },
    );
  });
});
