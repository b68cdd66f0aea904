import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { highlighterFor } from '../../../../src/protocol/query/highlight';
import { parseQuery } from '../../../../src/protocol/query/parser';
import { dailyApiLogsStream } from '../../../../src/providers/daily/dailyApiLogsStream';

/** A term of the generated queries, and what it marks written out by hand: the field it applies to and how. */
interface Known {
  readonly text: string;
  readonly field?: string;
  /** Literal parts (found case-insensitively, left to right without overlapping), the whole value, or a regex. */
  readonly marks: readonly string[] | 'whole' | RegExp;
}

const known: readonly Known[] = [
  { text: 'room', marks: ['room'] },
  { text: 'ro*m', marks: ['ro', 'm'] },
  { text: 'AA', marks: ['aa'] },
  { text: '"o r"', marks: ['o r'] },
  { text: 'url:/v1/*', field: 'url', marks: ['/v1/'] },
  { text: 'method:POST', field: 'method', marks: ['post'] },
  { text: 'status:>=400', field: 'status', marks: 'whole' },
  { text: 'status:400..499', field: 'status', marks: 'whole' },
  { text: '/o+/', marks: /o+/g },
];
const negated = ['-room', 'NOT url:/v1/*', '-/o+/'];

function highlighted(query: string, text: string, field: string | undefined): [number, number][] {
  const parsed = parseQuery(query);
  assert.ok(parsed.ok, query);
  return highlighterFor(parsed.node, dailyApiLogsStream)(text, field).map(([start, end]) => [start, end]);
}

/** The reference: every marked character set in a mask, then the runs of marked characters. */
function reference(terms: readonly Known[], text: string, field: string | undefined): [number, number][] {
  const marked = new Array<boolean>(text.length).fill(false);
  const mark = (start: number, end: number) => marked.fill(true, start, end);
  for (const term of terms) {
    if (term.field !== undefined && term.field !== field) continue;
    if (term.marks === 'whole') mark(0, text.length);
    else if (term.marks instanceof RegExp) for (const match of text.matchAll(term.marks)) mark(match.index, match.index + match[0].length);
    else {
      const lower = text.toLowerCase();
      for (const part of term.marks) for (let at = lower.indexOf(part); at >= 0; at = lower.indexOf(part, at + part.length)) mark(at, at + part.length);
    }
  }
  const runs: [number, number][] = [];
  marked.forEach((on, i) => {
    if (!on) return;
    const last = runs.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
}

describe('query highlight', () => {
  it('marks free words anywhere, field terms in their field, comparisons whole, and nothing negated', () => {
    assert.deepEqual(highlighted('room', '/v1/Rooms/room-1', 'url'), [[4, 8], [10, 14]]);
    assert.deepEqual(highlighted('url:/v1/* method:post', '/v1/rooms', 'url'), [[0, 4]]);
    assert.deepEqual(highlighted('url:/v1/* method:post', 'POST', 'method'), [[0, 4]]);
    assert.deepEqual(highlighted('url:/v1/* method:post', 'POST', 'url'), []);
    assert.deepEqual(highlighted('status:>=400', '404', 'status'), [[0, 3]]);
    assert.deepEqual(highlighted('-room', 'room', undefined), []);
    assert.deepEqual(highlighted('aa', 'aaaa', undefined), [[0, 4]], 'touching matches are one mark');
    assert.deepEqual(highlighted('room', '', 'url'), []);
    const time = '2026-11-23 10:05:00.000';
    assert.deepEqual(highlighted('time:2026-11-23T10:00..2026-11-23T10:30', time, 'createdAt'), [], 'a time range marks no time cell');
    assert.deepEqual(highlighted('time:>-1h room', time, 'createdAt'), []);
    assert.deepEqual(highlighted('createdAt:>=2026-11-23 room', `${time} room`, 'createdAt'), [[24, 28]], 'only the free word');
  });

  it('agrees with marking characters one by one, for any mix of terms, fields and texts', () => {
    const termsArb = fc.array(fc.constantFrom(...known), { minLength: 1, maxLength: 4 });
    const textArb = fc.string({ unit: fc.constantFrom(...'roOmMa /v1pst4xX0'.split('')), maxLength: 30 });
    const fieldArb = fc.constantFrom(undefined, 'url', 'method', 'status', 'ip');
    fc.assert(
      fc.property(termsArb, fc.subarray(negated), fc.boolean(), textArb, fieldArb, (terms, without, or, text, field) => {
        const query = [...terms.map((term) => term.text), ...without].join(or ? ' OR ' : ' ');
        assert.deepEqual(highlighted(query, text, field), reference(terms, text, field), `${query} on ${JSON.stringify(text)} in ${field}`);
      }),
      { numRuns: 2000 },
    );
  });
});
