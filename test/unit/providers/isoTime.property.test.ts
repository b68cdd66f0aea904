import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIsoTime, parseIsoTime } from '../../../src/providers/isoTime';

/** Any instant toISOString can write with a four-digit year, plus the edges of that range. */
const instants = fc.oneof(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.constantFrom(0, -1, 253_402_300_799_999, 253_402_300_800_000));

/** Text in and around the API form: valid times, odd digits in every position, other lengths and offsets. */
const isoLike = fc.oneof(
  instants.map((ms) => new Date(ms).toISOString()),
  instants.map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z')),
  fc.tuple(instants, fc.nat({ max: 23 }), fc.constantFrom('0', '9', 'x', ' ', '-')).map(([ms, at, char]) => {
    const text = new Date(ms).toISOString();
    return text.slice(0, at) + char + text.slice(at + 1);
  }),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([year, month, day, hour]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30:00.250Z`,
  ),
  fc.constantFrom('2026-06-01T10:00:00.123456Z', '2026-06-01T10:00:00+02:00', '2026-06-01', '', 'Z', '2026-02-30T00:00:00Z', '2026-06-01T24:00:00Z'),
);

const same = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b);

describe('isoTime fast paths', () => {
  it('parseIsoTime agrees with Date.parse on ISO-like text, valid or not', () => {
    fc.assert(fc.property(isoLike, (text) => same(parseIsoTime(text), Date.parse(text))), { numRuns: 20_000 });
  });

  it('formatIsoTime agrees with toISOString, in sorted runs (its day cache) and in any order', () => {
    fc.assert(fc.property(fc.array(instants, { maxLength: 50 }), (values) => {
      for (const ms of [...values].sort((a, b) => a - b).concat(values)) assert.equal(formatIsoTime(ms), new Date(ms).toISOString());
    }), { numRuns: 2_000 });
  });

  it('formatIsoTime fails like toISOString where there is no time to write', () => {
    assert.throws(() => formatIsoTime(Number.NaN), RangeError);
    assert.equal(formatIsoTime(1.5), new Date(1.5).toISOString());
  });
});
