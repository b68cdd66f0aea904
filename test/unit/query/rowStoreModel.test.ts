import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonValue, LogRow, Severity } from '../../../src/protocol/streamDefinition';
import { PackedColumn } from '../../../src/query/packedColumn';
import { RowStore } from '../../../src/query/rowStore';

/** The plain definition the packed store must agree with: an array of row objects and the same rules. */
class PlainStore {
  rows: LogRow[] = [];
  dropped = 0;

  constructor(private maxRows: number) {}

  replace(rows: readonly LogRow[]): LogRow[] {
    this.rows = [];
    this.dropped = 0;
    return this.append(rows);
  }

  append(rows: readonly LogRow[]): LogRow[] {
    const accepted = this.unseen(rows);
    const kept = accepted.slice(0, Math.max(0, this.maxRows - this.rows.length));
    this.dropped += accepted.length - kept.length;
    this.rows.push(...kept);
    return kept;
  }

  prepend(rows: readonly LogRow[]): { added: LogRow[]; droppedOldest: number } {
    const added = this.unseen(rows);
    this.rows = [...added, ...this.rows];
    return { added, droppedOldest: this.trim() };
  }

  insertBefore(beforeId: string, rows: readonly LogRow[]): { added: LogRow[]; droppedOldest: number } {
    const at = this.rows.findIndex((row) => row.id === beforeId);
    const added = at < 0 ? [] : this.unseen(rows);
    if (added.length > 0) this.rows.splice(at, 0, ...added);
    return { added, droppedOldest: this.trim() };
  }

  setMaxRows(maxRows: number): number {
    this.maxRows = maxRows;
    return this.trim();
  }

  private trim(): number {
    const excess = Math.max(0, this.rows.length - this.maxRows);
    this.rows.length -= excess;
    this.dropped += excess;
    return excess;
  }

  private unseen(rows: readonly LogRow[]): LogRow[] {
    const seen = new Set(this.rows.map((row) => row.id));
    return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
  }
}

/** What JSON (the webview, exports) keeps of a row: `undefined` fields go. */
const asJson = (rows: Iterable<LogRow>): unknown => JSON.parse(JSON.stringify([...rows]));

const severities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];
const repeated = fc.constantFrom<JsonValue>('completed', 'failed', 'GET', 200, 404, 0, -0, true, false, null, { a: [1, 'x'] }, [{ description: 'charge', charge: 0.5 }]);
const value = fc.oneof(repeated, fc.jsonValue({ maxDepth: 2 }), fc.double({ noNaN: true }), fc.string(), fc.constant(undefined));
const keys = fc.uniqueArray(fc.constantFrom('id', 'type', 'status', 'url', 'charge', 'body', '0', 'toString', '__proto__'), { maxLength: 6 });

/** Rows with ids from a small range (so pages overlap) and fields of a few shapes. */
const rowsArb = fc.array(
  fc.record({ id: fc.integer({ min: 0, max: 400 }), time: fc.double({ noNaN: true }), severity: fc.constantFrom(...severities), keys, values: fc.array(value, { minLength: 6, maxLength: 6 }) }),
  { maxLength: 60 },
).map((specs) => specs.map((spec): LogRow => ({ id: `r${spec.id}`, time: spec.time, severity: spec.severity, fields: Object.fromEntries(spec.keys.map((key, k) => [key, spec.values[k]])) as LogRow['fields'] })));

const step = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), rows: rowsArb }),
  fc.record({ kind: fc.constant('append' as const), rows: rowsArb }),
  fc.record({ kind: fc.constant('prepend' as const), rows: rowsArb }),
  fc.record({ kind: fc.constant('insert' as const), rows: rowsArb, at: fc.nat() }),
  fc.record({ kind: fc.constant('bound' as const), maxRows: fc.integer({ min: 0, max: 300 }) }),
);

