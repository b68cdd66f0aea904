import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { narrows } from '../../../../src/protocol/query/narrowing';
import { parseQuery } from '../../../../src/protocol/query/parser';
import { planQuery } from '../../../../src/protocol/query/plan';
import type { LogRow, Severity } from '../../../../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../../../../src/providers/daily/dailyApiLogsStream';

const now = Date.UTC(2026, 10, 23, 12);

function node(query: string) {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok, query);
  return parsed.node;
}

const rowArb: fc.Arbitrary<LogRow> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'post'),
    url: fc.constantFrom('/v1/rooms', '/v1/rooms/a', '/v1/meetings', '/V1/Rooms'),
    status: fc.constantFrom(200, 404, 500),
    response: fc.constantFrom('{"error":"not found"}', '{"ok":true}', 'not-found room'),
    severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
    minutesAgo: fc.integer({ min: 0, max: 120 }),
  })
  .map(({ severity, minutesAgo, ...fields }, ) => ({ id: `row-${fields.status}`, time: now - minutesAgo * 60_000, severity, fields: { createdAt: now - minutesAgo * 60_000, ...fields } }));

/** Pieces of query text; typing one after another gives every prefix a user passes through. */
const pieceArb = fc.constantFrom('s', 'status:', '>=', '400', ' ', 'method:', 'POST', 'po', 'st', '*', 'not', '-', 'found', 'room', '"', 'url:/v1/', 'rooms', 'OR', ' -', '(', ')', 'time:>-1h', 'r');

describe('query narrowing', () => {
  it('says yes for added terms and longer words, no when the rows could grow', () => {
    const yes = [
      ['', 'anything'],
      ['a', 'ab'],
      ['not-f', 'not-found'],
      ['status:>=400', 'status:>=400 method:POST'],
      ['status:>=400 m', 'status:>=400 me'],
      ['"a b"', '"a bc"'],
      ['ab', 'x*abc'],
      ['url:/v1/rooms* no', 'url:/v1/rooms* not-found status:500'],
    ];
    const no = [
      ['a', ''],
      ['method:P', 'method:PO'],
      ['-a', '-ab'],
      ['a OR b', 'a OR bc'],
      ['a*b', 'a*bc'],
      ['time:>-1h', 'time:>-1h x'],
      ['/a/', '/a/ b'],
      ['status:>=400', 'status:>=40'],
      ['a b', 'a'],
      ['status:>=400 m', 'status:>=400 method:POST'],
    ];
    for (const [previous, next] of yes) assert.equal(narrows(node(previous), node(next)), true, `${previous} → ${next}`);
    for (const [previous, next] of no) assert.equal(narrows(node(previous), node(next)), false, `${previous} → ${next}`);
  });

  it('whenever it says yes, filtering the earlier query’s rows gives exactly the full filter', () => {
    let narrowed = 0;
    fc.assert(
      fc.property(fc.array(pieceArb, { minLength: 1, maxLength: 10 }), fc.array(rowArb, { maxLength: 40 }), (pieces, rows) => {
        const texts = pieces.map((_, i) => pieces.slice(0, i + 1).join(''));
        const plans = texts.map((text) => planQuery(text, dailyApiLogsStream, now)).filter((plan) => plan.ok);
        for (let i = 0; i < plans.length; i++) {
          for (let j = i + 1; j < plans.length; j++) {
            const [previous, next] = [plans[i], plans[j]];
            if (!narrows(previous.node, next.node)) continue;
            narrowed++;
            const kept = rows.filter((row, index) => previous.predicate(row, index));
            const full = rows.filter((row, index) => next.predicate(row, index));
            assert.deepEqual(kept.filter((row) => next.predicate(row, rows.indexOf(row))), full);
          }
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(narrowed > 100, `only ${narrowed} narrowing pairs were generated`);
  });
});
