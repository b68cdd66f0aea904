import { strict as assert } from 'node:assert';
import { parseQuery } from '../../../../src/protocol/query/parser';
import { printQuery } from '../../../../src/protocol/query/printer';
import { shape } from './shape';


function parsed(query: string): unknown {
  const result = parseQuery(query);
  assert.ok(result.ok, `${query}: ${result.ok ? '' : result.error.message}`);
  return shape(result.node);
}

function errorOf(query: string): { message: string; start: number; end: number } {
  const result = parseQuery(query);
  assert.ok(!result.ok, `${query} should not parse`);
  return result.error;
}

const text = (value: string, quoted = false) => ({ kind: 'text', text: value, quoted });
const term = (field: string | undefined, value: unknown, comparison = 'eq') => ({ field, comparison, value });

describe('query parser', () => {
  it('reads free words, phrases and the empty query', () => {
    assert.equal(parsed('   '), undefined);
    assert.deepEqual(parsed('timeout'), term(undefined, text('timeout')));
    assert.deepEqual(parsed('"not found"'), term(undefined, text('not found', true)));
    assert.deepEqual(parsed('"say \\"hi\\""'), term(undefined, text('say "hi"', true)));
    assert.deepEqual(parsed('10.0.0.1:8080'), term(undefined, text('10.0.0.1:8080')));
  });

  it('reads field terms with comparisons, ranges, classes, wildcards and relative times', () => {
    assert.deepEqual(parsed('status:404'), term('status', text('404')));
    assert.deepEqual(parsed('Status:>=400'), term('Status', text('400'), 'ge'));
    assert.deepEqual(parsed('status:<500'), term('status', text('500'), 'lt'));
    assert.deepEqual(parsed('status:>499'), term('status', text('499'), 'gt'));
    assert.deepEqual(parsed('code:<=3'), term('code', text('3'), 'le'));
    assert.deepEqual(parsed('status:=201'), term('status', text('201')));
    assert.deepEqual(parsed('status:400..499'), term('status', { kind: 'range', from: '400', to: '499' }));
    assert.deepEqual(parsed('status:4xx'), term('status', text('4xx')));
    assert.deepEqual(parsed('ip:10.0.*'), term('ip', text('10.0.*')));
    assert.deepEqual(parsed('time:>-1h'), term('time', text('-1h'), 'gt'));
    assert.deepEqual(parsed('time:2026-11-23T10:00..2026-11-23T11:00'), term('time', { kind: 'range', from: '2026-11-23T10:00', to: '2026-11-23T11:00' }));
    assert.deepEqual(parsed('response.error:invalid-request-error'), term('response.error', text('invalid-request-error')));
    assert.deepEqual(parsed('url:"/v1/rooms x"'), term('url', text('/v1/rooms x', true)));
    assert.deepEqual(parsed('url:https://x.test/a'), term('url', text('https://x.test/a')));
  });

  it('reads regular expressions, and paths that only look like them as words', () => {
    assert.deepEqual(parsed('/time(d|out)/i'), term(undefined, { kind: 'regex', source: 'time(d|out)', flags: 'i' }));
    assert.deepEqual(parsed('path:/^\\/v1\\//'), term('path', { kind: 'regex', source: '^\\/v1\\/', flags: '' }));
    assert.deepEqual(parsed('path:/v1/rooms'), term('path', text('/v1/rooms')));
    assert.deepEqual(parsed('/v1/rooms'), term(undefined, text('/v1/rooms')));
  });

  it('reads negation, AND, OR and parentheses with AND binding tighter', () => {
    assert.deepEqual(parsed('-ip:10.0.*'), { not: term('ip', text('10.0.*')) });
    assert.deepEqual(parsed('NOT a'), { not: term(undefined, text('a')) });
    assert.deepEqual(parsed('-"a b"'), { not: term(undefined, text('a b', true)) });
    assert.deepEqual(parsed('-(a OR b)'), { not: { or: [term(undefined, text('a')), term(undefined, text('b'))] } });
    assert.deepEqual(parsed('a AND b c'), { and: [term(undefined, text('a')), term(undefined, text('b')), term(undefined, text('c'))] });
    assert.deepEqual(parsed('a b OR c'), { or: [{ and: [term(undefined, text('a')), term(undefined, text('b'))] }, term(undefined, text('c'))] });
    assert.deepEqual(parsed('a (b OR c)'), { and: [term(undefined, text('a')), { or: [term(undefined, text('b')), term(undefined, text('c'))] }] });
    assert.deepEqual(parsed('-5'), term(undefined, text('-5')));
    assert.deepEqual(parsed('or and'), { and: [term(undefined, text('or')), term(undefined, text('and'))] });
  });

  it('keeps spans that point into the text', () => {
    const result = parseQuery('a  -status:4xx (b OR c)');
    assert.ok(result.ok && result.node?.kind === 'and');
    const [a, not, group] = result.node.children;
    assert.deepEqual([a.start, a.end, not.start, not.end, group.start, group.end], [0, 1, 3, 14, 15, 23]);
  });

  it('reports each error with the span of the offending text', () => {
    const cases: [string, number, number, RegExp][] = [
      ['a OR', 2, 4, /OR needs a term after/],
      ['OR a', 0, 2, /OR needs a term before/],
      ['a OR OR b', 5, 7, /OR needs a term before/],
      ['a AND', 2, 5, /AND needs a term/],
      ['NOT', 0, 3, /NOT needs a term/],
      ['x (a', 2, 3, /not closed/],
      ['a)', 1, 2, /no \( for this \)/],
      ['()', 0, 2, /hold no term/],
      ['status:', 0, 7, /needs a value/],
      ['status:>=', 0, 9, /needs a value/],
      ['say "hi', 4, 5, /quote is not closed/],
      ['status:400..', 7, 12, /range needs one value on each side/],
      ['/(a+)+/', 0, 7, /repeats a group/],
      ['/(x|xy)*z/', 0, 10, /repeats a group/],
      ['/([a-z/', 0, 7, /Invalid regular expression/],
      ['/a/ii', 0, 5, /flags/],
      ['/(a)\\1/', 0, 7, /Backreferences/],
      ['/a*b*c*/', 0, 8, /unbounded repeats/],
    ];
    for (const [query, start, end, message] of cases) {
      const error = errorOf(query);
      assert.match(error.message, message, query);
      assert.deepEqual([error.start, error.end], [start, end], query);
    }
  });

  it('refuses deep nesting and very long queries instead of overflowing', () => {
    assert.match(errorOf('('.repeat(40) + 'a' + ')'.repeat(40)).message, /nest deeper/);
    assert.match(errorOf('a '.repeat(3000)).message, /longer than/);
  });

  it('accepts safe regular expressions with groups and quantifiers', () => {
    for (const source of ['/(GET|POST)\\s\\/v1/', '/(?:ab)+c/', '/^\\d{3}$/', '/(?<year>\\d{4})-\\d+/']) assert.ok(parseQuery(source).ok, source);
  });

  it('prints a query it parsed as text that parses to the same tree', () => {
    for (const query of ['a b OR c', '-(a OR b) c', 'x:"a b" -y:>=3 /r/i', '((a b) c)', 'a OR (b OR c)', 'NOT (a)', 'f:1..2 g:<x']) {
      const first = parseQuery(query);
      assert.ok(first.ok);
      assert.deepEqual(parsed(printQuery(first.node)), shape(first.node), query);
    }
  });
});