describe('RowStore held by field', () => {
  it('agrees with a plain array of rows over any sequence of loads, tail polls, gap fills and bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(step, { maxLength: 12 }), (maxRows, steps) => {
        const packed = new RowStore(maxRows);
        const plain = new PlainStore(maxRows);
        for (const s of steps) {
          if (s.kind === 'replace') assert.deepEqual(asJson(packed.replace(s.rows)), asJson(plain.replace(s.rows)));
          else if (s.kind === 'append') assert.deepEqual(asJson(packed.append(s.rows)), asJson(plain.append(s.rows)));
          else if (s.kind === 'prepend') {
            const [a, b] = [packed.prepend(s.rows), plain.prepend(s.rows)];
            assert.deepEqual([asJson(a.added), a.droppedOldest], [asJson(b.added), b.droppedOldest]);
          } else if (s.kind === 'insert') {
            const before = plain.rows[s.at % Math.max(1, plain.rows.length)]?.id ?? 'none';
            const [a, b] = [packed.insertBefore(before, s.rows), plain.insertBefore(before, s.rows)];
            assert.deepEqual([asJson(a.added), a.droppedOldest], [asJson(b.added), b.droppedOldest]);
          } else assert.equal(packed.setMaxRows(s.maxRows), plain.setMaxRows(s.maxRows));
          assert.deepEqual(asJson(packed.all()), asJson(plain.rows));
          assert.equal(packed.size, plain.rows.length);
          assert.equal(packed.dropped, plain.dropped);
          plain.rows.forEach((row, index) => {
            assert.equal(packed.indexOf(row.id), index);
            assert.deepEqual(asJson([packed.get(row.id) as LogRow]), asJson([row]));
            assert.equal(packed.at(index)?.id, row.id);
          });
          assert.equal(packed.has('r401'), false);
          assert.deepEqual(asJson(packed.slice(1, -1)), asJson(plain.rows.slice(1, -1)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with a plain array of rows when pages are big enough to fill segments and tail polls join or start them', () => {
    let serial = 0;
    const bulk = (count: number): LogRow[] =>
      Array.from({ length: count }, () => {
        const n = serial++;
        return { id: `b${n}`, time: n, severity: severities[n % 4], fields: { status: n % 7 === 0 ? 'failed' : 'completed', n, ...(n % 5 === 0 ? { extra: [n % 3] } : {}) } };
      });
    const bulkStep = fc.record({ kind: fc.constantFrom('append' as const, 'prepend' as const, 'insert' as const, 'bound' as const), count: fc.integer({ min: 1, max: 5000 }), at: fc.nat() });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12_000 }), fc.array(bulkStep, { maxLength: 8 }), (maxRows, steps) => {
        const packed = new RowStore(maxRows);
        const plain = new PlainStore(maxRows);
        for (const s of steps) {
          const rows = bulk(s.count);
          if (s.kind === 'append') assert.equal(packed.append(rows).length, plain.append(rows).length);
          else if (s.kind === 'prepend') assert.equal(packed.prepend(rows).droppedOldest, plain.prepend(rows).droppedOldest);
          else if (s.kind === 'insert') {
            const before = plain.rows[s.at % Math.max(1, plain.rows.length)]?.id ?? 'none';
            assert.equal(packed.insertBefore(before, rows).added.length, plain.insertBefore(before, rows).added.length);
          } else assert.equal(packed.setMaxRows(s.count * 2), plain.setMaxRows(s.count * 2));
          assert.equal(packed.size, plain.rows.length);
          assert.deepEqual(Array.from(packed.all(), (row) => row.id), plain.rows.map((row) => row.id));
          for (let index = 0; index < plain.rows.length; index += 37) {
            const row = plain.rows[index];
            assert.deepEqual(packed.get(row.id), row);
            assert.equal(packed.indexOf(row.id), index);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives back each value exactly (numbers as stored, -0, big and small objects, absent fields) across thousands of rows per segment', () => {
    const row = (i: number): LogRow => ({
      id: `r${i}`,
      time: 1_700_000_000_000 + i,
      severity: severities[i % 4],
      fields: {
        type: i % 3 === 0 ? 'video_room_session' : 'video_conference_session',
        // Few values, then past a thousand distinct ones: numbered, then stored as numbers.
        charge: i < 900 ? (i % 7) / 10 : i / 1000,
        // Numbers that turn into text: numbered, then numbers, then plain values.
        mixed: i < 2000 ? i : `v${i}`,
        zero: i % 2 ? -0 : 0,
        details: [{ description: 'Video conference session charge', charge: (i % 5) / 100 }],
        big: i % 1000 === 0 ? { text: 'x'.repeat(600), i } : null,
        ...(i % 11 === 0 ? { parent_id: `p${i}` } : {}),
        ...({ skipped: undefined } as unknown as Record<string, JsonValue>),
      },
    });
    const rows = Array.from({ length: 9000 }, (_, i) => row(i));
    const store = new RowStore(10_000);
    for (let i = 0; i < rows.length; i += 100) store.append(rows.slice(i, i + 100));
    rows.forEach((expected, i) => {
      const actual = store.at(i) as LogRow;
      assert.deepEqual(actual, { ...expected, fields: Object.fromEntries(Object.entries(expected.fields).filter(([, v]) => v !== undefined)) });
      assert.ok(Object.is(actual.fields.zero, expected.fields.zero), `-0 at ${i}`);
      assert.deepEqual(Object.keys(actual.fields), Object.keys(expected.fields).filter((key) => key !== 'skipped'), `key order at ${i}`);
    });
    assert.throws(() => ((store.at(1) as LogRow).fields.details as { charge: number }[]).push({ charge: 1 }), 'shared values cannot be changed');
  });

  it('a column moves from numbered values to numbers to plain values without changing what it gives back', () => {
    const column = new PackedColumn(4);
    const values: JsonValue[] = [];
    for (let i = 0; i < 1100; i++) values.push(i % 2 ? null : i);
    values.push('text', Number.MAX_VALUE, -0, { nested: [1] });
    values.forEach((value, offset) => column.set(offset, value));
    values.forEach((value, offset) => assert.ok(Object.is(column.get(offset), value) || JSON.stringify(column.get(offset)) === JSON.stringify(value), `offset ${offset}`));
  });
});
