import { strict as assert } from 'node:assert';
import { isoInZone, timeRangeOf, timeRangeTerm, withTimeRangeTerm } from '../../../src/protocol/query/timeRangeTerm';
import { rangeStatusText } from '../../../webview/timeRange/rangeStatus';
import type { PanelStatus } from '../../../src/protocol/logTable';

const from = Date.parse('2026-11-23T10:00:00Z');
const to = Date.parse('2026-11-23T10:05:00Z');
const status = (patch: Partial<PanelStatus>): PanelStatus => ({ activity: 'idle', loaded: 10, more: false, dropped: 0, liveTail: false, tailPaused: false, ...patch });

describe('brushing terms and the range status text', () => {
  const savedZone = process.env.TZ;
  before(() => {
    process.env.TZ = 'Asia/Kolkata';
  });
  after(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  it('writes ISO times with Z in UTC and with the offset in local time', () => {
    assert.equal(isoInZone(from, 'utc'), '2026-11-23T10:00:00Z');
    assert.equal(isoInZone(from, 'local'), '2026-11-23T15:30:00+05:30');
    assert.equal(isoInZone(from + 250, 'utc'), '2026-11-23T10:00:00.250Z');
    assert.equal(Date.parse(isoInZone(from + 250, 'local')), from + 250);
  });

  it('a brushed range replaces the previous range term and keeps the rest of the query', () => {
    const term = timeRangeTerm(from, to, 'utc');
    assert.match(term, /^time:2026-11-23T10:00:00Z\.\.2026-11-23T10:05:00Z$/);
    const query = withTimeRangeTerm('status:5xx time:>-1h', term);
    assert.equal(query, `status:5xx time:>-1h ${term}`);
    const again = withTimeRangeTerm(query, timeRangeTerm(from, from + 1000, 'local'));
    assert.equal(again.match(/\.\./g)?.length, 1, 'one range term');
    assert.deepEqual(timeRangeOf(again), { from, to: from + 1000 });
    assert.equal(withTimeRangeTerm(again, undefined), 'status:5xx time:>-1h');
    assert.deepEqual(timeRangeOf('time:2026-11-23T10:00:00Z..2026-11-23T10:05:00Z'), { from, to });
    assert.equal(timeRangeOf('time:soon..later'), undefined);
  });

  it('says whether every row of the range is loaded', () => {
    const range = { kind: 'absolute' as const, from, to: from + 3_600_000 };
    assert.equal(rangeStatusText(range, status({}), from + 10, 'utc', to), 'all rows 10:00–11:00 loaded');
    assert.equal(rangeStatusText(range, status({ more: true }), from + 23 * 60_000, 'utc', to), 'rows 10:00–11:00: loaded back to 10:23 —');
    assert.match(rangeStatusText(range, status({ activity: 'all', more: true }), from + 40 * 60_000, 'utc', to), /^paging through 10:00–11:00, back to 10:40…$/);
    assert.equal(rangeStatusText({ kind: 'relative', preset: '1h' }, status({}), undefined, 'utc', to), 'all rows 09:05–10:05 loaded');
    assert.equal(rangeStatusText(undefined, status({}), undefined, 'utc', to), '');
  });
});
