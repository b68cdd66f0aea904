import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { JsonValue } from '../../../src/protocol/streamDefinition';
import { jsonPrefix, plain } from '../../../webview/format/cellText';

describe('cell text of JSON values', () => {
  it('jsonPrefix is JSON.stringify cut at the limit, for any JSON value and limit', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 400 }), (value, limit) => {
        assert.equal(jsonPrefix(value as JsonValue, limit), JSON.stringify(value).slice(0, limit));
      }),
      { numRuns: 2000 },
    );
  });

  it('a 1 MB object costs a cell what its visible part costs: only the entries shown are read', () => {
    let reads = 0;
    const items = Array.from({ length: 30_000 }, (_, i) => ({ i, text: 'abcdefghijklmnopqrstuvwxyz0123456789' }));
    const counted = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const text = plain({ items: counted } as unknown as JsonValue);
    assert.equal(text.length, 301);
    assert.ok(text.endsWith('…'));
    assert.ok(reads <= 10, `${reads} of ${items.length} entries read for a 300-character cell`);
  });
});
