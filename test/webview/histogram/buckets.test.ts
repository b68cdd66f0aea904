import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { barBudget, bucketEdges, bucketIndex, chooseStep, floorToStep, zoneOffset } from '../../../webview/histogram/buckets';
import { HistogramCounts, stackingFor } from '../../../webview/histogram/histogramCounts';
import { summaryText } from '../../../webview/histogram/histogramText';
import { RowColumnCache, rowColumns } from '../../../webview/histogram/rowColumns';
import type { LogRow } from '../../../src/protocol/streamDefinition';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const iso = (ms: number) => new Date(ms).toISOString();

/** Bucket sizing and boundaries; local-time cases run in New York, which changes to/from DST in 2026. */
describe('histogram buckets', () => {
  const savedZone = process.env.TZ;
  before(() => {
    process.env.TZ = 'America/New_York';
  });
  after(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  it('chooses the smallest nice step that fits the bar budget (60–120 bars for the width)', () => {
    assert.equal(barBudget(200), 60);
    assert.equal(barBudget(800), 100);
    assert.equal(barBudget(4000), 120);
    assert.equal(chooseStep(50 * second, 100), second);
    assert.equal(chooseStep(2990 * second, 100), 30 * second);
    assert.equal(chooseStep(hour, 100), minute);
    assert.equal(chooseStep(24 * hour, 100), 15 * minute);
    assert.equal(chooseStep(7 * day, 100), 2 * hour);
    assert.equal(chooseStep(400 * day, 100), day, 'never more than a day');
    for (const span of [10 * second, 17 * minute, 5 * hour, 3 * day, 30 * day]) {
      const step = chooseStep(span, 100);
      assert.ok(Math.ceil((span + 1) / step) <= 100, `${span}: ${step}`);
    }
  });

  it('UTC: edges are whole multiples of the step, and every time falls in exactly one bucket', () => {
    const utc = zoneOffset('utc');
    const edges = bucketEdges(Date.parse('2026-11-23T10:00:07Z'), Date.parse('2026-11-23T11:00:00Z'), minute, utc);
    assert.equal(iso(edges[0]), '2026-11-23T10:00:00.000Z');
    assert.equal(iso(edges.at(-1)!), '2026-11-23T11:01:00.000Z', 'the last time (on an edge) opens a bucket');
    assert.equal(edges.length, 62);
    assert.equal(bucketIndex(edges, minute, Date.parse('2026-11-23T10:00:59.999Z')), 0);
    assert.equal(bucketIndex(edges, minute, Date.parse('2026-11-23T10:01:00Z')), 1);
    assert.equal(bucketIndex(edges, minute, Date.parse('2026-11-23T11:00:00Z')), 60);
    assert.equal(bucketIndex(edges, minute, Date.parse('2026-11-23T09:59:59Z')), -1);
    const days = bucketEdges(Date.parse('2026-03-07T15:00:00Z'), Date.parse('2026-03-09T15:00:00Z'), day, utc);
    assert.deepEqual([...days].map(iso), ['2026-03-07T00:00:00.000Z', '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z']);
  });

  it('local days follow local midnight across DST: 23 h in March, 25 h in November', () => {
    const local = zoneOffset('local');
    const spring = bucketEdges(Date.parse('2026-03-07T12:00:00-05:00'), Date.parse('2026-03-09T12:00:00-04:00'), day, local);
    assert.deepEqual([...spring].map(iso), ['2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z']);
    assert.equal(spring[2] - spring[1], 23 * hour);
    const autumn = bucketEdges(Date.parse('2026-10-31T12:00:00-04:00'), Date.parse('2026-11-01T20:00:00-05:00'), day, local);
    assert.deepEqual([...autumn].map(iso), ['2026-10-31T04:00:00.000Z', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    assert.equal(autumn[2] - autumn[1], 25 * hour);
  });

  it('local hours across DST: the skipped hour has no bucket, the repeated hour has two', () => {
    const local = zoneOffset('local');
    const spring = bucketEdges(Date.parse('2026-03-08T00:30:00-05:00'), Date.parse('2026-03-08T04:30:00-04:00'), hour, local);
    const springWall = [...spring].map((t) => new Date(t).getHours());
    assert.deepEqual(springWall, [0, 1, 3, 4, 5]);
    for (let i = 1; i < spring.length; i++) assert.equal(spring[i] - spring[i - 1], hour);
    const autumn = bucketEdges(Date.parse('2026-11-01T00:30:00-04:00'), Date.parse('2026-11-01T02:30:00-05:00'), hour, local);
    assert.deepEqual([...autumn].map((t) => new Date(t).getHours()), [0, 1, 1, 2, 3]);
    assert.equal(iso(floorToStep(Date.parse('2026-11-01T01:30:00-05:00'), hour, local)), '2026-11-01T06:00:00.000Z', 'second 01:00');
    assert.equal(iso(floorToStep(Date.parse('2026-11-01T01:30:00-04:00'), hour, local)), '2026-11-01T05:00:00.000Z', 'first 01:00');
  });

  it('local and UTC differ where the zone offset is not a whole step', () => {
    process.env.TZ = 'Asia/Kolkata';
    try {
      const t = Date.parse('2026-11-23T10:10:00Z');
      assert.equal(iso(floorToStep(t, hour, zoneOffset('utc'))), '2026-11-23T10:00:00.000Z');
      assert.equal(iso(floorToStep(t, hour, zoneOffset('local'))), '2026-11-23T09:30:00.000Z', '15:00 in Kolkata');
    } finally {
      process.env.TZ = 'America/New_York';
    }
  });

  it('counts per bucket and series; added rows extend the edges or force a rebuild', () => {
    const row = (time: number, severity: LogRow['severity'], status: number): LogRow => ({ id: String(time), time, severity, fields: { status } });
    const base = Date.parse('2026-11-23T10:00:00Z');
    const rows = Array.from({ length: 600 }, (_, i) => row(base - i * second, i % 10 === 0 ? 'error' : 'info', i % 10 === 0 ? 503 : 200));
    const stacking = stackingFor([{ key: 'status', title: 'Status', type: 'httpStatus' }]);
    const counts = HistogramCounts.build(rowColumns(rows, stacking), Uint32Array.from(rows.keys()), stacking, zoneOffset('utc'), 100)!;
    assert.equal(counts.step, 10 * second);
    assert.equal(counts.total, 600);
    assert.equal(counts.totals.reduce((a, b) => a + b, 0), 600);
    const firstFull = bucketIndex(counts.edges, counts.step, base - 585 * second);
    assert.equal(counts.totals[firstFull], 10);
    assert.equal(counts.counts[firstFull * 5 + 0], 1, 'one 5xx');
    assert.equal(counts.counts[firstFull * 5 + 3], 9, 'nine 2xx');
    assert.equal(counts.errors[firstFull], 1);
    const newer = [row(base + 25 * second, 'info', 404)];
    const buckets = counts.buckets;
    assert.equal(counts.add(rowColumns(newer, stacking), [0]), true);
    assert.equal(counts.buckets, buckets + 2);
    assert.equal(counts.counts[(counts.buckets - 1) * 5 + 1], 1, 'the 4xx in the new last bucket');
    assert.equal(counts.add(rowColumns([row(base + 10 * day, 'info', 200)], stacking), [0]), false, 'too far for the bar budget');
    assert.equal(counts.total, 601);
  });

  it('counts every row into the bucket bucketIndex names, in any row order and across DST in local time; errors are failed requests, or the error level without a status column', () => {
    const withStatus = stackingFor([{ key: 'status', title: 'Status', type: 'httpStatus' }]);
    const withLevels = stackingFor([{ key: 'level', title: 'Level', type: 'level' }]);
    const start = Date.parse('2026-11-01T04:00:00Z');
    const rowArb = fc.record({ offset: fc.integer({ min: 0, max: 3 * day }), status: fc.constantFrom(200, 302, 404, 503), error: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 300 }), fc.boolean(), fc.constantFrom('utc' as const, 'local' as const), fc.boolean(), (specs, sorted, zone, http) => {
        const stacking = http ? withStatus : withLevels;
        const ordered = sorted ? [...specs].sort((a, b) => b.offset - a.offset) : specs;
        const rows: LogRow[] = ordered.map((spec, i) => ({ id: String(i), time: start + spec.offset, severity: spec.error ? 'error' : 'info', fields: { status: spec.status } }));
        const columns = rowColumns(rows, stacking);
        const counts = HistogramCounts.build(columns, Uint32Array.from(rows.keys()), stacking, zoneOffset(zone), 100)!;
        const totals = new Array<number>(counts.buckets).fill(0);
        const bySeries = new Array<number>(counts.buckets * stacking.series.length).fill(0);
        const errors = new Array<number>(counts.buckets).fill(0);
        rows.forEach((row, i) => {
          const bucket = bucketIndex(counts.edges, counts.step, row.time);
          assert.ok(bucket >= 0);
          totals[bucket]++;
          bySeries[bucket * stacking.series.length + columns.series[i]]++;
          errors[bucket] += (http ? Number(row.fields.status) >= 400 : row.severity === 'error') ? 1 : 0;
        });
        assert.deepEqual(Array.from(counts.totals), totals);
        assert.deepEqual(Array.from(counts.counts), bySeries);
        assert.deepEqual(Array.from(counts.errors), errors);
        assert.equal(counts.total, rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('knows when bars come out the same, so typing that keeps the rows draws nothing again', () => {
    const stacking = stackingFor([{ key: 'status', title: 'Status', type: 'httpStatus' }]);
    const base = Date.parse('2026-11-23T10:00:00Z');
    const rows: LogRow[] = Array.from({ length: 50 }, (_, i) => ({ id: String(i), time: base - i * minute, severity: 'info', fields: { status: i % 2 ? 200 : 404 } }));
    const columns = rowColumns(rows, stacking);
    const build = (indices: number[]) => HistogramCounts.build(columns, indices, stacking, zoneOffset('utc'), 100)!;
    const all = [...rows.keys()];
    assert.equal(build(all).sameBars(build([...all].reverse())), true);
    assert.equal(build(all).sameBars(build(all.slice(1))), false, 'one row fewer');
    assert.equal(build(all).sameBars(build(all.map((i) => (i === 3 ? 4 : i)))), false, 'same total, another status');
    assert.equal(build(all).sameBars(undefined), false);
  });

  it('says "1 row" for one row and "rows" otherwise in the summary', () => {
    const stacking = stackingFor([{ key: 'status', title: 'Status', type: 'httpStatus' }]);
    const time = Date.parse('2026-11-23T10:00:00Z');
    const rows: LogRow[] = [{ id: 'a', time, severity: 'warning', fields: { status: 400 } }, { id: 'b', time: time + second, severity: 'info', fields: { status: 200 } }];
    const one = HistogramCounts.build(rowColumns(rows, stacking), [0], stacking, zoneOffset('utc'), 100);
    const two = HistogramCounts.build(rowColumns(rows, stacking), [0, 1], stacking, zoneOffset('utc'), 100);
    assert.match(summaryText(one, 'utc'), /^1 row from /);
    assert.match(summaryText(two, 'utc'), /^2 rows from /);
  });

  it('row columns extended for an appended page or prepended tail equal the columns read afresh', () => {
    const row = (i: number): LogRow => ({ id: `r${i}`, time: 1_000_000 + i, severity: i % 3 === 0 ? 'error' : 'info', fields: { status: [200, 404, 503][i % 3] } });
    const stacking = stackingFor([{ key: 'status', title: 'Status', type: 'httpStatus' }]);
    const cache = new RowColumnCache();
    const plain = (rows: LogRow[]) => rowColumns(rows, stacking);
    const same = (rows: LogRow[], version: number, change?: Parameters<RowColumnCache['get']>[3]) => {
      const got = cache.get(rows, version, stacking, change);
      const fresh = plain(rows);
      assert.equal(got.length, rows.length);
      assert.deepEqual(Array.from(got.times.subarray(0, got.length)), Array.from(fresh.times));
      assert.deepEqual(Array.from(got.series.subarray(0, got.length)), Array.from(fresh.series));
      assert.deepEqual(Array.from(got.errors.subarray(0, got.length)), Array.from(fresh.errors));
    };
    let rows = Array.from({ length: 50 }, (_, i) => row(i));
    same(rows, 1);
    rows.push(row(50), row(51));
    same(rows, 2, { mode: 'append', from: 50 });
    rows = [row(100), row(101), ...rows];
    same(rows, 3, { mode: 'prepend', count: 2 });
    rows.length = 10;
    rows.push(row(200), row(201), row(202));
    same(rows, 5, { mode: 'append', from: 10 });
    same(rows, 5);
  });
});
