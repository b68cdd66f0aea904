import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { RowStore } from '../../../webview/model/rowStore';

/** The plain definition of a row's free text: its id and every field, lowercase. */
function plainText(row: LogRow): string {
  return [row.id, ...Object.values(row.fields).map((value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '')))].join('\n').toLowerCase();
}

const words = ['alpha', 'Beta', 'gamma', 'İstanbul', 'delta-7', 'x'];

/** `count` rows from `from` on whose texts repeat with period `period`, so a needle's density depends on both. */
function rows(count: number, from: number, period: number): LogRow[] {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    return { id: `r${i}`, time: i, severity: 'info', fields: { msg: `${words[i % words.length]} ${i % period}`, body: i % 3 === 0 ? { code: i % 11 } : null } };
  });
}

const change = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 0, max: 5000 }) }),
  fc.record({ kind: fc.constant('prepend' as const), count: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('drop' as const), count: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ kind: fc.constant('insert' as const), count: fc.integer({ min: 1, max: 50 }) }),
);

describe('webview search index (no browser)', () => {
  it('free-text tests agree with the plain row text, whatever rows are expected, asked in any order, across block edges and changes', () => {
    let added = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(change, { maxLength: 3 }),
        fc.constantFrom('alpha', 'alpha 1', 'beta 3', 'İstanbul'.toLowerCase(), '7 2', 'x 3', 'zzz', '"code":1', '{"code":1', 'a.b?c(d)[e]', 'alph. 1', '', 'r1'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (initial, period, changes, needle, share, reversed) => {
          const store = new RowStore();
          store.replace(rows(initial, 0, period));
          for (const step of changes) {
            const fresh = rows(step.count, 100_000 + added, period);
            added += step.count;
            if (step.kind === 'append') store.append(fresh);
            else if (step.kind === 'prepend') store.prepend(fresh);
            else if (step.kind === 'drop') store.dropOldest(step.count);
            else if (store.rows.length > 0) store.insertBefore(store.rows[Math.floor(store.rows.length / 2)].id, fresh);
          }
          const all = store.rows.map((_, index) => index);
          const expected = all.filter((index) => (index * 7919) % 1000 < share * 1000);
          if (reversed) expected.reverse();
          store.expectTests(Uint32Array.from(expected));
          const test = store.contains(needle);
          for (const index of expected) assert.equal(test(index), plainText(store.rows[index]).includes(needle), `${needle} at ${index} (expected)`);
          for (let index = 0; index < store.rows.length; index += 13) assert.equal(test(index), plainText(store.rows[index]).includes(needle), `${needle} at ${index}`);
          for (let index = 0; index < store.rows.length; index += 101) assert.equal(store.textAt(index), plainText(store.rows[index]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('typing a word key by key, each key over the rows the last one kept, finds what the plain text holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('alpha 12', 'beta 3', 'delta-7 1', 'x 33', 'a', '"code":10'),
        fc.boolean(),
        (count, period, word, bulk) => {
          const store = new RowStore();
          store.replace(rows(count, 0, period));
          let kept: Uint32Array = Uint32Array.from(store.rows.keys());
          for (let length = 1; length <= word.length; length++) {
            const needle = word.slice(0, length);
            const plain = kept.filter((index) => plainText(store.rows[index]).includes(needle));
            if (bulk) kept = store.select(needle, kept);
            else {
              const test = store.contains(needle);
              kept = kept.filter((index) => test(index));
            }
            assert.deepEqual(Array.from(kept), Array.from(plain), needle);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('words typed on are found, and not found, far into very long rows (past 65,535 characters)', () => {
    const long = 'y'.repeat(70_000);
    const store = new RowStore();
    store.replace([
      { id: 'a', time: 0, severity: 'info', fields: { msg: `${long}ab-ab-abc` } },
      { id: 'b', time: 0, severity: 'info', fields: { msg: `${long}ab-abd` } },
      { id: 'c', time: 0, severity: 'info', fields: { msg: 'abc' } },
      { id: 'd', time: 0, severity: 'info', fields: { msg: `${'y'.repeat(65_533)}c${'y'.repeat(5000)}ab-` } },
    ]);
    const all = Uint32Array.from([0, 1, 2, 3]);
    assert.deepEqual(Array.from(store.select('ab', all)), [0, 1, 2, 3]);
    assert.deepEqual(Array.from(store.select('abc', all)), [0, 2]);
    assert.deepEqual(Array.from(store.select('abd', all)), [1]);
  });

  it('idle time builds the texts a slice at a time, and rows arriving between slices are searched too', () => {
    const store = new RowStore();
    store.replace(rows(9000, 0, 13));
    let calls = 0;
    let next = 0;
    while (next < store.rows.length) {
      const reached = store.buildSearchText(next, 0);
      assert.ok(reached > next, 'each slice gets on');
      next = reached;
      if (++calls === 20) {
        store.append(rows(500, 50_000, 13));
        next = 0;
      }
    }
    assert.ok(calls > 40, `${calls} slices: a slice stops short of a whole block when its time is up`);
    for (let index = 0; index < store.rows.length; index += 7) assert.equal(store.textAt(index), plainText(store.rows[index]));
    const test = store.contains('alpha 12');
    for (let index = 0; index < store.rows.length; index++) assert.equal(test(index), plainText(store.rows[index]).includes('alpha 12'));
  });

  it('a needle asked again while the rows are the same gets the same answers, and new rows are searched after a change', () => {
    const store = new RowStore();
    store.replace(rows(5000, 0, 7));
    const first = store.contains('alpha 3');
    const answers = store.rows.map((_, index) => first(index));
    assert.deepEqual(store.rows.map((_, index) => store.contains('alpha 3')(index)), answers);
    store.append([{ id: 'new', time: 1, severity: 'info', fields: { msg: 'alpha 3' } }]);
    assert.equal(store.contains('alpha 3')(store.rows.length - 1), true);
  });
});
